import { graphql } from '../../gql';
import { type FormEvent, useState } from 'react';
import { FormAlert, SelectField, SubmitCancel } from '../../components/FormFields';
import { mutate, tags, useQuery } from '../../data';
import { errorText } from '../../errors';
import { formatDateTime, formatMoney } from '../../format';
import type { ActionInviteeFieldsFragment, ActionOutcomeEntryFieldsFragment, CaseActionsQuery } from '../../gql/graphql';
import { actionOutcomeLabel, useT } from '../../i18n';

export const inviteToActionMutation = graphql(`
  mutation InviteToAction($input: InviteToActionInput!) {
    inviteToAction(input: $input) {
      ...ActionStateFields
    }
  }
`);

export const recordInviteeAnswerMutation = graphql(`
  mutation RecordInviteeAnswer($input: RecordInviteeAnswerInput!) {
    recordInviteeAnswer(input: $input) {
      id
      status
      version
    }
  }
`);

/** Agencies an action can invite (the directory, first page by name). */
export const inviteAgenciesQuery = graphql(`
  query InviteAgencies {
    agencies(first: 100) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

/** A named person invited to an action, as {@link InviteeAnswer} and the action card show them. */
export const actionInviteeFields = graphql(`
  fragment ActionInviteeFields on ActionInvitee {
    id
    name
    role
    status
    note
    version
  }
`);

/** One entry of an action's outcome history, as {@link OutcomeHistory} shows it. */
export const actionOutcomeEntryFields = graphql(`
  fragment ActionOutcomeEntryFields on ActionOutcomeEntry {
    id
    outcome
    moneyCollected
    correctsId
    correctionReason
    recordedAt
    recordedBy {
      id
      fullName
    }
    collections {
      obligationId
      amountCollected
    }
  }
`);

type Action = CaseActionsQuery['caseActions'][number];
type Invitee = ActionInviteeFieldsFragment;
type Entry = ActionOutcomeEntryFieldsFragment;

const refreshed = (caseId: string) => [tags.actions(caseId), tags.case(caseId), tags.inbox];

/**
 * Invites more agencies (each gets its "attend" task) and named people who are not users — the
 * village head, the women's union — to a visit, meeting or coercion that still lies ahead.
 */
export function InviteForm({
  caseId,
  action,
  onDone,
  onCancel,
}: {
  caseId: string;
  action: Action;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const directory = useQuery(inviteAgenciesQuery, {}, ['agencies']);
  const invited = new Set(action.participants.map((p) => p.agency.id));
  const agencies = (directory.data?.agencies.edges ?? []).map((e) => e.node).filter((a) => !invited.has(a.id));
  const [agencyId, setAgencyId] = useState('');
  const [required, setRequired] = useState(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const id = action.id;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const person = name.trim() || role.trim() ? { name: name.trim(), role: role.trim(), phone: phone.trim() || undefined } : null;
    if ((!agencyId && !person) || (person && (!person.name || !person.role))) {
      setError(t('visits.inviteMissing'));
      return;
    }
    setSending(true);
    setError(null);
    mutate(
      inviteToActionMutation,
      {
        input: {
          id: action.id,
          version: action.version,
          ...(agencyId ? { invitations: [{ agencyId, required }] } : {}),
          ...(person ? { people: [person] } : {}),
        },
      },
      refreshed(caseId),
    ).then(
      () => {
        setSending(false);
        onDone();
      },
      (err: unknown) => {
        setSending(false);
        setError(errorText(err, t));
      },
    );
  };

  return (
    <form className="task-assign action-inline" onSubmit={submit} noValidate aria-labelledby={`invite-heading-${id}`}>
      <h4 id={`invite-heading-${id}`}>{t('visits.inviteHeading')}</h4>
      <SelectField
        label={t('visits.inviteAgency')}
        value={agencyId}
        onChange={setAgencyId}
        empty={t('visits.inviteAgencyNone')}
        options={agencies.map((a) => ({ value: a.id, label: a.name }))}
      />
      {agencyId && (
        <label className="checkbox">
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} /> {t('visits.inviteRequired')}
        </label>
      )}
      <div className="field">
        <label htmlFor={`invite-name-${id}`}>{t('visits.personName')}</label>
        <input id={`invite-name-${id}`} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`invite-role-${id}`}>{t('visits.personRole')}</label>
        <input id={`invite-role-${id}`} value={role} onChange={(e) => setRole(e.target.value)} maxLength={200} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`invite-phone-${id}`}>{t('visits.personPhone')}</label>
        <input
          id={`invite-phone-${id}`}
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          maxLength={30}
          autoComplete="off"
        />
      </div>
      <FormAlert error={error} />
      <SubmitCancel submit={t('visits.inviteSubmit')} busy={sending} onCancel={onCancel} className="task-actions" />
    </form>
  );
}

/** The lead office records a named person's answer: confirmed, or declined with a note. */
export function InviteeAnswer({ caseId, invitee, onDone }: { caseId: string; invitee: Invitee; onDone: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const answer = (status: 'CONFIRMED' | 'DECLINED') => {
    if (status === 'DECLINED' && !note.trim()) {
      setError(t('visits.answerNoteRequired'));
      return;
    }
    setSending(true);
    setError(null);
    mutate(
      recordInviteeAnswerMutation,
      { input: { inviteeId: invitee.id, version: invitee.version, status, note: note.trim() || undefined } },
      refreshed(caseId),
    ).then(
      () => {
        setSending(false);
        setOpen(false);
        onDone();
      },
      (err: unknown) => {
        setSending(false);
        setError(errorText(err, t));
      },
    );
  };
  if (!open)
    return (
      <button type="button" className="button button--small button--secondary" onClick={() => setOpen(true)}>
        {t('visits.answer')}
      </button>
    );
  return (
    <fieldset className="action-inline">
      <legend>{t('visits.answer')}</legend>
      <label htmlFor={`invitee-note-${invitee.id}`}>{t('visits.answerNote')}</label>
      <input id={`invitee-note-${invitee.id}`} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
      <FormAlert error={error} />
      <div className="task-actions">
        <button type="button" className="button button--primary button--small" disabled={sending} onClick={() => answer('CONFIRMED')}>
          {t('visits.answerConfirm')}
        </button>
        <button type="button" className="button button--small button--secondary" disabled={sending} onClick={() => answer('DECLINED')}>
          {t('visits.answerDecline')}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={() => setOpen(false)}>
          {t('actions.abort')}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * The outcome history of an action, never edited in place: the original entry, then each correcting
 * entry (why, who, when, the money and the obligations it paid); the last one is in force.
 */
export function OutcomeHistory({
  entries,
  obligations,
}: {
  entries: readonly Entry[];
  obligations: ReadonlyArray<{ id: string; description: string }>;
}) {
  const t = useT();
  const describe = (obligationId: string) => obligations.find((o) => o.id === obligationId)?.description ?? obligationId;
  return (
    <ol className="action-participants outcome-history">
      {entries.map((e, index) => (
        <li key={e.id}>
          <strong>{e.correctsId ? t('visits.historyCorrection') : t('visits.historyOriginal')}</strong>
          {index === entries.length - 1 && <span className="badge badge--ok"> {t('visits.historyInForce')}</span>}{' '}
          {actionOutcomeLabel(t, e.outcome)} — {formatMoney(e.moneyCollected)}
          <div className="muted small">
            {t('visits.historyBy', { name: e.recordedBy.fullName, time: formatDateTime(e.recordedAt) })}
            {e.correctionReason && <> · {t('actions.corrected', { reason: e.correctionReason })}</>}
          </div>
          {e.collections.length > 0 && (
            <ul className="small">
              {e.collections.map((c) => (
                <li key={c.obligationId}>
                  {describe(c.obligationId)}: {formatMoney(c.amountCollected)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
