// Preview links: a signed address to the story's saved working copy for someone without an account
// (a desk chief at home, a source checking a quote). The API decides who may issue one; a refusal is
// shown in words, not hidden. The link issued last in this page is shown with its expiry; links are
// not listed by the API, so revoking ends every link to the story at once.
import { useState } from 'react';
import { ApiProblem } from '../api/problem';
import type { MessageKey } from '../i18n/en';
import { useLocale } from '../i18n/i18n';
import { sharedPreviewUrl } from '../shared-preview/link';
import { Alert, Button, SelectField, TextField } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useToast } from '../ui/toasts';
import { useIssuePreviewLink, useRevokePreviewLinks, type PreviewGrant } from './hooks';

const LIFETIMES: ReadonlyArray<{ seconds: number; label: MessageKey }> = [
  { seconds: 3600, label: 'previewLink.hour' },
  { seconds: 86_400, label: 'previewLink.day' },
  { seconds: 7 * 86_400, label: 'previewLink.week' },
];

export function PreviewLinkPanel({ storyId, unsaved }: { storyId: string; unsaved: boolean }) {
  const { t, formatTime } = useLocale();
  const toast = useToast();
  const issue = useIssuePreviewLink(storyId);
  const revoke = useRevokePreviewLinks(storyId);
  const [lifetime, setLifetime] = useState(LIFETIMES[0].seconds);
  const [grant, setGrant] = useState<PreviewGrant | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const link = grant ? sharedPreviewUrl(window.location.origin, import.meta.env.BASE_URL, grant.token) : '';

  async function create() {
    setError(null);
    try {
      setGrant(await issue.mutateAsync(lifetime));
    } catch (e) {
      setError(e);
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      toast(t('previewLink.copied'));
    } catch {
      // Clipboard refused (permissions): the link stays selectable in its field.
    }
  }

  async function revokeAll() {
    setError(null);
    try {
      await revoke.mutateAsync();
      setGrant(null);
      setConfirming(false);
      toast(t('previewLink.revoked'));
    } catch (e) {
      setConfirming(false);
      setError(e);
    }
  }

  const forbidden = error instanceof ApiProblem && error.status === 403;
  return (
    <section className="panel side-section stack" aria-labelledby="preview-link-title">
      <h2 id="preview-link-title">{t('previewLink.title')}</h2>
      <p className="subtle">{t('previewLink.explain')}</p>
      <SelectField label={t('previewLink.lasts')} value={lifetime} onChange={(e) => setLifetime(Number(e.target.value))}>
        {LIFETIMES.map((l) => (
          <option key={l.seconds} value={l.seconds}>
            {t(l.label)}
          </option>
        ))}
      </SelectField>
      <Button busy={issue.isPending} onClick={() => void create()}>
        {t('previewLink.create')}
      </Button>
      {unsaved && <p className="subtle">{t('previewLink.unsaved')}</p>}
      {forbidden ? (
        <Alert kind="error" live>
          {t('previewLink.forbidden')}
        </Alert>
      ) : (
        <ProblemAlert error={error} />
      )}
      {grant && (
        <div className="stack">
          {/* A new link takes the focus, selected, ready to copy. */}
          <TextField
            key={grant.token}
            autoFocus
            label={t('previewLink.link')}
            value={link}
            readOnly
            onFocus={(e) => e.target.select()}
            hint={t('previewLink.expires', { time: formatTime(grant.expiresAt) })}
          />
          <Button small onClick={() => void copy()}>
            {t('previewLink.copy')}
          </Button>
        </div>
      )}
      <Button small variant="ghost" onClick={() => setConfirming(true)}>
        {t('previewLink.revoke')}
      </Button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('previewLink.revokeTitle')}
        actions={
          <>
            <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            <Button variant="danger" busy={revoke.isPending} onClick={() => void revokeAll()}>
              {t('previewLink.revoke')}
            </Button>
          </>
        }
      >
        <p>{t('previewLink.revokeExplain')}</p>
      </Dialog>
    </section>
  );
}
