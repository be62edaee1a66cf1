// Importing a newspaper page: paste its text or drop a file, see what the parser found (headline,
// dateline, byline, photo caption and credit, subheadings, teasers) beside the source, then import.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/problem';
import { useT } from '../i18n/i18n';
import { Alert, Button, PageHeader, TextArea } from '../ui/components';
import { ProblemAlert } from '../ui/ProblemAlert';
import { Dropzone } from '../photos/UploadForm';
import { decodePage } from './decode';

type Report = Schemas['ImportReportDto'];

function useImportPage() {
  return useMutation({
    mutationFn: async (input: { text: string; filename?: string; dryRun: boolean }) => unwrap(await api.POST('/api/admin/imports', { body: input })),
  });
}

function Parsed({ report }: { report: Report }) {
  const t = useT();
  const p = report.parsed;
  return (
    <div className="stack">
      <dl className="facts">
        <dt>{t('story.headline')}</dt>
        <dd>
          <strong>{p.headline}</strong> {p.headlineDerived && <span className="badge">{t('import.derived')}</span>}
        </dd>
        <dt>{t('story.dateline')}</dt>
        <dd>{p.dateline ?? '—'}</dd>
        <dt>{t('story.byline')}</dt>
        <dd>{p.byline ?? '—'}</dd>
        <dt>{t('story.language')}</dt>
        <dd>{p.language}</dd>
        <dt>{t('story.section')}</dt>
        <dd>{report.category}</dd>
        <dt>{t('import.photoCaption')}</dt>
        <dd>{p.featuredImage?.caption ?? '—'}</dd>
        <dt>{t('photo.credit')}</dt>
        <dd>{p.featuredImage?.credit ?? '—'}</dd>
        <dt>{t('import.signOff')}</dt>
        <dd>{p.signOff ?? '—'}</dd>
      </dl>
      <h3>{t('story.body')}</h3>
      <ol className="stack" style={{ paddingLeft: 20 }}>
        {p.body.map((block, i) =>
          block.type === 'image' ? (
            <li key={i}>
              <span className="badge">{t('block.image')}</span> {block.caption} {block.credit && <span className="subtle">（{block.credit}）</span>}
            </li>
          ) : block.type === 'subheading' ? (
            <li key={i}>
              <span className="badge">{t('block.subheading')}</span> <strong>{block.text}</strong>
            </li>
          ) : (
            <li key={i}>{block.text}</li>
          ),
        )}
      </ol>
      {p.teasers.length > 0 && (
        <>
          <h3>{t('import.teasers', { count: p.teasers.length })}</h3>
          <ul>
            {p.teasers.map((teaser, i) => (
              <li key={i}>
                {teaser.title} {teaser.category && <span className="subtle">· {teaser.category}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.warnings.length > 0 && (
        <Alert kind="warn" title={t('import.warnings')}>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}

export default function ImportPage() {
  const t = useT();
  const [text, setText] = useState('');
  const [filename, setFilename] = useState<string | undefined>();
  const preview = useImportPage();
  const run = useImportPage();

  function parse(source = text) {
    run.reset();
    preview.mutate({ text: source, filename, dryRun: true });
  }

  return (
    <>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <div className="split-even">
        <section className="panel stack" aria-labelledby="source-title">
          <h2 id="source-title">{t('import.source')}</h2>
          <Dropzone
            label={t('import.chooseFile')}
            onFile={(file) =>
              void file.arrayBuffer().then((bytes) => {
                const decoded = decodePage(new Uint8Array(bytes));
                setText(decoded);
                setFilename(file.name);
                parse(decoded);
              })
            }
          />
          <TextArea
            label={t('import.pasteText')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setFilename(undefined);
            }}
            rows={18}
          />
          <div className="row">
            <Button variant="primary" onClick={() => parse()} busy={preview.isPending} disabled={!text.trim()}>
              {t('import.preview')}
            </Button>
          </div>
          <ProblemAlert error={preview.error} />
        </section>
        <section className="panel stack" aria-labelledby="parsed-title" aria-live="polite">
          <h2 id="parsed-title">{t('import.parsed')}</h2>
          {!preview.data ? (
            <p className="subtle">{t('import.nothingYet')}</p>
          ) : (
            <>
              <Parsed report={preview.data} />
              {run.data ? (
                <Alert kind={run.data.outcome === 'duplicate' ? 'warn' : 'ok'} live>
                  <p>{run.data.outcome === 'duplicate' ? t('import.duplicate') : t('import.done', { teasers: run.data.teaserArticleIds.length })}</p>
                  {run.data.articleId && <Link href={`/stories/${run.data.articleId}`}>{t('import.openStory')}</Link>}
                </Alert>
              ) : (
                <Button variant="primary" busy={run.isPending} onClick={() => run.mutate({ text, filename, dryRun: false })}>
                  {t('import.run')}
                </Button>
              )}
              <ProblemAlert error={run.error} />
            </>
          )}
        </section>
      </div>
    </>
  );
}
