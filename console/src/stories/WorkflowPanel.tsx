// The story's workflow buttons: exactly the actions the server lists in allowedActions (they follow
// the story's state and the user's permissions), with a note for "request changes" and a date and time
// in the newsroom's zone for "schedule".
import { useState } from 'react';
import type { MessageKey } from '../i18n/en';
import { useLocale } from '../i18n/i18n';
import { Alert, Button, TextArea, TextField } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fromZonedInput, toZonedInput } from '../ui/time';
import type { ActionInput, Story, WorkflowAction } from './hooks';

const ORDER: readonly WorkflowAction[] = ['submit', 'request-changes', 'publish', 'schedule', 'unschedule', 'unpublish', 'archive'];
const LABEL: Record<WorkflowAction, MessageKey> = {
  submit: 'action.submit',
  'request-changes': 'action.requestChanges',
  publish: 'action.publish',
  schedule: 'action.schedule',
  unschedule: 'action.unschedule',
  unpublish: 'action.unpublish',
  archive: 'action.archive',
};

export function actionLabel(action: WorkflowAction, story: Story): MessageKey {
  return action === 'publish' && story.status === 'published' ? 'action.publishChanges' : LABEL[action];
}

export function WorkflowPanel({
  story,
  busyAction,
  onAction,
}: {
  story: Story;
  busyAction: WorkflowAction | null;
  /** Resolves to the error to show in the dialog, or null when done (or the editor took over). */
  onAction: (action: WorkflowAction, input: Omit<ActionInput, 'version'>) => Promise<unknown>;
}) {
  const { t, timeZone, zone, formatTime } = useLocale();
  const [dialog, setDialog] = useState<WorkflowAction | null>(null);
  const [note, setNote] = useState('');
  const [when, setWhen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const actions = ORDER.filter((a) => story.allowedActions.includes(a));

  function open(action: WorkflowAction) {
    setError(null);
    setFailure(null);
    if (action === 'request-changes') {
      setNote('');
      setDialog(action);
    } else if (action === 'schedule') {
      const inAnHour = new Date(Date.now() + 60 * 60 * 1000);
      setWhen(toZonedInput(story.embargoUntil && new Date(story.embargoUntil) > inAnHour ? story.embargoUntil : inAnHour, timeZone));
      setDialog(action);
    } else if (action === 'unpublish' || action === 'archive') setDialog(action);
    else void onAction(action, {});
  }

  async function confirm() {
    if (!dialog) return;
    if (dialog === 'request-changes' && !note.trim()) return setError(t('workflow.noteRequired'));
    let publishAt: string | undefined;
    if (dialog === 'schedule') {
      publishAt = fromZonedInput(when, timeZone) ?? undefined;
      if (!publishAt) return setError(t('workflow.whenRequired'));
      if (new Date(publishAt) <= new Date()) return setError(t('workflow.whenPast'));
    }
    setError(null);
    const failed = await onAction(dialog, { note: note.trim() || undefined, publishAt });
    if (failed) setFailure(failed);
    else setDialog(null);
  }

  return (
    <section className="panel side-section" aria-labelledby="workflow-title">
      <h2 id="workflow-title">{t('workflow.title')}</h2>
      {story.status === 'scheduled' && story.scheduledAt && <p>{t('workflow.scheduledFor', { time: formatTime(story.scheduledAt) })}</p>}
      {story.embargoUntil && new Date(story.embargoUntil) > new Date() && <p>{t('workflow.embargoed', { time: formatTime(story.embargoUntil) })}</p>}
      {actions.length === 0 ? (
        <p className="subtle">{t('workflow.none')}</p>
      ) : (
        <div className="stack">
          {actions.map((action) => (
            <Button
              key={action}
              variant={
                action === 'publish' || action === 'submit' ? 'primary' : action === 'unpublish' || action === 'archive' ? 'danger' : 'secondary'
              }
              busy={busyAction === action}
              disabled={busyAction !== null && busyAction !== action}
              onClick={() => open(action)}
            >
              {t(actionLabel(action, story))}
            </Button>
          ))}
        </div>
      )}
      <Dialog
        open={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog ? t(LABEL[dialog]) : ''}
        actions={
          <>
            <Button onClick={() => setDialog(null)}>{t('common.cancel')}</Button>
            <Button
              variant={dialog === 'unpublish' || dialog === 'archive' ? 'danger' : 'primary'}
              busy={busyAction === dialog}
              onClick={() => void confirm()}
            >
              {dialog ? t(LABEL[dialog]) : ''}
            </Button>
          </>
        }
      >
        {dialog === 'request-changes' && (
          <TextArea
            label={t('workflow.note')}
            hint={t('workflow.noteHint')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={4}
            required
          />
        )}
        {dialog === 'schedule' && (
          <TextField
            type="datetime-local"
            label={t('workflow.publishAt', { zone: `${timeZone}, ${zone}` })}
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            required
          />
        )}
        {dialog === 'unpublish' && <p>{t('workflow.confirmUnpublish')}</p>}
        {dialog === 'archive' && <p>{t('workflow.confirmArchive')}</p>}
        {error && (
          <Alert kind="error" live>
            {error}
          </Alert>
        )}
        <ProblemAlert error={failure} />
      </Dialog>
    </section>
  );
}
