// Publishing refused because photos have no credit line: each such photo is shown with a field for
// its credit in this story, so the editor fixes it here and publishes again.
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { AuthedImage } from '../photos/AuthedImage';
import { pickRendition, previewUrl, usePhoto } from '../photos/hooks';
import { Alert, Button, TextField } from '../ui/components';
import { Dialog } from '../ui/Dialog';

export interface MissingCredit {
  mediaId: string;
  /** `featuredImage` or `body.3`. */
  field: string;
}

function MissingCreditRow({
  missing,
  label,
  value,
  onChange,
}: {
  missing: MissingCredit;
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const t = useT();
  const photo = usePhoto(missing.mediaId);
  const thumb = photo.data ? pickRendition(photo.data.renditions, 'thumb') : undefined;
  return (
    <div className="featured">
      <div className="thumb">{thumb && <AuthedImage src={previewUrl(missing.mediaId, thumb)} alt={photo.data?.caption ?? ''} />}</div>
      <div className="stack grow">
        <strong>{label}</strong>
        <div className="subtle">{photo.data?.caption ?? ''}</div>
        <TextField label={t('credit.field', { photo: label })} value={value} onChange={(e) => onChange(e.target.value)} required />
      </div>
    </div>
  );
}

export function CreditFixDialog({
  missing,
  labelOf,
  busy,
  onFix,
  onClose,
}: {
  missing: MissingCredit[];
  labelOf: (field: string) => string;
  busy: boolean;
  onFix: (credits: Map<string, string>) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [credits, setCredits] = useState<Map<string, string>>(new Map());
  const complete = missing.every((m) => (credits.get(m.field) ?? '').trim());
  return (
    <Dialog
      open={missing.length > 0}
      onClose={onClose}
      title={t('credit.title')}
      role="alertdialog"
      actions={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" busy={busy} disabled={!complete} onClick={() => onFix(credits)}>
            {t('credit.fixAndPublish')}
          </Button>
        </>
      }
    >
      <Alert kind="warn">{t('credit.explain')}</Alert>
      {missing.map((m) => (
        <MissingCreditRow
          key={m.field}
          missing={m}
          label={labelOf(m.field)}
          value={credits.get(m.field) ?? ''}
          onChange={(v) => setCredits((all) => new Map(all).set(m.field, v))}
        />
      ))}
    </Dialog>
  );
}
