// Choosing a photo for a story: from the library (searched by caption, credit or creator), or
// uploaded on the spot.
import { useState, type FormEvent } from 'react';
import { useCan } from '../auth/useSession';
import { useT } from '../i18n/i18n';
import { Button, Empty, Loading, TextField } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { AuthedImage } from './AuthedImage';
import { pickRendition, previewUrl, usePhotos, type Photo } from './hooks';
import { UploadForm } from './UploadForm';

export function PhotoPicker({ open, onClose, onPick }: { open: boolean; onClose: () => void; onPick: (photo: Photo) => void }) {
  const t = useT();
  const can = useCan();
  const [tab, setTab] = useState<'library' | 'upload'>('library');
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  const photos = usePhotos({ q });
  const items = photos.data?.pages.flatMap((p) => p.items) ?? [];
  const pick = (photo: Photo) => {
    onPick(photo);
    onClose();
  };

  return (
    <Dialog open={open} onClose={onClose} title={t('picker.title')} wide actions={<Button onClick={onClose}>{t('common.close')}</Button>}>
      <div className="row">
        <Button variant={tab === 'library' ? 'primary' : 'secondary'} aria-pressed={tab === 'library'} onClick={() => setTab('library')}>
          {t('picker.fromLibrary')}
        </Button>
        {can('media.upload') && (
          <Button variant={tab === 'upload' ? 'primary' : 'secondary'} aria-pressed={tab === 'upload'} onClick={() => setTab('upload')}>
            {t('picker.upload')}
          </Button>
        )}
      </div>
      {tab === 'upload' ? (
        <UploadForm onUploaded={pick} />
      ) : (
        <>
          <form
            className="row"
            role="search"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              setQ(query.trim());
            }}
          >
            <TextField className="grow" type="search" label={t('photos.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
            <Button type="submit">{t('desk.searchButton')}</Button>
          </form>
          <ProblemAlert error={photos.error} />
          {photos.isPending ? (
            <Loading label={t('common.loading')} />
          ) : items.length === 0 ? (
            <Empty>{t('photos.none')}</Empty>
          ) : (
            <ul className="photo-grid" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((photo) => {
                const thumb = pickRendition(photo.renditions, 'thumb');
                return (
                  <li key={photo.id} className="photo-card">
                    <div className="thumb">
                      {thumb ? (
                        <AuthedImage src={previewUrl(photo.id, thumb)} alt={photo.altText ?? photo.caption ?? ''} />
                      ) : (
                        <div className="placeholder-box">{t('photos.placeholder')}</div>
                      )}
                    </div>
                    <div className="meta">
                      <span className="caption">{photo.caption ?? t('photos.noCaption')}</span>
                      <span className="subtle">{photo.credit ?? t('photos.noCredit')}</span>
                      <Button
                        small
                        onClick={() => pick(photo)}
                        aria-label={t('picker.useNamed', { caption: photo.caption ?? photo.originalFilename ?? photo.id })}
                      >
                        {t('picker.use')}
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          {photos.hasNextPage && (
            <Button onClick={() => void photos.fetchNextPage()} busy={photos.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </>
      )}
    </Dialog>
  );
}
