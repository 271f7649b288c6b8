import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { session } from '../auth/session';
import { errorText } from '../errors';
import { formatArea, formatDate, formatDateTime, formatMoney, formatTime } from '../format';
import type { CaseActivitySubscription, CaseDetailQuery } from '../gql/graphql';
import { deadlineKindLabel, eventTypeLabel, obligationKindLabel, participantRoleLabel, partyRoleLabel, useT, type MessageKey } from '../i18n';
import { subscribeWithResume, type LiveClient } from '../lib/live-subscription';
import { caseActivitySubscription, caseQuery } from '../operations';
import { homeHref } from '../router';
import { CaseActions } from './CaseActions';
import { CaseTasks } from './CaseTasks';
import { CaseThread } from './CaseThread';
import { StatusBadge } from './StatusBadge';

type CaseDetail = CaseDetailQuery['case'];
type Restricted = CaseDetail['parties'][number]['idNumber'];

type Load = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: CaseDetail };
type Activity = CaseActivitySubscription['caseActivity'];

/** How many live events the "recent activity" list keeps. */
const RECENT_ACTIVITY = 10;
/** Events often come in bursts (one mutation, several events): one refetch per burst. */
const REFETCH_DEBOUNCE_MS = 200;

/** A restricted personal field: the value, or "Protected" with the server's reason. */
function RestrictedValue({ field }: { field: Restricted }) {
  const t = useT();
  if (field.hidden) {
    return (
      <span className="protected" title={field.reason ?? undefined}>
        <span aria-hidden="true" className="protected__icon">
          🔒
        </span>{' '}
        {t('case.protected')}
        {field.reason && <span className="visually-hidden"> ({t('case.protectedReason', { reason: field.reason })})</span>}
      </span>
    );
  }
  return <>{field.value ?? t('case.none')}</>;
}

/** Each agency once (an agency may take part in a case in more than one role). */
function uniqueAgencies(agencies: ReadonlyArray<{ id: string; name: string }>): Array<{ id: string; name: string }> {
  const seen = new Map<string, { id: string; name: string }>();
  for (const a of agencies) if (!seen.has(a.id)) seen.set(a.id, { id: a.id, name: a.name });
  return [...seen.values()];
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * One enforcement case: facts, deadlines, parties, obligations, totals and agencies (read-only), then
 * its thread and tasks (where the viewer may post, assign and respond as the API allows).
 * While it is open it follows the case's live activity (when `live` is given): every event refetches
 * the case, the thread and the tasks, and the last events are listed as recent activity.
 */
export function CaseDetailPage({ id, live = null }: { id: string; live?: LiveClient | null }) {
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [activity, setActivity] = useState<Activity[]>([]);
  /** Bumped with every live refetch, so the thread and task sections reload too. */
  const [liveTick, setLiveTick] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** The log position the loaded case was read at (`liveCursor`): the live subscription starts after it. */
  const loadedAt = useRef<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    session.request(caseQuery, { id }, controller.signal).then(
      (data) => {
        loadedAt.current = data.liveCursor;
        setLoad({ state: 'ready', data: data.case });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [id, attempt]);

  // A background refetch keeps the page as it is until the new data arrives; only the newest
  // request may update it (an older answer arriving late would show stale data).
  const refetchAbort = useRef<AbortController | null>(null);
  const refetch = useCallback(
    (announce: boolean) => {
      refetchAbort.current?.abort();
      const controller = new AbortController();
      refetchAbort.current = controller;
      setLiveTick((n) => n + 1);
      session.request(caseQuery, { id }, controller.signal).then(
        (data) => {
          if (controller.signal.aborted) return;
          setLoad({ state: 'ready', data: data.case });
          if (announce) setUpdatedAt(new Date());
        },
        () => {
          // Keep what is shown; the next event (or a reload) tries again.
        },
      );
    },
    [id],
  );
  useEffect(() => () => refetchAbort.current?.abort(), []);

  const ready = load.state === 'ready';
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);

  // Live activity: subscribe once the case is loaded, after the `liveCursor` it was read at, so an
  // event committed between the load and the subscription is replayed, not missed. Without a cursor
  // (after a resync: ours was too old) it subscribes "from now" and refetches once right after
  // subscribing (and after a reconnect that still has no cursor) to cover that gap.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!live || !ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let announce = false;
    const schedule = (fromEvent: boolean) => {
      announce ||= fromEvent;
      clearTimeout(timer);
      timer = setTimeout(() => {
        refetch(announce);
        announce = false;
      }, REFETCH_DEBOUNCE_MS);
    };
    const after = loadedAt.current;
    const subscription = subscribeWithResume({
      client: live,
      query: caseActivitySubscription,
      variables: { caseId: id },
      after,
      select: (data) => data.caseActivity,
      cursorOf: (event) => event.cursor,
      onEvent: (event) => {
        setActivity((list) => [event, ...list].slice(0, RECENT_ACTIVITY));
        schedule(true);
      },
      onResync: () => {
        loadedAt.current = null;
        refetch(false);
        setGeneration((g) => g + 1);
      },
      onError: () => {
        // Not fatal for a read-only page: the connection indicator shows the link's state.
      },
    });
    if (after == null) schedule(false);
    const offConnected = live.on('connected', () => {
      if (subscription.lastCursor() === undefined) schedule(false);
    });
    return () => {
      clearTimeout(timer);
      offConnected();
      subscription.unsubscribe();
    };
  }, [live, ready, id, generation, refetch]);

  const date = (iso: string | null | undefined) => (iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : <span className="muted">{t('case.noDate')}</span>);

  return (
    <div className="case-detail">
      <p>
        <a href={homeHref} className="back-link">
          {t('case.back')}
        </a>
      </p>

      {load.state === 'loading' && (
        <p className="muted" role="status">
          {t('case.loading')}
        </p>
      )}

      {load.state === 'error' && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(load.error, t)}</p>
          <button type="button" className="button button--secondary" onClick={() => setAttempt((n) => n + 1)}>
            {t('home.retry')}
          </button>
        </div>
      )}

      {load.state === 'ready' && (
        <>
          {/* Always rendered, so screen readers know the region before its text changes. */}
          <p className="case-detail__updated muted" role="status" aria-live="polite">
            {updatedAt && t('case.updatedAt', { time: formatTime(updatedAt) })}
          </p>
          <CaseBody c={load.data} headingRef={headingRef} date={date} />
          <CaseActions
            caseId={load.data.id}
            refreshKey={liveTick}
            canPlan={load.data.viewerCan.update}
            moneyObligations={load.data.obligations.filter((o) => o.kind === 'PAY_MONEY' && !o.fulfilled).map((o) => ({ id: o.id, description: o.description }))}
            onChanged={() => refetch(false)}
          />
          <CaseThread
            caseId={load.data.id}
            refreshKey={liveTick}
            extraKinds={[...(load.data.viewerCan.postDirective ? (['DIRECTIVE'] as const) : []), ...(load.data.viewerCan.postRecommendation ? (['RECOMMENDATION'] as const) : [])]}
          />
          <CaseTasks
            caseId={load.data.id}
            refreshKey={liveTick}
            canAssign={load.data.viewerCan.assignTask}
            agencies={uniqueAgencies(load.data.participants.map((p) => p.agency))}
          />
          <Section id="case-activity" title={t('case.activity')}>
            {activity.length === 0 ? (
              <p className="muted">{t('case.noActivity')}</p>
            ) : (
              <ol className="activity">
                {activity.map((event) => (
                  <li key={event.cursor}>
                    <time dateTime={event.occurredAt}>{formatTime(event.occurredAt)}</time> {eventTypeLabel(t, event.type)}
                  </li>
                ))}
              </ol>
            )}
          </Section>
        </>
      )}
    </div>
  );
}

function CaseBody({
  c,
  headingRef,
  date,
}: {
  c: CaseDetail;
  headingRef: RefObject<HTMLHeadingElement | null>;
  date: (iso: string | null | undefined) => ReactNode;
}) {
  const t = useT();
  const flags: MessageKey[] = [];
  if (c.complex) flags.push('case.flag.complex');
  if (c.backlog) flags.push('case.flag.backlog');
  if (c.urgentSecurity) flags.push('case.flag.urgentSecurity');

  return (
    <>
      <header className="case-detail__header">
        <h1 ref={headingRef} tabIndex={-1}>
          {c.decisionNumber ? t('case.heading', { number: c.decisionNumber }) : t('cases.noDecision')}
        </h1>
        <p className="case-detail__badges">
          <StatusBadge status={c.status} />
          {c.overdue && <span className="badge badge--danger">{t('cases.overdue')}</span>}
        </p>
      </header>

      <div className="grid">
        <Section id="case-general" title={t('case.general')}>
          <dl className="facts">
            <Fact label={t('case.judgment')}>{t('case.judgmentValue', { number: c.judgmentNumber, date: formatDate(c.judgmentDate) })}</Fact>
            <Fact label={t('case.court')}>{c.judgmentCourt}</Fact>
            <Fact label={t('case.leadAgency')}>{c.leadAgency.name}</Fact>
            <Fact label={t('case.officer')}>{c.officer?.fullName ?? <span className="muted">{t('case.noOfficer')}</span>}</Fact>
            <Fact label={t('case.commune')}>{c.commune.name}</Fact>
            <Fact label={t('case.flags')}>
              {flags.length === 0 ? (
                <span className="muted">{t('case.noFlags')}</span>
              ) : (
                <ul className="chips">
                  {flags.map((f) => (
                    <li key={f} className={`chip${f === 'case.flag.urgentSecurity' ? ' chip--danger' : ''}`}>
                      {t(f)}
                    </li>
                  ))}
                </ul>
              )}
            </Fact>
            {c.notes && <Fact label={t('case.notes')}>{c.notes}</Fact>}
          </dl>
        </Section>

        <div>
          <Section id="case-deadlines" title={t('deadlines.heading')}>
            <dl className="facts">
              <Fact label={t('case.decisionDue')}>{date(c.decisionDueAt)}</Fact>
              {c.deadlines.map((d) => (
                <Fact key={`${d.kind}:${d.actionId ?? ''}`} label={deadlineKindLabel(t, d.kind)}>
                  {date(d.dueAt)}
                  {d.missed ? (
                    <>
                      {' '}
                      <span className="badge badge--danger">{t('deadlines.missed')}</span>
                    </>
                  ) : (
                    d.passed && (
                      <>
                        {' '}
                        <span className="badge badge--neutral">{t('deadlines.passed')}</span>
                      </>
                    )
                  )}
                  <div className="muted small">{d.legalSource}</div>
                </Fact>
              ))}
            </dl>
          </Section>

          <Section id="case-totals" title={t('case.totals')}>
            <dl className="facts">
              <Fact label={t('case.totalOwed')}>{formatMoney(c.totals.owed)}</Fact>
              <Fact label={t('case.totalCollected')}>{formatMoney(c.totals.collected)}</Fact>
              <Fact label={t('case.openObligations')}>{c.totals.openObligations}</Fact>
            </dl>
          </Section>
        </div>
      </div>

      <Section id="case-parties" title={t('case.parties')}>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('case.parties')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('case.partyName')}</th>
                <th scope="col">{t('case.partyRole')}</th>
                <th scope="col">{t('case.address')}</th>
                <th scope="col">{t('case.idNumber')}</th>
                <th scope="col">{t('case.phone')}</th>
              </tr>
            </thead>
            <tbody>
              {c.parties.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>{partyRoleLabel(t, p.role)}</td>
                  <td>{p.address ?? t('case.none')}</td>
                  <td>
                    <RestrictedValue field={p.idNumber} />
                  </td>
                  <td>
                    <RestrictedValue field={p.phone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="case-obligations" title={t('case.obligations')}>
        {c.obligations.length === 0 ? (
          <p className="muted">{t('case.noObligations')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t('case.obligations')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('case.obligationKind')}</th>
                  <th scope="col">{t('case.obligationDescription')}</th>
                  <th scope="col" className="num">
                    {t('case.owed')}
                  </th>
                  <th scope="col" className="num">
                    {t('case.collected')}
                  </th>
                  <th scope="col" className="num">
                    {t('case.landArea')}
                  </th>
                  <th scope="col">{t('case.fulfilled')}</th>
                </tr>
              </thead>
              <tbody>
                {c.obligations.map((o) => (
                  <tr key={o.id}>
                    <th scope="row">{obligationKindLabel(t, o.kind)}</th>
                    <td>{o.description}</td>
                    <td className="num">{formatMoney(o.amountOwed)}</td>
                    <td className="num">{o.kind === 'PAY_MONEY' || o.amountCollected !== '0' ? formatMoney(o.amountCollected) : t('case.none')}</td>
                    <td className="num">{formatArea(o.landAreaM2)}</td>
                    <td>{o.fulfilled ? t('case.fulfilledYes') : t('case.fulfilledNo')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section id="case-participants" title={t('case.participants')}>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('case.participants')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('case.agency')}</th>
                <th scope="col">{t('case.participantRole')}</th>
              </tr>
            </thead>
            <tbody>
              {c.participants.map((p) => (
                <tr key={`${p.agency.id}:${p.role}`}>
                  <th scope="row">{p.agency.name}</th>
                  <td>{participantRoleLabel(t, p.role)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </>
  );
}
