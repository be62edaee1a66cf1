// Roles: the built-in ones shown with their permissions (read-only here), custom ones made from the
// permission list, changed and deleted.
import { useState } from 'react';
import type { Permission } from '../auth/permissions';
import { useT } from '../i18n/i18n';
import { Button, Checkbox, Loading, PageHeader, TextField } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useToast } from '../ui/toasts';
import { useCreateRole, useDeleteRole, usePermissionList, useRoles, useUpdateRole, type Role } from './hooks';

function RoleDialog({ role, onClose }: { role: Role | null; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const permissions = usePermissionList();
  const create = useCreateRole();
  const update = useUpdateRole();
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [granted, setGranted] = useState<Permission[]>(role?.permissions ?? []);
  const pending = create.isPending || update.isPending;

  function save() {
    const body = { name: name.trim(), description: description.trim(), permissions: granted };
    const done = {
      onSuccess: () => {
        toast(t('roles.saved', { name: body.name }));
        onClose();
      },
    };
    if (role) update.mutate({ id: role.id, ...body }, done);
    else create.mutate(body, done);
  }

  return (
    <Dialog
      open
      onClose={onClose}
      wide
      title={role ? t('roles.edit', { name: role.name }) : t('roles.create')}
      actions={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" busy={pending} onClick={save} disabled={!name.trim()}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <TextField label={t('roles.name')} value={name} onChange={(e) => setName(e.target.value)} required hint={t('roles.nameHint')} />
      <TextField label={t('roles.description')} value={description} onChange={(e) => setDescription(e.target.value)} />
      <fieldset>
        <legend>{t('roles.permissions')}</legend>
        <div className="perm-grid">
          {(permissions.data ?? []).map((p) => (
            <Checkbox
              key={p.name}
              label={
                <>
                  <code>{p.name}</code> <span className="subtle">{p.description}</span>
                </>
              }
              checked={granted.includes(p.name)}
              onChange={(e) => setGranted(e.target.checked ? [...granted, p.name] : granted.filter((g) => g !== p.name))}
            />
          ))}
        </div>
      </fieldset>
      <ProblemAlert error={create.error ?? update.error} />
    </Dialog>
  );
}

export default function RolesPage() {
  const t = useT();
  const toast = useToast();
  const roles = useRoles();
  const remove = useDeleteRole();
  const [editing, setEditing] = useState<Role | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        subtitle={t('roles.subtitle')}
        actions={
          <Button variant="primary" onClick={() => setEditing('new')}>
            {t('roles.create')}
          </Button>
        }
      />
      <ProblemAlert error={roles.error ?? remove.error} />
      {roles.isPending ? (
        <Loading label={t('common.loading')} />
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('roles.name')}</th>
              <th scope="col">{t('roles.permissions')}</th>
              <th scope="col">{t('roles.users')}</th>
              <th scope="col">{t('people.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(roles.data ?? []).map((role) => (
              <tr key={role.id}>
                <td>
                  <strong>{role.name}</strong> {role.builtIn && <span className="badge">{t('roles.builtIn')}</span>}
                  <div className="subtle">{role.description}</div>
                </td>
                <td>
                  <code>{role.permissions.join(', ')}</code>
                </td>
                <td>{role.userCount}</td>
                <td>
                  {role.builtIn ? (
                    <span className="subtle">{t('roles.readOnly')}</span>
                  ) : (
                    <div className="row" style={{ gap: 6 }}>
                      <Button small onClick={() => setEditing(role)} aria-label={t('roles.edit', { name: role.name })}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        small
                        variant="danger"
                        aria-label={t('roles.deleteNamed', { name: role.name })}
                        onClick={() => remove.mutate(role.id, { onSuccess: () => toast(t('roles.deleted', { name: role.name })) })}
                      >
                        {t('common.delete')}
                      </Button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <RoleDialog role={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
