// What search engines and social cards read of the story. Each field is an override: left empty, the
// default applies, and the default shows in the empty field (the headline, the excerpt readers get).
// Like every editorial field they are saved with the story and reach readers with the next publish.
import { useLocale } from '../i18n/i18n';
import { TextArea, TextField } from '../ui/components';
import { countCharacters, type EditableStory } from './editable';
import type { Story } from './hooks';

/** The API's limits (LIMITS.seoTitle, seoDescription, canonicalUrl). */
const MAX = { seoTitle: 200, seoDescription: 500, canonicalUrl: 2000 };

export function SeoPanel({
  fields,
  server,
  onChange,
}: {
  fields: EditableStory;
  server: Story;
  onChange: (changes: Partial<EditableStory>) => void;
}) {
  const { t } = useLocale();
  // The excerpt readers get: the one written here, else the one the API derives from the body.
  const excerpt = fields.excerpt.trim() || (server.excerptDerived ? (server.excerpt ?? '') : '');
  const counter = (text: string) => <span className="counter">{t('seo.characters', { count: countCharacters(text) })}</span>;
  return (
    <section className="panel stack" aria-labelledby="seo-title">
      <h2 id="seo-title">{t('seo.title')}</h2>
      <p className="subtle">{t('seo.explain')}</p>
      <TextField
        label={t('seo.seoTitle')}
        hint={t('seo.seoTitleHint')}
        value={fields.seoTitle}
        placeholder={fields.headline.trim()}
        onChange={(e) => onChange({ seoTitle: e.target.value })}
        maxLength={MAX.seoTitle}
        aside={counter(fields.seoTitle || fields.headline)}
      />
      <TextArea
        label={t('seo.seoDescription')}
        hint={t('seo.seoDescriptionHint')}
        value={fields.seoDescription}
        placeholder={excerpt}
        onChange={(e) => onChange({ seoDescription: e.target.value })}
        maxLength={MAX.seoDescription}
        rows={2}
        aside={counter(fields.seoDescription || excerpt)}
      />
      <TextField
        type="url"
        label={t('seo.canonicalUrl')}
        hint={t('seo.canonicalUrlHint')}
        value={fields.canonicalUrl}
        onChange={(e) => onChange({ canonicalUrl: e.target.value })}
        maxLength={MAX.canonicalUrl}
      />
    </section>
  );
}
