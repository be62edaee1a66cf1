import { useT } from '../i18n/i18n';
import type { StoryStatus } from './hooks';

export function StatusBadge({ status }: { status: StoryStatus }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
