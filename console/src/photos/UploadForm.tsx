// Adding a photo: drop a file (or choose one), see the caption and credit its IPTC/XMP carries
// before anything is saved, correct them, then save.
import { useEffect, useId, useState, type DragEvent } from 'react';
import { useT } from '../i18n/i18n';
import { Alert, Button, TextArea, TextField } from '../ui/components';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useReadPhotoMetadata, useUploadPhoto, type Photo, type PhotoWords } from './hooks';

const EMPTY: PhotoWords = { caption: '', credit: '', creator: '', altText: '', copyright: '', source: '', title: '' };

export function Dropzone({ onFile, label }: { onFile: (file: File) => void; label: string }) {
  const t = useT();
  const inputId = useId();
  const [active, setActive] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setActive(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={`dropzone${active ? ' active' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setActive(true);
      }}
      onDragLeave={() => setActive(false)}
      onDrop={drop}
    >
      <p>{t('photos.dropHere')}</p>
      <label htmlFor={inputId} className="btn">
        {label}
      </label>
      <input
        id={inputId}
        className="visually-hidden"
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          e.target.value = '';
        }}
      />
    </div>
  );
}

export function UploadForm({ onUploaded, onCancel }: { onUploaded: (photo: Photo) => void; onCancel?: () => void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [localUrl, setLocalUrl] = useState<string | null>(null);
  const [words, setWords] = useState<PhotoWords>(EMPTY);
  const read = useReadPhotoMetadata();
  const upload = useUploadPhoto();

  useEffect(() => {
    if (!file) return;
    const url = URL.createObjectURL(file);
    setLocalUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  function choose(chosen: File) {
    setFile(chosen);
    setWords(EMPTY);
    upload.reset();
    read.mutate(chosen, {
      onSuccess: (meta) =>
        setWords({
          caption: meta.caption ?? '',
          credit: meta.credit ?? '',
          creator: meta.creator ?? '',
          altText: meta.altText ?? '',
          copyright: meta.copyright ?? '',
          source: meta.source ?? '',
          title: meta.title ?? '',
        }),
    });
  }

  const set = (key: keyof PhotoWords) => (e: { target: { value: string } }) => setWords((w) => ({ ...w, [key]: e.target.value }));

  if (!file) return <Dropzone onFile={choose} label={t('photos.chooseFile')} />;

  return (
    <div className="stack">
      <div className="split-even">
        <div>{localUrl && <img src={localUrl} alt={t('photos.chosenFile', { name: file.name })} style={{ maxWidth: '100%' }} />}</div>
        <div className="stack">
          <div className="subtle">{file.name}</div>
          {read.isPending && <Alert kind="info">{t('photos.readingMetadata')}</Alert>}
          {read.isSuccess && (
            <Alert kind={read.data.caption || read.data.credit ? 'ok' : 'info'} live>
              {read.data.caption || read.data.credit ? t('photos.metadataFound') : t('photos.metadataNone')}
            </Alert>
          )}
          <ProblemAlert error={read.error} />
          <TextArea label={t('photo.caption')} value={words.caption ?? ''} onChange={set('caption')} rows={3} />
          <TextField label={t('photo.credit')} value={words.credit ?? ''} onChange={set('credit')} hint={t('photo.creditHint')} />
          <TextField label={t('photo.creator')} value={words.creator ?? ''} onChange={set('creator')} />
          <TextField label={t('photo.altText')} value={words.altText ?? ''} onChange={set('altText')} hint={t('photo.altTextHint')} />
        </div>
      </div>
      <ProblemAlert error={upload.error} />
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <Button onClick={() => setFile(null)}>{t('photos.chooseAnother')}</Button>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button
          variant="primary"
          busy={upload.isPending}
          disabled={read.isPending || read.isError}
          onClick={() => upload.mutate({ file, words }, { onSuccess: onUploaded })}
        >
          {t('photos.save')}
        </Button>
      </div>
    </div>
  );
}
