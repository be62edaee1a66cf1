// The desk: stories by state with counts, filtered by section and author, searched (Chinese-aware,
// traditional finds simplified) with the matches highlighted, newest first, a page at a time.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'wouter';
import { useCan } from '../auth/useSession';
import { useLocale } from '../i18n/i18n';
import { usePeople } from '../people/hooks';
import { sectionPaths, useSections } from '../sections/hooks';
import { STATUSES, useDeskCounts, useStories, type DeskFilters, type StoryStatus } from '../stories/hooks';
import { StatusBadge } from '../stories/StatusBadge';
import { Button, Empty, Loading, PageHeader, SelectField, TextField } from '../ui/components';
import { Highlighted } from '../ui/Highlighted';
import { ProblemAlert } from '../ui/ProblemAlert';

export function DeskPage() {
  const { t, formatTime } = useLocale();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filters: DeskFilters = {
    status: (STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as StoryStatus) : undefined,
    categoryId: params.get('section') || undefined,
    authorId: params.get('author') || undefined,
    q: params.get('q') || undefined,
  };
  const [query, setQuery] = useState(filters.q ?? '');
  const stories = useStories(filters);
  const counts = useDeskCounts({ categoryId: filters.categoryId, authorId: filters.authorId });
  const sections = useSections();
  const people = usePeople();
  const paths = sectionPaths(sections.data ?? []);

  const update = (changes: Record<string, string | undefined>) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  const tabHref = (status?: StoryStatus) => {
    const next = new URLSearchParams(params);
    if (status) next.set('status', status);
    else next.delete('status');
    const search = next.toString();
    return search ? `/?${search}` : '/';
  };

  function search(event: FormEvent) {
    event.preventDefault();
    update({ q: query.trim() || undefined });
  }

  const items = stories.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('desk.title')}
        subtitle={filters.q ? t('desk.searchResults', { q: filters.q }) : t('desk.subtitle')}
        actions={
          can('article.create') && (
            <Link href="/stories/new" className="btn btn-primary">
              {t('desk.newStory')}
            </Link>
          )
        }
      />
      <nav aria-label={t('desk.states')} className="tabs">
        <Link href={tabHref()} aria-current={!filters.status ? 'page' : undefined}>
          {t('desk.all')}
          <span className="count">{counts.data?.total ?? '…'}</span>
        </Link>
        {STATUSES.map((status) => (
          <Link key={status} href={tabHref(status)} aria-current={filters.status === status ? 'page' : undefined}>
            {t(`status.${status}`)}
            <span className="count">{counts.data?.counts[status] ?? '…'}</span>
          </Link>
        ))}
      </nav>
      <div className="toolbar" role="search">
        <form className="row grow" onSubmit={search}>
          <TextField
            className="grow"
            type="search"
            label={t('desk.search')}
            hint={t('desk.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <Button type="submit">{t('desk.searchButton')}</Button>
          {filters.q && (
            <Button
              onClick={() => {
                setQuery('');
                update({ q: undefined });
              }}
            >
              {t('desk.clearSearch')}
            </Button>
          )}
        </form>
        <SelectField label={t('desk.section')} value={filters.categoryId ?? ''} onChange={(e) => update({ section: e.target.value || undefined })}>
          <option value="">{t('desk.anySection')}</option>
          {[...paths].map(([id, path]) => (
            <option key={id} value={id}>
              {path}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('desk.author')} value={filters.authorId ?? ''} onChange={(e) => update({ author: e.target.value || undefined })}>
          <option value="">{t('desk.anyAuthor')}</option>
          {(people.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </SelectField>
      </div>
      <ProblemAlert error={stories.error} />
      {stories.isPending ? (
        <Loading label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Empty>{filters.q ? t('desk.noMatches') : t('desk.empty')}</Empty>
      ) : (
        <table>
          <caption className="visually-hidden">{t('desk.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('story.headline')}</th>
              <th scope="col">{t('desk.state')}</th>
              <th scope="col">{t('desk.section')}</th>
              <th scope="col">{t('story.authors')}</th>
              <th scope="col">{t('desk.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((story) => (
              <tr key={story.id} className="story-row">
                <td>
                  <Link href={`/stories/${story.id}`} className="headline">
                    {story.match ? <Highlighted html={story.match.headlineHighlighted} /> : story.headline}
                  </Link>
                  {story.match?.snippet && (
                    <div className="snippet">
                      <Highlighted html={story.match.snippet} />
                    </div>
                  )}
                  {story.status === 'scheduled' && story.scheduledAt && (
                    <div className="subtle">{t('desk.scheduledFor', { time: formatTime(story.scheduledAt) })}</div>
                  )}
                </td>
                <td>
                  <StatusBadge status={story.status} />
                </td>
                <td>{story.category?.name ?? '—'}</td>
                <td>{story.authors.map((a) => a.displayName).join('、') || story.byline || '—'}</td>
                <td>{formatTime(story.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {stories.hasNextPage && (
        <p>
          <Button onClick={() => void stories.fetchNextPage()} busy={stories.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </p>
      )}
    </>
  );
}
