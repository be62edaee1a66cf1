// A save refused with 412: someone else saved the story since this editor read it. Shows who and
// what they changed, and offers to reload their version or to copy this editor's text. Nothing is
// overwritten, and the unsaved text stays in the form (and in local storage) until the editor chooses.
import { useRef } from 'react';
import { useDiff, useRevisions } from '../history/hooks';
import { DiffView } from '../history/DiffView';
import { useLocale } from '../i18n/i18n';
import { Alert, Button, Loading, TextArea } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import type { Story } from './hooks';

export function ConflictDialog({
  open,
  storyId,
  baseRevision,
  current,
  myText,
  onReload,
  onClose,
}: {
  open: boolean;
  storyId: string;
  baseRevision: number;
  current: Story | undefined;
  myText: string;
  onReload: () => void;
  onClose: () => void;
}) {
  const { t, formatTime } = useLocale();
  const revisions = useRevisions(storyId);
  const diff = useDiff(storyId, open ? baseRevision : null, open && current ? current.currentRevision : null);
  const copyArea = useRef<HTMLTextAreaElement>(null);
  const newer = (revisions.data?.pages.flatMap((p) => p.items) ?? []).filter((r) => r.number > baseRevision);

  async function copy() {
    copyArea.current?.select();
    try {
      await navigator.clipboard.writeText(myText);
    } catch {
      // Clipboard refused (permissions): the text is selected for the editor to copy.
    }
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t('conflict.title')}
      role="alertdialog"
      wide
      actions={
        <>
          <Button onClick={onClose}>{t('conflict.keepEditing')}</Button>
          <Button onClick={() => void copy()}>{t('conflict.copy')}</Button>
          <Button variant="primary" onClick={onReload}>
            {t('conflict.reload')}
          </Button>
        </>
      }
    >
      <Alert kind="warn">{t('conflict.explain')}</Alert>
      <h3>{t('conflict.who')}</h3>
      <ul>
        {newer.map((r) => (
          <li key={r.number}>
            {t('conflict.revision', {
              number: r.number,
              who: r.author?.displayName ?? t('history.system'),
              when: formatTime(r.createdAt),
              reason: t(`reason.${r.reason}`),
            })}
            {r.note && ` — ${r.note}`}
          </li>
        ))}
      </ul>
      <h3>{t('conflict.whatChanged')}</h3>
      <ProblemAlert error={diff.error} />
      {diff.isPending ? <Loading label={t('common.loading')} /> : diff.data && <DiffView diff={diff.data} />}
      <TextArea label={t('conflict.yourText')} hint={t('conflict.yourTextHint')} readOnly value={myText} rows={6} ref={copyArea} />
    </Dialog>
  );
}
