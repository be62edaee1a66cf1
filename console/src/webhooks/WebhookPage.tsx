// One webhook endpoint: its state (pause it, enable it again, delete it) and its delivery log, newest
// first, where a delivery that failed or waits for its next attempt can be sent again now.
import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { useLocale } from '../i18n/i18n';
import { Alert, Button, Empty, Loading, PageHeader, SelectField } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useToast } from '../ui/toasts';
import { EndpointState } from './EndpointState';
import { EVENT_LABELS, eventNames } from './events';
import {
  useDeleteWebhook,
  useDeliveries,
  useRedeliver,
  useSetWebhookActive,
  useWebhook,
  type DeliveryStatus,
  type WebhookDelivery,
  type WebhookEndpoint,
} from './hooks';

const STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'failed'];

/** The last answer in a few words: the HTTP status and time taken, or why there was none. */
function LastAnswer({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useLocale();
  if (delivery.attempts === 0) return <span className="subtle">{t('deliveries.notYet')}</span>;
  return (
    <>
      {delivery.responseStatus !== null ? `HTTP ${delivery.responseStatus}` : t('deliveries.noAnswer')}
      {delivery.latencyMs !== null && <span className="subtle"> · {delivery.latencyMs} ms</span>}
      {delivery.lastError && <div className="subtle">{delivery.lastError}</div>}
    </>
  );
}

function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t, formatTime } = useLocale();
  const toast = useToast();
  const [status, setStatus] = useState<DeliveryStatus | undefined>(undefined);
  const log = useDeliveries(endpoint.id, status);
  const redeliver = useRedeliver(endpoint.id);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="panel stack" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t('deliveries.title')}</h2>
      <div className="toolbar">
        <SelectField
          label={t('deliveries.show')}
          value={status ?? ''}
          onChange={(e) => setStatus((e.target.value || undefined) as DeliveryStatus | undefined)}
        >
          <option value="">{t('deliveries.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`deliveries.status.${s}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {!endpoint.active && <p className="subtle">{t('deliveries.inactive')}</p>}
      <ProblemAlert error={log.error ?? redeliver.error} />
      {log.isPending ? (
        <Loading label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Empty>{t('deliveries.none')}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('deliveries.created')}</th>
              <th scope="col">{t('deliveries.event')}</th>
              <th scope="col">{t('deliveries.status')}</th>
              <th scope="col">{t('deliveries.lastAnswer')}</th>
              <th scope="col">{t('people.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((delivery) => {
              const event = t(EVENT_LABELS[delivery.eventType]);
              const when = formatTime(delivery.createdAt);
              return (
                <tr key={delivery.id}>
                  <td>{when}</td>
                  <td>
                    {event}
                    <div className="subtle">{delivery.payload.data.slug ?? delivery.payload.data.id}</div>
                  </td>
                  <td>
                    <span className={`badge badge-delivery-${delivery.status}`}>{t(`deliveries.status.${delivery.status}`)}</span>
                    <div className="subtle">{t('deliveries.attempts', { count: delivery.attempts })}</div>
                    {delivery.status === 'pending' && delivery.nextAttemptAt && (
                      <div className="subtle">{t('deliveries.next', { time: formatTime(delivery.nextAttemptAt) })}</div>
                    )}
                  </td>
                  <td>
                    <LastAnswer delivery={delivery} />
                  </td>
                  <td>
                    {endpoint.active && (
                      <Button
                        small
                        busy={redeliver.isPending && redeliver.variables === delivery.id}
                        aria-label={t('deliveries.redeliverNamed', { event, time: when })}
                        onClick={() => redeliver.mutate(delivery.id, { onSuccess: () => toast(t('deliveries.queued')) })}
                      >
                        {t('deliveries.redeliver')}
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <p>
          <Button onClick={() => void log.fetchNextPage()} busy={log.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </p>
      )}
    </section>
  );
}

function Endpoint({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t, language } = useLocale();
  const toast = useToast();
  const [, navigate] = useLocation();
  const setActive = useSetWebhookActive();
  const remove = useDeleteWebhook();
  const [deleting, setDeleting] = useState(false);

  return (
    <>
      <PageHeader
        title={endpoint.url}
        subtitle={endpoint.description}
        actions={
          <>
            <Link href="/webhooks" className="btn">
              {t('webhooks.back')}
            </Link>
            <Button
              busy={setActive.isPending}
              onClick={() =>
                setActive.mutate(
                  { endpoint, active: !endpoint.active },
                  { onSuccess: (e) => toast(t(e.active ? 'webhooks.enabled' : 'webhooks.pausedDone')) },
                )
              }
            >
              {t(endpoint.active ? 'webhooks.pause' : 'webhooks.enable')}
            </Button>
            <Button variant="danger" onClick={() => setDeleting(true)}>
              {t('common.delete')}
            </Button>
          </>
        }
      />
      <div className="panel stack">
        <div>
          <EndpointState endpoint={endpoint} />
        </div>
        <p>
          <strong>{t('webhooks.events')}:</strong> {eventNames(endpoint.events, t, language)}
        </p>
        {!endpoint.active && endpoint.disabledReason && <Alert kind="warn">{t('webhooks.disabledExplain')}</Alert>}
        <ProblemAlert error={setActive.error ?? remove.error} />
      </div>
      <DeliveryLog endpoint={endpoint} />
      <Dialog
        open={deleting}
        onClose={() => setDeleting(false)}
        title={t('webhooks.deleteTitle', { url: endpoint.url })}
        actions={
          <>
            <Button onClick={() => setDeleting(false)}>{t('common.cancel')}</Button>
            <Button
              variant="danger"
              busy={remove.isPending}
              onClick={() =>
                remove.mutate(endpoint, {
                  onSuccess: () => {
                    toast(t('webhooks.deleted'));
                    navigate('/webhooks');
                  },
                  onSettled: () => setDeleting(false),
                })
              }
            >
              {t('common.delete')}
            </Button>
          </>
        }
      >
        <p>{t('webhooks.deleteExplain')}</p>
      </Dialog>
    </>
  );
}

export default function WebhookPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useLocale();
  const endpoint = useWebhook(id);
  if (endpoint.isPending) return <Loading label={t('common.loading')} />;
  if (!endpoint.data) return <ProblemAlert error={endpoint.error} />;
  return <Endpoint endpoint={endpoint.data} />;
}
