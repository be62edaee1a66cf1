// A new story starts with its headline (and section): the draft is created and the editor opens.
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useLocale } from '../i18n/i18n';
import { sectionPaths, useSections } from '../sections/hooks';
import { Button, PageHeader, SelectField, TextField } from '../ui/components';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useCreateStory } from './hooks';

export default function NewStoryPage() {
  const { t, language } = useLocale();
  const [, navigate] = useLocation();
  const sections = useSections();
  const create = useCreateStory();
  const [headline, setHeadline] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [storyLanguage, setStoryLanguage] = useState(language === 'en' ? 'en' : 'zh-Hans');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!headline.trim()) return;
    create.mutate(
      { headline: headline.trim(), categoryId: categoryId || null, language: storyLanguage, body: [] },
      { onSuccess: (story) => navigate(`/stories/${story.id}`) },
    );
  }

  return (
    <>
      <PageHeader title={t('newStory.title')} />
      <form className="panel stack" onSubmit={submit} style={{ maxWidth: 720 }}>
        <TextField label={t('story.headline')} value={headline} onChange={(e) => setHeadline(e.target.value)} required maxLength={200} autoFocus />
        <SelectField label={t('story.section')} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          <option value="">{t('story.noSection')}</option>
          {[...sectionPaths(sections.data ?? [])].map(([id, path]) => (
            <option key={id} value={id}>
              {path}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('story.language')} value={storyLanguage} onChange={(e) => setStoryLanguage(e.target.value)}>
          <option value="zh-Hans">{t('lang.zh-Hans')}</option>
          <option value="zh-Hant">{t('lang.zh-Hant')}</option>
          <option value="en">{t('lang.en')}</option>
          <option value="ms">{t('lang.ms')}</option>
        </SelectField>
        <ProblemAlert error={create.error} />
        <div>
          <Button type="submit" variant="primary" busy={create.isPending} disabled={!headline.trim()}>
            {t('newStory.create')}
          </Button>
        </div>
      </form>
    </>
  );
}
