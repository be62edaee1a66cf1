// The photo library: every photo with its caption and credit, searched by caption, credit or creator;
// placeholders (photos an import named but did not have) marked, with "upload the photo" in place.
import { useState, type FormEvent } from 'react';
import { useCan } from '../auth/useSession';
import { useT } from '../i18n/i18n';
import { Button, Empty, Loading, PageHeader, SelectField, TextField } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useToast } from '../ui/toasts';
import { AuthedImage } from './AuthedImage';
import { pickRendition, previewUrl, usePhotos, type Photo } from './hooks';
import { PhotoDialog } from './PhotoDialog';
import { UploadForm } from './UploadForm';

export default function LibraryPage() {
  const t = useT();
  const can = useCan();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<'' | 'ready' | 'placeholder'>('');
  const photos = usePhotos({ q, status: status || undefined });
  const [open, setOpen] = useState<Photo | null>(null);
  const [uploading, setUploading] = useState(false);
  const items = photos.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('photos.title')}
        subtitle={t('photos.subtitle')}
        actions={
          can('media.upload') && (
            <Button variant="primary" onClick={() => setUploading(true)}>
              {t('photos.upload')}
            </Button>
          )
        }
      />
      <div className="toolbar" role="search">
        <form
          className="row grow"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setQ(query.trim());
          }}
        >
          <TextField
            className="grow"
            type="search"
            label={t('photos.search')}
            hint={t('photos.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <Button type="submit">{t('desk.searchButton')}</Button>
        </form>
        <SelectField label={t('photos.show')} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="">{t('photos.all')}</option>
          <option value="ready">{t('photos.ready')}</option>
          <option value="placeholder">{t('photos.placeholders')}</option>
        </SelectField>
      </div>
      <ProblemAlert error={photos.error} />
      {photos.isPending ? (
        <Loading label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Empty>{q ? t('photos.noMatches') : t('photos.none')}</Empty>
      ) : (
        <ul className="photo-grid" aria-label={t('photos.title')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((photo) => {
            const thumb = pickRendition(photo.renditions, 'thumb');
            const name = photo.caption ?? photo.originalFilename ?? t('photos.untitled');
            return (
              <li key={photo.id} className="photo-card">
                <button type="button" className="photo-open" onClick={() => setOpen(photo)} aria-label={t('photos.open', { name })}>
                  <div className="thumb">
                    {photo.status === 'placeholder' || !thumb ? (
                      <div className="placeholder-box">{t('photos.placeholder')}</div>
                    ) : (
                      <AuthedImage src={previewUrl(photo.id, thumb)} alt="" />
                    )}
                  </div>
                </button>
                <div className="meta">
                  {photo.status === 'placeholder' && <span className="badge badge-placeholder">{t('photos.placeholderBadge')}</span>}
                  <span className="caption">{photo.caption ?? <em>{t('photos.noCaption')}</em>}</span>
                  <span className="subtle">{photo.credit ?? t('photos.noCredit')}</span>
                  {photo.status === 'placeholder' && can('media.edit') && (
                    <Button small onClick={() => setOpen(photo)} aria-label={t('photos.uploadFor', { name })}>
                      {t('photos.uploadThePhoto')}
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {photos.hasNextPage && (
        <p>
          <Button onClick={() => void photos.fetchNextPage()} busy={photos.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </p>
      )}
      {open && <PhotoDialog key={open.id} photo={open} onClose={() => setOpen(null)} />}
      <Dialog open={uploading} onClose={() => setUploading(false)} title={t('photos.upload')} wide>
        <UploadForm
          onCancel={() => setUploading(false)}
          onUploaded={() => {
            setUploading(false);
            toast(t('photos.uploaded'));
          }}
        />
      </Dialog>
    </>
  );
}
