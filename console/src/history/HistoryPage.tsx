// A story's history: every revision (who, when, why, the note), what changed between any two of
// them, character by character, and restoring an old one as the working copy.
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { useLocale } from '../i18n/i18n';
import { useStory } from '../stories/hooks';
import { Alert, Button, Loading, PageHeader, SelectField } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useToast } from '../ui/toasts';
import { DiffView } from './DiffView';
import { useDiff, useRestoreRevision, useRevisions } from './hooks';

export default function HistoryPage() {
  const { id } = useParams<{ id: string }>();
  const { t, formatTime } = useLocale();
  const toast = useToast();
  const story = useStory(id);
  const revisions = useRevisions(id);
  const restore = useRestoreRevision(id);
  const list = revisions.data?.pages.flatMap((p) => p.items) ?? [];
  const newest = list[0]?.number ?? null;
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  const to = picked?.to ?? newest;
  const from = picked?.from ?? (to !== null && to > 1 ? to - 1 : null);
  const diff = useDiff(id, from, to);
  const [restoring, setRestoring] = useState<number | null>(null);

  if (revisions.isPending || story.isPending) return <Loading label={t('common.loading')} />;

  const numbers = list.map((r) => r.number);
  const select = (which: 'from' | 'to', value: number) =>
    setPicked({ from: which === 'from' ? value : (from ?? value), to: which === 'to' ? value : (to ?? value) });

  return (
    <>
      <PageHeader
        title={t('history.title')}
        subtitle={story.data?.headline}
        actions={
          <Link href={`/stories/${id}`} className="btn">
            {t('preview.back')}
          </Link>
        }
      />
      <ProblemAlert error={revisions.error ?? story.error} />
      <div className="split" style={{ gridTemplateColumns: '360px minmax(0, 1fr)' }}>
        <section className="panel" aria-labelledby="revisions-title">
          <h2 id="revisions-title">{t('history.revisions')}</h2>
          <ol reversed className="stack" style={{ paddingLeft: 20 }}>
            {list.map((r) => (
              <li key={r.number}>
                <div>
                  <strong>{t('history.revisionNumber', { number: r.number })}</strong> · {t(`reason.${r.reason}`)}
                  {r.number === story.data?.publishedRevision && <span className="badge badge-published"> {t('history.live')}</span>}
                </div>
                <div className="subtle">
                  {r.author?.displayName ?? t('history.system')} · {formatTime(r.createdAt)}
                </div>
                {r.note && <div>“{r.note}”</div>}
                <div className="row" style={{ gap: 6, marginTop: 4 }}>
                  {r.number > 1 && (
                    <Button
                      small
                      onClick={() => setPicked({ from: r.number - 1, to: r.number })}
                      aria-label={t('history.showChanges', { number: r.number })}
                    >
                      {t('history.changes')}
                    </Button>
                  )}
                  {r.number !== story.data?.currentRevision && (
                    <Button small onClick={() => setRestoring(r.number)} aria-label={t('history.restoreNumber', { number: r.number })}>
                      {t('history.restore')}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ol>
          {revisions.hasNextPage && (
            <Button onClick={() => void revisions.fetchNextPage()} busy={revisions.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </section>
        <section className="panel stack" aria-labelledby="diff-title">
          <h2 id="diff-title">{from !== null && to !== null ? t('history.comparing', { from, to }) : t('history.diff')}</h2>
          {numbers.length > 1 && (
            <div className="row">
              <SelectField label={t('history.from')} value={from ?? ''} onChange={(e) => select('from', Number(e.target.value))}>
                {numbers.map((n) => (
                  <option key={n} value={n}>
                    {t('history.revisionNumber', { number: n })}
                  </option>
                ))}
              </SelectField>
              <SelectField label={t('history.to')} value={to ?? ''} onChange={(e) => select('to', Number(e.target.value))}>
                {numbers.map((n) => (
                  <option key={n} value={n}>
                    {t('history.revisionNumber', { number: n })}
                  </option>
                ))}
              </SelectField>
            </div>
          )}
          <ProblemAlert error={diff.error} />
          {from === null || to === null || from === to ? (
            <Alert kind="info">{t('history.onlyOne')}</Alert>
          ) : diff.isPending ? (
            <Loading label={t('common.loading')} />
          ) : (
            diff.data && <DiffView diff={diff.data} />
          )}
        </section>
      </div>
      <Dialog
        open={restoring !== null}
        onClose={() => setRestoring(null)}
        title={t('history.restoreTitle', { number: restoring ?? 0 })}
        actions={
          <>
            <Button onClick={() => setRestoring(null)}>{t('common.cancel')}</Button>
            <Button
              variant="primary"
              busy={restore.isPending}
              onClick={() =>
                story.data &&
                restoring !== null &&
                restore.mutate(
                  { number: restoring, version: story.data.version },
                  {
                    onSuccess: () => {
                      setRestoring(null);
                      setPicked(null);
                      toast(t('history.restored'));
                    },
                  },
                )
              }
            >
              {t('history.restore')}
            </Button>
          </>
        }
      >
        <p>{t('history.restoreExplain')}</p>
        <ProblemAlert error={restore.error} />
      </Dialog>
    </>
  );
}
