// The story's body as blocks: paragraphs, subheadings, quotes, lists and photos, each edited in place,
// moved up or down, or removed. New blocks take the focus; keyboard users never lose their place.
import { useState } from 'react';
import type { MessageKey } from '../i18n/en';
import { useT } from '../i18n/i18n';
import { PhotoPicker } from '../photos/PhotoPicker';
import { Button, TextArea, TextField } from '../ui/components';
import { newKey, type BlockType, type EditableBlock } from './editable';
import { PhotoUseEditor } from './PhotoUseEditor';

const KIND: Record<BlockType, MessageKey> = {
  paragraph: 'block.paragraph',
  subheading: 'block.subheading',
  quote: 'block.quote',
  list: 'block.list',
  image: 'block.image',
};

function emptyBlock(type: Exclude<BlockType, 'image'>): EditableBlock {
  const key = newKey();
  if (type === 'quote') return { key, type, text: '', attribution: '' };
  if (type === 'list') return { key, type, items: [''] };
  return { key, type, text: '' };
}

export function BodyEditor({ blocks, onChange }: { blocks: EditableBlock[]; onChange: (blocks: EditableBlock[]) => void }) {
  const t = useT();
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [picking, setPicking] = useState<{ replace?: string } | null>(null);

  const numberOf = (block: EditableBlock) => blocks.filter((b) => b.type === block.type).indexOf(block) + 1;
  const nameOf = (block: EditableBlock) => `${t(KIND[block.type])} ${numberOf(block)}`;
  const update = (key: string, next: EditableBlock) => onChange(blocks.map((b) => (b.key === key ? next : b)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...blocks];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    onChange(next);
  };
  const add = (type: Exclude<BlockType, 'image'>) => {
    const block = emptyBlock(type);
    setFocusKey(block.key);
    onChange([...blocks, block]);
  };

  return (
    <fieldset className="stack">
      <legend>{t('story.body')}</legend>
      {blocks.length === 0 && <p className="subtle">{t('block.empty')}</p>}
      {blocks.map((block, index) => {
        const name = nameOf(block);
        return (
          <div key={block.key} className={`block block-${block.type}`} role="group" aria-label={name}>
            <div className="block-head">
              <span className="kind">{name}</span>
              <div className="block-tools">
                <Button small variant="ghost" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('block.moveUp', { name })}>
                  ↑
                </Button>
                <Button
                  small
                  variant="ghost"
                  disabled={index === blocks.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t('block.moveDown', { name })}
                >
                  ↓
                </Button>
                <Button
                  small
                  variant="ghost"
                  onClick={() => onChange(blocks.filter((b) => b.key !== block.key))}
                  aria-label={t('block.remove', { name })}
                >
                  ✕
                </Button>
              </div>
            </div>
            {(block.type === 'paragraph' || block.type === 'subheading') && (
              <TextArea
                label={<span className="visually-hidden">{name}</span>}
                value={block.text}
                rows={block.type === 'paragraph' ? 4 : 1}
                autoFocus={focusKey === block.key}
                onChange={(e) => update(block.key, { ...block, text: e.target.value })}
              />
            )}
            {block.type === 'quote' && (
              <>
                <TextArea
                  label={name}
                  value={block.text}
                  rows={2}
                  autoFocus={focusKey === block.key}
                  onChange={(e) => update(block.key, { ...block, text: e.target.value })}
                />
                <TextField
                  label={t('block.attribution')}
                  value={block.attribution}
                  onChange={(e) => update(block.key, { ...block, attribution: e.target.value })}
                />
              </>
            )}
            {block.type === 'list' && (
              <TextArea
                label={name}
                hint={t('block.listHint')}
                value={block.items.join('\n')}
                rows={3}
                autoFocus={focusKey === block.key}
                onChange={(e) => update(block.key, { ...block, items: e.target.value.split('\n') })}
              />
            )}
            {block.type === 'image' && (
              <PhotoUseEditor
                label={name}
                use={block}
                onChange={(use) => update(block.key, { ...block, ...use })}
                onReplace={() => setPicking({ replace: block.key })}
                onRemove={() => onChange(blocks.filter((b) => b.key !== block.key))}
              />
            )}
          </div>
        );
      })}
      <div className="add-block" role="group" aria-label={t('block.add')}>
        <span className="subtle">{t('block.add')}</span>
        <Button small onClick={() => add('paragraph')}>
          + {t('block.paragraph')}
        </Button>
        <Button small onClick={() => add('subheading')}>
          + {t('block.subheading')}
        </Button>
        <Button small onClick={() => add('quote')}>
          + {t('block.quote')}
        </Button>
        <Button small onClick={() => add('list')}>
          + {t('block.list')}
        </Button>
        <Button small onClick={() => setPicking({})}>
          + {t('block.image')}
        </Button>
      </div>
      <PhotoPicker
        open={picking !== null}
        onClose={() => setPicking(null)}
        onPick={(photo) => {
          const fields = { mediaId: photo.id, caption: '', credit: '', altText: '' };
          if (picking?.replace) {
            const target = blocks.find((b) => b.key === picking.replace);
            if (target) update(target.key, { key: target.key, type: 'image', ...fields });
          } else onChange([...blocks, { key: newKey(), type: 'image', ...fields }]);
        }}
      />
    </fieldset>
  );
}
