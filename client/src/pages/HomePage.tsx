import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { tags, useQuery } from '../data';
import { errorText } from '../errors';
import { graphql } from '../gql';
import { InboxIcon } from '../icons';
import { agencyKindLabel, roleLabel, useT } from '../i18n';
import type { LiveStatus } from '../lib/live-subscription';
import { useLiveConnection } from '../live-connection';
import { useLiveEvents } from '../live-events';
import { homeQuery } from '../operations';
import { aboutHref, adminHrefs, dashboardHref, homeHref, inboxHref, newCaseHref, useRoute, type Route } from '../router';
import { AdminAgenciesPage, AdminAreasPage, AdminUsersPage } from './admin/AdminPages';
import { ImportPage } from './admin/ImportPage';
import { CalendarAdminPage } from './admin/CalendarAdminPage';
import { CaseEditPage } from './intake/CaseEditPage';
import { CaseFormPage } from './intake/CaseFormPage';
import type { HomeQuery } from '../gql/graphql';
import { CaseDetailPage, NotFound } from './CaseDetailPage';
import { CaseList } from './CaseList';
import { statisticsAccessQuery } from './statistics-access';
import { InboxPage, useInboxUnread } from './InboxPage';
import { LoadStatus, loadState } from './LoadStatus';

/** The home page's "my work": unread inbox items, open tasks for me and my agency, unread thread posts. */
export const myWorkQuery = graphql(`
  query MyWork {
    inbox(first: 1) {
      unreadCount
    }
    myTasks(first: 1, filter: { statuses: [OPEN, ACCEPTED, IN_PROGRESS] }) {
      totalCount
    }
    unreadCounts {
      total
      more
    }
  }
`);

/** The dashboard and targets screens (and the charting library) load only when opened. */
const DashboardPage = lazy(() => import('./DashboardPage').then((m) => ({ default: m.DashboardPage })));
const TargetsPage = lazy(() => import('./TargetsPage').then((m) => ({ default: m.TargetsPage })));

/** What concerns me or my agency, live: it keeps the inbox and every count in step. */
export const myFeedSubscription = graphql(`
  subscription MyFeed($after: String) {
    myFeed(after: $after) {
      cursor
      kind
      caseId
      occurredAt
    }
  }
`);

/** The system page: which version and instance answered (for administrators). */
export const aboutQuery = graphql(`
  query About {
    serverInfo {
      version
      instanceId
      eventBus
    }
  }
`);

/** Words of the connection indicator: "online" and "connecting" never look alike. */
const LIVE_TEXT: Record<LiveStatus, 'live.connected' | 'live.connecting' | 'live.reconnecting'> = {
  connected: 'live.connected',
  connecting: 'live.connecting',
  reconnecting: 'live.reconnecting',
  failed: 'live.reconnecting',
  disposed: 'live.reconnecting',
};

/**
 * The signed-in pages: the navigation (cases, inbox with its unread badge, the system page for
 * administrators), the live-link status, then the page of the route. The `myFeed` subscription lives
 * here, so the inbox and the counts stay current on every page.
 */
export function HomePage() {
  const route = useRoute();
  const { status: liveStatus, client: live } = useLiveConnection(true);
  const t = useT();
  const me = useQuery(homeQuery, {}, [tags.me]);
  // What the viewer may open is the server's answer (policy), never a role check here.
  const can = me.data?.viewerCan;
  const isAdmin = can?.inspectSystem ?? false;
  /** A screen the viewer may use, "not allowed" otherwise (nothing until the abilities are known). */
  const allowed = (ok: boolean | undefined, page: ReactNode) => (ok ? page : me.data ? <NotFound messageKey="admin.notAllowed" /> : null);

  useLiveEvents({ live, query: myFeedSubscription, variables: {}, select: (d) => d.myFeed, resyncTags: [tags.inbox, tags.cases] });

  return (
    <div className="home">
      <div className="home__bar">
        <MainNav route={route} can={can} />
        <p className={`live live--${liveStatus}`} role="status">
          <span className="live__dot" aria-hidden="true" />
          {t(LIVE_TEXT[liveStatus])}
        </p>
      </div>
      {route.page === 'case' ? (
        <CaseDetailPage key={route.id} id={route.id} live={live} />
      ) : route.page === 'inbox' ? (
        <InboxPage />
      ) : route.page === 'about' ? (
        isAdmin ? (
          <AboutPage />
        ) : me.data ? (
          <NotFound messageKey="about.adminsOnly" />
        ) : null
      ) : route.page === 'newCase' ? (
        allowed(can?.createCase, <CaseFormPage />)
      ) : route.page === 'editCase' ? (
        <CaseEditPage key={route.id} id={route.id} />
      ) : route.page === 'adminUsers' ? (
        allowed(can?.manageUsers, <AdminUsersPage />)
      ) : route.page === 'adminAgencies' ? (
        allowed(can?.manageAgencies, <AdminAgenciesPage />)
      ) : route.page === 'adminAreas' ? (
        allowed(can?.manageAreas, <AdminAreasPage />)
      ) : route.page === 'adminImport' ? (
        allowed((can?.importKinds.length ?? 0) > 0, <ImportPage />)
      ) : route.page === 'dashboard' ? (
        <Suspense fallback={<PageLoading />}>
          <DashboardPage live={live} />
        </Suspense>
      ) : route.page === 'targets' ? (
        <Suspense fallback={<PageLoading />}>
          <TargetsPage />
        </Suspense>
      ) : route.page === 'adminCalendar' ? (
        allowed(can?.manageCalendar, <CalendarAdminPage />)
      ) : route.page === 'notFound' ? (
        <NotFound messageKey={route.what === 'case' ? 'notFound.case' : 'notFound.page'} />
      ) : (
        <StartPage />
      )}
    </div>
  );
}

function PageLoading() {
  const t = useT();
  return (
    <p className="muted" role="status">
      {t('dash.loading')}
    </p>
  );
}

function MainNav({ route, can }: { route: Route; can: HomeQuery['viewerCan'] | undefined }) {
  const t = useT();
  const unread = useInboxUnread();
  // The dashboard link comes from the server's answer (policy: canOpenStatisticsDashboard).
  const stats = useQuery(statisticsAccessQuery, {}, [tags.me]).data?.statisticsAccess;
  const current = (page: Route['page']) => (route.page === page ? ('page' as const) : undefined);
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <a href={homeHref} className="main-nav__item" aria-current={current('home')}>
        {t('nav.cases')}
      </a>
      <a href={inboxHref} className="main-nav__item" aria-current={current('inbox')}>
        <InboxIcon /> {t('nav.inbox')}
        {unread !== null && unread > 0 && (
          <span className="count-badge">
            <span aria-hidden="true">{unread}</span>
            <span className="visually-hidden">{t('nav.unread', { count: unread })}</span>
          </span>
        )}
      </a>
      {stats?.dashboard && (
        <a href={dashboardHref} className="main-nav__item" aria-current={current('dashboard') ?? current('targets')}>
          {t('nav.dashboard')}
        </a>
      )}
      {can?.manageUsers && (
        <a href={adminHrefs.users} className="main-nav__item" aria-current={current('adminUsers')}>
          {t('nav.adminUsers')}
        </a>
      )}
      {can?.manageAgencies && (
        <a href={adminHrefs.agencies} className="main-nav__item" aria-current={current('adminAgencies')}>
          {t('nav.adminAgencies')}
        </a>
      )}
      {can?.manageAreas && (
        <a href={adminHrefs.areas} className="main-nav__item" aria-current={current('adminAreas')}>
          {t('nav.adminAreas')}
        </a>
      )}
      {can?.manageCalendar && (
        <a href={adminHrefs.calendar} className="main-nav__item" aria-current={current('adminCalendar')}>
          {t('nav.adminCalendar')}
        </a>
      )}
      {can?.inspectSystem && (
        <a href={aboutHref} className="main-nav__item" aria-current={current('about')}>
          {t('nav.about')}
        </a>
      )}
    </nav>
  );
}

/** Who you are and which agency, what needs you, then the cases you may see. */
function StartPage() {
  const t = useT();
  const result = useQuery(homeQuery, {}, [tags.me]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const me = result.data?.me;

  const ready = me !== undefined;
  useEffect(() => {
    // Move focus to the greeting once it exists, so screen readers announce the new page.
    if (ready) headingRef.current?.focus();
  }, [ready]);

  return (
    <>
      <LoadStatus state={loadState(result)} loadingKey="home.loading" error={result.error} onRetry={result.refetch} />

      {me && (
        <>
          <h1 ref={headingRef} tabIndex={-1} className="home__greeting">
            {t('home.greeting', { name: me.fullName })}
          </h1>

          <div className="grid">
            <section className="card" aria-labelledby="profile-heading">
              <h2 id="profile-heading">{t('home.profile')}</h2>
              <dl className="facts">
                <div>
                  <dt>{t('home.username')}</dt>
                  <dd>{me.username}</dd>
                </div>
                <div>
                  <dt>{t('home.agency')}</dt>
                  <dd>
                    {me.agency.name}
                    <span className="muted"> · {agencyKindLabel(t, me.agency.kind)}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t('home.roles')}</dt>
                  <dd>
                    <ul className="chips">
                      {(me.roles ?? []).map((role) => (
                        <li key={role} className="chip">
                          {roleLabel(t, role)}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              </dl>
            </section>

            <MyWork />
          </div>

          <section className="card" aria-labelledby="cases-heading">
            <h2 id="cases-heading">{t('home.casesHeading')}</h2>
            {/* On the start page, not in the navigation: the bar must stay one line on a phone. */}
            {(result.data?.viewerCan.createCase || (result.data?.viewerCan.importKinds.length ?? 0) > 0) && (
              <p className="button-row">
                {result.data?.viewerCan.createCase && (
                  <a href={newCaseHref} className="button button--primary">
                    {t('nav.newCase')}
                  </a>
                )}
                {(result.data?.viewerCan.importKinds.length ?? 0) > 0 && (
                  <a href={adminHrefs.import} className="button button--secondary">
                    {t('nav.adminImport')}
                  </a>
                )}
              </p>
            )}
            <CaseList />
          </section>
        </>
      )}
    </>
  );
}

/**
 * "Việc của tôi": open tasks for me or my agency, unread inbox items and unread thread posts, with a
 * link to the inbox. Tagged `inbox`, so it moves with every live event that reaches the inbox. A
 * failure here only hides the numbers; the rest of the page does not depend on them.
 */
function MyWork() {
  const t = useT();
  const { data, error } = useQuery(myWorkQuery, {}, [tags.inbox, tags.cases]);

  if (!data && error !== undefined) return null;
  return (
    <section className="card" aria-labelledby="my-work-heading">
      <h2 id="my-work-heading">{t('myWork.heading')}</h2>
      {data ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t('myWork.inboxUnread')}</dt>
              <dd>{data.inbox.unreadCount}</dd>
            </div>
            <div>
              <dt>{t('myWork.openTasks')}</dt>
              <dd>{data.myTasks.totalCount}</dd>
            </div>
            <div>
              <dt>{t('myWork.unread')}</dt>
              <dd>{data.unreadCounts.more ? `${data.unreadCounts.total}+` : data.unreadCounts.total}</dd>
            </div>
          </dl>
          <p>
            <a href={inboxHref} className="button button--primary">
              {t('myWork.openInbox')}
            </a>
          </p>
        </>
      ) : (
        <p className="muted" role="status">
          {t('myWork.loading')}
        </p>
      )}
    </section>
  );
}

/** Version and instance of the server that answered: for administrators, out of everyone else's way. */
function AboutPage() {
  const t = useT();
  const result = useQuery(aboutQuery, {}, [tags.me]);
  const info = result.data?.serverInfo;
  return (
    <section className="card" aria-labelledby="about-heading">
      <h1 id="about-heading">{t('about.heading')}</h1>
      {!info && result.error !== undefined && <p className="alert alert--error">{errorText(result.error, t)}</p>}
      {info && (
        <dl className="facts">
          <div>
            <dt>{t('home.version')}</dt>
            <dd>{info.version}</dd>
          </div>
          <div>
            <dt>{t('home.instance')}</dt>
            <dd>
              <code>{info.instanceId}</code>
            </dd>
          </div>
          <div>
            <dt>{t('about.eventBus')}</dt>
            <dd>{info.eventBus}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
