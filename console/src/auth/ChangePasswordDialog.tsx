// Changing one's own password (the first administrator's printed one, first of all).
import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/i18n';
import { Alert, Button, TextField } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { useToast } from '../ui/toasts';
import { session } from './session';

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await session
      .changePassword(current, next)
      .catch(() => ({ ok: false as const, status: 0, wrongCurrent: false, detail: t('problem.offline') }));
    setBusy(false);
    if (!result.ok) {
      if (result.status === 429) return setError(t('problem.tooManyRequests'));
      return setError(result.wrongCurrent ? t('account.wrongCurrent') : result.detail || t('problem.unexpected'));
    }
    setCurrent('');
    setNext('');
    toast(t('account.changed'));
    onClose();
  }

  return (
    <Dialog open={open} onClose={onClose} title={t('account.changePassword')}>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <TextField
          label={t('account.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          required
        />
        <TextField
          label={t('account.new')}
          hint={t('people.passwordHint')}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          required
        />
        <p className="subtle">{t('account.signsOutElsewhere')}</p>
        {error && (
          <Alert kind="error" live>
            {error}
          </Alert>
        )}
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy}>
            {t('account.changePassword')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
