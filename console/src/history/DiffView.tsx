// What changed between two revisions, field by field. Text fields show character-level runs inline
// (insertions underlined on green, deletions struck through on red), which reads well for Chinese,
// where a word-level diff would replace whole phrases.
import type { MessageKey } from '../i18n/en';
import { useT, type Translate } from '../i18n/i18n';
import { Empty } from '../ui/components';
import type { FieldDiff, StoryDiff } from './hooks';

const FIELD_LABELS: Record<string, MessageKey> = {
  headline: 'story.headline',
  subheadline: 'story.subheadline',
  slug: 'story.slug',
  dateline: 'story.dateline',
  language: 'story.language',
  excerpt: 'story.excerpt',
  categoryId: 'story.section',
  tags: 'story.tags',
  authors: 'story.authors',
  byline: 'story.byline',
  featuredImage: 'story.featuredImage',
  caption: 'photo.caption',
  credit: 'photo.credit',
  altText: 'photo.altText',
  text: 'diff.text',
  items: 'diff.items',
  attribution: 'block.attribution',
  mediaId: 'diff.photo',
};

export function fieldLabel(field: string, t: Translate): string {
  const label = (name: string) => (FIELD_LABELS[name] ? t(FIELD_LABELS[name]) : name);
  const body = /^body\[(\d+)\](?:\.(\w+))?/.exec(field);
  if (body) return [t('diff.bodyBlock', { n: Number(body[1]) + 1 }), body[2] && label(body[2])].filter(Boolean).join(' · ');
  const [head, ...rest] = field.split('.');
  return [label(head), ...rest.map(label)].join(' · ');
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('、');
  return JSON.stringify(value, null, 1);
}

function FieldChange({ change }: { change: FieldDiff }) {
  const t = useT();
  const isList = Array.isArray(change.before) || Array.isArray(change.after);
  return (
    <section className="diff-field">
      <h3>{fieldLabel(change.field, t)}</h3>
      {change.changes ? (
        <div className="diff-text">
          {change.changes.map((run, i) => {
            const text = isList ? `${run.value}${i < change.changes!.length - 1 ? '、' : ''}` : run.value;
            if (run.added)
              return (
                <ins key={i} className="diff-added">
                  {text}
                </ins>
              );
            if (run.removed)
              return (
                <del key={i} className="diff-removed">
                  {text}
                </del>
              );
            return <span key={i}>{text}</span>;
          })}
        </div>
      ) : (
        <div className="diff-values">
          <div>
            <div className="subtle">{t('diff.before')}</div>
            <pre>{show(change.before)}</pre>
          </div>
          <div>
            <div className="subtle">{t('diff.after')}</div>
            <pre>{show(change.after)}</pre>
          </div>
        </div>
      )}
    </section>
  );
}

export function DiffView({ diff }: { diff: StoryDiff }) {
  const t = useT();
  if (diff.changes.length === 0) return <Empty>{t('diff.none')}</Empty>;
  return (
    <div>
      {diff.changes.map((change, i) => (
        <FieldChange key={`${change.field}-${i}`} change={change} />
      ))}
    </div>
  );
}
