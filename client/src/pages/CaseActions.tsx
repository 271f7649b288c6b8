import { graphql } from '../gql';
import { FormAlert, SelectField, SubmitCancel, TextField } from '../components/FormFields';
import { useState, type FormEvent, type ReactNode } from 'react';
import { mutate, queries, tags, useQuery } from '../data';
import { errorText } from '../errors';
import { LoadStatus, loadState } from './LoadStatus';
import { DateField } from '../components/DateField';
import { TimeField } from '../components/TimeField';
import { formatDateTime, formatMoney } from '../format';
import type { ActionKind, ActionOutcome, ActionStatus, CaseActionsQuery, InvitationStatus } from '../gql/graphql';
import { usePendingWrites } from '../offline/offline-writes';
import { PendingWrite } from '../offline/PendingWrites';
import { OutcomeForm } from './actions/OutcomeForm';
import { InviteeAnswer, InviteForm, OutcomeHistory } from './actions/Visits';
import { actionKindLabel, actionOutcomeLabel, actionStatusLabel, invitationStatusLabel, legalText, useT, type Translate } from '../i18n';
import { GraphQLRequestError } from '../lib/graphql-http';

/**
 * A case's coordinated actions (schedule order), with the viewer's agency to find its invitations.
 * The invitees and the outcome history are the fragments of the sections showing them (actions/Visits.tsx).
 */
export const caseActionsQuery = graphql(`
  query CaseActions($caseId: ID!) {
    me {
      id
      agency {
        id
      }
    }
    caseActions(caseId: $caseId) {
      id
      kind
      status
      title
      scheduledStart
      scheduledEnd
      calendarConflict
      calendarConflictAt
      place
      leadOfficer {
        id
        fullName
      }
      personCoerced
      measure
      method
      attendees
      forces
      protection
      costEstimate
      protectionPlanDueAt
      protectionPlanNote
      protectionPlanRecordedAt
      postponementReason
      postponementLate
      reason
      outcome
      minutes
      moneyCollected
      version
      invitees {
        ...ActionInviteeFields
      }
      outcomeHistory {
        ...ActionOutcomeEntryFields
      }
      participants {
        id
        required
        status
        declineReason
        version
        agency {
          id
          name
        }
      }
      viewerCan {
        plan
        respondInvitation
        recordProtectionPlan
      }
    }
  }
`);

/** What a write to an action answers: its new status and version (the list is refetched by tag after it). */
export const actionStateFields = graphql(`
  fragment ActionStateFields on CaseAction {
    id
    status
    version
  }
`);

export const planActionMutation = graphql(`
  mutation PlanAction($input: PlanActionInput!, $idempotencyKey: String) {
    planAction(input: $input, idempotencyKey: $idempotencyKey) {
      ...ActionStateFields
    }
  }
`);

export const stepActionMutation = graphql(`
  mutation StepAction($input: StepActionInput!) {
    stepAction(input: $input) {
      ...ActionStateFields
    }
  }
`);

export const respondToInvitationMutation = graphql(`
  mutation RespondToInvitation($input: RespondInvitationInput!, $idempotencyKey: String) {
    respondToInvitation(input: $input, idempotencyKey: $idempotencyKey) {
      id
      status
      version
    }
  }
`);

export const recordProtectionPlanMutation = graphql(`
  mutation RecordProtectionPlan($input: RecordProtectionPlanInput!) {
    recordProtectionPlan(input: $input) {
      ...ActionStateFields
    }
  }
`);

type Action = CaseActionsQuery['caseActions'][number];
type Participant = Action['participants'][number];
type Step = 'MARK_READY' | 'START' | 'POSTPONE' | 'CANCEL';

const ACTION_KINDS: readonly ActionKind[] = ['PERSUASION_VISIT', 'COORDINATION_MEETING', 'VERIFICATION_VISIT', 'COERCION'];

const STATUS_TONE: Record<ActionStatus, 'ok' | 'warn' | 'neutral' | 'info'> = {
  PLANNED: 'info',
  READY: 'info',
  IN_PROGRESS: 'info',
  COMPLETED: 'ok',
  POSTPONED: 'warn',
  CANCELLED: 'neutral',
};
const INVITATION_TONE: Record<InvitationStatus, 'ok' | 'warn' | 'info'> = { INVITED: 'info', CONFIRMED: 'ok', DECLINED: 'warn' };

/** Steps the lead office may take from each status (COMPLETE goes through the outcome form; RESCHEDULE is not offered here). */
const STEPS: Record<ActionStatus, readonly Step[]> = {
  PLANNED: ['MARK_READY', 'POSTPONE', 'CANCEL'],
  READY: ['START', 'POSTPONE', 'CANCEL'],
  IN_PROGRESS: [],
  COMPLETED: [],
  POSTPONED: ['CANCEL'],
  CANCELLED: [],
};
const NEEDS_REASON: readonly Step[] = ['POSTPONE', 'CANCEL'];
/** Invitations can be answered and protection plans recorded while the action still lies ahead. */
const OPEN: readonly ActionStatus[] = ['PLANNED', 'READY', 'POSTPONED'];

/** A local date ("2027-03-10") and time ("08:00"), read as Viet Nam time, as an ISO instant. */
function vietnamLocalToIso(date: string, time: string): string {
  return new Date(`${date}T${time}:00+07:00`).toISOString();
}

/** The legal sources of a refusal: its rule and the further sources it names (e.g. the Tết decree), once each. */
function refusalSources(err: GraphQLRequestError, t: Translate): string {
  const more = Array.isArray(err.extensions.sources) ? err.extensions.sources.filter((x): x is string => typeof x === 'string') : [];
  return [...new Set([err.rule ?? '', ...more].filter(Boolean))].map((r) => legalText(t, r)).join('; ');
}

/** The server's message, with the legal rule it names for a RULE_VIOLATION. */
function actionErrorText(err: unknown, t: Translate): string {
  const text = errorText(err, t);
  return err instanceof GraphQLRequestError && err.rule ? `${text} (${t('actions.rule', { rule: refusalSources(err, t) })})` : text;
}

/**
 * A refusal that concerns the chosen time (forbidden days and hours, the voluntary period, a time in the
 * past), for the date field: the code, the server's message and the citation. Null for other errors.
 */
function scheduleRefusal(err: unknown, t: Translate): string | null {
  if (!(err instanceof GraphQLRequestError) || err.failure !== 'graphql') return null;
  const ruleCode = typeof err.extensions.ruleCode === 'string' ? err.extensions.ruleCode : null;
  const aboutTime = Array.isArray(err.extensions.ruleCodes) || err.extensions.field === 'scheduledStart' || ruleCode === 'VOLUNTARY_PERIOD';
  if (!aboutTime) return null;
  const ruleCodes = Array.isArray(err.extensions.ruleCodes)
    ? err.extensions.ruleCodes.filter((x): x is string => typeof x === 'string')
    : [ruleCode].filter((x): x is string => Boolean(x));
  const code = [err.code, ...ruleCodes].filter(Boolean).join(' · ');
  return `[${code}] ${actionErrorText(err, t)}`;
}

const DIGITS = /^\d+$/;

/** Which inline form is open, for which action or invitation. */
type Open =
  | { form: 'decline'; id: string }
  | { form: 'protection'; id: string }
  | { form: 'step'; id: string; step: Step }
  | { form: 'outcome'; id: string }
  | { form: 'reschedule'; id: string }
  | { form: 'correct'; id: string; correctsId: string }
  | { form: 'invite'; id: string }
  | null;

/**
 * The case's coordinated actions ("Vận động, cưỡng chế"): persuasion visits, meetings, verifications
 * and coercions with their invited agencies, the steps the viewer may take (as `viewerCan` says) and,
 * for the lead office, a form to plan one.
 */
export function CaseActions({
  caseId,
  canPlan,
  moneyObligations,
}: {
  caseId: string;
  canPlan: boolean;
  /** The case's money obligations (fulfilled ones too: the history names what it paid). */
  moneyObligations: ReadonlyArray<{ id: string; description: string; fulfilled?: boolean }>;
}) {
  const payable = moneyObligations.filter((o) => !o.fulfilled);
  const pendingOutcomes = usePendingWrites(caseId, 'outcome');
  const t = useT();
  const result = useQuery(caseActionsQuery, { caseId }, [tags.actions(caseId)]);
  const actions: Action[] = result.data?.caseActions ?? [];
  const myAgencyId = result.data?.me.agency.id ?? null;
  const state = loadState(result);
  /** After a change: the actions, and the case (its deadlines and money totals follow the actions). */
  const changed = () => queries.invalidate([tags.actions(caseId), tags.case(caseId), tags.cases, tags.inbox]);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [text, setText] = useState('');

  const openForm = (next: Open) => {
    setOpen(next);
    setText('');
  };

  /** Runs one mutation for `id`, then reloads the actions (and the case, whose deadlines may change). */
  const run = (id: string, send: () => Promise<unknown>) => {
    setBusy(id);
    setActionError(null);
    send().then(
      () => {
        setBusy(null);
        setOpen(null);
        setText('');
        changed();
      },
      (err: unknown) => {
        setActionError(actionErrorText(err, t));
        setBusy(null);
      },
    );
  };

  const respond = (p: Participant, confirm: boolean, reason?: string) =>
    run(p.id, () =>
      mutate(respondToInvitationMutation, {
        input: { participantId: p.id, version: p.version, confirm, reason: reason || undefined },
      }),
    );

  const submitInline = (event: FormEvent, a: Action) => {
    event.preventDefault();
    if (!open) return;
    if (open.form === 'decline') {
      const p = a.participants.find((x) => x.id === open.id);
      if (p) respond(p, false, text.trim());
    } else if (open.form === 'protection') {
      run(a.id, () => mutate(recordProtectionPlanMutation, { input: { id: a.id, version: a.version, note: text.trim() } }));
    } else if (open.form === 'step') {
      const step = open.step;
      run(a.id, () => mutate(stepActionMutation, { input: { id: a.id, version: a.version, step, reason: text.trim() || undefined } }));
    }
  };
  const inlineForm = (a: Action, label: string, submit: string, extra?: ReactNode) => (
    <form className="task-decline action-inline" onSubmit={(e) => submitInline(e, a)}>
      {extra}
      <label htmlFor={`action-text-${a.id}`}>{label}</label>
      {open?.form === 'outcome' || open?.form === 'correct' ? (
        <textarea id={`action-text-${a.id}`} value={text} onChange={(e) => setText(e.target.value)} required rows={3} />
      ) : (
        <input id={`action-text-${a.id}`} value={text} onChange={(e) => setText(e.target.value)} required autoFocus />
      )}
      <SubmitCancel submit={submit} busy={busy !== null} onCancel={() => setOpen(null)} />
    </form>
  );

  return (
    <section className="card actions" aria-labelledby="case-actions">
      <h2 id="case-actions">{t('actions.heading')}</h2>

      <LoadStatus state={state} loadingKey="actions.loading" error={result.error} onRetry={result.refetch} />
      <div role="alert">{actionError && <p className="alert alert--error">{actionError}</p>}</div>

      {state === 'ready' &&
        (actions.length === 0 ? (
          <p className="muted">{t('actions.empty')}</p>
        ) : (
          <ol className="action-list">
            {actions.map((a) => {
              const isOpen = OPEN.includes(a.status);
              const mine =
                a.viewerCan.respondInvitation && isOpen
                  ? a.participants.filter((p) => p.agency.id === myAgencyId && p.status !== 'DECLINED')
                  : [];
              const steps = a.viewerCan.plan ? STEPS[a.status] : [];
              // A calendar change put this coercion on a forbidden day: it must be rescheduled first.
              const conflictId = a.calendarConflict ? `action-conflict-${a.id}` : undefined;
              const canReschedule = a.viewerCan.plan && OPEN.includes(a.status);
              const canProtect = a.viewerCan.recordProtectionPlan && a.kind === 'COERCION' && isOpen && !a.protectionPlanRecordedAt;
              const canOutcome =
                a.viewerCan.plan &&
                a.status === 'IN_PROGRESS' &&
                !pendingOutcomes.some((item) => item.summary.actionId === a.id && !item.summary.correction);
              const working = busy !== null;
              return (
                <li key={a.id} className="action-item" aria-label={`${actionKindLabel(t, a.kind)} — ${a.title}`}>
                  <div className="action-item__head">
                    <strong>{actionKindLabel(t, a.kind)}</strong>{' '}
                    <span className={`badge badge--${STATUS_TONE[a.status]}`}>{actionStatusLabel(t, a.status)}</span>
                    <div className="muted small">{a.title}</div>
                  </div>
                  <dl className="facts facts--compact">
                    <div>
                      <dt>{t('actions.time')}</dt>
                      <dd>
                        <time dateTime={a.scheduledStart}>{formatDateTime(a.scheduledStart)}</time> –{' '}
                        <time dateTime={a.scheduledEnd}>{formatDateTime(a.scheduledEnd)}</time>
                      </dd>
                    </div>
                    <div>
                      <dt>{t('actions.place')}</dt>
                      <dd>{a.place}</dd>
                    </div>
                    <div>
                      <dt>{t('actions.lead')}</dt>
                      <dd>{a.leadOfficer.fullName}</dd>
                    </div>
                    {a.personCoerced && <Row label={t('actions.personCoerced')}>{a.personCoerced}</Row>}
                    {a.measure && <Row label={t('actions.measure')}>{a.measure}</Row>}
                    {a.method && <Row label={t('actions.method')}>{a.method}</Row>}
                    {a.forces && <Row label={t('actions.attendees')}>{a.forces}</Row>}
                    {a.protection && <Row label={t('actions.forces')}>{a.protection}</Row>}
                    {a.costEstimate != null && <Row label={t('actions.costEstimate')}>{formatMoney(a.costEstimate)}</Row>}
                    {a.protectionPlanRecordedAt ? (
                      <Row label={t('actions.protectionPlan')}>{a.protectionPlanNote}</Row>
                    ) : (
                      a.protectionPlanDueAt && (
                        <Row label={t('actions.protectionPlanDue')}>
                          <time dateTime={a.protectionPlanDueAt}>{formatDateTime(a.protectionPlanDueAt)}</time>
                        </Row>
                      )
                    )}
                    {a.outcome && <Row label={t('actions.outcome')}>{actionOutcomeLabel(t, a.outcome)}</Row>}
                    {a.minutes && <Row label={t('actions.minutes')}>{a.minutes}</Row>}
                    {a.moneyCollected !== '0' && a.status === 'COMPLETED' && (
                      <Row label={t('actions.moneyCollected')}>{formatMoney(a.moneyCollected)}</Row>
                    )}
                  </dl>
                  {a.calendarConflict && (
                    <div className="alert alert--error action-conflict" id={conflictId} role="note">
                      <p>
                        <strong>{t('actions.conflict.title')}</strong> {a.calendarConflict}
                      </p>
                      <p className="small">{t('actions.conflict.hint')}</p>
                    </div>
                  )}
                  {a.reason && <p className="muted small">{t('actions.reason', { reason: a.reason })}</p>}
                  {a.postponementLate && <p className="small">{t('actions.postponementLate')}</p>}

                  {a.participants.length > 0 && (
                    <>
                      <h3 className="action-item__sub">{t('actions.participants')}</h3>
                      <ul className="action-participants">
                        {a.participants.map((p) => (
                          <li key={p.id}>
                            {p.agency.name}
                            {p.required && <span className="muted small"> ({t('actions.required')})</span>}{' '}
                            <span className={`badge badge--${INVITATION_TONE[p.status]}`}>{invitationStatusLabel(t, p.status)}</span>
                            {p.declineReason && (
                              <span className="muted small"> {t('actions.declineReason', { reason: p.declineReason })}</span>
                            )}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}

                  {a.invitees.length > 0 && (
                    <>
                      <h3 className="action-item__sub">{t('actions.invitees')}</h3>
                      <ul className="action-participants">
                        {a.invitees.map((p) => (
                          <li key={p.id}>
                            {p.name} <span className="muted small">({p.role})</span>{' '}
                            <span className={`badge badge--${INVITATION_TONE[p.status]}`}>{invitationStatusLabel(t, p.status)}</span>
                            {p.note && <span className="muted small"> {p.note}</span>}
                            {a.viewerCan.plan && isOpen && <InviteeAnswer caseId={caseId} invitee={p} onDone={changed} />}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}

                  {a.outcomeHistory.length > 0 && (
                    <>
                      <h3 className="action-item__sub">{t('actions.history')}</h3>
                      <OutcomeHistory entries={a.outcomeHistory} obligations={moneyObligations} />
                    </>
                  )}

                  <div className="task-actions">
                    {a.viewerCan.plan && a.status === 'COMPLETED' && a.outcomeHistory.length > 0 && (
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        disabled={working}
                        onClick={() =>
                          openForm({ form: 'correct', id: a.id, correctsId: a.outcomeHistory[a.outcomeHistory.length - 1].id })
                        }
                      >
                        {t('actions.correct')}
                      </button>
                    )}
                    {mine.map((p) => (
                      <span key={p.id} className="task-actions">
                        {p.status === 'INVITED' && (
                          <button
                            type="button"
                            className="button button--primary button--small"
                            disabled={working}
                            onClick={() => respond(p, true)}
                          >
                            {t('actions.confirm')}
                          </button>
                        )}
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          disabled={working}
                          onClick={() => openForm({ form: 'decline', id: p.id })}
                        >
                          {t('actions.decline')}
                        </button>
                      </span>
                    ))}
                    {canProtect && (
                      <button
                        type="button"
                        className="button button--primary button--small"
                        disabled={working}
                        onClick={() => openForm({ form: 'protection', id: a.id })}
                      >
                        {t('actions.recordProtection')}
                      </button>
                    )}
                    {steps.map((step) =>
                      NEEDS_REASON.includes(step) ? (
                        <button
                          key={step}
                          type="button"
                          className="button button--small button--secondary"
                          disabled={working}
                          onClick={() => openForm({ form: 'step', id: a.id, step })}
                        >
                          {t(`actions.step.${step}`)}
                        </button>
                      ) : (
                        <button
                          key={step}
                          type="button"
                          className="button button--primary button--small"
                          disabled={working || Boolean(conflictId)}
                          aria-describedby={conflictId}
                          onClick={() => run(a.id, () => mutate(stepActionMutation, { input: { id: a.id, version: a.version, step } }))}
                        >
                          {t(`actions.step.${step}`)}
                        </button>
                      ),
                    )}
                    {a.viewerCan.plan && isOpen && (
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        disabled={working}
                        onClick={() => openForm({ form: 'invite', id: a.id })}
                      >
                        {t('visits.invite')}
                      </button>
                    )}
                    {canReschedule && (
                      <button
                        type="button"
                        className={`button button--small ${conflictId ? 'button--primary' : 'button--secondary'}`}
                        disabled={working}
                        onClick={() => openForm({ form: 'reschedule', id: a.id })}
                      >
                        {t('actions.reschedule')}
                      </button>
                    )}
                    {canOutcome && (
                      <button
                        type="button"
                        className="button button--primary button--small"
                        disabled={working}
                        onClick={() => openForm({ form: 'outcome', id: a.id })}
                      >
                        {t('actions.recordOutcome')}
                      </button>
                    )}
                  </div>

                  {open?.form === 'decline' &&
                    a.participants.some((p) => p.id === open.id) &&
                    inlineForm(a, t('actions.declineLabel'), t('actions.declineConfirm'))}
                  {open?.form === 'protection' && open.id === a.id && inlineForm(a, t('actions.protectionNote'), t('actions.save'))}
                  {open?.form === 'reschedule' && open.id === a.id && (
                    <RescheduleForm
                      action={a}
                      onDone={() => {
                        setOpen(null);
                        changed();
                      }}
                      onCancel={() => setOpen(null)}
                    />
                  )}
                  {open?.form === 'step' && open.id === a.id && inlineForm(a, t('actions.stepReason'), t(`actions.step.${open.step}`))}
                  {(open?.form === 'outcome' || open?.form === 'correct') && open.id === a.id && (
                    <OutcomeForm
                      caseId={caseId}
                      action={a}
                      correctsId={open.form === 'correct' ? open.correctsId : undefined}
                      obligations={payable}
                      onDone={() => {
                        setOpen(null);
                        changed();
                      }}
                      onCancel={() => setOpen(null)}
                    />
                  )}
                  {open?.form === 'invite' && open.id === a.id && (
                    <InviteForm
                      caseId={caseId}
                      action={a}
                      onDone={() => {
                        setOpen(null);
                        changed();
                      }}
                      onCancel={() => setOpen(null)}
                    />
                  )}
                  {pendingOutcomes
                    .filter((item) => item.summary.actionId === a.id)
                    .map((item) => (
                      <PendingWrite
                        key={item.id}
                        item={item}
                        reapply={(variables) => ({ ...variables, input: { ...(variables.input as object), version: a.version } })}
                      >
                        <p>
                          {t('actions.outcome')}: {actionOutcomeLabel(t, item.summary.outcome as ActionOutcome)}
                          {item.summary.total !== '0' && <> — {formatMoney(item.summary.total)}</>}
                        </p>
                      </PendingWrite>
                    ))}
                </li>
              );
            })}
          </ol>
        ))}

      {canPlan && (
        <PlanForm
          caseId={caseId}
          onPlanned={() => {
            changed();
          }}
        />
      )}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The day and hours of an action being planned or moved (Viet Nam time), and the server's refusal of
 * that time, which is shown under the date field rather than at the end of the form.
 */
function useActionTime() {
  const t = useT();
  const [day, setDay] = useState<string | null>(null);
  const [start, setStart] = useState<string | null>(null);
  const [end, setEnd] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  /** Bumped by `clear`: the fields are their own text state, so they start empty again as new fields. */
  const [round, setRound] = useState(0);
  return {
    day,
    start,
    end,
    refusal,
    round,
    setDay: (v: string | null) => {
      setDay(v);
      setRefusal(null);
    },
    setStart,
    setEnd,
    /** The chosen time as instants, or null while a part is missing or not understood. */
    chosen: day && start && end ? { scheduledStart: vietnamLocalToIso(day, start), scheduledEnd: vietnamLocalToIso(day, end) } : null,
    clear: () => {
      setDay(null);
      setStart(null);
      setEnd(null);
      setRound((n) => n + 1);
    },
    /** Before a send: no refusal shown any more. */
    resetRefusal: () => setRefusal(null),
    /** A failed send: a refusal of the time goes under the date field, any other error to `otherwise`. */
    showError: (err: unknown, otherwise: (text: string) => void) => {
      const about = scheduleRefusal(err, t);
      if (about) setRefusal(about);
      else otherwise(actionErrorText(err, t));
    },
  };
}

/** The date and the start and end hours of {@link useActionTime}; `name` names each input (day, start, end). */
function ActionTimeFields({ time, name }: { time: ReturnType<typeof useActionTime>; name: (part: 'day' | 'start' | 'end') => string }) {
  const t = useT();
  return (
    <>
      <DateField
        key={`day-${time.round}`}
        label={t('actions.planDay')}
        value={time.day}
        onChange={time.setDay}
        error={time.refusal}
        name={name('day')}
      />
      <TimeField
        key={`start-${time.round}`}
        label={t('actions.planStart')}
        value={time.start}
        onChange={time.setStart}
        name={name('start')}
      />
      <TimeField key={`end-${time.round}`} label={t('actions.planEnd')} value={time.end} onChange={time.setEnd} name={name('end')} />
    </>
  );
}

function PlanForm({ caseId, onPlanned }: { caseId: string; onPlanned: () => void }) {
  const t = useT();
  const [kind, setKind] = useState<ActionKind>('PERSUASION_VISIT');
  const [place, setPlace] = useState('');
  const time = useActionTime();
  const [personCoerced, setPersonCoerced] = useState('');
  const [measure, setMeasure] = useState('');
  const [method, setMethod] = useState('');
  /** "Thành phần tham gia" (the API's `forces`) and "lực lượng bảo vệ" (its `protection`). */
  const [forces, setForces] = useState('');
  const [protection, setProtection] = useState('');
  const [cost, setCost] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const coercion = kind === 'COERCION';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const chosen = time.chosen;
    if (!place.trim() || !chosen) {
      setError(t('actions.planMissing'));
      return;
    }
    const costDigits = cost.replace(/[\s.]/g, '');
    if (coercion && costDigits && !DIGITS.test(costDigits)) {
      setError(t('actions.costDigits'));
      return;
    }
    const optional = (v: string) => v.trim() || undefined;
    setSending(true);
    setError(null);
    time.resetRefusal();
    setDone(false);
    mutate(planActionMutation, {
      input: {
        caseId,
        kind,
        place: place.trim(),
        ...chosen,
        ...(coercion
          ? {
              personCoerced: optional(personCoerced),
              measure: optional(measure),
              method: optional(method),
              forces: optional(forces),
              protection: optional(protection),
              costEstimate: costDigits || undefined,
            }
          : {}),
      },
    }).then(
      () => {
        setPlace('');
        time.clear();
        setPersonCoerced('');
        setMeasure('');
        setMethod('');
        setForces('');
        setProtection('');
        setCost('');
        setSending(false);
        setDone(true);
        onPlanned();
      },
      (err: unknown) => {
        time.showError(err, setError);
        setSending(false);
      },
    );
  };

  return (
    <form className="task-assign" onSubmit={submit} noValidate aria-labelledby="action-plan-heading">
      <h3 id="action-plan-heading">{t('actions.plan')}</h3>
      <div className="task-assign__fields">
        <SelectField
          label={t('actions.planKind')}
          value={kind}
          onChange={(v) => setKind(v as ActionKind)}
          options={ACTION_KINDS.map((k) => ({ value: k, label: actionKindLabel(t, k) }))}
        />
        <TextField label={t('actions.planPlace')} value={place} onChange={setPlace} maxLength={300} />
        <ActionTimeFields time={time} name={(part) => `action-${part}`} />
        {coercion && (
          <>
            <TextField label={t('actions.personCoerced')} value={personCoerced} onChange={setPersonCoerced} maxLength={300} />
            <TextField label={t('actions.measure')} value={measure} onChange={setMeasure} maxLength={300} />
            <TextField label={t('actions.method')} value={method} onChange={setMethod} maxLength={300} />
            <TextField label={t('actions.attendees')} value={forces} onChange={setForces} maxLength={1000} />
            <TextField label={t('actions.forces')} value={protection} onChange={setProtection} maxLength={1000} />
            <TextField label={t('actions.planCost')} value={cost} onChange={setCost} inputMode="numeric" />
          </>
        )}
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? t('actions.planning') : t('actions.planSubmit')}
        </button>
      </div>
      <FormAlert error={error} />
      <p className="visually-hidden" role="status">
        {done ? t('actions.planned') : ''}
      </p>
    </form>
  );
}

/** Moves a planned, ready or postponed action to a new day and time (one step; the server re-checks the coercion rules). */
function RescheduleForm({ action, onDone, onCancel }: { action: Action; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const time = useActionTime();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const chosen = time.chosen;
    if (!chosen) {
      setError(t('actions.rescheduleMissing'));
      return;
    }
    setSending(true);
    setError(null);
    time.resetRefusal();
    mutate(stepActionMutation, { input: { id: action.id, version: action.version, step: 'RESCHEDULE', ...chosen } }).then(
      () => {
        setSending(false);
        onDone();
      },
      (err: unknown) => {
        time.showError(err, setError);
        setSending(false);
      },
    );
  };

  return (
    <form className="task-decline action-inline" onSubmit={submit} noValidate aria-label={t('actions.rescheduleHeading')}>
      <p className="small">{t('actions.rescheduleHint')}</p>
      <ActionTimeFields time={time} name={(part) => `reschedule-${part}-${action.id}`} />
      <FormAlert error={error} />
      <SubmitCancel submit={t('actions.rescheduleSubmit')} busy={sending} onCancel={onCancel} />
    </form>
  );
}
