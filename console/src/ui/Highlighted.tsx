import { highlightParts } from './highlight';

export function Highlighted({ html }: { html: string }) {
  return <>{highlightParts(html).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>;
}
