import { useCallback, useEffect, useRef, useState } from 'react';
import { session } from '../auth/session';
import { errorText } from '../errors';
import type { HomeQuery, MyWorkQuery } from '../gql/graphql';
import { agencyKindLabel, roleLabel, useT } from '../i18n';
import { useLiveConnection } from '../live-connection';
import { homeQuery, myWorkQuery } from '../operations';
import { useRoute } from '../router';
import { CaseDetailPage } from './CaseDetailPage';
import { CaseList } from './CaseList';

type Load = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: HomeQuery };

/**
 * The signed-in pages: the start page (who you are, which agency, which server, and the case list) or,
 * at "#/cases/<id>", one case. The live-link status stays on top of both.
 */
export function HomePage() {
  const route = useRoute();
  const { status: liveStatus, client: live } = useLiveConnection(true);
  const t = useT();
  return (
    <div className="home">
      <p className={`live live--${liveStatus}`} role="status">
        <span className="live__dot" aria-hidden="true" />
        {t(liveStatus === 'connected' ? 'live.connected' : liveStatus === 'connecting' ? 'live.connecting' : 'live.reconnecting')}
      </p>
      {route.page === 'case' ? <CaseDetailPage key={route.id} id={route.id} live={live} /> : <StartPage />}
    </div>
  );
}

/** Who you are, which agency, which server, then the cases you may see. */
function StartPage() {
  const t = useT();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ state: 'loading' });
    session.request(homeQuery, {}, controller.signal).then(
      (data) => setLoad({ state: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoad({ state: 'error', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const ready = load.state === 'ready';
  useEffect(() => {
    // Move focus to the greeting once it exists, so screen readers announce the new page.
    if (ready) headingRef.current?.focus();
  }, [ready]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return (
    <>
      {load.state === 'loading' && (
        <p className="muted" role="status">
          {t('home.loading')}
        </p>
      )}

      {load.state === 'error' && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(load.error, t)}</p>
          <button type="button" className="button button--secondary" onClick={retry}>
            {t('home.retry')}
          </button>
        </div>
      )}

      {load.state === 'ready' && (
        <>
          <h1 ref={headingRef} tabIndex={-1} className="home__greeting">
            {t('home.greeting', { name: load.data.me.fullName })}
          </h1>

          <div className="grid">
            <section className="card" aria-labelledby="profile-heading">
              <h2 id="profile-heading">{t('home.profile')}</h2>
              <dl className="facts">
                <div>
                  <dt>{t('home.username')}</dt>
                  <dd>{load.data.me.username}</dd>
                </div>
                <div>
                  <dt>{t('home.agency')}</dt>
                  <dd>
                    {load.data.me.agency.name}
                    <span className="muted"> · {agencyKindLabel(t, load.data.me.agency.kind)}</span>
                  </dd>
                </div>
                <div>
                  <dt>{t('home.roles')}</dt>
                  <dd>
                    <ul className="chips">
                      {(load.data.me.roles ?? []).map((role) => (
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

            <section className="card" aria-labelledby="server-heading">
              <h2 id="server-heading">{t('home.server')}</h2>
              <dl className="facts">
                <div>
                  <dt>{t('home.version')}</dt>
                  <dd>{load.data.serverInfo.version}</dd>
                </div>
                <div>
                  <dt>{t('home.instance')}</dt>
                  <dd>
                    <code>{load.data.serverInfo.instanceId}</code>
                  </dd>
                </div>
              </dl>
            </section>
          </div>

          <section className="card" aria-labelledby="cases-heading">
            <h2 id="cases-heading">{t('home.casesHeading')}</h2>
            <CaseList />
          </section>
        </>
      )}
    </>
  );
}

/**
 * "Việc của tôi": how many tasks for me or my agency are still open, and how many thread posts I have
 * not read. A failure here only hides the numbers; the rest of the page does not depend on them.
 */
function MyWork() {
  const t = useT();
  const [data, setData] = useState<MyWorkQuery | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    session.request(myWorkQuery, {}, controller.signal).then(
      (result) => setData(result),
      () => {
        if (!controller.signal.aborted) setFailed(true);
      },
    );
    return () => controller.abort();
  }, []);

  if (failed) return null;
  return (
    <section className="card" aria-labelledby="my-work-heading">
      <h2 id="my-work-heading">{t('myWork.heading')}</h2>
      {data ? (
        <dl className="facts">
          <div>
            <dt>{t('myWork.openTasks')}</dt>
            <dd>{data.myTasks.totalCount}</dd>
          </div>
          <div>
            <dt>{t('myWork.unread')}</dt>
            <dd>{data.unreadCounts.total}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted" role="status">
          {t('myWork.loading')}
        </p>
      )}
    </section>
  );
}
