import { useT } from '../i18n/i18n';
import { Alert } from './components';
import { problemMessage } from './problem-message';

/** An API error shown in place, announced to screen readers. */
export function ProblemAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  return (
    <Alert kind="error" live>
      {problemMessage(error, t)}
    </Alert>
  );
}
