// A photo as a story uses it: the picture, the photo's own caption and credit, and beside them the
// caption, credit and alt text this story sets for itself (empty: the photo's own show).
import { useCan } from '../auth/useSession';
import { useT } from '../i18n/i18n';
import { AuthedImage } from '../photos/AuthedImage';
import { pickRendition, previewUrl, usePhoto } from '../photos/hooks';
import { Button, TextArea, TextField } from '../ui/components';
import type { PhotoUseFields } from './editable';

export function PhotoUseEditor({
  use,
  label,
  onChange,
  onReplace,
  onRemove,
}: {
  use: PhotoUseFields;
  label: string;
  onChange: (use: PhotoUseFields) => void;
  onReplace?: () => void;
  onRemove: () => void;
}) {
  const t = useT();
  const can = useCan();
  const photo = usePhoto(can('media.upload') || can('media.edit') || can('media.delete') ? use.mediaId : null);
  const own = photo.data;
  const medium = own ? pickRendition(own.renditions, 'medium') : undefined;
  const set = (key: keyof Omit<PhotoUseFields, 'mediaId'>) => (e: { target: { value: string } }) => onChange({ ...use, [key]: e.target.value });

  return (
    <div className="featured">
      <div className="thumb">
        {medium ? (
          <AuthedImage src={previewUrl(use.mediaId, medium)} alt={use.altText || own?.altText || own?.caption || ''} />
        ) : (
          <div className="placeholder-box">{own?.status === 'placeholder' ? t('photos.placeholder') : t('common.loading')}</div>
        )}
      </div>
      <div className="stack grow">
        {own?.status === 'placeholder' && <span className="badge badge-placeholder">{t('photos.placeholderBadge')}</span>}
        {own && (
          <dl className="facts">
            <dt>{t('photo.ownCaption')}</dt>
            <dd>{own.caption ?? '—'}</dd>
            <dt>{t('photo.ownCredit')}</dt>
            <dd>{own.credit ?? <span className="error">{t('photos.noCredit')}</span>}</dd>
          </dl>
        )}
        <TextArea
          label={t('photo.storyCaption', { photo: label })}
          value={use.caption}
          onChange={set('caption')}
          rows={2}
          hint={t('photo.overrideHint')}
        />
        <div className="row">
          <TextField className="grow" label={t('photo.storyCredit', { photo: label })} value={use.credit} onChange={set('credit')} />
          <TextField className="grow" label={t('photo.storyAltText', { photo: label })} value={use.altText} onChange={set('altText')} />
        </div>
        <div className="row">
          {onReplace && (
            <Button small onClick={onReplace}>
              {t('photo.replace')}
            </Button>
          )}
          <Button small variant="danger" onClick={onRemove}>
            {t('photo.remove', { photo: label })}
          </Button>
        </div>
      </div>
    </div>
  );
}
