// A story as a reader sees it: headline, standfirst, byline, the photo with its caption and credit,
// the dateline opening the first paragraph, subheadings, quotes, lists and the corrections under it.
// Shared by the editors' preview (photos fetched with the session) and the public preview page.
import type { ReactNode } from 'react';
import { useLocale } from '../i18n/i18n';

export interface ReaderPhoto {
  caption: string | null;
  credit: string | null;
  /** The picture itself, or null when there is no file to show. */
  image: ReactNode;
}

export type ReaderBlock =
  | { type: 'paragraph' | 'subheading'; text: string }
  | { type: 'quote'; text: string; attribution?: string | null }
  | { type: 'list'; items: string[] }
  | { type: 'image'; photo: ReaderPhoto };

export interface ReaderContent {
  language: string;
  headline: string;
  subheadline: string | null;
  dateline: string | null;
  /** Byline, authors and date, already joined. */
  byline: string;
  featuredImage: ReaderPhoto | null;
  body: ReaderBlock[];
  corrections: ReadonlyArray<{ text: string; at: string }>;
}

function Figure({ photo }: { photo: ReaderPhoto }) {
  return (
    <figure>
      {photo.image}
      {(photo.caption || photo.credit) && (
        <figcaption>
          {photo.caption}
          {photo.credit && <span className="credit">（{photo.credit}）</span>}
        </figcaption>
      )}
    </figure>
  );
}

export function ReaderStory({ story, label }: { story: ReaderContent; label: string }) {
  const { t, formatTime } = useLocale();
  let datelineShown = false;
  return (
    <article className="reader" lang={story.language} aria-label={label}>
      <h2 style={{ fontSize: '1.9rem' }}>{story.headline}</h2>
      {story.subheadline && <p className="standfirst">{story.subheadline}</p>}
      <p className="byline">{story.byline}</p>
      {story.featuredImage && <Figure photo={story.featuredImage} />}
      {story.body.map((block, i) => {
        switch (block.type) {
          case 'paragraph': {
            const withDateline = !datelineShown && story.dateline;
            datelineShown = true;
            return (
              <p key={i}>
                {withDateline && <strong>（{story.dateline!.replace(/^[（(]|[）)]$/g, '')}）</strong>}
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
            return <Figure key={i} photo={block.photo} />;
        }
      })}
      {story.corrections.length > 0 && (
        <section className="corrections" aria-labelledby="reader-corrections">
          <h3 id="reader-corrections">{t('corrections.title')}</h3>
          <ul>
            {story.corrections.map((c, i) => (
              <li key={i}>
                <time dateTime={c.at}>{formatTime(c.at)}</time> {c.text}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
