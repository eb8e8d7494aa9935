import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseradarDB } from '@/lib/store/db';
import { addManualCase, logManualContact, ManualCaseError, setManualState } from '@/lib/cases/manual';
import { ballInCourt, vendorQuietSince } from '@/lib/alerts/urgency';

let db: CaseradarDB;
let n = 0;
beforeEach(() => {
  db = new CaseradarDB(`manual-test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const form = (over: Record<string, unknown> = {}) => ({
  vendorName: 'Acme Fibre',
  reference: 'T-4711',
  title: 'Line down at the branch office',
  contactChannel: 'phone',
  link: '',
  state: 'open',
  severity: 'high',
  ...over,
});
const T0 = '2026-11-04T10:00:00.000Z';

describe('manual cases', () => {
  it('are stored like portal cases, with the vendor and channel, and no portal health row', async () => {
    const key = await addManualCase(db, form(), T0);
    expect(key).toBe('manual:T-4711');
    expect(await db.cases.get(key)).toMatchObject({
      provider: 'manual',
      caseId: 'T-4711',
      vendorName: 'Acme Fibre',
      contactChannel: 'phone',
      state: 'open',
      severity: 'high',
      observedHow: 'manual',
      firstSeenAt: T0,
      url: '',
    });
    expect(await db.portals.count()).toBe(0);
    expect((await db.events.toArray()).map((e) => e.type)).toEqual(['created']);
  });

  it('makes a reference when there is none, and refuses a duplicate reference', async () => {
    const key = await addManualCase(db, form({ reference: '' }), T0);
    expect(key).toMatch(/^manual:M-[0-9A-Z]+$/);
    await addManualCase(db, form(), T0);
    await expect(addManualCase(db, form({ vendorName: 'Other' }), T0)).rejects.toThrow(
      /already on record \(Acme Fibre\)/,
    );
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    await expect(addManualCase(db, form({ vendorName: '  ' }), T0)).rejects.toThrow(
      new ManualCaseError('Say who the vendor is'),
    );
    await expect(addManualCase(db, form({ link: 'javascript:alert(1)' }), T0)).rejects.toThrow(
      /http:\/\/ or https:\/\//,
    );
    await expect(addManualCase(db, form({ contactChannel: 'pigeon' }), T0)).rejects.toThrow(ManualCaseError);
    expect(await db.cases.count()).toBe(0);
  });

  it('logs contacts so that quiet time and ball in court work, and records state changes', async () => {
    const key = await addManualCase(db, form(), T0);
    await logManualContact(db, key, 'vendor', 'Technician booked; please confirm access', '2026-11-05T09:00:00.000Z');
    await setManualState(db, key, 'waiting-on-customer', '2026-11-05T09:01:00.000Z');
    const stored = (await db.cases.get(key))!;
    expect(stored).toMatchObject({
      messageCount: 1,
      lastVendorMessageAt: '2026-11-05T09:00:00.000Z',
      state: 'waiting-on-customer',
      vendorStatus: 'Waiting on you',
    });
    expect(ballInCourt(stored)).toBe('you');
    expect(vendorQuietSince(stored)).toBe('2026-11-05T09:00:00.000Z');
    const events = await db.events.where('caseKey').equals(key).toArray();
    expect(events.map((e) => e.type).sort()).toEqual(['created', 'message', 'state']);
  });

  it('only updates manual cases by hand', async () => {
    await db.cases.put({ key: 'zendesk:1', provider: 'zendesk', caseId: '1' } as never);
    await expect(logManualContact(db, 'zendesk:1', 'vendor', 'x', T0)).rejects.toThrow(/by hand/);
  });
});
