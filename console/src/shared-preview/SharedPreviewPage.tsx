// The page a preview link opens, for anyone holding it, signed in or not: the story's working copy as
// readers would see it, marked as a preview with the link's expiry. No console around it.
import { useEffect, useState } from 'react';
import { ApiProblem } from '../api/problem';
import { useLocale } from '../i18n/i18n';
import { pickRendition } from '../photos/hooks';
import { STATUSES, type StoryStatus } from '../stories/hooks';
import { ReaderStory, type ReaderBlock, type ReaderPhoto } from '../stories/ReaderStory';
import { Alert, Loading, PageHeader } from '../ui/components';
import { ProblemAlert } from '../ui/ProblemAlert';
import { contentBlocks, type ContentPhoto } from './content-blocks';
import { useSharedPreview, type SharedPreview } from './hooks';
import { tokenFromHash } from './link';

function useHashToken(): string | null {
  const [token, setToken] = useState(() => tokenFromHash(window.location.hash));
  useEffect(() => {
    const read = () => setToken(tokenFromHash(window.location.hash));
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  return token;
}

function readerPhoto(photo: ContentPhoto): ReaderPhoto {
  const large = pickRendition(photo.renditions, 'large') ?? pickRendition(photo.renditions, 'medium');
  return {
    caption: photo.caption,
    credit: photo.credit,
    // A photo never published is not public yet: its picture stays away, its words still show.
    image: large ? <img src={large.url} alt={photo.altText ?? photo.caption ?? ''} onError={(e) => (e.currentTarget.hidden = true)} /> : null,
  };
}

function Story({ preview }: { preview: SharedPreview }) {
  const { t, formatTime } = useLocale();
  const status = (STATUSES as readonly string[]).includes(preview.status) ? t(`status.${preview.status as StoryStatus}`) : preview.status;
  const body = contentBlocks(preview.body).map((block): ReaderBlock =>
    block.type === 'image' ? { type: 'image', photo: readerPhoto(block) } : block,
  );
  return (
    <>
      <Alert kind="warn">{t('sharedPreview.banner', { status, time: formatTime(preview.expiresAt) })}</Alert>
      <ReaderStory
        label={t('sharedPreview.title')}
        story={{
          language: preview.language,
          headline: preview.headline,
          subheadline: preview.subheadline,
          dateline: preview.dateline,
          byline: [preview.byline, preview.authors.map((a) => a.displayName).join('、')].filter(Boolean).join(' · '),
          featuredImage: preview.featuredImage && readerPhoto(preview.featuredImage),
          body,
          corrections: preview.corrections,
        }}
      />
    </>
  );
}

export default function SharedPreviewPage() {
  const { t } = useLocale();
  const token = useHashToken();
  const preview = useSharedPreview(token);
  const error = preview.error;
  return (
    <main className="shared-preview" id="main">
      <PageHeader title={t('sharedPreview.title')} />
      {token === null ? (
        <Alert kind="error">{t('sharedPreview.missing')}</Alert>
      ) : preview.isPending ? (
        <Loading label={t('common.loading')} />
      ) : preview.data ? (
        <Story preview={preview.data} />
      ) : error instanceof ApiProblem && error.status === 410 ? (
        <Alert kind="error" live>
          {t('sharedPreview.expired')}
        </Alert>
      ) : error instanceof ApiProblem && error.status === 404 ? (
        <Alert kind="error" live>
          {t('sharedPreview.invalid')}
        </Alert>
      ) : (
        <ProblemAlert error={error} />
      )}
    </main>
  );
}
