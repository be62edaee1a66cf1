import { formatDateTime, fromZonedInput, toZonedInput, zoneLabel } from './time';

describe('newsroom time', () => {
  it('reads a wall-clock time in the newsroom zone, not the browser zone', () => {
    expect(fromZonedInput('2026-12-07T14:30', 'Asia/Kuala_Lumpur')).toBe('2026-12-07T06:30:00.000Z');
    expect(fromZonedInput('2026-12-07T14:30', 'UTC')).toBe('2026-12-07T14:30:00.000Z');
    expect(fromZonedInput('not a time', 'UTC')).toBeNull();
  });

  it('round-trips across a daylight-saving change', () => {
    // London: clocks go forward at 01:00 UTC on 29 March 2026.
    expect(fromZonedInput('2026-03-29T00:30', 'Europe/London')).toBe('2026-03-29T00:30:00.000Z');
    expect(fromZonedInput('2026-03-29T02:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    expect(toZonedInput('2026-07-01T11:00:00Z', 'Europe/London')).toBe('2026-07-01T12:00');
    expect(toZonedInput(fromZonedInput('2026-10-25T03:15', 'Europe/London')!, 'Europe/London')).toBe('2026-10-25T03:15');
  });

  it('shows the zone with every time', () => {
    expect(zoneLabel('Asia/Kuala_Lumpur')).toBe('GMT+8');
    expect(formatDateTime('2026-12-07T06:30:00Z', 'en', 'Asia/Kuala_Lumpur')).toBe('Dec 7, 2026, 14:30 GMT+8');
    expect(formatDateTime('2026-12-07T06:30:00Z', 'zh-Hans', 'Asia/Kuala_Lumpur')).toBe('2026年12月7日 14:30 GMT+8');
  });
});
