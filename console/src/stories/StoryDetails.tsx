// The story's details beside the text: section, authors, tags, language and embargo.
import { useState } from 'react';
import type { MessageKey } from '../i18n/en';
import { useLocale } from '../i18n/i18n';
import { usePeople } from '../people/hooks';
import { sectionPaths, useSections } from '../sections/hooks';
import { Button, SelectField, TextField } from '../ui/components';
import { fromZonedInput, toZonedInput } from '../ui/time';
import { parseTags, type EditableStory } from './editable';

const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en', 'ms'] as const;
const LANGUAGE_NAMES: Record<(typeof LANGUAGES)[number], MessageKey> = {
  'zh-Hans': 'lang.zh-Hans',
  'zh-Hant': 'lang.zh-Hant',
  en: 'lang.en',
  ms: 'lang.ms',
};
const known = (l: string): l is (typeof LANGUAGES)[number] => (LANGUAGES as readonly string[]).includes(l);

export function StoryDetails({ fields, onChange }: { fields: EditableStory; onChange: (changes: Partial<EditableStory>) => void }) {
  const { t, timeZone, zone } = useLocale();
  const sections = useSections();
  const people = usePeople();
  const paths = sectionPaths(sections.data ?? []);
  const nameOf = (id: string) => people.data?.find((p) => p.id === id)?.displayName ?? id.slice(0, 8);
  const [tagsText, setTagsText] = useState(fields.tags.join('、'));
  const languages: string[] = known(fields.language) ? [...LANGUAGES] : [...LANGUAGES, fields.language];

  return (
    <section className="panel side-section stack" aria-labelledby="details-title">
      <h2 id="details-title">{t('story.details')}</h2>
      <SelectField label={t('story.section')} value={fields.categoryId ?? ''} onChange={(e) => onChange({ categoryId: e.target.value || null })}>
        <option value="">{t('story.noSection')}</option>
        {[...paths].map(([id, path]) => (
          <option key={id} value={id}>
            {path}
          </option>
        ))}
      </SelectField>
      <div className="field">
        <span className="label" id="authors-label">
          {t('story.authors')}
        </span>
        <ul className="pill-list" aria-labelledby="authors-label" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {fields.authors.map((id) => (
            <li key={id} className="pill">
              {nameOf(id)}
              <button
                type="button"
                aria-label={t('story.removeAuthor', { name: nameOf(id) })}
                onClick={() => onChange({ authors: fields.authors.filter((a) => a !== id) })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
        <SelectField
          label={t('story.addAuthor')}
          value=""
          onChange={(e) => e.target.value && onChange({ authors: [...fields.authors, e.target.value] })}
        >
          <option value="">{t('story.chooseAuthor')}</option>
          {(people.data ?? [])
            .filter((p) => !fields.authors.includes(p.id))
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
        </SelectField>
      </div>
      <TextField
        label={t('story.tags')}
        hint={t('story.tagsHint')}
        value={tagsText}
        onChange={(e) => {
          setTagsText(e.target.value);
          onChange({ tags: parseTags(e.target.value) });
        }}
        onBlur={() => setTagsText(fields.tags.join('、'))}
      />
      <SelectField label={t('story.language')} value={fields.language} onChange={(e) => onChange({ language: e.target.value })}>
        {languages.map((l) => (
          <option key={l} value={l}>
            {known(l) ? t(LANGUAGE_NAMES[l]) : l}
          </option>
        ))}
      </SelectField>
      <TextField
        type="datetime-local"
        label={t('story.embargo', { zone: `${timeZone}, ${zone}` })}
        hint={t('story.embargoHint')}
        value={fields.embargoUntil ? toZonedInput(fields.embargoUntil, timeZone) : ''}
        onChange={(e) => onChange({ embargoUntil: e.target.value ? fromZonedInput(e.target.value, timeZone) : null })}
      />
      {fields.embargoUntil && (
        <Button small onClick={() => onChange({ embargoUntil: null })}>
          {t('story.liftEmbargo')}
        </Button>
      )}
    </section>
  );
}
