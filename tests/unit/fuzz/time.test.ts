/** Property tests of toUtcIso: whatever comes in, what comes out is the one ISO form the store accepts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partnerCenter } from '@/lib/capture/families/microsoft-partner-center/adapter';
import { toUtcIso } from '@/lib/core/time';
import { ISO_UTC } from './invariants';
import { EDGE_NUMBERS, TIME_STRINGS } from './strings';
import { runs } from '../../helpers/property-runs';

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

const partsArb = fc.record({
  year: fc.integer({ min: 0, max: 9999 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
  ms: fc.integer({ min: 0, max: 999 }),
  offset: fc.integer({ min: -14 * 60, max: 14 * 60 }),
  colon: fc.boolean(),
});
type Parts = typeof partsArb extends fc.Arbitrary<infer T> ? T : never;

const zone = (p: Parts) =>
  p.offset === 0 && !p.colon
    ? 'Z'
    : `${p.offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(p.offset) / 60))}${p.colon ? ':' : ''}${pad(Math.abs(p.offset) % 60)}`;
const written = (p: Parts) =>
  `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(p.ms, 3)}${zone(p)}`;

describe('toUtcIso', () => {
  it('returns null or ISO UTC that it reads back unchanged, for any string or number', () => {
    const anything = fc.oneof(
      fc.constantFrom<unknown>(...TIME_STRINGS, ...EDGE_NUMBERS),
      fc.double(),
      fc.string({ unit: 'binary', maxLength: 40 }),
      partsArb.map(written),
      fc.integer({ min: -20_000_000_000_000, max: 20_000_000_000_000 }),
    );
    fc.assert(
      fc.property(anything, fc.boolean(), (value, zoneless) => {
        const iso = toUtcIso(value, zoneless ? { assumeZoneless: 'utc' } : {});
        if (iso === null) return;
        expect(iso).toMatch(ISO_UTC);
        expect(toUtcIso(iso)).toBe(iso);
      }),
      { numRuns: runs(3000) },
    );
  });

  it('reads every year 0000–9999 as that year, whatever the offset (Date.parse of the ISO text is the oracle)', () => {
    fc.assert(
      fc.property(partsArb, (p) => {
        const text = written(p);
        const expected = Date.parse(text);
        const iso = toUtcIso(text);
        // Near the ends of the range an offset can move the instant out of years 0000–9999.
        if (!Number.isFinite(expected) || new Date(expected).toISOString().length !== 24) expect(iso).toBeNull();
        else expect(iso).toBe(new Date(expected).toISOString());
      }),
      { numRuns: runs(3000) },
    );
  });

  it('keeps years before 100 (no 1900s), and refuses instants outside years 0000–9999', () => {
    expect(toUtcIso('0001-01-01T00:00:00', { assumeZoneless: 'utc' })).toBe('0001-01-01T00:00:00.000Z');
    expect(toUtcIso('0099-12-31T23:59:59Z')).toBe('0099-12-31T23:59:59.000Z');
    expect(toUtcIso('0000-01-01T00:30:00+01:00')).toBeNull();
    expect(toUtcIso(1e15)).toBeNull();
    expect(toUtcIso(-1e14)).toBeNull();
    expect(toUtcIso(253_402_300_799_999)).toBe('9999-12-31T23:59:59.999Z');
  });

  it('lets Partner Center read 0001-01-01T00:00:00 as "never" (it became 1901 before)', () => {
    const body = {
      id: '615112491169010',
      title: 'T',
      status: 'open',
      severity: 'minimal',
      createdDate: '0001-01-01T00:00:00',
      lastModifiedDate: '0001-01-01T00:00:00',
    };
    const [c] = partnerCenter.api!.extract(
      body,
      new URL('https://api.partnercenter.microsoft.com/v1/servicerequests/615112491169010'),
    ).cases;
    expect(c).toMatchObject({ createdAt: null, updatedAt: null });
  });
});
