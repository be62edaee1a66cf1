// The story editor. Edits live in the page and in local storage until saved; a save sends only what
// changed, with If-Match naming the version the edits started from, so a concurrent save elsewhere
// ends in the conflict view, never in a silent overwrite.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useParams } from 'wouter';
import { ApiProblem } from '../api/problem';
import { useCan, useUser } from '../auth/useSession';
import { useLocale } from '../i18n/i18n';
import { usePeople } from '../people/hooks';
import { PhotoPicker } from '../photos/PhotoPicker';
import { Alert, Button, Loading, PageHeader, TextArea, TextField } from '../ui/components';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useToast } from '../ui/toasts';
import { BodyEditor } from './BodyEditor';
import { ConflictDialog } from './ConflictDialog';
import { CorrectionsPanel } from './CorrectionsPanel';
import { CreditFixDialog, type MissingCredit } from './CreditFixDialog';
import { dropDraft, keepDraft, loadDraft } from './drafts';
import { bodyText, changesFrom, countCharacters, fromStory, hasChanges, headlineTarget, plainText, type EditableStory } from './editable';
import {
  useArchiveStory,
  usePublishStory,
  useRequestChanges,
  useSaveStory,
  useScheduleStory,
  useStory,
  useSubmitStory,
  useUnpublishStory,
  useUnscheduleStory,
  type ActionInput,
  type Story,
  type WorkflowAction,
} from './hooks';
import { PhotoUseEditor } from './PhotoUseEditor';
import { PreviewLinkPanel } from './PreviewLinkPanel';
import { SeoPanel } from './SeoPanel';
import { StatusBadge } from './StatusBadge';
import { StoryDetails } from './StoryDetails';
import { actionLabel, WorkflowPanel } from './WorkflowPanel';

export default function EditorPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useLocale();
  const story = useStory(id);
  if (story.isPending) return <Loading label={t('common.loading')} />;
  if (!story.data) return <ProblemAlert error={story.error} />;
  return <Editor key={id} server={story.data} onReload={() => story.refetch()} />;
}

interface Base {
  version: number;
  revision: number;
  fields: EditableStory;
}

function Editor({ server, onReload }: { server: Story; onReload: () => Promise<unknown> }) {
  const { t, formatTime } = useLocale();
  const toast = useToast();
  const queryClient = useQueryClient();
  const people = usePeople();
  const id = server.id;
  const user = useUser();
  const can = useCan();
  const owner = useMemo(() => ({ userId: user.id, storyId: id }), [user.id, id]);

  // A draft kept from an earlier visit (or a session that expired) comes back with its base.
  const [restored] = useState(() => loadDraft(owner));
  const [base, setBase] = useState<Base>(() =>
    restored
      ? { version: restored.baseVersion, revision: restored.baseRevision, fields: restored.baseStory }
      : { version: server.version, revision: server.currentRevision, fields: fromStory(server) },
  );
  const [fields, setFields] = useState<EditableStory>(() => restored?.story ?? fromStory(server));
  const [showRestored, setShowRestored] = useState(restored !== null);
  const [note, setNote] = useState('');
  const [conflict, setConflict] = useState(false);
  const [missing, setMissing] = useState<MissingCredit[]>([]);
  const [busyAction, setBusyAction] = useState<WorkflowAction | null>(null);
  const [pickingFeatured, setPickingFeatured] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const latest = useRef({ base, fields });
  latest.current = { base, fields };

  const dirty = hasChanges(base.fields, fields);
  const save = useSaveStory(id);
  const run: Record<WorkflowAction, ReturnType<typeof usePublishStory>> = {
    submit: useSubmitStory(id),
    'request-changes': useRequestChanges(id),
    publish: usePublishStory(id),
    schedule: useScheduleStory(id),
    unschedule: useUnscheduleStory(id),
    unpublish: useUnpublishStory(id),
    archive: useArchiveStory(id),
  };

  const rebase = useCallback((story: Story) => {
    const next = fromStory(story);
    setBase({ version: story.version, revision: story.currentRevision, fields: next });
    setFields(next);
  }, []);

  // Someone else's save (or the scheduler) while nothing is being edited here: take it.
  useEffect(() => {
    if (server.version !== latest.current.base.version && !hasChanges(latest.current.base.fields, latest.current.fields)) rebase(server);
  }, [server, rebase]);

  // Every edit is kept in this browser until the server has it.
  useEffect(() => {
    if (dirty) keepDraft(owner, { story: fields, baseStory: base.fields, baseVersion: base.version, baseRevision: base.revision });
    else dropDraft(owner);
  }, [owner, dirty, fields, base]);

  const change = (changes: Partial<EditableStory>) => setFields((f) => ({ ...f, ...changes }));

  /** Saves the edits; the saved story, or null when the save failed (the failure is shown). */
  async function saveNow(edits: EditableStory = latest.current.fields): Promise<Story | null> {
    const { base: from } = latest.current;
    const changes = changesFrom(from.fields, edits);
    if (Object.keys(changes).length === 0) return server.version === from.version ? server : null;
    setError(null);
    try {
      const saved = await save.mutateAsync({ version: from.version, changes: note.trim() ? { ...changes, note: note.trim() } : changes });
      rebase(saved);
      setNote('');
      setShowRestored(false);
      return saved;
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 412) showConflict();
      else setError(e);
      return null;
    }
  }

  function showConflict() {
    setConflict(true);
    // The dialog shows what the server has now, and who saved since.
    void queryClient.invalidateQueries({ queryKey: ['revisions', id] });
    void onReload();
  }

  async function onSave() {
    if (!dirty) return toast(t('editor.nothingToSave'), 'info');
    if (await saveNow()) toast(t('editor.saved'));
  }

  async function onAction(action: WorkflowAction, input: Omit<ActionInput, 'version'>, edits?: EditableStory): Promise<unknown> {
    setBusyAction(action);
    setError(null);
    try {
      let version = latest.current.base.version;
      if (hasChanges(latest.current.base.fields, edits ?? latest.current.fields)) {
        const saved = await saveNow(edits);
        if (!saved) return null;
        version = saved.version;
      }
      const story = await run[action].mutateAsync({ version, ...input });
      rebase(story);
      toast(t('workflow.done', { action: t(actionLabel(action, story)) }));
      return null;
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 412) showConflict();
      else if (e instanceof ApiProblem && e.code === 'photos-missing-credit')
        setMissing((e.body.photosMissingCredit as MissingCredit[] | undefined) ?? []);
      else return e;
      return null;
    } finally {
      setBusyAction(null);
    }
  }

  async function reloadTheirs() {
    setConflict(false);
    dropDraft(owner);
    const fresh = await onReload();
    const story = (fresh as { data?: Story }).data;
    if (story) rebase(story);
  }

  const imageNumber = (index: number) => fields.body.slice(0, index + 1).filter((b) => b.type === 'image').length;
  const photoLabel = (field: string) => {
    const index = /^body\.(\d+)$/.exec(field);
    return index ? `${t('block.image')} ${imageNumber(Number(index[1]))}` : t('story.featuredImage');
  };

  function fixCredits(credits: Map<string, string>) {
    const next: EditableStory = {
      ...fields,
      featuredImage:
        fields.featuredImage && credits.has('featuredImage')
          ? { ...fields.featuredImage, credit: credits.get('featuredImage')! }
          : fields.featuredImage,
      body: fields.body.map((block, index) =>
        block.type === 'image' && credits.has(`body.${index}`) ? { ...block, credit: credits.get(`body.${index}`)! } : block,
      ),
    };
    setFields(next);
    void onAction('publish', {}, next).then((failed) => {
      setMissing([]);
      if (failed) setError(failed);
    });
  }

  function shortcuts(event: KeyboardEvent) {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void onSave();
    }
  }

  const headlineLength = countCharacters(fields.headline);
  const target = headlineTarget(fields.language);
  const reviewer = server.reviewNote?.authorId ? people.data?.find((p) => p.id === server.reviewNote?.authorId)?.displayName : undefined;

  return (
    <div onKeyDown={shortcuts}>
      <PageHeader
        title={fields.headline.trim() || t('editor.untitled')}
        subtitle={
          <span className="row" style={{ gap: 8, alignItems: 'center' }}>
            <StatusBadge status={server.status} />
            <span>{t('editor.revision', { revision: server.currentRevision, time: formatTime(server.updatedAt) })}</span>
          </span>
        }
        actions={
          <>
            <Link href={`/stories/${id}/preview`} className="btn">
              {t('editor.preview')}
            </Link>
            <Link href={`/stories/${id}/history`} className="btn">
              {t('editor.history')}
            </Link>
          </>
        }
      />
      {server.reviewNote && (
        <Alert kind="warn" title={t('editor.changesRequested', { who: reviewer ?? t('editor.anEditor'), time: formatTime(server.reviewNote.at) })}>
          <p>{server.reviewNote.note}</p>
        </Alert>
      )}
      {showRestored && restored && (
        <Alert kind="info" live>
          <p>{t('editor.restored', { time: formatTime(restored.savedAt) })}</p>
          <Button
            small
            onClick={() => {
              dropDraft(owner);
              setShowRestored(false);
              rebase(server);
            }}
          >
            {t('editor.discardRestored')}
          </Button>
        </Alert>
      )}
      {dirty && server.version !== base.version && !conflict && <Alert kind="warn">{t('editor.changedElsewhere')}</Alert>}
      <div className="split" style={{ marginTop: 16 }}>
        <div className="stack">
          <section className="panel stack" aria-label={t('editor.text')}>
            <TextField
              label={t('story.headline')}
              className="headline-field"
              value={fields.headline}
              onChange={(e) => change({ headline: e.target.value })}
              maxLength={200}
              required
              aside={
                <span className={`counter${headlineLength > target ? ' over' : ''}`}>
                  {t('editor.headlineCount', { count: headlineLength, target })}
                </span>
              }
              hint={headlineLength > target ? t('editor.headlineLong', { target }) : undefined}
            />
            <TextField label={t('story.subheadline')} value={fields.subheadline} onChange={(e) => change({ subheadline: e.target.value })} />
            <div className="row">
              <TextField
                className="grow"
                label={t('story.dateline')}
                hint={t('story.datelineHint')}
                value={fields.dateline}
                onChange={(e) => change({ dateline: e.target.value })}
              />
              <TextField
                className="grow"
                label={t('story.byline')}
                hint={t('story.bylineHint')}
                value={fields.byline}
                onChange={(e) => change({ byline: e.target.value })}
              />
            </div>
          </section>
          <section className="panel stack" aria-labelledby="featured-title">
            <h2 id="featured-title">{t('story.featuredImage')}</h2>
            {fields.featuredImage ? (
              <PhotoUseEditor
                label={t('story.featuredImage')}
                use={fields.featuredImage}
                onChange={(use) => change({ featuredImage: use })}
                onReplace={() => setPickingFeatured(true)}
                onRemove={() => change({ featuredImage: null })}
              />
            ) : (
              <Button onClick={() => setPickingFeatured(true)}>{t('editor.chooseFeatured')}</Button>
            )}
            <PhotoPicker
              open={pickingFeatured}
              onClose={() => setPickingFeatured(false)}
              onPick={(photo) => change({ featuredImage: { mediaId: photo.id, caption: '', credit: '', altText: '' } })}
            />
          </section>
          <section className="panel">
            <BodyEditor blocks={fields.body} onChange={(body) => change({ body })} />
          </section>
          <section className="panel">
            <TextArea
              label={t('story.excerpt')}
              hint={server.excerptDerived && !fields.excerpt ? t('story.excerptDerived', { excerpt: server.excerpt ?? '' }) : t('story.excerptHint')}
              value={fields.excerpt}
              onChange={(e) => change({ excerpt: e.target.value })}
              rows={3}
            />
          </section>
          <SeoPanel fields={fields} server={server} onChange={change} />
        </div>
        <aside className="stack" aria-label={t('editor.side')}>
          <section className="panel side-section stack" aria-labelledby="save-title">
            <h2 id="save-title">{t('editor.saveTitle')}</h2>
            <p className="counter" aria-live="polite">
              {t('editor.characters', { count: countCharacters(bodyText(fields.body)) })}
            </p>
            <p role="status" className="subtle">
              {dirty ? t('editor.unsaved') : t('editor.allSaved')}
            </p>
            <TextField label={t('editor.note')} hint={t('editor.noteHint')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
            <ProblemAlert error={error} />
            <Button variant="primary" busy={save.isPending && !busyAction} onClick={() => void onSave()} aria-keyshortcuts="Control+S">
              {t('editor.save')}
            </Button>
          </section>
          <WorkflowPanel story={server} busyAction={busyAction} onAction={(action, input) => onAction(action, input)} />
          <CorrectionsPanel
            story={server}
            baseVersion={base.version}
            // The correction's revision is the same working copy plus the notice: unsaved edits stay valid on it.
            onCorrected={(story) => setBase((b) => ({ ...b, version: story.version, revision: story.currentRevision }))}
          />
          {(can('article.edit.own') || can('article.edit.any')) && <PreviewLinkPanel storyId={id} unsaved={dirty} />}
          <StoryDetails key={base.version} fields={fields} onChange={change} />
        </aside>
      </div>
      <ConflictDialog
        open={conflict}
        storyId={id}
        baseRevision={base.revision}
        current={server}
        myText={plainText(fields)}
        onReload={() => void reloadTheirs()}
        onClose={() => setConflict(false)}
      />
      <CreditFixDialog missing={missing} labelOf={photoLabel} busy={busyAction === 'publish'} onFix={fixCredits} onClose={() => setMissing([])} />
    </div>
  );
}
