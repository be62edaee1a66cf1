// Dates and times in the newsroom's time zone (not the browser's): shown with the zone, and read
// back from <input type="datetime-local"> as wall-clock time in that zone.

const PARTS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

/** The zone's wall-clock reading of an instant, as numbers. */
function wallClock(instant: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { ...PARTS, timeZone })
      .formatToParts(new Date(instant))
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** How far the zone's clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-12-07T14:30` for an <input type="datetime-local">, read in `timeZone`. */
export function toZonedInput(iso: string | Date, timeZone: string): string {
  const w = wallClock(new Date(iso).getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant a wall-clock time in `timeZone` names (`2026-12-07T14:30`), as an ISO string; null if unreadable. */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  // The offset at the guess, then at the corrected instant (they differ only across a clock change).
  let instant = asUtc - offsetAt(asUtc, timeZone);
  const second = offsetAt(instant, timeZone);
  if (second !== asUtc - instant) instant = asUtc - second;
  return new Date(instant).toISOString();
}

/** `GMT+8`: the zone's offset at that instant, as readers of a dateline expect it. */
export function zoneLabel(timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** `7 Dec 2026, 14:30 GMT+8` (or `2026年12月7日 14:30 GMT+8`). */
export function formatDateTime(iso: string | Date, locale: string, timeZone: string): string {
  const at = new Date(iso);
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone, hourCycle: 'h23' }).format(at);
  return `${text} ${zoneLabel(timeZone, at)}`;
}
