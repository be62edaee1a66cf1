// The working copy as a reader would see it, photos fetched with the editor's session (unpublished
// ones are not public yet).
import { Link, useParams } from 'wouter';
import type { Schemas } from '../api/client';
import { useUser } from '../auth/useSession';
import { useLocale } from '../i18n/i18n';
import { AuthedImage } from '../photos/AuthedImage';
import { pickRendition, previewUrl } from '../photos/hooks';
import { Alert, Loading, PageHeader } from '../ui/components';
import { ProblemAlert } from '../ui/ProblemAlert';
import { loadDraft } from './drafts';
import { useStory } from './hooks';
import { ReaderStory, type ReaderBlock, type ReaderPhoto } from './ReaderStory';

type UsedPhoto = Schemas['AdminPhotoDto'];

function readerPhoto(photo: UsedPhoto): ReaderPhoto {
  const large = pickRendition(photo.renditions, 'large') ?? pickRendition(photo.renditions, 'medium');
  return {
    caption: photo.caption,
    credit: photo.credit,
    image: large ? <AuthedImage src={previewUrl(photo.mediaId, large)} alt={photo.altText ?? photo.caption ?? ''} /> : null,
  };
}

export default function PreviewPage() {
  const { id } = useParams<{ id: string }>();
  const { t, formatTime } = useLocale();
  const story = useStory(id);
  const user = useUser();
  if (story.isPending) return <Loading label={t('common.loading')} />;
  if (!story.data) return <ProblemAlert error={story.error} />;
  const s = story.data;
  const unsaved = loadDraft({ userId: user.id, storyId: id }) !== null;

  return (
    <>
      <PageHeader
        title={t('preview.title')}
        subtitle={t('preview.subtitle', { revision: s.currentRevision })}
        actions={
          <Link href={`/stories/${id}`} className="btn">
            {t('preview.back')}
          </Link>
        }
      />
      {unsaved && <Alert kind="warn">{t('preview.unsaved')}</Alert>}
      <ReaderStory
        label={t('preview.article')}
        story={{
          language: s.language,
          headline: s.headline,
          subheadline: s.subheadline,
          dateline: s.dateline,
          byline: [s.byline, s.authors.map((a) => a.displayName).join('、'), s.publishedAt && formatTime(s.publishedAt)].filter(Boolean).join(' · '),
          featuredImage: s.featuredImage && readerPhoto(s.featuredImage),
          body: s.body.map((block): ReaderBlock => (block.type === 'image' ? { type: 'image', photo: readerPhoto(block) } : block)),
          corrections: s.corrections,
        }}
      />
    </>
  );
}
