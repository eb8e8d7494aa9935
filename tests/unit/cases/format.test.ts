import { describe, expect, it } from 'vitest';
import { asWords, formatWhen, humanLabel, portalWordBeside } from '@/lib/cases/format';

describe('words for people', () => {
  it.each([
    ['pending-customer-action', 'Pending customer action'],
    ['IN_PROGRESS_GOOGLE_SUPPORT', 'In progress google support'],
    ['WaitingForCustomerInput', 'Waiting for customer input'],
    ['STATE_UNSPECIFIED', 'State unspecified'],
    ['OPEN', 'Open'],
    ['Awaiting your reply', 'Awaiting your reply'],
    ['Open', 'Open'],
    ['New', 'New'],
    ['In Bearbeitung', 'In Bearbeitung'],
    ['3', '3'],
  ])('status %s reads "%s"', (code, words) => {
    expect(humanLabel(code)).toBe(words);
  });

  it("puts the portal's word beside ours only when it says more, and writes it as words", () => {
    expect(portalWordBeside('Waiting on you', 'pending-customer-action')).toBe('Pending customer action');
    expect(portalWordBeside('Open', 'open')).toBeNull();
    expect(portalWordBeside('Open', null)).toBeNull();
    expect(asWords('urgent')).toBe('Urgent');
  });

  it('writes an instant one way, with its zone, across a clock change', () => {
    expect(formatWhen('2026-10-01T07:15:00.000Z', 'Europe/Berlin')).toBe('1 Oct 2026, 09:15 CEST');
    expect(formatWhen('2026-11-01T08:15:00.000Z', 'Europe/Berlin')).toBe('1 Nov 2026, 09:15 CET');
    expect(formatWhen('2026-11-01T08:15:00.000Z', 'UTC')).toBe('1 Nov 2026, 08:15 UTC');
    expect(formatWhen('2026-11-01T08:15:00.000Z', 'Asia/Tokyo')).toBe('1 Nov 2026, 17:15 GMT+9');
  });
});
