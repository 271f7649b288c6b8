import { useState } from 'react';
import { session, useSession } from './auth/session';
import { useI18n } from './i18n';
import { OfflineNotices } from './offline/OfflineNotices';
import { HomePage } from './pages/HomePage';
import { SignInPage } from './pages/SignInPage';

/** The page frame: header with the language switch (and sign-out when signed in), then the page. */
export function App() {
  const { lang, setLang, t } = useI18n();
  const state = useSession();
  const [signingOut, setSigningOut] = useState(false);
  const otherLang = lang === 'vi' ? 'en' : 'vi';

  const signOut = async () => {
    setSigningOut(true);
    try {
      await session.signOut();
    } finally {
      setSigningOut(false);
    }
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <div className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </div>
          <div className="app-header__actions">
            <button type="button" className="button button--ghost" lang={otherLang} onClick={() => setLang(otherLang)}>
              {t('app.switchLanguage')}
            </button>
            {(state.status === 'signedIn' || state.status === 'offline') && (
              <button type="button" className="button button--ghost" onClick={signOut} disabled={signingOut} aria-busy={signingOut}>
                {signingOut ? t('home.signingOut') : t('home.signOut')}
              </button>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {(state.status === 'signedIn' || state.status === 'offline') && <OfflineNotices />}
        {state.status === 'signedIn' || state.status === 'offline' ? (
          <HomePage />
        ) : state.status === 'restoring' ? (
          <p className="muted" role="status">
            {t('app.restoring')}
          </p>
        ) : (
          <SignInPage reason={state.reason} />
        )}
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
