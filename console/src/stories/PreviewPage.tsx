// The working copy as a reader would see it: headline, standfirst, byline, the photo with its caption
// and credit, the dateline opening the first paragraph, subheadings, quotes and lists.
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

type UsedPhoto = Schemas['AdminPhotoDto'];

function Figure({ photo }: { photo: UsedPhoto }) {
  const large = pickRendition(photo.renditions, 'large') ?? pickRendition(photo.renditions, 'medium');
  return (
    <figure>
      {large && <AuthedImage src={previewUrl(photo.mediaId, large)} alt={photo.altText ?? photo.caption ?? ''} />}
      {(photo.caption || photo.credit) && (
        <figcaption>
          {photo.caption}
          {photo.credit && <span className="credit">（{photo.credit}）</span>}
        </figcaption>
      )}
    </figure>
  );
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
  let datelineShown = false;

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
      <article className="reader" lang={s.language} aria-label={t('preview.article')}>
        <h2 style={{ fontSize: '1.9rem' }}>{s.headline}</h2>
        {s.subheadline && <p className="standfirst">{s.subheadline}</p>}
        <p className="byline">
          {[s.byline, s.authors.map((a) => a.displayName).join('、'), s.publishedAt && formatTime(s.publishedAt)].filter(Boolean).join(' · ')}
        </p>
        {s.featuredImage && <Figure photo={s.featuredImage} />}
        {s.body.map((block, i) => {
          switch (block.type) {
            case 'paragraph': {
              const withDateline = !datelineShown && s.dateline;
              datelineShown = true;
              return (
                <p key={i}>
                  {withDateline && <strong>（{s.dateline!.replace(/^[（(]|[）)]$/g, '')}）</strong>}
                  {block.text}
                </p>
              );
            }
            case 'subheading':
              return <h3 key={i}>{block.text}</h3>;
            case 'quote':
              return (
                <blockquote key={i}>
                  {block.text}
                  {block.attribution && <footer>— {block.attribution}</footer>}
                </blockquote>
              );
            case 'list':
              return (
                <ul key={i}>
                  {block.items.map((item, j) => (
                    <li key={j}>{item}</li>
                  ))}
                </ul>
              );
            case 'image':
              return <Figure key={i} photo={block} />;
          }
        })}
      </article>
    </>
  );
}
