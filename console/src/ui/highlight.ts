// Search hits come HTML-escaped with matched words in <mark>; they are rendered as text and <mark>
// elements, never as HTML.
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);

export function highlightParts(html: string): Array<{ text: string; marked: boolean }> {
  const parts: Array<{ text: string; marked: boolean }> = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    if (m.index > last) parts.push({ text: unescape(html.slice(last, m.index)), marked: false });
    parts.push({ text: unescape(m[1]), marked: true });
    last = m.index + m[0].length;
  }
  if (last < html.length) parts.push({ text: unescape(html.slice(last)), marked: false });
  return parts;
}
