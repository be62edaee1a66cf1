// One photo of the library: its caption, credit, creator, alt text and the rest, and its focal point
// (click the picture where the square crop should centre). A placeholder made by an import gets its
// file here.
import { useState, type MouseEvent } from 'react';
import { useCan } from '../auth/useSession';
import { useLocale } from '../i18n/i18n';
import { Alert, Button, TextArea, TextField } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useToast } from '../ui/toasts';
import { AuthedImage, forgetPreviews } from './AuthedImage';
import { pickRendition, previewUrl, useDeletePhoto, useFillPlaceholder, useUpdatePhoto, type Photo } from './hooks';
import { Dropzone } from './UploadForm';

type Words = { [K in 'caption' | 'credit' | 'creator' | 'altText' | 'copyright' | 'source' | 'title' | 'usageTerms']: string };

const wordsOf = (p: Photo): Words => ({
  caption: p.caption ?? '',
  credit: p.credit ?? '',
  creator: p.creator ?? '',
  altText: p.altText ?? '',
  copyright: p.copyright ?? '',
  source: p.source ?? '',
  title: p.title ?? '',
  usageTerms: p.usageTerms ?? '',
});

export function PhotoDialog({ photo, onClose }: { photo: Photo; onClose: () => void }) {
  const { t, formatTime } = useLocale();
  const can = useCan();
  const toast = useToast();
  const [words, setWords] = useState<Words>(() => wordsOf(photo));
  const [focal, setFocal] = useState(photo.focalPoint);
  const update = useUpdatePhoto();
  const fill = useFillPlaceholder();
  const remove = useDeletePhoto();
  const editable = can('media.edit');
  const large = pickRendition(photo.renditions, 'large') ?? pickRendition(photo.renditions, 'medium');

  const set = (key: keyof Words) => (e: { target: { value: string } }) => setWords((w) => ({ ...w, [key]: e.target.value }));

  function placeFocal(event: MouseEvent<HTMLDivElement>) {
    if (!editable) return;
    const box = event.currentTarget.getBoundingClientRect();
    const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;
    setFocal({ x: round((event.clientX - box.left) / box.width), y: round((event.clientY - box.top) / box.height) });
  }

  function save() {
    const original = wordsOf(photo);
    const changes: Record<string, unknown> = {};
    for (const key of Object.keys(words) as Array<keyof Words>)
      if (words[key].trim() !== original[key].trim()) changes[key] = words[key].trim() || null;
    if (JSON.stringify(focal) !== JSON.stringify(photo.focalPoint)) changes.focalPoint = focal;
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate(
      { id: photo.id, version: photo.version, changes },
      {
        onSuccess: () => {
          if ('focalPoint' in changes) forgetPreviews(photo.id);
          toast(t('photos.saved'));
          onClose();
        },
      },
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      wide
      title={photo.caption || photo.originalFilename || t('photos.untitled')}
      actions={
        <>
          {can('media.delete') && (
            <Button
              variant="danger"
              busy={remove.isPending}
              onClick={() => remove.mutate({ id: photo.id, version: photo.version }, { onSuccess: onClose })}
            >
              {t('photos.delete')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {editable && (
            <Button variant="primary" busy={update.isPending} onClick={save}>
              {t('photos.saveChanges')}
            </Button>
          )}
        </>
      }
    >
      <div className="split-even">
        <div className="stack">
          {photo.status === 'placeholder' ? (
            <>
              <Alert kind="warn" title={t('photos.placeholderBadge')}>
                {t('photos.placeholderExplain')}
              </Alert>
              {editable && (
                <Dropzone
                  label={t('photos.uploadThePhoto')}
                  onFile={(file) =>
                    fill.mutate(
                      { id: photo.id, version: photo.version, file },
                      {
                        onSuccess: () => {
                          toast(t('photos.filled'));
                          onClose();
                        },
                      },
                    )
                  }
                />
              )}
              <ProblemAlert error={fill.error} />
            </>
          ) : (
            large && (
              <>
                <div className="photo-frame">
                  {/* Keyboard users set the focal point with the two fields below. */}
                  <div onClick={placeFocal} className={editable ? 'focal-target' : undefined}>
                    <AuthedImage src={previewUrl(photo.id, large)} alt={photo.altText ?? photo.caption ?? ''} />
                  </div>
                  {focal && <span className="focal-marker" style={{ left: `${focal.x * 100}%`, top: `${focal.y * 100}%` }} aria-hidden="true" />}
                </div>
                {editable && (
                  <div className="row">
                    <span className="subtle grow">{t('photos.focalHint')}</span>
                    <TextField
                      label={t('photos.focalX')}
                      type="number"
                      min={0}
                      max={100}
                      value={focal ? Math.round(focal.x * 100) : 50}
                      onChange={(e) => setFocal({ x: Number(e.target.value) / 100, y: focal?.y ?? 0.5 })}
                    />
                    <TextField
                      label={t('photos.focalY')}
                      type="number"
                      min={0}
                      max={100}
                      value={focal ? Math.round(focal.y * 100) : 50}
                      onChange={(e) => setFocal({ x: focal?.x ?? 0.5, y: Number(e.target.value) / 100 })}
                    />
                  </div>
                )}
              </>
            )
          )}
          <dl className="facts">
            <dt>{t('photos.file')}</dt>
            <dd>{photo.originalFilename ?? '—'}</dd>
            <dt>{t('photos.size')}</dt>
            <dd>{photo.width && photo.height ? `${photo.width} × ${photo.height}` : '—'}</dd>
            <dt>{t('photos.added')}</dt>
            <dd>{formatTime(photo.createdAt)}</dd>
            {photo.capturedAt && (
              <>
                <dt>{t('photos.captured')}</dt>
                <dd>{formatTime(photo.capturedAt)}</dd>
              </>
            )}
          </dl>
        </div>
        <div className="stack">
          <TextArea label={t('photo.caption')} value={words.caption} onChange={set('caption')} rows={3} readOnly={!editable} />
          <TextField label={t('photo.credit')} hint={t('photo.creditHint')} value={words.credit} onChange={set('credit')} readOnly={!editable} />
          <TextField label={t('photo.creator')} value={words.creator} onChange={set('creator')} readOnly={!editable} />
          <TextField label={t('photo.altText')} hint={t('photo.altTextHint')} value={words.altText} onChange={set('altText')} readOnly={!editable} />
          <TextField label={t('photo.copyright')} value={words.copyright} onChange={set('copyright')} readOnly={!editable} />
          <TextField label={t('photo.source')} value={words.source} onChange={set('source')} readOnly={!editable} />
          <TextField label={t('photo.usageTerms')} value={words.usageTerms} onChange={set('usageTerms')} readOnly={!editable} />
          <ProblemAlert error={update.error ?? remove.error} />
        </div>
      </div>
    </Dialog>
  );
}
