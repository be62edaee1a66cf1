// Sign-in. Shown in place of any screen while signed out, so after signing in the same screen opens
// (and a story being edited when the session ended comes back with its unsaved text).
import { useState, type FormEvent } from 'react';
import { LANGUAGES, useLocale, type Language } from '../i18n/i18n';
import { Alert, Button, SelectField, TextField } from '../ui/components';
import { session } from './session';

export function LoginPage({ reason }: { reason: 'signed-out' | 'expired' | null }) {
  const { t, language, setLanguage } = useLocale();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await session.signIn(email.trim(), password);
      if (!result.ok) {
        setError(
          result.status === 429
            ? t('login.throttled', { minutes: Math.max(1, Math.ceil((result.retryAfter ?? 60) / 60)) })
            : result.status === 401 || result.status === 422
              ? t('login.wrong')
              : t('problem.unexpected'),
        );
      }
    } catch {
      setError(t('problem.offline'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login" id="main">
      <div className="panel stack">
        <h1>{t('login.title')}</h1>
        {reason === 'expired' && (
          <Alert kind="warn" live>
            {t('login.expired')}
          </Alert>
        )}
        {reason === 'signed-out' && <Alert kind="info">{t('login.signedOut')}</Alert>}
        <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label={t('login.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error && (
            <Alert kind="error" live>
              {error}
            </Alert>
          )}
          <Button type="submit" variant="primary" busy={busy}>
            {t('login.submit')}
          </Button>
        </form>
        <SelectField label={t('shell.language')} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </SelectField>
      </div>
    </main>
  );
}
