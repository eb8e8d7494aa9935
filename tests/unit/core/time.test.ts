import { describe, expect, it } from 'vitest';
import { laterOf, toUtcIso } from '@/lib/core/time';
import { spreadsheetTimes } from '@/lib/core/zone';

describe('toUtcIso', () => {
  it.each([
    ['2024-03-05T13:22:10Z', '2024-03-05T13:22:10.000Z'],
    ['2024-03-05T13:22:10+00:00', '2024-03-05T13:22:10.000Z'],
    ['2024-02-01T09:30:00+0100', '2024-02-01T08:30:00.000Z'],
    ['2024-02-01T09:30:00.000+0100', '2024-02-01T08:30:00.000Z'],
    ['2024-01-15T10:20:30.000+0000', '2024-01-15T10:20:30.000Z'],
    ['2024-06-01T08:15:30.123456Z', '2024-06-01T08:15:30.123Z'],
    ['2024-06-01T08:15:30.123456789Z', '2024-06-01T08:15:30.123Z'],
    ['2024-03-05T22:00:00-08:00', '2024-03-06T06:00:00.000Z'],
    ['2024-03-05T05:30:00+05:30', '2024-03-05T00:00:00.000Z'],
    ['2024-12-31T23:30:00-01:00', '2025-01-01T00:30:00.000Z'],
    // RFC 3339 section 5.6 NOTE: "T" and "Z" may be lower case.
    ['2026-10-01t08:00:00z', '2026-10-01T08:00:00.000Z'],
    ['2026-10-01t08:00:00.5+02:00', '2026-10-01T06:00:00.500Z'],
  ])('%s → %s', (input, expected) => expect(toUtcIso(input)).toBe(expected));

  it('refuses zone-less times unless told to read them as UTC', () => {
    expect(toUtcIso('2015-11-24T01:07:00.863')).toBeNull();
    expect(toUtcIso('2015-11-24T01:07:00.863', { assumeZoneless: 'utc' })).toBe('2015-11-24T01:07:00.863Z');
    expect(toUtcIso('2024-03-05 13:22:10', { assumeZoneless: 'utc' })).toBe('2024-03-05T13:22:10.000Z');
  });

  it('reads epoch milliseconds', () => expect(toUtcIso(1706776200000)).toBe('2024-02-01T08:30:00.000Z'));

  it.each([
    '3 days ago',
    'Today at 13:52',
    '',
    '2024-02-30T10:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-01-01T25:00:00Z',
    null,
    {},
  ])('rejects %j', (input) => expect(toUtcIso(input)).toBeNull());
});

describe('laterOf', () => {
  it('compares instants, not strings', () => {
    expect(laterOf('2024-01-01T10:00:00.000Z', '2024-01-01T09:00:00.000Z')).toBe('2024-01-01T10:00:00.000Z');
    expect(laterOf(null, '2024-01-01T09:00:00.000Z')).toBe('2024-01-01T09:00:00.000Z');
    expect(laterOf(undefined, null)).toBeNull();
  });
});

describe('spreadsheetTimes', () => {
  it('writes an instant as "YYYY-MM-DD HH:MM" in the zone, across both DST switches', () => {
    const berlin = spreadsheetTimes('Europe/Berlin');
    expect(berlin('2026-10-25T00:59:00.000Z')).toBe('2026-10-25 02:59'); // CEST
    expect(berlin('2026-10-25T01:00:00.000Z')).toBe('2026-10-25 02:00'); // CET: the hour again
    expect(berlin('2026-03-29T00:59:00.000Z')).toBe('2026-03-29 01:59');
    expect(berlin('2026-03-29T01:00:00.000Z')).toBe('2026-03-29 03:00'); // 02:xx never happens
    expect(spreadsheetTimes('Asia/Kolkata')('2026-12-01T23:45:00Z')).toBe('2026-12-02 05:15');
    expect(spreadsheetTimes('UTC')('2026-12-01T23:45:59.999Z')).toBe('2026-12-01 23:45');
  });

  it('leaves a missing or unreadable time empty', () => {
    const utc = spreadsheetTimes('UTC');
    expect([utc(null), utc(undefined), utc(''), utc('yesterday')]).toEqual(['', '', '', '']);
  });
});
