// Webhook endpoints: the systems Masthead tells when stories go live, change or are taken down. Adding
// one shows its signing secret once, to hand to the receiving system.
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { useLocale } from '../i18n/i18n';
import { Alert, Button, Checkbox, Empty, Loading, PageHeader, TextField } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useToast } from '../ui/toasts';
import { DEFAULT_EVENTS, EVENT_LABELS, EVENT_TYPES, eventNames, type WebhookEventType } from './events';
import { useCreateWebhook, useWebhooks, type WebhookEndpoint } from './hooks';
import { EndpointState } from './EndpointState';

function AddDialog({ onClose, onAdded }: { onClose: () => void; onAdded: (endpoint: WebhookEndpoint) => void }) {
  const { t } = useLocale();
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([...DEFAULT_EVENTS]);
  const [noEvents, setNoEvents] = useState(false);

  function save(event?: FormEvent) {
    event?.preventDefault();
    if (events.length === 0) return setNoEvents(true);
    setNoEvents(false);
    create.mutate(
      { url: url.trim(), events: EVENT_TYPES.filter((e) => events.includes(e)), description: description.trim() || undefined },
      { onSuccess: onAdded },
    );
  }

  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={t('webhooks.add')}
      actions={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" busy={create.isPending} disabled={!url.trim()} onClick={() => save()}>
            {t('webhooks.save')}
          </Button>
        </>
      }
    >
      <form className="stack" onSubmit={save}>
        <TextField type="url" label={t('webhooks.url')} hint={t('webhooks.urlHint')} value={url} onChange={(e) => setUrl(e.target.value)} required />
        <TextField label={t('webhooks.description')} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />
        <fieldset aria-describedby={noEvents ? 'webhook-events-error' : undefined}>
          <legend>{t('webhooks.events')}</legend>
          {EVENT_TYPES.map((type) => (
            <Checkbox
              key={type}
              label={
                <>
                  {t(EVENT_LABELS[type])} <code className="subtle">{type}</code>
                </>
              }
              checked={events.includes(type)}
              onChange={(e) => setEvents(e.target.checked ? [...events, type] : events.filter((x) => x !== type))}
            />
          ))}
          {noEvents && (
            <div className="error" id="webhook-events-error">
              {t('webhooks.eventsRequired')}
            </div>
          )}
        </fieldset>
      </form>
      <ProblemAlert error={create.error} />
    </Dialog>
  );
}

/** The secret, once: selected for copying, with a button that copies it. */
function SecretDialog({ endpoint, onClose }: { endpoint: WebhookEndpoint; onClose: () => void }) {
  const { t } = useLocale();
  const toast = useToast();
  async function copy() {
    try {
      await navigator.clipboard.writeText(endpoint.secret ?? '');
      toast(t('webhooks.secretCopied'));
    } catch {
      // Clipboard refused (permissions): the secret stays selectable in its field.
    }
  }
  return (
    <Dialog
      open
      role="alertdialog"
      onClose={onClose}
      title={t('webhooks.secretTitle')}
      actions={
        <>
          <Button onClick={() => void copy()}>{t('webhooks.copySecret')}</Button>
          <Button variant="primary" onClick={onClose}>
            {t('webhooks.secretStored')}
          </Button>
        </>
      }
    >
      <Alert kind="warn">{t('webhooks.secretExplain', { url: endpoint.url })}</Alert>
      <TextField label={t('webhooks.secret')} value={endpoint.secret ?? ''} readOnly autoFocus onFocus={(e) => e.target.select()} />
    </Dialog>
  );
}

export default function WebhooksPage() {
  const { t, language } = useLocale();
  const webhooks = useWebhooks();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<WebhookEndpoint | null>(null);

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        subtitle={t('webhooks.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setAdding(true)}>
            {t('webhooks.add')}
          </Button>
        }
      />
      <ProblemAlert error={webhooks.error} />
      {webhooks.isPending ? (
        <Loading label={t('common.loading')} />
      ) : !webhooks.data?.length ? (
        <Empty>{t('webhooks.none')}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('webhooks.url')}</th>
              <th scope="col">{t('webhooks.events')}</th>
              <th scope="col">{t('webhooks.state')}</th>
            </tr>
          </thead>
          <tbody>
            {webhooks.data.map((endpoint) => (
              <tr key={endpoint.id}>
                <td>
                  <Link href={`/webhooks/${endpoint.id}`}>{endpoint.url}</Link>
                  {endpoint.description && <div className="subtle">{endpoint.description}</div>}
                </td>
                <td>{eventNames(endpoint.events, t, language)}</td>
                <td>
                  <EndpointState endpoint={endpoint} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && (
        <AddDialog
          onClose={() => setAdding(false)}
          onAdded={(endpoint) => {
            setAdding(false);
            setAdded(endpoint);
          }}
        />
      )}
      {added && <SecretDialog endpoint={added} onClose={() => setAdded(null)} />}
    </>
  );
}
