import { graphql } from '../gql';
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { DataTable } from '../components/DataTable';
import { tags, useOfflineCopy, useQuery } from '../data';
import { formatArea, formatDate, formatDateTime, formatMoney, formatTime } from '../format';
import type { CaseActivitySubscription, CaseDetailQuery } from '../gql/graphql';
import {
  deadlineKindLabel,
  eventKindLabel,
  legalText,
  obligationKindLabel,
  participantRoleLabel,
  partyRoleLabel,
  useT,
  type MessageKey,
} from '../i18n';
import { LockIcon } from '../icons';
import { GraphQLRequestError } from '../lib/graphql-http';
import type { LiveClient } from '../lib/live-subscription';
import { useLiveEvents } from '../live-events';
import { editCaseHref, homeHref } from '../router';
import { CaseActions } from './CaseActions';
import { LegalPanel, useRecordingClosed } from './case/LegalPanel';
import { LoadStatus, loadState } from './LoadStatus';
import { CaseTasks } from './CaseTasks';
import { CaseThread } from './CaseThread';
import { StatusBadge } from './StatusBadge';

/**
 * Everything the (read-only) case page shows. Restricted party fields are audited on read.
 * `liveCursor` is the log position the data was read at: the live subscription starts after it.
 */
export const caseQuery = graphql(`
  query CaseDetail($id: ID!) {
    liveCursor
    case(id: $id) {
      id
      decisionNumber
      judgmentNumber
      judgmentCourt
      judgmentDate
      status
      commune {
        id
        name
      }
      leadAgency {
        id
        name
      }
      officer {
        id
        fullName
      }
      parties {
        id
        name
        role
        kind
        address
        idNumber {
          value
          hidden
          reason
        }
        phone {
          value
          hidden
          reason
        }
      }
      obligations {
        id
        kind
        description
        amountOwed
        amountCollected
        landAreaM2
        fulfilled
      }
      participants {
        role
        agency {
          id
          name
          kind
        }
      }
      totals {
        owed
        collected
        openObligations
      }
      overdue
      voluntaryPeriodEndsAt
      verificationDueAt
      decisionDueAt
      deadlines {
        kind
        dueAt
        legalSource
        passed
        missed
        actionId
      }
      urgentSecurity
      complex
      backlog
      notes
      viewerCan {
        update
        share
        transition
        readRestricted
        assignTask
        postDirective
        postRecommendation
      }
      version
    }
  }
`);

/**
 * What happens on one case, live: replayed after `after`, then as it happens. The case page only
 * needs to know that something changed (it refetches the case) and what to list as recent activity.
 */
export const caseActivitySubscription = graphql(`
  subscription CaseActivity($caseId: ID!, $after: String) {
    caseActivity(caseId: $caseId, after: $after) {
      cursor
      kind
      caseId
      occurredAt
    }
  }
`);

type CaseDetail = CaseDetailQuery['case'];
type Restricted = CaseDetail['parties'][number]['idNumber'];

type Activity = CaseActivitySubscription['caseActivity'];

/** How many live events the "recent activity" list keeps. */
const RECENT_ACTIVITY = 10;

/** A restricted personal field: the value, or "Protected" with the server's reason. */
function RestrictedValue({ field }: { field: Restricted }) {
  const t = useT();
  if (field.hidden) {
    // The server states its reason in Vietnamese; in English the reason (always the personal-data rule) is ours.
    const reason = field.reason && t.lang === 'en' ? t('case.protectedReasonEnglish') : field.reason;
    return (
      <span className="protected" title={reason ?? undefined}>
        <LockIcon className="protected__icon" /> {t('case.protected')}
        {reason && <span className="visually-hidden"> ({t('case.protectedReason', { reason })})</span>}
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

/** The case page's sections, in page order, for the jump bar (a thumb reaches each in one tap). */
const SECTIONS = [
  { id: 'case-summary', key: 'case.nav.summary' },
  { id: 'case-thread', key: 'case.nav.thread' },
  { id: 'case-tasks', key: 'case.nav.tasks' },
  { id: 'case-actions', key: 'case.nav.actions' },
  { id: 'case-parties', key: 'case.nav.parties' },
] as const satisfies ReadonlyArray<{ id: string; key: MessageKey }>;

/** Buttons, not #links: the hash is the app's route. Moves focus to the section's heading. */
function SectionJumps() {
  const t = useT();
  const jump = (id: string) => {
    const heading = document.getElementById(id);
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  };
  return (
    <nav className="section-jumps" aria-label={t('case.nav.label')}>
      {SECTIONS.map((s) => (
        <button key={s.id} type="button" className="section-jumps__item" onClick={() => jump(s.id)}>
          {t(s.key)}
        </button>
      ))}
    </nav>
  );
}

/** "Not found" for an unknown, malformed or no longer shared case link, with the way back. */
export function NotFound({ messageKey = 'notFound.case' }: { messageKey?: MessageKey }) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card not-found" aria-labelledby="not-found-heading">
      <h1 id="not-found-heading" ref={headingRef} tabIndex={-1}>
        {t('notFound.heading')}
      </h1>
      <p>{t(messageKey)}</p>
      <p>
        <a href={homeHref} className="button button--primary">
          {t('notFound.back')}
        </a>
      </p>
    </section>
  );
}

/**
 * One enforcement case: a short summary, then (jump bar) the thread, tasks, actions and the parties
 * with the full facts. Data comes from the query cache; live activity on the case refreshes only the
 * sections an event concerns (live-events.ts) and is listed as recent activity.
 */
export function CaseDetailPage({ id, live = null }: { id: string; live?: LiveClient | null }) {
  const t = useT();
  const result = useQuery(caseQuery, { id }, [tags.case(id)]);
  // Shown from the copy kept for offline reading: say so, with when it was read (docs/offline.md).
  const offlineCopyAt = useOfflineCopy(caseQuery, { id });
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [activity, setActivity] = useState<Activity[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const c = result.data?.case;
  // Rule 7: once terminated nothing more is recorded; the server says so (and refuses), the page hides the forms.
  const recordingClosed = useRecordingClosed(id);

  const ready = c !== undefined;
  useEffect(() => {
    if (ready) headingRef.current?.focus();
  }, [ready]);

  useLiveEvents({
    live,
    enabled: ready,
    query: caseActivitySubscription,
    variables: { caseId: id },
    select: (data) => data.caseActivity,
    // The position the case was read at: what was committed since is replayed, never missed.
    after: result.data?.liveCursor,
    resyncTags: [tags.case(id), tags.thread(id), tags.tasks(id), tags.actions(id)],
    onEvent: (event) => {
      setActivity((list) => [event, ...list].slice(0, RECENT_ACTIVITY));
      setUpdatedAt(new Date());
    },
  });

  const date = (iso: string | null | undefined) =>
    iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : <span className="muted">{t('case.noDate')}</span>;

  // An unknown case, or a malformed link (the server refuses an id that is not a UUID): not found.
  if (!c && result.error instanceof GraphQLRequestError && (result.error.code === 'NOT_FOUND' || result.error.code === 'BAD_USER_INPUT'))
    return <NotFound />;

  return (
    <div className="case-detail">
      <p>
        <a href={homeHref} className="back-link">
          {t('case.back')}
        </a>
      </p>

      <LoadStatus state={loadState(result)} loadingKey="case.loading" error={result.error} onRetry={result.refetch} />

      {c && (
        <>
          {/* Always rendered, so screen readers know the region before its text changes. */}
          <p className="case-detail__updated muted" role="status" aria-live="polite">
            {updatedAt && t('case.updatedAt', { time: formatTime(updatedAt) })}
          </p>
          {offlineCopyAt && <p className="alert alert--warn small">{t('offline.copy', { time: formatDateTime(offlineCopyAt) })}</p>}
          <CaseSummary c={c} headingRef={headingRef} />
          <SectionJumps />
          <LegalPanel caseId={c.id} part="warnings" />
          <CaseThread
            caseId={c.id}
            extraKinds={[
              ...(c.viewerCan.postDirective ? (['DIRECTIVE'] as const) : []),
              ...(c.viewerCan.postRecommendation ? (['RECOMMENDATION'] as const) : []),
            ]}
          />
          <CaseTasks caseId={c.id} canAssign={c.viewerCan.assignTask} agencies={uniqueAgencies(c.participants.map((p) => p.agency))} />
          <CaseActions
            caseId={c.id}
            canPlan={c.viewerCan.update && !recordingClosed}
            moneyObligations={c.obligations
              .filter((o) => o.kind === 'PAY_MONEY')
              .map((o) => ({ id: o.id, description: o.description, fulfilled: o.fulfilled }))}
          />
          <LegalPanel caseId={c.id} part="measures" />
          <CaseBody c={c} date={date} />
          <Section id="case-activity" title={t('case.activity')}>
            {activity.length === 0 ? (
              <p className="muted">{t('case.noActivity')}</p>
            ) : (
              <ol className="activity">
                {activity.map((event) => (
                  <li key={event.cursor}>
                    <time dateTime={event.occurredAt}>{formatTime(event.occurredAt)}</time> {eventKindLabel(t, event.kind)}
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

/** The top of the case page: number, status, commune, and the money owed and collected. */
function CaseSummary({ c, headingRef }: { c: CaseDetail; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const t = useT();
  return (
    <section className="card case-summary" aria-labelledby="case-summary">
      <header className="case-detail__header">
        <h1 id="case-summary" ref={headingRef} tabIndex={-1}>
          {c.decisionNumber ? t('case.heading', { number: c.decisionNumber }) : t('cases.noDecision')}
        </h1>
        <p className="case-detail__badges">
          <StatusBadge status={c.status} />
          {c.overdue && <span className="badge badge--danger">{t('cases.overdue')}</span>}
        </p>
        {/* Next to the title, where people look for it (it used to sit between the legal panel and the parties). */}
        {(c.viewerCan.update || c.viewerCan.share || c.viewerCan.transition) && (
          <a className="button button--secondary button--small case-detail__edit" href={editCaseHref(c.id)}>
            {t('case.edit')}
          </a>
        )}
      </header>
      <dl className="facts facts--inline">
        <Fact label={t('case.commune')}>{c.commune.name}</Fact>
        <Fact label={t('case.totalOwed')}>{formatMoney(c.totals.owed)}</Fact>
        <Fact label={t('case.totalCollected')}>{formatMoney(c.totals.collected)}</Fact>
      </dl>
    </section>
  );
}

/** The full facts: general, deadlines, totals, then parties (cards), obligations and agencies. */
function CaseBody({ c, date }: { c: CaseDetail; date: (iso: string | null | undefined) => ReactNode }) {
  const t = useT();
  const flags: MessageKey[] = [];
  if (c.complex) flags.push('case.flag.complex');
  if (c.backlog) flags.push('case.flag.backlog');
  if (c.urgentSecurity) flags.push('case.flag.urgentSecurity');

  return (
    <>
      <Section id="case-parties" title={t('case.parties')}>
        <ul className="card-list">
          {c.parties.map((p) => (
            <li key={p.id} className="item-card">
              <p className="item-card__title">{p.name}</p>
              <dl className="facts">
                <Fact label={t('case.partyRole')}>{partyRoleLabel(t, p.role)}</Fact>
                <Fact label={t('case.address')}>{p.address ?? t('case.none')}</Fact>
                <Fact label={t('case.idNumber')}>
                  <RestrictedValue field={p.idNumber} />
                </Fact>
                <Fact label={t('case.phone')}>
                  <RestrictedValue field={p.phone} />
                </Fact>
              </dl>
            </li>
          ))}
        </ul>
      </Section>

      <div className="grid">
        <Section id="case-general" title={t('case.general')}>
          <dl className="facts">
            <Fact label={t('case.judgment')}>
              {t('case.judgmentValue', { number: c.judgmentNumber, date: formatDate(c.judgmentDate) })}
            </Fact>
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
                  <div className="muted small">{legalText(t, d.legalSource)}</div>
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

      <Section id="case-obligations" title={t('case.obligations')}>
        {c.obligations.length === 0 ? (
          <p className="muted">{t('case.noObligations')}</p>
        ) : (
          <DataTable
            caption={t('case.obligations')}
            columns={[
              { label: t('case.obligationKind') },
              { label: t('case.obligationDescription') },
              { label: t('case.owed'), num: true },
              { label: t('case.collected'), num: true },
              { label: t('case.landArea'), num: true },
              { label: t('case.fulfilled') },
            ]}
          >
            {c.obligations.map((o) => (
              <tr key={o.id}>
                <th scope="row">{obligationKindLabel(t, o.kind)}</th>
                <td data-label={t('case.obligationDescription')}>{o.description}</td>
                <td className="num" data-label={t('case.owed')}>
                  {formatMoney(o.amountOwed)}
                </td>
                <td className="num" data-label={t('case.collected')}>
                  {o.kind === 'PAY_MONEY' || o.amountCollected !== '0' ? formatMoney(o.amountCollected) : t('case.none')}
                </td>
                <td className="num" data-label={t('case.landArea')}>
                  {formatArea(o.landAreaM2)}
                </td>
                <td data-label={t('case.fulfilled')}>{o.fulfilled ? t('case.fulfilledYes') : t('case.fulfilledNo')}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>

      <Section id="case-participants" title={t('case.participants')}>
        <DataTable caption={t('case.participants')} columns={[{ label: t('case.agency') }, { label: t('case.participantRole') }]}>
          {c.participants.map((p) => (
            <tr key={`${p.agency.id}:${p.role}`}>
              <th scope="row">{p.agency.name}</th>
              <td data-label={t('case.participantRole')}>{participantRoleLabel(t, p.role)}</td>
            </tr>
          ))}
        </DataTable>
      </Section>
    </>
  );
}
