import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseradarDB } from '@/lib/store/db';
import type { StoredCase } from '@/lib/core/model';
import { defaultPolicy } from '@/lib/alerts/policy';
import { savePolicy } from '@/lib/alerts/settings';
import { snoozeCase } from '@/lib/alerts/snooze';
import { runSweep } from '@/lib/alerts/sweep';

let db: CaseradarDB;
let n = 0;
beforeEach(async () => {
  db = new CaseradarDB(`sweep-test-${++n}`);
  await savePolicy(db, defaultPolicy('UTC'));
});
afterEach(async () => {
  await db.delete();
});

// Quiet since Friday 2026-11-13 10:00 UTC: overdue (3 business days) from Wednesday 2026-11-18.
const quietCase: StoredCase = {
  key: 'azure:1',
  portal: 'azure',
  provider: 'azure',
  caseId: '1',
  title: 'VMSS stuck',
  vendorStatus: 'Open',
  state: 'open',
  severity: 'normal',
  vendorSeverity: 'moderate',
  createdAt: '2026-11-09T09:00:00.000Z',
  updatedAt: '2026-11-13T10:00:00.000Z',
  url: 'https://portal.azure.com/#x',
  firstSeenAt: '2026-11-09T09:00:00.000Z',
  lastObservedAt: '2026-11-18T09:00:00.000Z',
  observedVia: 'x',
  observedHow: 'visit',
  lastVendorMessageAt: null,
  lastCustomerMessageAt: null,
  messageCount: 0,
};

describe('runSweep', () => {
  it('notifies a new alert once, however often it sweeps', async () => {
    await db.cases.put(quietCase);
    const first = await runSweep(db, '2026-11-18T10:00:00.000Z');
    expect(first.toNotify.map((a) => a.kind)).toEqual(['vendor-quiet']);
    expect(first.hasOverdue).toBe(true);
    expect((await runSweep(db, '2026-11-18T10:15:00.000Z')).toNotify).toEqual([]);
    expect((await runSweep(db, '2026-11-18T10:30:00.000Z')).active).toHaveLength(1);
  });

  it('hides a snoozed case until the snooze ends, then lets it fire once more', async () => {
    await db.cases.put(quietCase);
    await runSweep(db, '2026-11-18T10:00:00.000Z');
    await snoozeCase(db, 'azure:1', '1bd', '2026-11-18T10:05:00.000Z', defaultPolicy('UTC'));
    const during = await runSweep(db, '2026-11-19T10:00:00.000Z');
    expect(during.active).toEqual([]);
    expect(during.hasOverdue).toBe(false);
    const after = await runSweep(db, '2026-11-19T10:05:00.000Z');
    expect(after.toNotify.map((a) => a.kind)).toEqual(['vendor-quiet']);
    expect(await db.snoozes.count()).toBe(0);
  });

  it('ends a "done" snooze when the vendor acts, and the case resurfaces when it goes quiet again', async () => {
    await db.cases.put(quietCase);
    await runSweep(db, '2026-11-18T10:00:00.000Z');
    await snoozeCase(db, 'azure:1', 'vendor', '2026-11-18T10:05:00.000Z', defaultPolicy('UTC'));
    expect((await runSweep(db, '2026-11-25T10:00:00.000Z')).active).toEqual([]); // still done, however long
    // The vendor replies on the 19th; we observe it on the 24th.
    await db.cases.put({
      ...quietCase,
      lastVendorMessageAt: '2026-11-19T12:00:00.000Z',
      lastObservedAt: '2026-11-24T09:00:00.000Z',
    });
    const result = await runSweep(db, '2026-11-24T10:00:00.000Z');
    expect(await db.snoozes.count()).toBe(0);
    expect(result.toNotify.map((a) => [a.kind, a.since])).toEqual([['vendor-quiet', '2026-11-19T12:00:00.000Z']]);
  });

  it('holds notifications during quiet hours and sends them after', async () => {
    await savePolicy(db, { ...defaultPolicy('UTC'), quietHours: { start: '20:00', end: '08:00' } });
    await db.cases.put(quietCase);
    const night = await runSweep(db, '2026-11-18T22:00:00.000Z');
    expect(night).toMatchObject({ inQuietHours: true, toNotify: [] });
    expect(night.active).toHaveLength(1);
    expect((await runSweep(db, '2026-11-19T08:00:00.000Z')).toNotify).toHaveLength(1);
  });

  it('respects a rule switched off', async () => {
    await savePolicy(db, {
      ...defaultPolicy('UTC'),
      notify: { ...defaultPolicy('UTC').notify, 'vendor-quiet': false },
    });
    await db.cases.put(quietCase);
    const result = await runSweep(db, '2026-11-18T10:00:00.000Z');
    expect(result.active).toHaveLength(1);
    expect(result.toNotify).toEqual([]);
  });

  it('counts waiting-on-you cases that are not snoozed', async () => {
    await db.cases.bulkPut([
      { ...quietCase, key: 'azure:2', caseId: '2', state: 'waiting-on-customer' },
      { ...quietCase, key: 'azure:3', caseId: '3', state: 'waiting-on-customer' },
    ]);
    await snoozeCase(db, 'azure:3', '1w', '2026-11-18T10:00:00.000Z', defaultPolicy('UTC'));
    expect((await runSweep(db, '2026-11-18T11:00:00.000Z')).waitingOnYou).toBe(1);
  });
});

describe('policy validation', () => {
  it('rejects a malformed policy with a clear message', async () => {
    await expect(savePolicy(db, { ...defaultPolicy('UTC'), timeZone: 'Mars/Olympus' })).rejects.toThrow(
      /^Time zone: Expected an IANA time zone/,
    );
    await expect(
      savePolicy(db, { ...defaultPolicy('UTC'), workingHours: { start: '18:00', end: '09:00' } }),
    ).rejects.toThrow(/end after it starts/);
  });
});
