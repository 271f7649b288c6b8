/**
 * "Mở hồ sơ mới": intake of a case from a judgment or decision — number, court, dates, commune, officer,
 * parties (roles, restricted ID and phone) and obligations (money in exact đồng, or a non-money
 * obligation with its own unit). One idempotency key per form, kept across retries, so a retried or
 * double-clicked submit never opens two cases.
 */
import { useId, useState } from 'react';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/FormFields';
import { MoneyInput } from '../../components/MoneyInput';
import { mutate, tags, useQuery } from '../../data';
import { errorText } from '../../errors';
import { graphql } from '../../gql';
import type { CaseKind, ObligationKind, PartyKind, PartyRole } from '../../gql/graphql';
import { obligationKindLabel, partyRoleLabel, useT } from '../../i18n';
import { GraphQLRequestError } from '../../lib/graphql-http';
import { caseHref } from '../../router';

/** Communes to choose from and the officers of my office the server lets be assigned (policy: mayBeAssignedCases). */
export const intakeChoicesQuery = graphql(`
  query IntakeChoices($agencyId: ID) {
    me {
      id
      agency {
        id
      }
    }
    areas(first: 100, filter: { kind: COMMUNE }) {
      edges {
        node {
          id
          code
          name
        }
      }
    }
    users(first: 100, filter: { agencyId: $agencyId, mayBeAssignedCases: true }) {
      edges {
        node {
          id
          fullName
        }
      }
    }
  }
`);

export const createCaseMutation = graphql(`
  mutation CreateCase($input: CreateCaseInput!, $idempotencyKey: String) {
    createCase(input: $input, idempotencyKey: $idempotencyKey) {
      id
    }
  }
`);

interface PartyDraft {
  key: number;
  role: PartyRole;
  kind: PartyKind;
  name: string;
  address: string;
  idNumber: string;
  phone: string;
}

interface ObligationDraft {
  key: number;
  kind: ObligationKind;
  description: string;
  debtorKey: number | null;
  creditorKey: number | null;
  amountOwed: string | null;
  landAreaM2: string;
}

/** Party roles in the order the forms offer them. */
export const PARTY_ROLES: PartyRole[] = ['DEBTOR', 'CREDITOR', 'RELATED'];
/** Obligation kinds in the order the forms offer them. */
export const OBLIGATION_KINDS: ObligationKind[] = ['PAY_MONEY', 'HAND_OVER_LAND', 'HAND_OVER_PROPERTY', 'PERFORM_ACT', 'OTHER'];

let nextKey = 1;
const newParty = (role: PartyRole): PartyDraft => ({
  key: nextKey++,
  role,
  kind: 'PERSON',
  name: '',
  address: '',
  idNumber: '',
  phone: '',
});
const newObligation = (): ObligationDraft => ({
  key: nextKey++,
  kind: 'PAY_MONEY',
  description: '',
  debtorKey: null,
  creditorKey: null,
  amountOwed: null,
  landAreaM2: '',
});

/** Today in Viet Nam as "yyyy-mm-dd". */
const todayInVietnam = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The intake form; on success the new case opens. */
export function CaseFormPage() {
  const t = useT();
  const choices = useQuery(intakeChoicesQuery, {}, [tags.me]);
  // One key per form: a retry after a lost answer returns the case the first attempt created.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [judgmentNumber, setJudgmentNumber] = useState('');
  const [judgmentCourt, setJudgmentCourt] = useState('');
  const [judgmentDate, setJudgmentDate] = useState<string | null>(null);
  const [receivedDate, setReceivedDate] = useState<string | null>(todayInVietnam());
  const [kind, setKind] = useState<CaseKind>('ON_REQUEST');
  const [communeId, setCommuneId] = useState('');
  const [officerId, setOfficerId] = useState('');
  const [notes, setNotes] = useState('');
  const [parties, setParties] = useState<PartyDraft[]>(() => [newParty('DEBTOR'), newParty('CREDITOR')]);
  const [obligations, setObligations] = useState<ObligationDraft[]>(() => [newObligation()]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; field?: string } | null>(null);
  const ids = useId();

  const communes = choices.data?.areas.edges.map((e) => e.node) ?? [];
  const officers = choices.data?.users.edges.map((e) => e.node) ?? [];

  const updateParty = (key: number, patch: Partial<PartyDraft>) =>
    setParties((ps) => ps.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const updateObligation = (key: number, patch: Partial<ObligationDraft>) =>
    setObligations((os) => os.map((o) => (o.key === key ? { ...o, ...patch } : o)));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!judgmentDate || !receivedDate) return setError({ text: t('intake.error.dates') });
    const missingAmount = obligations.find((o) => o.kind === 'PAY_MONEY' && !o.amountOwed);
    if (missingAmount) return setError({ text: t('intake.error.amount') });
    const indexOf = (key: number | null) => (key === null ? null : parties.findIndex((p) => p.key === key));
    setBusy(true);
    setError(null);
    try {
      const result = await mutate(
        createCaseMutation,
        {
          idempotencyKey,
          input: {
            judgmentNumber,
            judgmentCourt,
            judgmentDate,
            // Received during the office's day: noon Viet Nam time keeps the calendar date in any zone.
            receivedAt: `${receivedDate}T05:00:00.000Z`,
            kind,
            communeId,
            officerId: officerId || null,
            notes: notes || null,
            parties: parties.map((p) => ({
              role: p.role,
              kind: p.kind,
              name: p.name,
              address: p.address || null,
              idNumber: p.idNumber || null,
              phone: p.phone || null,
            })),
            obligations: obligations.map((o) => ({
              kind: o.kind,
              description: o.description,
              debtorIndex: indexOf(o.debtorKey),
              creditorIndex: indexOf(o.creditorKey),
              amountOwed: o.kind === 'PAY_MONEY' ? o.amountOwed : null,
              landAreaM2: o.kind === 'HAND_OVER_LAND' && o.landAreaM2 ? o.landAreaM2.replace(',', '.') : null,
            })),
          },
        },
        [tags.cases, tags.inbox],
      );
      window.location.hash = caseHref(result.createCase.id);
    } catch (err) {
      const field = err instanceof GraphQLRequestError && typeof err.extensions.field === 'string' ? err.extensions.field : undefined;
      setError({ text: errorText(err, t), field });
      setBusy(false);
    }
  }

  const partyOptions = parties.map((p, i) => ({ value: String(p.key), label: `${i + 1}. ${p.name || partyRoleLabel(t, p.role)}` }));

  return (
    <form className="card intake" onSubmit={submit} aria-labelledby={`${ids}-h`} noValidate>
      <h1 id={`${ids}-h`}>{t('intake.heading')}</h1>
      <fieldset className="intake__group">
        <legend>{t('intake.judgment')}</legend>
        <TextField label={t('intake.judgmentNumber')} value={judgmentNumber} onChange={setJudgmentNumber} required />
        <TextField label={t('intake.judgmentCourt')} value={judgmentCourt} onChange={setJudgmentCourt} required />
        <DateField label={t('intake.judgmentDate')} value={judgmentDate} onChange={setJudgmentDate} />
        <DateField label={t('intake.receivedDate')} value={receivedDate} onChange={setReceivedDate} />
        <SelectField label={t('intake.kind')} value={kind} onChange={(v) => setKind(v as CaseKind)}>
          <option value="ON_REQUEST">{t('caseKind.ON_REQUEST')}</option>
          <option value="PROACTIVE">{t('caseKind.PROACTIVE')}</option>
        </SelectField>
        <SelectField
          label={t('intake.commune')}
          value={communeId}
          onChange={setCommuneId}
          empty={t('intake.choose')}
          options={communes.map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
        />
        <SelectField
          label={t('intake.officer')}
          value={officerId}
          onChange={setOfficerId}
          empty={t('intake.noOfficer')}
          options={officers.map((u) => ({ value: u.id, label: u.fullName }))}
        />
        <div className="field">
          <label htmlFor={`${ids}-notes`}>{t('intake.notes')}</label>
          <textarea id={`${ids}-notes`} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
      </fieldset>

      <fieldset className="intake__group">
        <legend>{t('intake.parties')}</legend>
        {parties.map((p, i) => (
          <fieldset key={p.key} className="intake__item">
            <legend>{t('intake.partyN', { n: i + 1 })}</legend>
            <SelectField label={t('intake.partyRole')} value={p.role} onChange={(v) => updateParty(p.key, { role: v as PartyRole })}>
              {PARTY_ROLES.map((r) => (
                <option key={r} value={r}>
                  {partyRoleLabel(t, r)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('intake.partyKind')} value={p.kind} onChange={(v) => updateParty(p.key, { kind: v as PartyKind })}>
              <option value="PERSON">{t('partyKind.PERSON')}</option>
              <option value="ORGANISATION">{t('partyKind.ORGANISATION')}</option>
            </SelectField>
            <TextField label={t('intake.partyName')} value={p.name} onChange={(v) => updateParty(p.key, { name: v })} required />
            <TextField label={t('intake.partyAddress')} value={p.address} onChange={(v) => updateParty(p.key, { address: v })} />
            <TextField
              label={t('intake.partyIdNumber')}
              hint={t('intake.restrictedHint')}
              value={p.idNumber}
              onChange={(v) => updateParty(p.key, { idNumber: v })}
              inputMode="numeric"
            />
            <TextField
              label={t('intake.partyPhone')}
              hint={t('intake.restrictedHint')}
              value={p.phone}
              onChange={(v) => updateParty(p.key, { phone: v })}
              inputMode="tel"
            />
            {parties.length > 1 && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setParties((ps) => ps.filter((x) => x.key !== p.key))}
              >
                {t('intake.removeParty', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        <button type="button" className="button button--secondary" onClick={() => setParties((ps) => [...ps, newParty('DEBTOR')])}>
          {t('intake.addParty')}
        </button>
      </fieldset>

      <fieldset className="intake__group">
        <legend>{t('intake.obligations')}</legend>
        {obligations.map((o, i) => (
          <fieldset key={o.key} className="intake__item">
            <legend>{t('intake.obligationN', { n: i + 1 })}</legend>
            <SelectField
              label={t('intake.obligationKind')}
              value={o.kind}
              onChange={(v) => updateObligation(o.key, { kind: v as ObligationKind })}
            >
              {OBLIGATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {obligationKindLabel(t, k)}
                </option>
              ))}
            </SelectField>
            <TextField
              label={t('intake.obligationDescription')}
              value={o.description}
              onChange={(v) => updateObligation(o.key, { description: v })}
              required
            />
            <SelectField
              label={t('intake.obligationDebtor')}
              value={o.debtorKey === null ? '' : String(o.debtorKey)}
              onChange={(v) => updateObligation(o.key, { debtorKey: v ? Number(v) : null })}
              empty={t('intake.nobody')}
              options={partyOptions}
            />
            <SelectField
              label={t('intake.obligationCreditor')}
              value={o.creditorKey === null ? '' : String(o.creditorKey)}
              onChange={(v) => updateObligation(o.key, { creditorKey: v ? Number(v) : null })}
              empty={t('intake.nobody')}
              options={partyOptions}
            />
            {o.kind === 'PAY_MONEY' ? (
              <MoneyInput
                label={t('intake.amountOwed')}
                value={o.amountOwed}
                onChange={(v) => updateObligation(o.key, { amountOwed: v })}
              />
            ) : o.kind === 'HAND_OVER_LAND' ? (
              <TextField
                label={t('intake.landArea')}
                value={o.landAreaM2}
                onChange={(v) => updateObligation(o.key, { landAreaM2: v })}
                inputMode="decimal"
              />
            ) : null}
            {obligations.length > 1 && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setObligations((os) => os.filter((x) => x.key !== o.key))}
              >
                {t('intake.removeObligation', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        <button type="button" className="button button--secondary" onClick={() => setObligations((os) => [...os, newObligation()])}>
          {t('intake.addObligation')}
        </button>
      </fieldset>

      {error && (
        <div className="alert alert--error" role="alert">
          <p>{error.text}</p>
        </div>
      )}
      <p className="intake__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('intake.submitting') : t('intake.submit')}
        </button>
      </p>
    </form>
  );
}
