// Category hierarchy as pure functions over a flat list (sections are few; the whole list is small).

export interface CategoryNode {
  id: string;
  parentId: string | null;
  name: string;
  position: number;
}

export type Tree<T> = T & { children: Tree<T>[] };

const bySiblingOrder = (a: CategoryNode, b: CategoryNode) => a.position - b.position || a.name.localeCompare(b.name);

/** Nests the flat list; siblings by position, then name. An orphan (parent missing) becomes a root. */
export function buildTree<T extends CategoryNode>(flat: readonly T[]): Tree<T>[] {
  const nodes = new Map<string, Tree<T>>(flat.map((c) => [c.id, { ...c, children: [] }]));
  const roots: Tree<T>[] = [];
  for (const node of [...nodes.values()].sort(bySiblingOrder)) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The id and every id below it. */
export function subtreeIds(flat: readonly CategoryNode[], rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const c of flat) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const ids: string[] = [];
  const pending = [rootId];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (ids.includes(id)) continue;
    ids.push(id);
    pending.push(...(children.get(id) ?? []));
  }
  return ids;
}

/** Whether making `parentId` the parent of `id` would put a section inside itself. */
export const wouldCreateCycle = (flat: readonly CategoryNode[], id: string, parentId: string | null): boolean =>
  parentId !== null && subtreeIds(flat, id).includes(parentId);
