// Staff accounts: create one with roles, change someone's roles, deactivate or reactivate them,
// set a new password. The server refuses what the administrator may not do (handing out more
// than they hold, removing the last administrator) and says why.
import { useState, type FormEvent } from 'react';
import { useLocale } from '../i18n/i18n';
import { Button, Checkbox, Empty, Loading, PageHeader, TextField } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useToast } from '../ui/toasts';
import { useCreateUser, useRoles, useUpdateUser, useUsers, type StaffUser } from './hooks';

function RolePicker({ value, onChange }: { value: string[]; onChange: (roles: string[]) => void }) {
  const { t } = useLocale();
  const roles = useRoles();
  return (
    <fieldset>
      <legend>{t('people.roles')}</legend>
      <div className="perm-grid">
        {(roles.data ?? []).map((role) => (
          <Checkbox
            key={role.id}
            label={
              <>
                <strong>{role.name}</strong> <span className="subtle">{role.description}</span>
              </>
            }
            checked={value.includes(role.name)}
            onChange={(e) => onChange(e.target.checked ? [...value, role.name] : value.filter((r) => r !== role.name))}
          />
        ))}
      </div>
    </fieldset>
  );
}

function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useLocale();
  const toast = useToast();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const fieldError = (field: string) =>
    (create.error as { fieldErrors?: Array<{ field: string; message: string }> } | null)?.fieldErrors?.find((e) => e.field === field)?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { email: email.trim(), displayName: displayName.trim(), password, roles },
      {
        onSuccess: (user) => {
          toast(t('people.created', { name: user.displayName }));
          setEmail('');
          setDisplayName('');
          setPassword('');
          setRoles([]);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog open={open} onClose={onClose} title={t('people.create')}>
      <form className="stack" onSubmit={submit} id="create-user-form">
        <TextField
          label={t('people.name')}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          required
          error={fieldError('displayName')}
        />
        <TextField
          label={t('login.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          error={fieldError('email')}
        />
        <TextField
          label={t('people.password')}
          type="password"
          autoComplete="new-password"
          hint={t('people.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          error={fieldError('password')}
        />
        <RolePicker value={roles} onChange={setRoles} />
        <ProblemAlert error={create.error} />
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            {t('people.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function EditUserDialog({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const { t } = useLocale();
  const toast = useToast();
  const update = useUpdateUser();
  const [roles, setRoles] = useState(user.roles);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [password, setPassword] = useState('');

  function save() {
    const changes: { displayName?: string; roles?: string[]; password?: string } = {};
    if (displayName.trim() !== user.displayName) changes.displayName = displayName.trim();
    if ([...roles].sort().join() !== [...user.roles].sort().join()) changes.roles = roles;
    if (password) changes.password = password;
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate(
      { id: user.id, ...changes },
      {
        onSuccess: () => {
          toast(t('people.saved', { name: displayName }));
          onClose();
        },
      },
    );
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('people.edit', { name: user.displayName })}
      actions={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" busy={update.isPending} onClick={save}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <TextField label={t('people.name')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      <RolePicker value={roles} onChange={setRoles} />
      <TextField
        label={t('people.resetPassword')}
        type="password"
        autoComplete="new-password"
        hint={t('people.resetPasswordHint')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <ProblemAlert error={update.error} />
    </Dialog>
  );
}

export default function UsersPage() {
  const { t, formatTime } = useLocale();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  const users = useUsers(q);
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffUser | null>(null);
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('people.title')}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            {t('people.create')}
          </Button>
        }
      />
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQ(query.trim());
        }}
      >
        <TextField className="grow" type="search" label={t('people.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <Button type="submit">{t('desk.searchButton')}</Button>
      </form>
      <ProblemAlert error={users.error ?? update.error} />
      {users.isPending ? (
        <Loading label={t('common.loading')} />
      ) : items.length === 0 ? (
        <Empty>{t('people.none')}</Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('people.name')}</th>
              <th scope="col">{t('login.email')}</th>
              <th scope="col">{t('people.roles')}</th>
              <th scope="col">{t('people.lastLogin')}</th>
              <th scope="col">{t('people.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((user) => (
              <tr key={user.id}>
                <td>
                  {user.displayName} {!user.active && <span className="badge badge-archived">{t('people.inactive')}</span>}
                </td>
                <td>{user.email}</td>
                <td>{user.roles.join(', ') || '—'}</td>
                <td>{user.lastLoginAt ? formatTime(user.lastLoginAt) : '—'}</td>
                <td>
                  <div className="row" style={{ gap: 6 }}>
                    <Button small onClick={() => setEditing(user)} aria-label={t('people.edit', { name: user.displayName })}>
                      {t('common.edit')}
                    </Button>
                    <Button
                      small
                      variant={user.active ? 'danger' : 'secondary'}
                      aria-label={t(user.active ? 'people.deactivateNamed' : 'people.reactivateNamed', { name: user.displayName })}
                      onClick={() =>
                        update.mutate(
                          { id: user.id, active: !user.active },
                          { onSuccess: () => toast(t(user.active ? 'people.deactivated' : 'people.reactivated', { name: user.displayName })) },
                        )
                      }
                    >
                      {t(user.active ? 'people.deactivate' : 'people.reactivate')}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {users.hasNextPage && (
        <p>
          <Button onClick={() => void users.fetchNextPage()} busy={users.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </p>
      )}
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      {editing && <EditUserDialog key={editing.id} user={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
