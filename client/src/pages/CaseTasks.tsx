import { useState, type FormEvent } from 'react';
import { mutate, tags, useQuery } from '../data';
import { errorText } from '../errors';
import { LoadStatus, loadState } from './LoadStatus';
import { DateField } from '../components/DateField';
import { FormAlert, SelectField } from '../components/FormFields';
import { formatDateTime } from '../format';
import type { TaskAction, TaskCardFragment, TaskKind, TaskStatus } from '../gql/graphql';
import { taskKindLabel, taskStatusLabel, useT, type MessageKey } from '../i18n';
import { graphql } from '../gql';
import { transitionTaskMutation } from '../operations';
import { sendOrQueue, usePendingWrites } from '../offline/offline-writes';
import { PendingWrite } from '../offline/PendingWrites';

export const assignTaskMutation = graphql(`
  mutation AssignTask($input: AssignTaskInput!, $idempotencyKey: String) {
    assignTask(input: $input, idempotencyKey: $idempotencyKey) {
      id
      status
    }
  }
`);

type Task = TaskCardFragment;

/** What one task card shows and needs to act (colocated with the component that renders it). */
export const taskCardFields = graphql(`
  fragment TaskCard on Task {
    id
    title
    kind
    status
    dueAt
    overdue
    reason
    version
    assigneeAgency {
      id
      name
    }
    viewerCan {
      respond
      cancel
    }
  }
`);

/** The tasks of one case (newest first) with what the viewer may do with each. */
export const caseTasksQuery = graphql(`
  query CaseTasks($caseId: ID!, $first: Int) {
    caseTasks(caseId: $caseId, first: $first) {
      totalCount
      edges {
        node {
          ...TaskCard
        }
      }
    }
  }
`);

/** How many tasks of a case are listed (newest first). */
const TASKS_SHOWN = 100;

const STATUS_TONE: Record<TaskStatus, 'ok' | 'warn' | 'neutral' | 'info'> = {
  OPEN: 'info',
  ACCEPTED: 'info',
  IN_PROGRESS: 'info',
  DONE: 'ok',
  DECLINED: 'warn',
  CANCELLED: 'neutral',
};

const TASK_KINDS: readonly TaskKind[] = [
  'PERSUADE',
  'VERIFY_CONDITIONS',
  'SERVE_NOTICE',
  'PROVIDE_INFORMATION',
  'FREEZE_ACCOUNT',
  'PROTECTION_PLAN',
  'ATTEND_ACTION',
  'EXPLAIN_JUDGMENT',
  'OTHER',
];

/** Workflow steps the assignee agency may take from each status (DECLINE has its own form). */
const RESPONSES: Record<TaskStatus, ReadonlyArray<{ action: Exclude<TaskAction, 'DECLINE' | 'CANCEL'>; label: MessageKey }>> = {
  OPEN: [{ action: 'ACCEPT', label: 'tasks.accept' }],
  ACCEPTED: [
    { action: 'START', label: 'tasks.start' },
    { action: 'COMPLETE', label: 'tasks.complete' },
  ],
  IN_PROGRESS: [{ action: 'COMPLETE', label: 'tasks.complete' }],
  DONE: [],
  DECLINED: [],
  CANCELLED: [],
};
const DECLINABLE: readonly TaskStatus[] = ['OPEN', 'ACCEPTED'];
const CANCELLABLE: readonly TaskStatus[] = ['OPEN', 'ACCEPTED', 'IN_PROGRESS'];

/** The end of a calendar day (YYYY-MM-DD) in Viet Nam, as an ISO instant. */
function endOfDayInVietnam(ymd: string): string {
  return new Date(`${ymd}T23:59:59+07:00`).toISOString();
}

/**
 * The case's tasks ("Nhiệm vụ"): what each agency was asked to do, its status and deadline, the
 * steps the viewer may take (as the API's `viewerCan` says) and, for those who may assign tasks, a
 * compact form to assign one to a participating agency.
 */
export function CaseTasks({
  caseId,
  canAssign,
  agencies,
}: {
  caseId: string;
  canAssign: boolean;
  agencies: ReadonlyArray<{ id: string; name: string }>;
}) {
  const t = useT();
  const result = useQuery(caseTasksQuery, { caseId, first: TASKS_SHOWN }, [tags.tasks(caseId)]);
  const tasks: Task[] = result.data?.caseTasks.edges.map((e) => e.node) ?? [];
  const state = loadState(result);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [declining, setDeclining] = useState<string | null>(null);
  const [reason, setReason] = useState('');

  const pending = usePendingWrites(caseId, 'task');
  const actionLabel = (action: string | undefined) => {
    const found = Object.values(RESPONSES)
      .flat()
      .find((r) => r.action === action);
    return found ? t(found.label) : action === 'DECLINE' ? t('tasks.decline') : (action ?? '');
  };
  const act = (task: Task, action: TaskAction, why?: string) => {
    setBusy(task.id);
    setActionError(null);
    // Offline, the step waits in the queue (shown below as "Đang chờ gửi") and is sent on reconnect.
    sendOrQueue({
      kind: 'task',
      caseId,
      document: transitionTaskMutation,
      variables: { input: { id: task.id, version: task.version, action, reason: why || undefined } },
      invalidates: [tags.tasks(caseId), tags.inbox],
      summary: { taskId: task.id, title: task.title, action },
    }).then(
      () => {
        setBusy(null);
        setDeclining(null);
        setReason('');
      },
      (err: unknown) => {
        setActionError(errorText(err, t));
        setBusy(null);
      },
    );
  };

  const submitDecline = (event: FormEvent, task: Task) => {
    event.preventDefault();
    act(task, 'DECLINE', reason.trim());
  };

  return (
    <section className="card tasks" aria-labelledby="case-tasks">
      <h2 id="case-tasks">{t('tasks.heading')}</h2>

      <LoadStatus state={state} loadingKey="tasks.loading" error={result.error} onRetry={result.refetch} />
      <div role="alert">{actionError && <p className="alert alert--error">{actionError}</p>}</div>
      {pending.map((item) => (
        <PendingWrite
          key={item.id}
          item={item}
          reapply={(variables) => {
            // Re-apply on top of what the task is now (its current version).
            const input = variables.input as { id: string; version: number };
            const now = tasks.find((x) => x.id === input.id);
            return now ? { ...variables, input: { ...input, version: now.version } } : variables;
          }}
        >
          <p>
            {item.summary.title} — {actionLabel(item.summary.action)}
          </p>
        </PendingWrite>
      ))}

      {state === 'ready' &&
        (tasks.length === 0 ? (
          <p className="muted">{t('tasks.empty')}</p>
        ) : (
          <ul className="card-list" aria-label={t('tasks.caption')}>
            {tasks.map((task) => {
              const responses = task.viewerCan.respond ? RESPONSES[task.status] : [];
              const canDecline = task.viewerCan.respond && DECLINABLE.includes(task.status);
              const canCancel = task.viewerCan.cancel && CANCELLABLE.includes(task.status);
              const working = busy === task.id;
              return (
                <li key={task.id} className="item-card">
                  <h3 className="item-card__title">{task.title}</h3>
                  <p className="item-card__meta">
                    <span className={`badge badge--${STATUS_TONE[task.status]}`}>{taskStatusLabel(t, task.status)}</span>{' '}
                    {taskKindLabel(t, task.kind)} · {task.assigneeAgency.name}
                  </p>
                  {task.reason && <p className="muted small">{t('tasks.reason', { reason: task.reason })}</p>}
                  <p className="item-card__meta">
                    <span className="muted">{t('tasks.colDue')}: </span>
                    {task.dueAt ? (
                      <time dateTime={task.dueAt}>{formatDateTime(task.dueAt)}</time>
                    ) : (
                      <span className="muted">{t('tasks.noDue')}</span>
                    )}
                    {task.overdue && (
                      <>
                        {' '}
                        <span className="badge badge--danger">{t('tasks.overdue')}</span>
                      </>
                    )}
                  </p>
                  <div>
                    <div className="task-actions">
                      {responses.map((r) => (
                        <button
                          key={r.action}
                          type="button"
                          className="button button--primary button--small"
                          disabled={working}
                          onClick={() => act(task, r.action)}
                        >
                          {t(r.label)}
                        </button>
                      ))}
                      {canDecline && declining !== task.id && (
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          disabled={working}
                          onClick={() => {
                            setDeclining(task.id);
                            setReason('');
                          }}
                        >
                          {t('tasks.decline')}
                        </button>
                      )}
                      {canCancel && (
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          disabled={working}
                          onClick={() => act(task, 'CANCEL')}
                        >
                          {t('tasks.cancel')}
                        </button>
                      )}
                    </div>
                    {declining === task.id && (
                      <form className="task-decline" onSubmit={(e) => submitDecline(e, task)}>
                        <label htmlFor={`decline-${task.id}`}>{t('tasks.declineReason')}</label>
                        <input id={`decline-${task.id}`} value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus />
                        <button type="submit" className="button button--primary button--small" disabled={working}>
                          {t('tasks.declineConfirm')}
                        </button>
                        <button type="button" className="button button--small button--secondary" onClick={() => setDeclining(null)}>
                          {t('tasks.declineAbort')}
                        </button>
                      </form>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        ))}

      {canAssign && <AssignForm caseId={caseId} agencies={agencies} />}
    </section>
  );
}

function AssignForm({ caseId, agencies }: { caseId: string; agencies: ReadonlyArray<{ id: string; name: string }> }) {
  const t = useT();
  const [agencyId, setAgencyId] = useState('');
  const [kind, setKind] = useState<TaskKind>('PERSUADE');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState<string | null>(null);
  /** Bumped after a task is assigned: the date field starts empty again. */
  const [formRound, setFormRound] = useState(0);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    if (!agencyId || !title.trim()) {
      setError(t('tasks.missingFields'));
      return;
    }
    setSending(true);
    setError(null);
    setDone(false);
    mutate(
      assignTaskMutation,
      { input: { caseId, agencyId, kind, title: title.trim(), dueAt: due ? endOfDayInVietnam(due) : undefined } },
      [tags.tasks(caseId)],
    ).then(
      () => {
        setTitle('');
        setDue(null);
        setFormRound((n) => n + 1);
        setSending(false);
        setDone(true);
      },
      (err: unknown) => {
        setError(errorText(err, t));
        setSending(false);
      },
    );
  };

  return (
    <form className="task-assign" onSubmit={submit} noValidate aria-labelledby="task-assign-heading">
      <h3 id="task-assign-heading">{t('tasks.assign')}</h3>
      <div className="task-assign__fields">
        <SelectField
          label={t('tasks.assignAgency')}
          value={agencyId}
          onChange={setAgencyId}
          empty="—"
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
        />
        <SelectField
          label={t('tasks.assignKind')}
          value={kind}
          onChange={(v) => setKind(v as TaskKind)}
          options={TASK_KINDS.map((k) => ({ value: k, label: taskKindLabel(t, k) }))}
        />
        <div className="field">
          <label htmlFor="task-title">{t('tasks.assignTitle')}</label>
          <input id="task-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        </div>
        <DateField key={formRound} label={t('tasks.assignDue')} value={due} onChange={setDue} name="task-due" />
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? t('tasks.assigning') : t('tasks.assignSubmit')}
        </button>
      </div>
      <FormAlert error={error} />
      <p className="visually-hidden" role="status">
        {done ? t('tasks.assigned') : ''}
      </p>
    </form>
  );
}
