// The audit log: who did what to which user, role, story or photo, and when; filtered by person,
// action and day (days in the newsroom's time zone).
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { useCan } from '../auth/useSession';
import { useLocale } from '../i18n/i18n';
import { useUsers } from '../people/hooks';
import { Button, Empty, Loading, PageHeader, SelectField, TextField } from '../ui/components';
import { ProblemAlert } from '../ui/ProblemAlert';
import { fromZonedInput } from '../ui/time';

interface AuditFilters {
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => unwrap(await api.GET('/api/admin/audit', { params: { query: { ...filters, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

const ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.refresh_reuse',
  'user.create',
  'user.update',
  'role.create',
  'role.update',
  'role.delete',
  'category.create',
  'category.update',
  'article.create',
  'article.submit',
  'article.request_changes',
  'article.publish',
  'article.schedule',
  'article.unpublish',
  'article.archive',
  'article.restore',
  'article.delete',
  'media.upload',
  'media.edit',
  'media.delete',
  'import.page',
];

/** The next calendar day of `YYYY-MM-DD`. */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export default function AuditPage() {
  const { t, timeZone, zone, formatTime } = useLocale();
  const can = useCan();
  const users = useUsers('');
  const [form, setForm] = useState({ actorId: '', action: '', fromDay: '', toDay: '' });
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters({
      actorId: form.actorId || undefined,
      action: form.action.trim() || undefined,
      from: form.fromDay ? (fromZonedInput(`${form.fromDay}T00:00`, timeZone) ?? undefined) : undefined,
      to: form.toDay ? (fromZonedInput(`${nextDay(form.toDay)}T00:00`, timeZone) ?? undefined) : undefined,
    });
  }

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle', { zone: `${timeZone}, ${zone}` })} />
      <form className="toolbar" onSubmit={apply} aria-label={t('audit.filters')}>
        {can('user.manage') && (
          <SelectField label={t('audit.actor')} value={form.actorId} onChange={(e) => setForm({ ...form, actorId: e.target.value })}>
            <option value="">{t('audit.anyone')}</option>
            {(users.data?.pages.flatMap((p) => p.items) ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.email})
              </option>
            ))}
          </SelectField>
        )}
        <TextField
          label={t('audit.action')}
          list="audit-actions"
          value={form.action}
          onChange={(e) => setForm({ ...form, action: e.target.value })}
        />
        <datalist id="audit-actions">
          {ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <TextField label={t('audit.fromDay')} type="date" value={form.fromDay} onChange={(e) => setForm({ ...form, fromDay: e.target.value })} />
        <TextField label={t('audit.toDay')} type="date" value={form.toDay} onChange={(e) => setForm({ ...form, toDay: e.target.value })} />
        <Button type="submit">{t('audit.apply')}</Button>
      </form>
      <ProblemAlert error={log.error} />
      {log.isPending ? (
        <Loading label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Empty>{t('audit.none')}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((entry) => (
              <tr key={entry.id}>
                <td>{formatTime(entry.at)}</td>
                <td>{entry.actor?.email ?? t('audit.anonymous')}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {entry.entity}
                  {entry.entityId && <div className="subtle">{entry.entityId}</div>}
                </td>
                <td>
                  <code style={{ fontSize: '0.8rem', wordBreak: 'break-word' }}>{JSON.stringify(entry.summary)}</code>
                </td>
              </tr>
            ))}
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
    </>
  );
}
