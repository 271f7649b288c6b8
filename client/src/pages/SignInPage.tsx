import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { session, type SignedOutReason } from '../auth/session';
import { errorText } from '../errors';
import { useT } from '../i18n';

/** Username + password form. Shows the server's error message in an alert region. */
export function SignInPage({ reason }: { reason: SignedOutReason }) {
  const t = useT();
  const id = useId();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // Kept untranslated so the alert follows a language switch; server messages are shown as sent.
  const [failure, setFailure] = useState<{ kind: 'missingFields' } | { kind: 'request'; error: unknown } | null>(null);

  useEffect(() => {
    // Start at the first field (also after a sign-out, when the focused button has disappeared).
    usernameRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    const name = username.trim();
    if (!name || !password) {
      setFailure({ kind: 'missingFields' });
      (name ? passwordRef : usernameRef).current?.focus();
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      await session.signIn(name, password);
      // On success the session switches the app to the home page; this component unmounts.
    } catch (err) {
      setFailure({ kind: 'request', error: err });
      setSubmitting(false);
      passwordRef.current?.select();
    }
  };

  const notice = reason === 'expired' ? t('signIn.sessionExpired') : reason === 'signedOut' ? t('signIn.signedOut') : '';
  const error = failure === null ? null : failure.kind === 'missingFields' ? t('signIn.missingFields') : errorText(failure.error, t);
  const errorId = `${id}-error`;

  return (
    <section className="card sign-in" aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>{t('signIn.heading')}</h1>
      <p className="muted">{t('signIn.intro')}</p>

      <p className={notice ? 'notice' : 'visually-hidden'} role="status">
        {notice}
      </p>
      <div id={errorId} className={error ? 'alert alert--error' : 'visually-hidden'} role="alert">
        {error}
      </div>

      <form onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
        <div className="field">
          <label htmlFor={`${id}-username`}>{t('signIn.username')}</label>
          <input
            ref={usernameRef}
            id={`${id}-username`}
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            required
            aria-invalid={error && !username.trim() ? true : undefined}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            name="password"
            type={showPassword ? 'text' : 'password'}
            autoComplete="current-password"
            required
            aria-invalid={error && !password ? true : undefined}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <label className="checkbox">
            <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
            {t('signIn.showPassword')}
          </label>
        </div>
        <button type="submit" className="button button--primary button--block" disabled={submitting} aria-busy={submitting}>
          {submitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
