// Whether an endpoint gets deliveries: active, paused by an administrator, or disabled for failing
// (with why), and since when its deliveries fail.
import { useLocale } from '../i18n/i18n';
import type { WebhookEndpoint } from './hooks';

export function EndpointState({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t, formatTime } = useLocale();
  const state = endpoint.active ? 'active' : endpoint.disabledReason ? 'disabled' : 'paused';
  return (
    <>
      <span className={`badge badge-webhook-${state}`}>{t(`webhooks.state.${state}`)}</span>
      {endpoint.disabledReason && <div className="subtle">{endpoint.disabledReason}</div>}
      {endpoint.failingSince && <div className="subtle">{t('webhooks.failingSince', { time: formatTime(endpoint.failingSince) })}</div>}
    </>
  );
}
