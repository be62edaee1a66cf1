import { buildTree, subtreeIds, wouldCreateCycle, type CategoryNode } from './category-tree.js';

const flat: CategoryNode[] = [
  { id: 'sport', parentId: null, name: '体育', position: 2 },
  { id: 'world', parentId: null, name: '国际', position: 1 },
  { id: 'football', parentId: 'sport', name: '足球', position: 0 },
  { id: 'women', parentId: 'football', name: '女足', position: 0 },
  { id: 'tennis', parentId: 'sport', name: 'Tennis', position: 0 },
];

describe('buildTree', () => {
  it('nests sections under their parents, ordered by position then name', () => {
    const tree = buildTree(flat);
    expect(tree.map((n) => n.id)).toEqual(['world', 'sport']);
    expect(tree[1].children.map((n) => n.id)).toEqual(['tennis', 'football']);
    expect(tree[1].children[1].children.map((n) => n.id)).toEqual(['women']);
  });

  it('treats a section whose parent is missing as a root', () => {
    expect(buildTree([{ id: 'x', parentId: 'gone', name: 'x', position: 0 }]).map((n) => n.id)).toEqual(['x']);
  });
});

describe('subtreeIds', () => {
  it('includes the section and everything below it', () => {
    expect(subtreeIds(flat, 'sport').sort()).toEqual(['football', 'sport', 'tennis', 'women']);
    expect(subtreeIds(flat, 'world')).toEqual(['world']);
  });
});

describe('wouldCreateCycle', () => {
  it('refuses moving a section under itself or its descendants', () => {
    expect(wouldCreateCycle(flat, 'sport', 'sport')).toBe(true);
    expect(wouldCreateCycle(flat, 'sport', 'women')).toBe(true);
    expect(wouldCreateCycle(flat, 'women', 'world')).toBe(false);
    expect(wouldCreateCycle(flat, 'women', null)).toBe(false);
  });
});
