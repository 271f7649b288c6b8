import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { FigureTable } from '../components/FigureTable';
import { StatisticalYearField } from '../components/StatisticalYearField';
import { mutate, tags, useQuery } from '../data';
import { errorText } from '../errors';
import { graphql } from '../gql';
import { useT } from '../i18n';
import { dashboardHref } from '../router';
import { formatPercent, statisticsAccessQuery } from './statistics-access';

/** The targets already set for a statistical year (agencies within the viewer's reach). */
/** One target as the form and its table show it (the query and the mutation read the same fields). */
export const statisticsTargetFields = graphql(`
  fragment StatisticsTargetFields on StatisticsTarget {
    id
    agencyId
    agencyName
    statisticalYear
    caseRatePercent
    moneyRatePercent
    version
  }
`);

export const statisticsTargetsQuery = graphql(`
  query StatisticsTargets($year: Int!) {
    statisticsTargets(statisticalYear: $year) {
      ...StatisticsTargetFields
    }
  }
`);

export const setStatisticsTargetMutation = graphql(`
  mutation SetStatisticsTarget($input: SetStatisticsTargetInput!) {
    setStatisticsTarget(input: $input) {
      ...StatisticsTargetFields
    }
  }
`);

/** "83,25" or "83.25" → "83.25"; null when it is not a percentage 0–100 with at most 2 decimals. */
export function parsePercentInput(text: string): string | null {
  const normalized = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(normalized)) return null;
  const value = Number(normalized);
  return value >= 0 && value <= 100 ? normalized : null;
}

const asInput = (percent: string) => percent.replace('.', ',');

/**
 * The targets form (chỉ tiêu, issue 14 item 3): case-rate and money-rate targets per enforcement
 * office and statistical year, for those the server allows (`statisticsAccess.targetOffices`, decided
 * in policy). The figures are checked here for a quick answer and again by the server, whose coded
 * errors are shown as they come.
 */
export function TargetsPage() {
  const t = useT();
  const id = useId();
  const access = useQuery(statisticsAccessQuery, {}, [tags.me]);
  const info = access.data?.statisticsAccess;
  const [year, setYear] = useState<number | null>(null);
  const [agencyId, setAgencyId] = useState('');
  const [caseRate, setCaseRate] = useState('');
  const [moneyRate, setMoneyRate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ready = !!info;
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);
  useEffect(() => {
    if (info && year === null) setYear(info.currentStatisticalYear);
    if (info && !agencyId && info.targetOffices[0]) setAgencyId(info.targetOffices[0].id);
  }, [info, year, agencyId]);
  const shownYear = year ?? info?.currentStatisticalYear ?? new Date().getFullYear();
  const current = useQuery(statisticsTargetsQuery, { year: shownYear }, [tags.statistics]);
  const existing = current.data?.statisticsTargets ?? [];

  // Picking an office (or a year) fills the form with what is already set, if anything.
  const known = existing.find((x) => x.agencyId === agencyId);
  const knownKey = known ? `${known.id}:${known.version}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill only when the office, year or stored version changes
  useEffect(() => {
    setCaseRate(known ? asInput(known.caseRatePercent) : '');
    setMoneyRate(known ? asInput(known.moneyRatePercent) : '');
  }, [agencyId, shownYear, knownKey]);

  if (!info) {
    return access.error !== undefined ? (
      <p className="alert alert--error" role="alert">
        {errorText(access.error, t)}
      </p>
    ) : (
      <p className="muted" role="status">
        {t('dash.loading')}
      </p>
    );
  }
  if (info.targetOffices.length === 0) {
    return (
      <section className="card">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('dash.openTargets')}
        </h1>
        <p>{t('admin.notAllowed')}</p>
        <p>
          <a href={dashboardHref}>{t('dash.backToDashboard')}</a>
        </p>
      </section>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const c = parsePercentInput(caseRate);
    const m = parsePercentInput(moneyRate);
    if (c === null || m === null) {
      setError(t('dash.targetInvalid'));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const result = await mutate(
        setStatisticsTargetMutation,
        { input: { agencyId, statisticalYear: shownYear, caseRatePercent: c, moneyRatePercent: m } },
        [tags.statistics],
      );
      setSaved(t('dash.targetSaved', { office: result.setStatisticsTarget.agencyName }));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const years = [info.currentStatisticalYear, info.currentStatisticalYear + 1];

  return (
    <div className="targets">
      <p className="no-print">
        <a href={dashboardHref}>{t('dash.backToDashboard')}</a>
      </p>
      <section className="card" aria-labelledby={`${id}-h`}>
        <h1 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
          {t('dash.targets', { year: shownYear })}
        </h1>
        <p className="muted">{t('dash.targetsIntro')}</p>
        <form className="targets__form" onSubmit={submit} noValidate>
          <StatisticalYearField years={years} value={shownYear} onChange={setYear} />
          <div className="field">
            <label htmlFor={`${id}-office`}>{t('dash.targetOffice')}</label>
            <select id={`${id}-office`} value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
              {info.targetOffices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-case`}>{t('dash.targetCase')}</label>
            <input
              id={`${id}-case`}
              inputMode="decimal"
              value={caseRate}
              aria-invalid={error !== null && parsePercentInput(caseRate) === null}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setCaseRate(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-money`}>{t('dash.targetMoney')}</label>
            <input
              id={`${id}-money`}
              inputMode="decimal"
              value={moneyRate}
              aria-invalid={error !== null && parsePercentInput(moneyRate) === null}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setMoneyRate(e.target.value)}
            />
          </div>
          {error && (
            <p className="alert alert--error" role="alert" id={`${id}-error`}>
              {error}
            </p>
          )}
          {saved && (
            <p className="alert alert--ok" role="status">
              {saved}
            </p>
          )}
          <p>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('dash.targetSaving') : t('dash.targetSave')}
            </button>
          </p>
        </form>
      </section>
      <section className="card" aria-labelledby={`${id}-current`}>
        <h2 id={`${id}-current`}>{t('dash.targetsCurrent')}</h2>
        {existing.length === 0 ? (
          <p className="muted">{t('dash.noTarget')}</p>
        ) : (
          <FigureTable
            head={t('dash.targetOffice')}
            columns={[t('dash.targetCase'), t('dash.targetMoney')]}
            lines={existing.map((x) => ({
              key: x.id,
              head: x.agencyName,
              values: [formatPercent(Number(x.caseRatePercent)), formatPercent(Number(x.moneyRatePercent))],
            }))}
          />
        )}
      </section>
    </div>
  );
}
