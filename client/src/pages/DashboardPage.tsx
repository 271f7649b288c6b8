import { useEffect, useId, useRef, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { session } from '../auth/session';
import { FigureTable } from '../components/FigureTable';
import { StatisticalYearField } from '../components/StatisticalYearField';
import { tags, useQuery } from '../data';
import { errorText } from '../errors';
import { formatDate, formatDateTime, formatMoney, formatTime } from '../format';
import { graphql } from '../gql';
import type {
  DashboardQuery,
  DrillCaseFragment,
  StatisticsPeriodKind,
  StatisticsRow,
  StatisticsRowsFieldsFragment,
  StatisticsScopeInput,
  StuckList,
} from '../gql/graphql';
import { type MessageKey, type Translate, useT } from '../i18n';
import type { LiveClient } from '../lib/live-subscription';
import { useStatisticsTicks } from '../live-events';
import { caseHref, targetsHref } from '../router';
import { LoadStatus, loadState } from './LoadStatus';
import { formatPercent, statisticsAccessQuery } from './statistics-access';
import { StatusBadge } from './StatusBadge';

/** One rate (cases or money) against its target, as {@link RateCard} shows it. */
export const statisticsRateFields = graphql(`
  fragment StatisticsRateFields on StatisticsRate {
    numerator
    denominator
    percent
    target
    gap
    met
  }
`);

export const statisticsRowsFields = graphql(`
  fragment StatisticsRowsFields on StatisticsRows {
    carriedOver {
      cases
      money
    }
    newlyAccepted {
      cases
      money
    }
    totalAccepted {
      cases
      money
    }
    entrustedOut {
      cases
      money
    }
    totalToEnforce {
      cases
      money
    }
    notYetEnforceable {
      cases
      money
    }
    enforceable {
      cases
      money
    }
    completed {
      cases
      money
    }
    completedFullyCases
    completedTerminatedCases
    completedPartlyCases
    terminatedUncollectedMoney
    postponed {
      cases
      money
    }
    suspended {
      cases
      money
    }
    inProgress {
      cases
      money
    }
    carriedToNext {
      cases
      money
    }
    caseRate {
      ...StatisticsRateFields
    }
    moneyRate {
      ...StatisticsRateFields
    }
  }
`);

/** Everything the dashboard's first paint needs, in one request (report, trend, stuck overview). */
export const dashboardQuery = graphql(`
  query Dashboard($period: StatisticsPeriodInput!, $scope: StatisticsScopeInput, $year: Int) {
    statistics(period: $period, scope: $scope) {
      scope {
        kind
        name
      }
      period {
        kind
        statisticalYear
        number
        firstDay
        lastDay
      }
      totals {
        ...StatisticsRowsFields
      }
      byAgency {
        id
        name
        rows {
          ...StatisticsRowsFields
        }
      }
      byCommune {
        id
        name
        rows {
          ...StatisticsRowsFields
        }
      }
      byOfficer {
        id
        name
        rows {
          ...StatisticsRowsFields
        }
      }
    }
    statisticsTrend(statisticalYear: $year, scope: $scope) {
      month
      caseRate {
        percent
        target
      }
      moneyRate {
        percent
        target
      }
    }
    stuckOverview(scope: $scope) {
      backlogCases
      hardCases
      overdueTasks
      overdueByAgency {
        agencyId
        agencyName
        tasks
        cases
        maxDaysOverdue
      }
      escalationsAwaiting
      upcomingCoercions {
        actionId
        caseId
        decisionNumber
        title
        scheduledStart
        sentToProcuracy
        sentToPolice
        sentToCommune
        protectionPlanReceived
        participantsInvited
        participantsConfirmed
      }
      persuasionVisitsPlanned
      persuasionOutcomes {
        outcome
        visits
      }
    }
  }
`);

/** The cases behind one row of the Ministry table. */
export const statisticsCasesQuery = graphql(`
  query StatisticsCases($period: StatisticsPeriodInput!, $row: StatisticsRow!, $scope: StatisticsScopeInput, $first: Int) {
    statisticsCases(period: $period, row: $row, scope: $scope, first: $first) {
      totalCount
      edges {
        node {
          ...DrillCase
        }
      }
    }
  }
`);

/** The cases behind a "where it is stuck" figure. */
export const stuckCasesQuery = graphql(`
  query StuckCases($list: StuckList!, $scope: StatisticsScopeInput, $agencyId: ID, $first: Int) {
    stuckCases(list: $list, scope: $scope, agencyId: $agencyId, first: $first) {
      totalCount
      edges {
        node {
          ...DrillCase
        }
      }
    }
  }
`);

export const drillCaseFields = graphql(`
  fragment DrillCase on Case {
    id
    decisionNumber
    status
    commune {
      id
      name
    }
  }
`);

/** Dashboards refetch on these ticks (the server batches them; the client refreshes at most every few seconds). */
export const statisticsChangedSubscription = graphql(`
  subscription StatisticsChanged {
    statisticsChanged {
      changedAt
      cases
    }
  }
`);

type PeriodKind = Extract<StatisticsPeriodKind, 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'STATISTICAL_YEAR'>;
const PERIOD_KINDS: readonly PeriodKind[] = ['MONTH', 'QUARTER', 'HALF_YEAR', 'STATISTICAL_YEAR'];
const PERIOD_COUNT: Record<PeriodKind, number> = { MONTH: 12, QUARTER: 4, HALF_YEAR: 2, STATISTICAL_YEAR: 1 };
const DRILL_PAGE = 20;

type Rows = StatisticsRowsFieldsFragment;
type Rate = Rows['caseRate'];

const formatCount = (n: number | string) => BigInt(n).toLocaleString('vi-VN');

/** The Ministry's rows in its order; `row` is the drill-down key when the cases behind it can be listed. */
const TABLE: ReadonlyArray<{ key: MessageKey; row?: StatisticsRow; cases?: (r: Rows) => number; money?: (r: Rows) => string }> = [
  { key: 'dash.r.CARRIED_OVER', row: 'CARRIED_OVER', cases: (r) => r.carriedOver.cases, money: (r) => r.carriedOver.money },
  { key: 'dash.r.NEWLY_ACCEPTED', row: 'NEWLY_ACCEPTED', cases: (r) => r.newlyAccepted.cases, money: (r) => r.newlyAccepted.money },
  { key: 'dash.r.TOTAL_ACCEPTED', row: 'TOTAL_ACCEPTED', cases: (r) => r.totalAccepted.cases, money: (r) => r.totalAccepted.money },
  { key: 'dash.r.ENTRUSTED_OUT', row: 'ENTRUSTED_OUT', cases: (r) => r.entrustedOut.cases, money: (r) => r.entrustedOut.money },
  { key: 'dash.r.TOTAL_TO_ENFORCE', row: 'TOTAL_TO_ENFORCE', cases: (r) => r.totalToEnforce.cases, money: (r) => r.totalToEnforce.money },
  {
    key: 'dash.r.NOT_YET_ENFORCEABLE',
    row: 'NOT_YET_ENFORCEABLE',
    cases: (r) => r.notYetEnforceable.cases,
    money: (r) => r.notYetEnforceable.money,
  },
  { key: 'dash.r.ENFORCEABLE', row: 'ENFORCEABLE', cases: (r) => r.enforceable.cases, money: (r) => r.enforceable.money },
  { key: 'dash.r.COMPLETED', row: 'COMPLETED', cases: (r) => r.completed.cases, money: (r) => r.completed.money },
  { key: 'dash.r.COMPLETED_FULLY', row: 'COMPLETED_FULLY', cases: (r) => r.completedFullyCases },
  { key: 'dash.r.COMPLETED_TERMINATED', row: 'COMPLETED_TERMINATED', cases: (r) => r.completedTerminatedCases },
  { key: 'dash.r.COMPLETED_PARTLY', row: 'COMPLETED_PARTLY', cases: (r) => r.completedPartlyCases },
  { key: 'dash.r.TERMINATED_UNCOLLECTED', money: (r) => r.terminatedUncollectedMoney },
  { key: 'dash.r.POSTPONED', row: 'POSTPONED', cases: (r) => r.postponed.cases, money: (r) => r.postponed.money },
  { key: 'dash.r.SUSPENDED', row: 'SUSPENDED', cases: (r) => r.suspended.cases, money: (r) => r.suspended.money },
  { key: 'dash.r.IN_PROGRESS', row: 'IN_PROGRESS', cases: (r) => r.inProgress.cases, money: (r) => r.inProgress.money },
  { key: 'dash.r.CARRIED_TO_NEXT', row: 'CARRIED_TO_NEXT', cases: (r) => r.carriedToNext.cases, money: (r) => r.carriedToNext.money },
];

type Drill = { kind: 'row'; row: StatisticsRow; label: string } | { kind: 'stuck'; list: StuckList; agencyId?: string; label: string };

interface Selection {
  kind: PeriodKind;
  number: number;
  year: number;
  agencyId: string;
}

/**
 * The steering dashboard (issue 14): rates against targets, the monthly trend, the Ministry table
 * with drill-down, the breakdown by office/commune/officer and "where it is stuck"; exports and print.
 * Whether it is offered comes from the server (`statisticsAccess`); every figure is authorised there.
 * Live: `statisticsChanged` ticks refresh the `statistics` tag, at most once every few seconds.
 */
export function DashboardPage({ live }: { live: LiveClient | null }) {
  const t = useT();
  const access = useQuery(statisticsAccessQuery, {}, [tags.me]);
  const info = access.data?.statisticsAccess;
  const [selection, setSelection] = useState<Selection | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [updatedAt, setUpdatedAt] = useState<Date>(() => new Date());
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (info && !selection) setSelection({ kind: 'STATISTICAL_YEAR', number: 1, year: info.currentStatisticalYear, agencyId: '' });
  }, [info, selection]);
  useStatisticsTicks(live, statisticsChangedSubscription, { enabled: !!info?.dashboard, onTick: () => setUpdatedAt(new Date()) });

  if (!info) {
    return <LoadStatus state={loadState(access)} loadingKey="dash.loading" error={access.error} onRetry={access.refetch} />;
  }
  if (!info.dashboard) {
    return (
      <section className="card">
        <h1>{t('dash.heading')}</h1>
        <p>{t('dash.notAllowed')}</p>
      </section>
    );
  }
  if (!selection) return null;
  const scope: StatisticsScopeInput | null = selection.agencyId ? { agencyId: selection.agencyId } : null;
  const period = { kind: selection.kind, statisticalYear: selection.year, number: selection.number };

  return (
    <div className="dashboard">
      <div className="dashboard__title">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('dash.heading')}
        </h1>
        <p className="muted" role="status" aria-live="polite">
          {t('dash.updatedAt', { time: formatTime(updatedAt) })}
        </p>
      </div>
      <Filters
        selection={selection}
        years={info.statisticalYears.length ? info.statisticalYears : [info.currentStatisticalYear]}
        offices={info.offices}
        onChange={(next) => {
          setSelection(next);
          setDrill(null);
        }}
      />
      <DashboardBody
        period={period}
        scope={scope}
        year={selection.year}
        drill={drill}
        onDrill={setDrill}
        canSetTargets={info.targetOffices.length > 0}
      />
    </div>
  );
}

function Filters(props: {
  selection: Selection;
  years: number[];
  offices: ReadonlyArray<{ id: string; name: string }>;
  onChange: (s: Selection) => void;
}) {
  const t = useT();
  const id = useId();
  const { selection, onChange } = props;
  const numbers = Array.from({ length: PERIOD_COUNT[selection.kind] }, (_, i) => i + 1);
  const numberLabel = (n: number) =>
    selection.kind === 'MONTH'
      ? t('dash.month', { month: ((n + 8) % 12) + 1 })
      : selection.kind === 'QUARTER'
        ? t('dash.quarter', { n })
        : selection.kind === 'HALF_YEAR'
          ? t(n === 1 ? 'dash.half1' : 'dash.half2')
          : t('dash.kind.STATISTICAL_YEAR');
  return (
    <section className="card dashboard__filters no-print" aria-label={t('dash.filters')}>
      <StatisticalYearField years={props.years} value={selection.year} onChange={(year) => onChange({ ...selection, year })} />
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('dash.periodKind')}</label>
        <select
          id={`${id}-kind`}
          value={selection.kind}
          onChange={(e) => onChange({ ...selection, kind: e.target.value as PeriodKind, number: 1 })}
        >
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`dash.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {numbers.length > 1 && (
        <div className="field">
          <label htmlFor={`${id}-number`}>{t('dash.number')}</label>
          <select id={`${id}-number`} value={selection.number} onChange={(e) => onChange({ ...selection, number: Number(e.target.value) })}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                {numberLabel(n)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-unit`}>{t('dash.unit')}</label>
        <select id={`${id}-unit`} value={selection.agencyId} onChange={(e) => onChange({ ...selection, agencyId: e.target.value })}>
          <option value="">{t('dash.unitAll')}</option>
          {props.offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}

function DashboardBody(props: {
  period: { kind: PeriodKind; statisticalYear: number; number: number };
  scope: StatisticsScopeInput | null;
  year: number;
  drill: Drill | null;
  onDrill: (d: Drill | null) => void;
  canSetTargets: boolean;
}) {
  const t = useT();
  const { period, scope, drill, onDrill } = props;
  const result = useQuery(dashboardQuery, { period, scope, year: props.year }, [tags.statistics]);
  const data = result.data;
  if (!data) {
    return <LoadStatus state={loadState(result)} loadingKey="dash.loading" error={result.error} onRetry={result.refetch} />;
  }
  const report = data.statistics;
  const totals = report.totals;
  return (
    <>
      <p className="dashboard__scope">
        {t('dash.scopeLine', {
          name: report.scope.name,
          first: formatDate(report.period.firstDay),
          last: formatDate(report.period.lastDay),
        })}
      </p>
      {result.error !== undefined && (
        <p className="alert alert--error" role="alert">
          {errorText(result.error, t)}
        </p>
      )}
      <div className="dashboard__headline">
        <RateCard id="case-rate" title={t('dash.caseRate')} rate={totals.caseRate} money={false} />
        <RateCard id="money-rate" title={t('dash.moneyRate')} rate={totals.moneyRate} money />
      </div>
      <ExportBar period={period} scope={scope} canSetTargets={props.canSetTargets} />
      <Trend points={data.statisticsTrend} />
      <section className="card" aria-labelledby="dash-table">
        <h2 id="dash-table">{t('dash.table')}</h2>
        <FigureTable
          className="dashboard__table"
          head={t('dash.row')}
          columns={[t('dash.cases'), t('dash.money')]}
          lines={TABLE.map((line) => ({
            key: line.key,
            dataRow: line.row ?? line.key,
            head: line.row ? (
              <button
                type="button"
                className="link-button"
                aria-label={t('dash.showCases', { row: t(line.key) })}
                onClick={() => onDrill({ kind: 'row', row: line.row!, label: t(line.key) })}
              >
                {t(line.key)}
              </button>
            ) : (
              t(line.key)
            ),
            values: [line.cases ? formatCount(line.cases(totals)) : '—', line.money ? formatMoney(line.money(totals)) : '—'],
          }))}
        />
      </section>
      {drill && <DrillList drill={drill} period={period} scope={scope} onClose={() => onDrill(null)} />}
      <Breakdown report={report} />
      <Stuck stuck={data.stuckOverview} onDrill={onDrill} />
    </>
  );
}

function RateCard({ id, title, rate, money }: { id: string; title: string; rate: Rate; money: boolean }) {
  const t = useT();
  const fmt = (v: string) => (money ? formatMoney(v) : formatCount(v));
  return (
    <section className="card rate-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="rate-card__value" id={`${id}-value`}>
        {rate.percent == null ? t('dash.noRate') : formatPercent(rate.percent)}
      </p>
      <p className="muted" id={`${id}-parts`}>
        {t('dash.ofEnforceable', { done: fmt(rate.numerator), total: fmt(rate.denominator) })}
      </p>
      {rate.target == null ? (
        <p className="muted">{t('dash.noTarget')}</p>
      ) : (
        <>
          <p>{t('dash.target', { target: formatPercent(rate.target) })}</p>
          {rate.gap != null && (
            <p>
              {t('dash.gap', { gap: `${rate.gap > 0 ? '+' : ''}${rate.gap.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}` })}{' '}
              <span className={`chip ${rate.met ? 'chip--ok' : 'chip--danger'}`}>{t(rate.met ? 'dash.met' : 'dash.notMet')}</span>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Trend({ points }: { points: DashboardQuery['statisticsTrend'] }) {
  const t = useT();
  const data = points.map((p) => ({
    month: `${p.month.slice(5, 7)}/${p.month.slice(0, 4)}`,
    cases: p.caseRate.percent,
    money: p.moneyRate.percent,
  }));
  // One line per rate (cases blue, money brown), each with its target as a dashed line of the same colour.
  const series = [
    { key: 'cases', name: t('dash.trendCases'), colour: '#0b3d6e', target: points.find((p) => p.caseRate.target != null)?.caseRate.target },
    {
      key: 'money',
      name: t('dash.trendMoney'),
      colour: '#8a4b00',
      target: points.find((p) => p.moneyRate.target != null)?.moneyRate.target,
    },
  ] as const;
  return (
    <section className="card" aria-labelledby="dash-trend">
      <h2 id="dash-trend">{t('dash.trend')}</h2>
      <figure className="chart" aria-label={t('dash.trend')}>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={{ fontSize: 12 }} minTickGap={8} />
            <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} unit="%" />
            <Tooltip formatter={(v) => formatPercent(typeof v === 'number' ? v : null)} />
            <Legend />
            {series.map(
              (line) =>
                line.target != null && (
                  <ReferenceLine key={`${line.key}-target`} y={line.target} stroke={line.colour} strokeDasharray="4 4" />
                ),
            )}
            {series.map((line) => (
              <Line
                key={line.key}
                type="monotone"
                dataKey={line.key}
                name={line.name}
                stroke={line.colour}
                strokeWidth={3}
                dot={{ r: 3 }}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <details>
        <summary>{t('dash.trendTable')}</summary>
        <FigureTable
          head={t('dash.trendMonth')}
          columns={[t('dash.trendCases'), t('dash.trendMoney')]}
          lines={data.map((p) => ({ key: p.month, head: p.month, values: [formatPercent(p.cases), formatPercent(p.money)] }))}
        />
      </details>
    </section>
  );
}

type Dimension = 'byAgency' | 'byCommune' | 'byOfficer';

function Breakdown({ report }: { report: DashboardQuery['statistics'] }) {
  const t = useT();
  const id = useId();
  const [dimension, setDimension] = useState<Dimension>('byAgency');
  const lines = report[dimension];
  const labels: Record<Dimension, MessageKey> = { byAgency: 'dash.byAgency', byCommune: 'dash.byCommune', byOfficer: 'dash.byOfficer' };
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('dash.breakdown')}</h2>
      <div className="field no-print">
        <label htmlFor={`${id}-dim`}>{t('dash.breakdownBy')}</label>
        <select id={`${id}-dim`} value={dimension} onChange={(e) => setDimension(e.target.value as Dimension)}>
          {(Object.keys(labels) as Dimension[]).map((d) => (
            <option key={d} value={d}>
              {t(labels[d])}
            </option>
          ))}
        </select>
      </div>
      {lines.length === 0 ? (
        <p className="muted">{t('dash.noLines')}</p>
      ) : (
        <FigureTable
          head={t(labels[dimension])}
          columns={[
            t('dash.enforceableCases'),
            t('dash.completedCases'),
            t('dash.rateCases'),
            t('dash.enforceableMoney'),
            t('dash.collectedMoney'),
            t('dash.rateMoney'),
          ]}
          lines={lines.map((l) => ({
            key: l.id ?? 'none',
            head: l.name,
            values: [
              formatCount(l.rows.enforceable.cases),
              formatCount(l.rows.completed.cases),
              formatPercent(l.rows.caseRate.percent),
              formatMoney(l.rows.enforceable.money),
              formatMoney(l.rows.completed.money),
              formatPercent(l.rows.moneyRate.percent),
            ],
          }))}
        />
      )}
    </section>
  );
}

function Stuck({ stuck, onDrill }: { stuck: DashboardQuery['stuckOverview']; onDrill: (d: Drill) => void }) {
  const t = useT();
  const figures: ReadonlyArray<{ list: StuckList; value: number }> = [
    { list: 'BACKLOG', value: stuck.backlogCases },
    { list: 'HARD', value: stuck.hardCases },
    { list: 'OVERDUE_TASKS', value: stuck.overdueTasks },
    { list: 'ESCALATIONS', value: stuck.escalationsAwaiting },
    { list: 'UPCOMING_COERCIONS', value: stuck.upcomingCoercions.length },
    { list: 'PERSUASION_VISITS', value: stuck.persuasionVisitsPlanned },
  ];
  const yesNo = (v: boolean) => <span className={`chip ${v ? 'chip--ok' : 'chip--danger'}`}>{t(v ? 'dash.yes' : 'dash.no')}</span>;
  return (
    <section className="card" aria-labelledby="dash-stuck">
      <h2 id="dash-stuck">{t('dash.stuck')}</h2>
      <ul className="stuck-figures">
        {figures.map((f) => (
          <li key={f.list}>
            <button
              type="button"
              className="stuck-figure"
              onClick={() => onDrill({ kind: 'stuck', list: f.list, label: t(`dash.stuck.${f.list}`) })}
            >
              <span className="stuck-figure__value" data-stuck={f.list}>
                {formatCount(f.value)}
              </span>
              <span className="stuck-figure__label">{t(`dash.stuck.${f.list}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      {stuck.overdueByAgency.length > 0 && (
        <>
          <h3>{t('dash.overdueByAgency')}</h3>
          <FigureTable
            head={t('dash.agency')}
            columns={[t('dash.tasks'), t('dash.cases'), t('dash.maxDays')]}
            lines={stuck.overdueByAgency.map((a) => ({
              key: a.agencyId,
              head: (
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    onDrill({
                      kind: 'stuck',
                      list: 'OVERDUE_TASKS',
                      agencyId: a.agencyId,
                      label: `${t('dash.stuck.OVERDUE_TASKS')} — ${a.agencyName}`,
                    })
                  }
                >
                  {a.agencyName}
                </button>
              ),
              values: [a.tasks, a.cases, t('dash.days', { n: a.maxDaysOverdue })],
            }))}
          />
        </>
      )}
      <h3>{t('dash.coercions')}</h3>
      {stuck.upcomingCoercions.length === 0 ? (
        <p className="muted">{t('dash.noCoercions')}</p>
      ) : (
        <ul className="coercion-list">
          {stuck.upcomingCoercions.map((c) => (
            <li key={c.actionId} className="coercion-list__item">
              <p>
                <a href={caseHref(c.caseId)}>{c.decisionNumber ?? c.title}</a> · {formatDateTime(c.scheduledStart)}
              </p>
              <p className="chips">
                <span>
                  {t('dash.sentProcuracy')} {yesNo(c.sentToProcuracy)}
                </span>{' '}
                <span>
                  {t('dash.sentPolice')} {yesNo(c.sentToPolice)}
                </span>{' '}
                <span>
                  {t('dash.sentCommune')} {yesNo(c.sentToCommune)}
                </span>{' '}
                <span>
                  {t('dash.protectionPlan')} {yesNo(c.protectionPlanReceived)}
                </span>
              </p>
              <p className="muted">{t('dash.confirmed', { confirmed: c.participantsConfirmed, invited: c.participantsInvited })}</p>
            </li>
          ))}
        </ul>
      )}
      {stuck.persuasionOutcomes.length > 0 && (
        <>
          <h3>{t('dash.outcomes')}</h3>
          <ul className="chips">
            {stuck.persuasionOutcomes.map((o) => (
              <li key={o.outcome} className="chip">
                {outcomeLabel(t, o.outcome)}: {o.visits}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function outcomeLabel(t: Translate, outcome: string): string {
  return outcome === 'NONE' ? t('dash.outcome.NONE') : t(`actionOutcome.${outcome}` as MessageKey);
}

function DrillList(props: {
  drill: Drill;
  period: { kind: PeriodKind; statisticalYear: number; number: number };
  scope: StatisticsScopeInput | null;
  onClose: () => void;
}) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { drill } = props;
  useEffect(() => headingRef.current?.focus(), [drill]);
  return (
    <section className="card drill" aria-labelledby="dash-drill">
      <div className="drill__head">
        <h2 id="dash-drill" ref={headingRef} tabIndex={-1}>
          {t('dash.drill', { what: drill.label })}
        </h2>
        <button type="button" className="button button--ghost no-print" onClick={props.onClose}>
          {t('dash.closeDrill')}
        </button>
      </div>
      {drill.kind === 'row' ? (
        <RowCases row={drill.row} period={props.period} scope={props.scope} />
      ) : (
        <StuckCases drill={drill} scope={props.scope} />
      )}
    </section>
  );
}

function RowCases(props: {
  row: StatisticsRow;
  period: { kind: PeriodKind; statisticalYear: number; number: number };
  scope: StatisticsScopeInput | null;
}) {
  const result = useQuery(statisticsCasesQuery, { period: props.period, row: props.row, scope: props.scope, first: DRILL_PAGE }, [
    tags.statistics,
  ]);
  return <CaseLinks result={result} connection={result.data?.statisticsCases} />;
}

function StuckCases(props: { drill: Extract<Drill, { kind: 'stuck' }>; scope: StatisticsScopeInput | null }) {
  const result = useQuery(
    stuckCasesQuery,
    { list: props.drill.list, scope: props.scope, agencyId: props.drill.agencyId ?? null, first: DRILL_PAGE },
    [tags.statistics],
  );
  return <CaseLinks result={result} connection={result.data?.stuckCases} />;
}

type DrillConnection = { totalCount: number; edges: ReadonlyArray<{ node: DrillCaseFragment }> };

function CaseLinks({ result, connection }: { result: { error?: unknown; refetch: () => void }; connection: DrillConnection | undefined }) {
  const t = useT();
  if (!connection) {
    return result.error !== undefined ? (
      <p className="alert alert--error" role="alert">
        {errorText(result.error, t)}
      </p>
    ) : (
      <p className="muted" role="status">
        {t('dash.loading')}
      </p>
    );
  }
  const more = connection.totalCount - connection.edges.length;
  return (
    <>
      <p className="muted">{t('dash.drillCount', { count: connection.totalCount })}</p>
      <ul className="drill__list">
        {connection.edges.map(({ node }) => (
          <li key={node.id}>
            <a href={caseHref(node.id)}>{node.decisionNumber}</a> <StatusBadge status={node.status} />{' '}
            <span className="muted">{node.commune.name}</span>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="muted">{t('dash.drillMore', { count: more })}</p>}
    </>
  );
}

function ExportBar(props: {
  period: { kind: PeriodKind; statisticalYear: number; number: number };
  scope: StatisticsScopeInput | null;
  canSetTargets: boolean;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async (ext: 'xlsx' | 'csv') => {
    setBusy(true);
    setError(null);
    try {
      const params = new URLSearchParams({
        kind: props.period.kind,
        year: String(props.period.statisticalYear),
        number: String(props.period.number),
      });
      if (props.scope?.agencyId) params.set('agencyId', String(props.scope.agencyId));
      const response = await session.fetchFile(`/export/statistics.${ext}?${params}`);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { errors?: Array<{ message?: string }> } | null;
        throw new Error(body?.errors?.[0]?.message ?? response.statusText);
      }
      const blob = await response.blob();
      const name = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `thong-ke.${ext}`;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(t('dash.exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="dashboard__actions no-print" aria-label={t('dash.export')}>
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => download('xlsx')}>
        {busy ? t('dash.exporting') : t('dash.exportXlsx')}
      </button>
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => download('csv')}>
        {t('dash.exportCsv')}
      </button>
      <button type="button" className="button button--ghost" onClick={() => window.print()}>
        {t('dash.print')}
      </button>
      {props.canSetTargets && (
        <a className="button button--ghost" href={targetsHref}>
          {t('dash.openTargets')}
        </a>
      )}
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
