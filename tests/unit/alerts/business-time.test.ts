import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, businessHoursBetween, isWithinWindow } from '@/lib/alerts/business-time';
import { defaultPolicy } from '@/lib/alerts/policy';

const berlin = defaultPolicy('Europe/Berlin');
const utc = defaultPolicy('UTC');

describe('businessDaysBetween', () => {
  it.each([
    // Friday 10:00 → Monday 11:00 (UTC): one business day (Monday).
    ['2026-11-13T10:00:00Z', '2026-11-16T11:00:00Z', 1],
    ['2026-11-13T10:00:00Z', '2026-11-13T23:59:59Z', 0],
    ['2026-11-13T10:00:00Z', '2026-11-14T10:00:00Z', 0], // Saturday
    ['2026-11-13T10:00:00Z', '2026-11-15T23:00:00Z', 0], // Sunday
    ['2026-11-09T09:00:00Z', '2026-11-13T09:00:00Z', 4], // Mon → Fri
    ['2026-11-09T09:00:00Z', '2026-11-23T09:00:00Z', 10], // two weeks
    ['2026-11-09T09:00:00Z', '2026-11-08T09:00:00Z', 0], // backwards
  ])('%s → %s is %i (UTC)', (from, to, n) => expect(businessDaysBetween(from, to, utc)).toBe(n));

  it('counts days in the user zone, not UTC', () => {
    // 23:30 UTC Thursday is already Friday 00:30 in Berlin; to Friday 12:00 Berlin is 0 days there, 1 in UTC.
    expect(businessDaysBetween('2026-11-12T23:30:00Z', '2026-11-13T11:00:00Z', berlin)).toBe(0);
    expect(businessDaysBetween('2026-11-12T23:30:00Z', '2026-11-13T11:00:00Z', utc)).toBe(1);
  });

  it('skips holidays that fall on working days only', () => {
    const withHolidays = { ...utc, holidays: ['2026-12-24', '2026-12-25', '2026-12-26'] }; // Thu, Fri, Sat
    expect(businessDaysBetween('2026-12-23T10:00:00Z', '2026-12-28T10:00:00Z', withHolidays)).toBe(1);
    expect(businessDaysBetween('2026-12-23T10:00:00Z', '2026-12-28T10:00:00Z', utc)).toBe(3);
  });

  it('honours a custom working week (Sunday–Thursday)', () => {
    const week = { ...utc, workingDays: [0, 1, 2, 3, 4] };
    // Thursday → Sunday: Sunday counts, Friday and Saturday do not.
    expect(businessDaysBetween('2026-11-12T10:00:00Z', '2026-11-15T10:00:00Z', week)).toBe(1);
  });
});

describe('businessHoursBetween', () => {
  it('counts only working hours of working days', () => {
    expect(businessHoursBetween('2026-11-13T15:00:00Z', '2026-11-16T11:00:00Z', utc)).toBe(4); // Fri 2 h + Mon 2 h
    expect(businessHoursBetween('2026-11-14T08:00:00Z', '2026-11-15T20:00:00Z', utc)).toBe(0); // weekend
    expect(businessHoursBetween('2026-11-16T07:00:00Z', '2026-11-16T19:00:00Z', utc)).toBe(8);
  });

  it('is correct across a DST change (Berlin, 2026-10-25)', () => {
    // Friday 16:00 CEST (14:00 UTC) → Monday 10:00 CET (09:00 UTC): 1 h Friday + 1 h Monday.
    expect(businessHoursBetween('2026-10-23T14:00:00Z', '2026-10-26T09:00:00Z', berlin)).toBe(2);
    // Monday 09:00 CET is 08:00 UTC after the change.
    expect(businessHoursBetween('2026-10-26T07:00:00Z', '2026-10-26T08:30:00Z', berlin)).toBe(0.5);
  });
});

describe('addBusinessDays', () => {
  it('keeps the local time and skips weekends, holidays and DST', () => {
    expect(addBusinessDays('2026-11-13T10:00:00.000Z', 1, utc)).toBe('2026-11-16T10:00:00.000Z');
    expect(addBusinessDays('2026-12-23T10:00:00.000Z', 1, { ...utc, holidays: ['2026-12-24', '2026-12-25'] })).toBe(
      '2026-12-28T10:00:00.000Z',
    );
    // Friday 09:00 CEST → Monday 09:00 CET (an hour later in UTC).
    expect(addBusinessDays('2026-10-23T07:00:00.000Z', 1, berlin)).toBe('2026-10-26T08:00:00.000Z');
  });
});

describe('isWithinWindow', () => {
  it('handles windows that wrap midnight, in the user zone', () => {
    const night = { start: '22:00', end: '07:00' };
    expect(isWithinWindow('2026-11-16T21:30:00Z', night, 'Europe/Berlin')).toBe(true); // 22:30 Berlin
    expect(isWithinWindow('2026-11-16T06:30:00Z', night, 'Europe/Berlin')).toBe(false); // 07:30 Berlin
    expect(isWithinWindow('2026-11-16T05:59:00Z', night, 'Europe/Berlin')).toBe(true); // 06:59 Berlin
    expect(isWithinWindow('2026-11-16T12:00:00Z', { start: '12:00', end: '13:00' }, 'UTC')).toBe(true);
    expect(isWithinWindow('2026-11-16T13:00:00Z', { start: '12:00', end: '13:00' }, 'UTC')).toBe(false);
  });
});
