// The section tree: create a section (at the top or under another), rename it, move it elsewhere in
// the tree, delete an empty one.
import { useState } from 'react';
import { useT } from '../i18n/i18n';
import { Button, Loading, PageHeader, SelectField, TextField } from '../ui/components';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useToast } from '../ui/toasts';
import { sectionPaths, useCreateSection, useDeleteSection, useSections, useUpdateSection, type Section } from './hooks';

type Editing = { kind: 'new'; parentId: string | null } | { kind: 'edit'; section: Section };

/** Sections that `section` cannot move under: itself and everything below it. */
function subtree(section: Section, all: readonly Section[]): Set<string> {
  const ids = new Set([section.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of all) {
      if (s.parentId && ids.has(s.parentId) && !ids.has(s.id)) {
        ids.add(s.id);
        grew = true;
      }
    }
  }
  return ids;
}

function SectionDialog({ editing, sections, onClose }: { editing: Editing; sections: Section[]; onClose: () => void }) {
  const t = useT();
  const toast = useToast();
  const create = useCreateSection();
  const update = useUpdateSection();
  const current = editing.kind === 'edit' ? editing.section : null;
  const [name, setName] = useState(current?.name ?? '');
  const [parentId, setParentId] = useState(current ? (current.parentId ?? '') : ((editing.kind === 'new' ? editing.parentId : null) ?? ''));
  const excluded = current ? subtree(current, sections) : new Set<string>();
  const paths = sectionPaths(sections);

  function save() {
    const done = {
      onSuccess: () => {
        toast(t('sections.saved', { name: name.trim() }));
        onClose();
      },
    };
    if (current) update.mutate({ id: current.id, name: name.trim(), parentId: parentId || null }, done);
    else create.mutate({ name: name.trim(), parentId: parentId || null }, done);
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={current ? t('sections.edit', { name: current.name }) : t('sections.create')}
      actions={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" busy={create.isPending || update.isPending} disabled={!name.trim()} onClick={save}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      <TextField label={t('sections.name')} value={name} onChange={(e) => setName(e.target.value)} required />
      <SelectField label={t('sections.parent')} value={parentId} onChange={(e) => setParentId(e.target.value)}>
        <option value="">{t('sections.topLevel')}</option>
        {[...paths]
          .filter(([id]) => !excluded.has(id))
          .map(([id, path]) => (
            <option key={id} value={id}>
              {path}
            </option>
          ))}
      </SelectField>
      <ProblemAlert error={create.error ?? update.error} />
    </Dialog>
  );
}

export default function SectionsPage() {
  const t = useT();
  const toast = useToast();
  const sections = useSections();
  const remove = useDeleteSection();
  const [editing, setEditing] = useState<Editing | null>(null);
  const all = sections.data ?? [];

  const branch = (parentId: string | null) => {
    const children = all.filter((s) => s.parentId === parentId).sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
    if (children.length === 0) return null;
    return (
      <ul>
        {children.map((s) => (
          <li key={s.id}>
            <div className="node">
              <strong>{s.name}</strong> <span className="subtle">/{s.slug}</span>
              <Button small onClick={() => setEditing({ kind: 'edit', section: s })} aria-label={t('sections.edit', { name: s.name })}>
                {t('sections.renameMove')}
              </Button>
              <Button small onClick={() => setEditing({ kind: 'new', parentId: s.id })} aria-label={t('sections.addUnder', { name: s.name })}>
                {t('sections.addChild')}
              </Button>
              <Button
                small
                variant="danger"
                aria-label={t('sections.deleteNamed', { name: s.name })}
                onClick={() => remove.mutate(s.id, { onSuccess: () => toast(t('sections.deleted', { name: s.name })) })}
              >
                {t('common.delete')}
              </Button>
            </div>
            {branch(s.id)}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <>
      <PageHeader
        title={t('sections.title')}
        actions={
          <Button variant="primary" onClick={() => setEditing({ kind: 'new', parentId: null })}>
            {t('sections.create')}
          </Button>
        }
      />
      <ProblemAlert error={sections.error ?? remove.error} />
      {sections.isPending ? (
        <Loading label={t('common.loading')} />
      ) : (
        <nav className="panel tree" aria-label={t('sections.tree')}>
          {branch(null)}
        </nav>
      )}
      {editing && <SectionDialog editing={editing} sections={all} onClose={() => setEditing(null)} />}
    </>
  );
}
