import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCaseHistory, describeEvent } from '@/lib/cases/case-history';
import { deleteCase } from '@/lib/cases/dashboard-actions';
import { CaseradarDB } from '@/lib/store/db';
import { createIncident, incidentsOf, linkCases, mergeIncidentHistory, unlinkCase } from '@/lib/cases/incidents';
import { emptyWorkspace } from '@/lib/cases/workspace';
import { makeCase, makeEvent, message } from '../../helpers/case-factory';

const isp = makeCase({ provider: 'manual', vendorName: 'Acme ISP', caseId: 'T-77' });
const azure = makeCase({ caseId: '2610' });
const escalated = {
  ...emptyWorkspace(azure.key),
  escalation: { level: '2', contact: 'Jane (CSAM)', escalatedAt: '2026-11-12T09:00:00Z' },
};

describe('describeEvent', () => {
  it('words each kind of change and message side', () => {
    const h = (over: Parameters<typeof makeEvent>[1]) => describeEvent(makeEvent('k', over)).heading;
    expect(h({ type: 'created', to: 'New' })).toBe('Case opened ("New")');
    expect(h({ type: 'state', from: 'Open', to: 'Pending' })).toBe('Status "Open" → "Pending"');
    expect(h({ type: 'severity', from: 'Sev B', to: 'Sev A' })).toBe('Severity "Sev B" → "Sev A"');
    // A field we did not know before was learned, not changed.
    expect(h({ type: 'severity', from: null, to: 'Sev A' })).toBe('Severity read: "Sev A"');
    expect(h({ type: 'owner', from: null, to: 'Sam' })).toBe('Owner read: "Sam"');
    expect(h({ type: 'owner', from: 'Kim', to: 'Sam' })).toBe('Owner "Kim" → "Sam"');
    expect(h({ type: 'state', from: null, to: 'Open' })).toBe('Status read: "Open"');
    expect(h({ type: 'title', from: 'a', to: 'b' })).toBe('Title "a" → "b"');
    const vendor = describeEvent(message('k', '2026-11-10T00:00:00Z', 'vendor', '<b>hi</b>', 'Sam'));
    expect(vendor).toMatchObject({ heading: 'Vendor wrote (Sam)', text: '<b>hi</b>', side: 'vendor', kind: 'message' });
    expect(describeEvent(message('k', '2026-11-10T00:00:00Z', 'customer', 'ok')).heading).toBe('You wrote');
  });

  it('places the recorded escalation in the case history at its date', () => {
    const history = buildCaseHistory(
      [
        makeEvent(azure.key, { type: 'created', at: '2026-11-09T09:00:00Z' }),
        message(azure.key, '2026-11-13T10:00:00Z', 'vendor', 'Looking into it'),
      ],
      escalated,
    );
    expect(history.map((i) => i.heading)).toEqual([
      'Case opened',
      'Escalated: level 2, with Jane (CSAM)',
      'Vendor wrote',
    ]);
  });
});

describe('mergeIncidentHistory', () => {
  it("interleaves several vendors' cases by time, labelled by vendor and case", () => {
    const events = [
      message(azure.key, '2026-11-10T12:00:00Z', 'vendor', 'Gateway healthy on our side'),
      makeEvent(isp.key, { type: 'created', at: '2026-11-10T08:00:00Z' }),
      makeEvent(azure.key, { type: 'created', at: '2026-11-10T08:00:00Z' }),
      makeEvent('other:1', { type: 'created', at: '2026-11-10T09:00:00Z' }),
      makeEvent(isp.key, { type: 'state', at: '2026-11-11T08:00:00Z', from: 'Open', to: 'Engineer dispatched' }),
    ];
    const merged = mergeIncidentHistory([isp, azure], events, [escalated]);
    expect(merged.map((i) => `${i.caseLabel}: ${i.heading}`)).toEqual([
      'Acme ISP #T-77: Case opened', // same instant: the incident's case order decides
      'Azure #2610: Case opened',
      'Azure #2610: Vendor wrote',
      'Acme ISP #T-77: Status "Open" → "Engineer dispatched"',
      'Azure #2610: Escalated: level 2, with Jane (CSAM)',
    ]);
  });
});

describe('incidents in the store', () => {
  let db: CaseradarDB;
  let n = 0;
  beforeEach(() => {
    db = new CaseradarDB(`incidents-test-${++n}`);
  });
  afterEach(async () => db.delete());

  it('links cases at several vendors, finds them by case, adds and unlinks', async () => {
    const inc = await createIncident(
      db,
      ' Site B outage ',
      [isp.key, azure.key, isp.key],
      '2026-11-12T10:00:00Z',
      'inc-1',
    );
    expect(inc).toMatchObject({ id: 'inc-1', title: 'Site B outage', caseKeys: [isp.key, azure.key] });
    expect((await incidentsOf(db, azure.key)).map((i) => i.id)).toEqual(['inc-1']);
    await linkCases(db, 'inc-1', ['aws:5', azure.key], '2026-11-12T11:00:00Z');
    expect((await db.incidents.get('inc-1'))?.caseKeys).toEqual([isp.key, azure.key, 'aws:5']);
    await unlinkCase(db, 'inc-1', isp.key, '2026-11-12T12:00:00Z');
    expect(await incidentsOf(db, isp.key)).toEqual([]);
    expect((await db.incidents.get('inc-1'))?.updatedAt).toBe('2026-11-12T12:00:00Z');
  });

  it('refuses an incident of one case', async () => {
    await expect(createIncident(db, 'x', [azure.key, azure.key], '2026-11-12T10:00:00Z')).rejects.toThrow(
      'Expected at least two cases to link, got 1',
    );
  });

  it('deleting a case removes its history, workspace and incident membership; an emptied incident goes', async () => {
    await db.cases.bulkPut([isp, azure]);
    await db.events.add({ ...makeEvent(azure.key, { type: 'created' }), id: undefined });
    await db.workspaces.put(escalated);
    await createIncident(db, 'pair', [isp.key, azure.key], '2026-11-12T10:00:00Z', 'pair');
    await deleteCase(db, azure.key, '2026-11-13T00:00:00Z');
    expect(await db.cases.get(azure.key)).toBeUndefined();
    expect(await db.events.where('caseKey').equals(azure.key).count()).toBe(0);
    expect(await db.workspaces.get(azure.key)).toBeUndefined();
    expect((await db.incidents.get('pair'))?.caseKeys).toEqual([isp.key]);
    await deleteCase(db, isp.key, '2026-11-13T00:00:00Z');
    expect(await db.incidents.count()).toBe(0);
  });
});
