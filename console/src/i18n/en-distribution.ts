// English messages of the distribution features: preview links, the shared preview page, corrections
// and the SEO fields.
// Every key here must also be in zh-Hans-distribution.ts (the type checker holds them together).
export const enDistribution = {
  'previewLink.title': 'Preview link',
  'previewLink.explain': 'Anyone with the link can read the saved working copy, drafts too, without signing in, until it expires.',
  'previewLink.lasts': 'The link works for',
  'previewLink.hour': '1 hour',
  'previewLink.day': '1 day',
  'previewLink.week': '1 week',
  'previewLink.create': 'Create preview link',
  'previewLink.link': 'Link to share',
  'previewLink.copy': 'Copy link',
  'previewLink.copied': 'Link copied',
  'previewLink.expires': 'Works until {time}.',
  'previewLink.unsaved': 'The link shows the last saved version: save to include your latest changes.',
  'previewLink.revoke': 'Revoke all preview links',
  'previewLink.revokeTitle': 'Revoke every preview link to this story?',
  'previewLink.revokeExplain': 'Every link issued for this story, by anyone, stops working at once. You can create a new one afterwards.',
  'previewLink.revoked': 'Preview links revoked',
  'previewLink.forbidden': 'Your role does not allow preview links for this story.',

  'sharedPreview.title': 'Story preview',
  'sharedPreview.banner': 'Preview of a version readers cannot see yet ({status}); it may still change. This link works until {time}.',
  'sharedPreview.missing': 'This address needs the rest of a preview link. Ask the newsroom for the whole link.',
  'sharedPreview.expired': 'This preview link has expired. Ask the newsroom for a new one.',
  'sharedPreview.invalid': 'This preview link does not work: it was revoked, copied incompletely, or the story was deleted.',

  'corrections.title': 'Corrections',
  'corrections.none': 'No corrections.',
  'corrections.add': 'Append a correction',
  'corrections.text': 'Correction notice',
  'corrections.textHint':
    'Readers see it under the story at once, with the time; the story’s other unpublished edits stay unpublished. A notice cannot be changed or removed later.',
  'corrections.required': 'Write the correction notice.',
  'corrections.publish': 'Publish correction',
  'corrections.published': 'Correction published',
  'problem.notPublished': 'Only a published story can carry a correction; a story readers cannot see is simply edited.',

  'seo.title': 'Search and social',
  'seo.explain':
    'What search engines and social cards show. Empty fields use the default shown in them; changes reach readers with the next publish.',
  'seo.characters': '{count} characters',
  'seo.seoTitle': 'Search title',
  'seo.seoTitleHint': 'Empty: the headline.',
  'seo.seoDescription': 'Search description',
  'seo.seoDescriptionHint': 'Empty: the excerpt, as readers get it.',
  'seo.canonicalUrl': 'Canonical address',
  'seo.canonicalUrlHint':
    'For a story first published elsewhere, the original’s address (https://…). Empty: this story’s own page on the reader site.',
} as const;
