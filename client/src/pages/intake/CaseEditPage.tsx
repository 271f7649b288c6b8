/**
 * Editing a case: its facts (judgment, kind, officer, flags, notes), the agencies it is shared with,
 * and its lifecycle — the steps offered come from the server's transition table with their legal
 * source. A stale save (CONFLICT) shows what changed meanwhile and lets the person re-apply their own
 * changes on top of the current version.
 */
import { useId, useState } from 'react';
import { DateField } from '../../components/DateField';
import { mutate, tags, useQuery } from '../../data';
import { errorText } from '../../errors';
import { graphql } from '../../gql';
import { MoneyInput } from '../../components/MoneyInput';
import type { CaseEditQuery, CaseKind, CaseTransition, ObligationKind, ParticipantRole, PartyKind, PartyRole } from '../../gql/graphql';
import {
  caseStatusLabel,
  eventKindLabel,
  legalText,
  obligationKindLabel,
  participantRoleLabel,
  partyRoleLabel,
  type MessageKey,
  useT,
} from '../../i18n';
import { eventKindOfType } from '../../i18n-events';
import { GraphQLRequestError } from '../../lib/graphql-http';
import { caseHref } from '../../router';
import { LoadStatus, loadState } from '../LoadStatus';
import { RecordingClosedNote, useRecordingClosed } from '../case/LegalPanel';
import { SelectField, TextField } from '../../components/FormFields';
import { OBLIGATION_KINDS, PARTY_ROLES } from './CaseFormPage';
import { ObligationCorrection, PartyCorrection } from './CaseCorrections';

export const caseEditQuery = graphql(`
  query CaseEdit($id: ID!) {
    case(id: $id) {
      id
      version
      status
      decisionNumber
      judgmentNumber
      judgmentCourt
      judgmentDate
      kind
      complex
      backlog
      urgentSecurity
      notes
      officer {
        id
      }
      leadAgency {
        id
      }
      participants {
        role
        agency {
          id
          name
        }
      }
      parties {
        id
        name
        role
        kind
        address
      }
      obligations {
        id
        kind
        description
        amountOwed
        landAreaM2
        debtorId
        creditorId
      }
      availableTransitions {
        transition
        to
        legalSource
        needsReason
      }
      viewerCan {
        update
        share
        transition
      }
    }
  }
`);

export const caseEditChoicesQuery = graphql(`
  query CaseEditChoices($agencyId: ID) {
    users(first: 100, filter: { agencyId: $agencyId, mayBeAssignedCases: true }) {
      edges {
        node {
          id
          fullName
        }
      }
    }
    agencies(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export const updateCaseMutation = graphql(`
  mutation UpdateCase($input: UpdateCaseInput!) {
    updateCase(input: $input) {
      id
      version
    }
  }
`);

export const transitionCaseMutation = graphql(`
  mutation TransitionCase($input: TransitionCaseInput!) {
    transitionCase(input: $input) {
      id
      version
      status
    }
  }
`);

export const shareCaseMutation = graphql(`
  mutation ShareCase($input: ShareCaseInput!) {
    shareCase(input: $input) {
      id
      version
    }
  }
`);

export const unshareCaseMutation = graphql(`
  mutation UnshareCase($input: UnshareCaseInput!) {
    unshareCase(input: $input) {
      id
      version
    }
  }
`);

export const addCasePartyMutation = graphql(`
  mutation AddCaseParty($caseId: ID!, $version: Int!, $party: PartyInput!) {
    addCaseParty(caseId: $caseId, version: $version, party: $party) {
      id
      version
    }
  }
`);

export const addObligationMutation = graphql(`
  mutation AddObligation($input: AddObligationInput!) {
    addObligation(input: $input) {
      id
      version
    }
  }
`);

type EditedCase = CaseEditQuery['case'];

/** The editable facts of a case, as the form holds them. */
interface Facts {
  judgmentNumber: string;
  judgmentCourt: string;
  judgmentDate: string | null;
  kind: CaseKind;
  officerId: string;
  complex: boolean;
  backlog: boolean;
  urgentSecurity: boolean;
  notes: string;
}

const factsOf = (c: EditedCase): Facts => ({
  judgmentNumber: c.judgmentNumber,
  judgmentCourt: c.judgmentCourt,
  judgmentDate: c.judgmentDate,
  kind: c.kind,
  officerId: c.officer?.id ?? '',
  complex: c.complex,
  backlog: c.backlog,
  urgentSecurity: c.urgentSecurity,
  notes: c.notes ?? '',
});

/** The fields the person changed (draft against the version they started from). */
const changedFields = (base: Facts, draft: Facts) => (Object.keys(draft) as Array<keyof Facts>).filter((k) => draft[k] !== base[k]);

/** The label of a missed change's dotted log type; one this build does not know is shown as it is. */
function missedChangeLabel(t: ReturnType<typeof useT>, type: string): string {
  const kind = eventKindOfType(type);
  return kind ? eventKindLabel(t, kind) : type;
}

/** One change the stale form missed (CONFLICT `extensions.missedChanges`). */
interface MissedChange {
  version: number;
  type: string;
  fields: string[];
}

/** The edit page of one case. */
export function CaseEditPage({ id }: { id: string }) {
  const t = useT();
  const result = useQuery(caseEditQuery, { id }, [tags.case(id), tags.cases]);
  const c = result.data?.case;
  const closed = useRecordingClosed(id); // rule 7: no payments, obligations or parties after termination
  if (!c) return <LoadStatus state={loadState(result)} loadingKey="edit.loading" error={result.error} onRetry={result.refetch} />;
  return (
    <div className="case-edit">
      <p>
        <a href={caseHref(id)}>{t('edit.back')}</a>
      </p>
      <h1>{t('edit.heading', { number: c.decisionNumber ?? c.judgmentNumber })}</h1>
      {c.viewerCan.update && <FactsForm key={c.id} c={c} />}
      {closed && <RecordingClosedNote closed={closed} />}
      {c.viewerCan.update && !closed && <PartiesAndObligations c={c} />}
      {c.viewerCan.transition && <Lifecycle c={c} />}
      {c.viewerCan.share && <Sharing c={c} />}
      {!c.viewerCan.update && !c.viewerCan.transition && !c.viewerCan.share && (
        <p className="alert alert--error" role="alert">
          {t('edit.readOnly')}
        </p>
      )}
    </div>
  );
}

function FactsForm({ c }: { c: EditedCase }) {
  const t = useT();
  const ids = useId();
  const choices = useQuery(caseEditChoicesQuery, { agencyId: c.leadAgency.id }, [tags.case(c.id)]);
  // What the person started from: re-applying after a conflict compares against it, not the new state.
  const [base, setBase] = useState<{ facts: Facts; version: number }>(() => ({ facts: factsOf(c), version: c.version }));
  const [draft, setDraft] = useState<Facts>(() => factsOf(c));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [conflict, setConflict] = useState<MissedChange[] | null>(null);
  // Remounts the date field (it keeps its own text) when the facts are replaced after a re-apply.
  const [round, setRound] = useState(0);
  const officers = choices.data?.users.edges.map((e) => e.node) ?? [];
  const set = (patch: Partial<Facts>) => setDraft((d) => ({ ...d, ...patch }));

  /** Sends the fields of `mine` that differ from `from`, claiming `version`. */
  async function save(version: number, from: Facts, mine: Facts) {
    const fields = changedFields(from, mine);
    if (!fields.length) return setMessage({ kind: 'ok', text: t('edit.nothingChanged') });
    setBusy(true);
    setMessage(null);
    const input: Record<string, unknown> = { id: c.id, version };
    for (const f of fields) input[f] = f === 'officerId' ? mine.officerId || null : mine[f];
    try {
      const res = await mutate(updateCaseMutation, { input: input as never }, [tags.case(c.id), tags.cases]);
      setBase({ facts: mine, version: res.updateCase.version });
      setDraft(mine);
      setConflict(null);
      setMessage({ kind: 'ok', text: t('edit.saved') });
    } catch (err) {
      if (err instanceof GraphQLRequestError && err.code === 'CONFLICT' && Array.isArray(err.extensions.missedChanges)) {
        setConflict(err.extensions.missedChanges as MissedChange[]);
      } else setMessage({ kind: 'error', text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  }

  /**
   * Re-applies my changes on top of the current version: the form then shows the other person's
   * changes too (the current facts with mine over them), so nothing they saved is hidden or undone.
   */
  async function reapply() {
    const fresh = (await mutate(caseEditQuery, { id: c.id })).case;
    const current = factsOf(fresh);
    const merged = { ...current };
    for (const f of changedFields(base.facts, draft)) (merged as Record<keyof Facts, unknown>)[f] = draft[f];
    await save(fresh.version, current, merged);
    setRound((r) => r + 1);
  }

  return (
    <form
      className="card"
      aria-labelledby={`${ids}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void save(base.version, base.facts, draft);
      }}
    >
      <h2 id={`${ids}-h`}>{t('edit.facts')}</h2>
      <TextField label={t('intake.judgmentNumber')} value={draft.judgmentNumber} onChange={(v) => set({ judgmentNumber: v })} required />
      <TextField label={t('intake.judgmentCourt')} value={draft.judgmentCourt} onChange={(v) => set({ judgmentCourt: v })} required />
      <DateField key={round} label={t('intake.judgmentDate')} value={draft.judgmentDate} onChange={(v) => set({ judgmentDate: v })} />
      <SelectField label={t('intake.kind')} value={draft.kind} onChange={(v) => set({ kind: v as CaseKind })}>
        <option value="ON_REQUEST">{t('caseKind.ON_REQUEST')}</option>
        <option value="PROACTIVE">{t('caseKind.PROACTIVE')}</option>
      </SelectField>
      <SelectField
        label={t('intake.officer')}
        value={draft.officerId}
        onChange={(v) => set({ officerId: v })}
        empty={t('intake.noOfficer')}
        options={officers.map((u) => ({ value: u.id, label: u.fullName }))}
      />
      {(['complex', 'backlog', 'urgentSecurity'] as const).map((flag) => (
        <p key={flag}>
          <label className="checkbox">
            <input type="checkbox" checked={draft[flag]} onChange={(e) => set({ [flag]: e.target.checked })} />
            {t(`edit.flag.${flag}` as MessageKey)}
          </label>
        </p>
      ))}
      <div className="field">
        <label htmlFor={`${ids}-notes`}>{t('intake.notes')}</label>
        <textarea id={`${ids}-notes`} rows={3} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />
      </div>
      {conflict && (
        <div className="alert alert--error" role="alert">
          <p>{t('edit.conflict')}</p>
          <ul>
            {conflict.map((ch) => (
              <li key={ch.version}>
                {missedChangeLabel(t, ch.type)}
                {ch.fields.length > 0 && `: ${ch.fields.map((f) => fieldLabel(t, f)).join(', ')}`}
              </li>
            ))}
          </ul>
          <p>
            {t('edit.conflictMine', {
              fields: changedFields(base.facts, draft)
                .map((f) => fieldLabel(t, f))
                .join(', '),
            })}
          </p>
          <button type="button" className="button button--primary" onClick={() => void reapply()} disabled={busy}>
            {t('edit.reapply')}
          </button>
        </div>
      )}
      {message && (
        <p
          className={message.kind === 'error' ? 'alert alert--error' : 'alert alert--ok'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('edit.save')}
      </button>
    </form>
  );
}

const FIELD_KEYS: Record<string, MessageKey> = {
  judgmentNumber: 'intake.judgmentNumber',
  judgmentCourt: 'intake.judgmentCourt',
  judgmentDate: 'intake.judgmentDate',
  kind: 'intake.kind',
  officerId: 'intake.officer',
  complex: 'edit.flag.complex',
  backlog: 'edit.flag.backlog',
  urgentSecurity: 'edit.flag.urgentSecurity',
  notes: 'intake.notes',
};
const fieldLabel = (t: ReturnType<typeof useT>, field: string) => (FIELD_KEYS[field] ? t(FIELD_KEYS[field]) : field);

/** The lifecycle steps the server allows now, each with its legal source; extra inputs where the step needs them. */
function Lifecycle({ c }: { c: EditedCase }) {
  const t = useT();
  const ids = useId();
  const [chosen, setChosen] = useState<CaseTransition | ''>('');
  const [reason, setReason] = useState('');
  const [decisionNumber, setDecisionNumber] = useState('');
  const [decisionDate, setDecisionDate] = useState<string | null>(null);
  const [deliveredDate, setDeliveredDate] = useState<string | null>(null);
  const [withdrawal, setWithdrawal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const option = c.availableTransitions.find((o) => o.transition === chosen);

  async function go(e: React.FormEvent) {
    e.preventDefault();
    if (!option) return;
    setBusy(true);
    setError(null);
    try {
      await mutate(
        transitionCaseMutation,
        {
          input: {
            id: c.id,
            version: c.version,
            transition: option.transition,
            reason: reason || null,
            decisionNumber: option.transition === 'ISSUE_DECISION' ? decisionNumber : null,
            decisionDate: option.transition === 'ISSUE_DECISION' ? decisionDate : null,
            deliveredAt: option.transition === 'RECORD_DELIVERY' && deliveredDate ? `${deliveredDate}T05:00:00.000Z` : null,
            creditorWithdrawal: option.transition === 'TERMINATE' ? withdrawal : null,
          },
        },
        [tags.case(c.id), tags.cases],
      );
      setChosen('');
      setReason('');
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" aria-labelledby={`${ids}-h`} onSubmit={go}>
      <h2 id={`${ids}-h`}>{t('edit.lifecycle')}</h2>
      <p>{t('edit.currentStatus', { status: caseStatusLabel(t, c.status) })}</p>
      {c.availableTransitions.length === 0 ? (
        <p className="muted">{t('edit.noTransitions')}</p>
      ) : (
        <SelectField label={t('edit.transition')} value={chosen} onChange={(v) => setChosen(v as CaseTransition)}>
          <option value="">{t('intake.choose')}</option>
          {c.availableTransitions.map((o) => (
            <option key={o.transition} value={o.transition}>
              {t(`transition.${o.transition}` as MessageKey)} → {caseStatusLabel(t, o.to)}
            </option>
          ))}
        </SelectField>
      )}
      {option && (
        <>
          <p className="legal-source">
            {t('edit.legalSource')} {legalText(t, option.legalSource)}
          </p>
          {option.transition === 'ISSUE_DECISION' && (
            <>
              <TextField label={t('edit.decisionNumber')} value={decisionNumber} onChange={setDecisionNumber} required />
              <DateField label={t('edit.decisionDate')} value={decisionDate} onChange={setDecisionDate} />
            </>
          )}
          {option.transition === 'RECORD_DELIVERY' && (
            <DateField label={t('edit.deliveredDate')} value={deliveredDate} onChange={setDeliveredDate} />
          )}
          {option.transition === 'TERMINATE' && (
            <p>
              <label className="checkbox">
                <input type="checkbox" checked={withdrawal} onChange={(e) => setWithdrawal(e.target.checked)} />
                {t('edit.creditorWithdrawal')}
              </label>
            </p>
          )}
          {option.needsReason && (
            <div className="field">
              <label htmlFor={`${ids}-reason`}>{t('edit.reason')}</label>
              <textarea id={`${ids}-reason`} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required />
            </div>
          )}
          {error && (
            <p className="alert alert--error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('edit.applyTransition')}
          </button>
        </>
      )}
    </form>
  );
}

const SHARE_ROLES: ParticipantRole[] = ['SUPPORT', 'PROTECTION', 'SUPERVISOR', 'STEERING', 'INFORMATION_PROVIDER', 'JUDGMENT_EXPLANATION'];

/** Agencies taking part: share with one more, or withdraw one (never the lead). */
function Sharing({ c }: { c: EditedCase }) {
  const t = useT();
  const ids = useId();
  const choices = useQuery(caseEditChoicesQuery, { agencyId: c.leadAgency.id }, [tags.case(c.id)]);
  const [agencyId, setAgencyId] = useState('');
  const [role, setRole] = useState<ParticipantRole>('SUPPORT');
  const [error, setError] = useState<string | null>(null);
  const taking = new Set(c.participants.map((p) => p.agency.id));
  const candidates = (choices.data?.agencies.edges.map((e) => e.node) ?? []).filter((a) => !taking.has(a.id));

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <section className="card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('edit.sharing')}</h2>
      <ul className="card-list">
        {c.participants.map((p) => (
          <li key={p.agency.id} className="share-row">
            <span>
              {p.agency.name} <span className="muted">· {participantRoleLabel(t, p.role)}</span>
            </span>
            {p.role !== 'LEAD' && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() =>
                  run(() =>
                    mutate(unshareCaseMutation, { input: { caseId: c.id, version: c.version, agencyId: p.agency.id } }, [tags.case(c.id)]),
                  )
                }
              >
                {t('edit.unshare', { agency: p.agency.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!agencyId) return;
          void run(async () => {
            await mutate(shareCaseMutation, { input: { caseId: c.id, version: c.version, agencyId, role } }, [tags.case(c.id)]);
            setAgencyId('');
          });
        }}
      >
        <SelectField
          label={t('edit.shareWith')}
          value={agencyId}
          onChange={setAgencyId}
          empty={t('intake.choose')}
          options={candidates.map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectField label={t('edit.shareRole')} value={role} onChange={(v) => setRole(v as ParticipantRole)}>
          {SHARE_ROLES.map((r) => (
            <option key={r} value={r}>
              {participantRoleLabel(t, r)}
            </option>
          ))}
        </SelectField>
        {error && (
          <p className="alert alert--error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary">
          {t('edit.share')}
        </button>
      </form>
    </section>
  );
}

/** The parties and obligations entered so far, and forms to add one more of each. */
function PartiesAndObligations({ c }: { c: EditedCase }) {
  const t = useT();
  const ids = useId();
  const [party, setParty] = useState({
    role: 'DEBTOR' as PartyRole,
    kind: 'PERSON' as PartyKind,
    name: '',
    address: '',
    idNumber: '',
    phone: '',
  });
  const [obligation, setObligation] = useState({
    kind: 'PAY_MONEY' as ObligationKind,
    description: '',
    debtorId: '',
    creditorId: '',
    amountOwed: null as string | null,
    landAreaM2: '',
  });
  // A new MoneyInput after each success (its text is its own state).
  const [round, setRound] = useState(0);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const partyOptions = c.parties.map((p) => ({ value: p.id, label: `${p.name} (${partyRoleLabel(t, p.role)})` }));

  const run = async (work: () => Promise<unknown>, reset: () => void) => {
    setMessage(null);
    try {
      await work();
      reset();
      setMessage({ kind: 'ok', text: t('edit.saved') });
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t) });
    }
  };

  return (
    <section className="card" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('intake.parties')}</h2>
      <ul>
        {c.parties.map((p) => (
          <li key={p.id}>
            {p.name} <span className="muted">· {partyRoleLabel(t, p.role)}</span> <PartyCorrection c={c} party={p} report={setMessage} />
          </li>
        ))}
      </ul>
      <form
        className="intake__item"
        aria-label={t('intake.addParty')}
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () =>
              mutate(
                addCasePartyMutation,
                {
                  caseId: c.id,
                  version: c.version,
                  party: { ...party, address: party.address || null, idNumber: party.idNumber || null, phone: party.phone || null },
                },
                [tags.case(c.id)],
              ),
            () => setParty((p) => ({ ...p, name: '', address: '', idNumber: '', phone: '' })),
          );
        }}
      >
        <SelectField
          label={t('intake.partyRole')}
          value={party.role}
          onChange={(v) => setParty((p) => ({ ...p, role: v as PartyRole }))}
          options={PARTY_ROLES.map((r) => ({ value: r, label: partyRoleLabel(t, r) }))}
        />
        <SelectField
          label={t('intake.partyKind')}
          value={party.kind}
          onChange={(v) => setParty((p) => ({ ...p, kind: v as PartyKind }))}
          options={[
            { value: 'PERSON', label: t('partyKind.PERSON') },
            { value: 'ORGANISATION', label: t('partyKind.ORGANISATION') },
          ]}
        />
        <TextField label={t('intake.partyName')} value={party.name} onChange={(v) => setParty((p) => ({ ...p, name: v }))} required />
        <TextField label={t('intake.partyAddress')} value={party.address} onChange={(v) => setParty((p) => ({ ...p, address: v }))} />
        <TextField
          label={t('intake.partyIdNumber')}
          hint={t('intake.restrictedHint')}
          value={party.idNumber}
          onChange={(v) => setParty((p) => ({ ...p, idNumber: v }))}
          inputMode="numeric"
        />
        <TextField
          label={t('intake.partyPhone')}
          value={party.phone}
          onChange={(v) => setParty((p) => ({ ...p, phone: v }))}
          inputMode="tel"
        />
        <button type="submit" className="button button--secondary">
          {t('intake.addParty')}
        </button>
      </form>

      <h2>{t('intake.obligations')}</h2>
      <ul>
        {c.obligations.map((o) => (
          <li key={o.id}>
            {o.description} <span className="muted">· {obligationKindLabel(t, o.kind)}</span>{' '}
            <ObligationCorrection c={c} obligation={o} report={setMessage} />
          </li>
        ))}
      </ul>
      <form
        className="intake__item"
        aria-label={t('intake.addObligation')}
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () =>
              mutate(
                addObligationMutation,
                {
                  input: {
                    caseId: c.id,
                    version: c.version,
                    kind: obligation.kind,
                    description: obligation.description,
                    debtorId: obligation.debtorId || null,
                    creditorId: obligation.creditorId || null,
                    amountOwed: obligation.kind === 'PAY_MONEY' ? obligation.amountOwed : null,
                    landAreaM2:
                      obligation.kind === 'HAND_OVER_LAND' && obligation.landAreaM2 ? obligation.landAreaM2.replace(',', '.') : null,
                  },
                },
                [tags.case(c.id)],
              ),
            () => {
              setObligation((o) => ({ ...o, description: '', amountOwed: null, landAreaM2: '' }));
              setRound((r) => r + 1);
            },
          );
        }}
      >
        <SelectField
          label={t('intake.obligationKind')}
          value={obligation.kind}
          onChange={(v) => setObligation((o) => ({ ...o, kind: v as ObligationKind }))}
          options={OBLIGATION_KINDS.map((k) => ({ value: k, label: obligationKindLabel(t, k) }))}
        />
        <TextField
          label={t('intake.obligationDescription')}
          value={obligation.description}
          onChange={(v) => setObligation((o) => ({ ...o, description: v }))}
          required
        />
        <SelectField
          label={t('intake.obligationDebtor')}
          value={obligation.debtorId}
          onChange={(v) => setObligation((o) => ({ ...o, debtorId: v }))}
          empty={t('intake.nobody')}
          options={partyOptions}
        />
        <SelectField
          label={t('intake.obligationCreditor')}
          value={obligation.creditorId}
          onChange={(v) => setObligation((o) => ({ ...o, creditorId: v }))}
          empty={t('intake.nobody')}
          options={partyOptions}
        />
        {obligation.kind === 'PAY_MONEY' && (
          <MoneyInput
            key={round}
            label={t('intake.amountOwed')}
            value={obligation.amountOwed}
            onChange={(v) => setObligation((o) => ({ ...o, amountOwed: v }))}
          />
        )}
        {obligation.kind === 'HAND_OVER_LAND' && (
          <TextField
            label={t('intake.landArea')}
            value={obligation.landAreaM2}
            onChange={(v) => setObligation((o) => ({ ...o, landAreaM2: v }))}
            inputMode="decimal"
          />
        )}
        <button type="submit" className="button button--secondary">
          {t('intake.addObligation')}
        </button>
      </form>
      {message && (
        <p
          className={message.kind === 'error' ? 'alert alert--error' : 'alert alert--ok'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
