// Corrections on a published story: the notices readers see under it, and appending one. A notice is
// public at once without publishing the story's other pending edits, and cannot be changed later, so
// the dialog says so before it is sent.
import { useState } from 'react';
import { useCan } from '../auth/useSession';
import { useLocale } from '../i18n/i18n';
import { Button, TextArea } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useToast } from '../ui/toasts';
import { useAppendCorrection, type Story } from './hooks';

/** The API's limit on one notice (LIMITS.correction). */
const MAX_LENGTH = 2000;

export function CorrectionsPanel({ story, baseVersion, onCorrected }: { story: Story; baseVersion: number; onCorrected: (story: Story) => void }) {
  const { t, formatTime } = useLocale();
  const can = useCan();
  const toast = useToast();
  const append = useAppendCorrection(story.id);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mayCorrect = story.status === 'published' && can('article.publish');
  if (story.status !== 'published' && story.corrections.length === 0) return null;

  async function publish() {
    if (!text.trim()) return setMissing(true);
    setMissing(false);
    setError(null);
    try {
      onCorrected(await append.mutateAsync({ version: baseVersion, text: text.trim() }));
      setOpen(false);
      setText('');
      toast(t('corrections.published'));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="panel side-section stack" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t('corrections.title')}</h2>
      {story.corrections.length === 0 ? (
        <p className="subtle">{t('corrections.none')}</p>
      ) : (
        <ol className="corrections-list">
          {story.corrections.map((c, i) => (
            <li key={i}>
              <div className="subtle">
                <time dateTime={c.at}>{formatTime(c.at)}</time>
              </div>
              {c.text}
            </li>
          ))}
        </ol>
      )}
      {mayCorrect && (
        <Button
          onClick={() => {
            setError(null);
            setMissing(false);
            setOpen(true);
          }}
        >
          {t('corrections.add')}
        </Button>
      )}
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t('corrections.add')}
        actions={
          <>
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
            <Button variant="primary" busy={append.isPending} onClick={() => void publish()}>
              {t('corrections.publish')}
            </Button>
          </>
        }
      >
        <TextArea
          label={t('corrections.text')}
          hint={t('corrections.textHint')}
          error={missing ? t('corrections.required') : null}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={MAX_LENGTH}
          rows={4}
          required
        />
        <ProblemAlert error={error} />
      </Dialog>
    </section>
  );
}
