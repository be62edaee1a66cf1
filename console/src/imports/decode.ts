// A dropped page file as text: UTF-8 when it is valid UTF-8, else the legacy Chinese encoding
// (GB18030 or Big5) that decodes it with the fewest unreadable characters.
export function decodePage(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const candidates = ['gb18030', 'big5'].map((encoding) => new TextDecoder(encoding).decode(bytes));
    const unreadable = (s: string) => s.split('\uFFFD').length;
    return candidates.reduce((best, next) => (unreadable(next) < unreadable(best) ? next : best));
  }
}
