/**
 * A vendor is a portal, not a platform: identity, names, flooding, and honest history per portal.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import browser from 'webextension-polyfill';
import { createHandlers } from '@/lib/background/handlers';
import { createBackup, parseBackup, restoreBackup } from '@/lib/export/backup';
import { CaseradarDB } from '@/lib/store/db';
import { ingestSnapshot, MAX_NEW_CASES_PER_READ, needsAttention, type SnapshotInput } from '@/lib/store/ingest';
import { addManualCase } from '@/lib/cases/manual';
import { showAlerts } from '@/lib/alerts/notify';
import type { CaseMessage, CaseSnapshot, ProviderId } from '@/lib/core/model';
import { defaultPolicy } from '@/lib/alerts/policy';
import { cleanVendorName, defaultVendorName, portalOf, readPortalName } from '@/lib/core/portals';
import { compareStatus } from '@/lib/capture/status-vocabulary';
import { alertsForCase } from '@/lib/alerts/staleness';
import type { SweepResult } from '@/lib/alerts/sweep';
import { deletePortalCases } from '@/lib/cases/dashboard-actions';
import { mapVendorStatus, renameVendor, VendorError } from '@/lib/store/vendors';
import { groupOf } from '@/lib/cases/case-groups';

let db: CaseradarDB;
let n = 0;
beforeEach(() => {
  db = new CaseradarDB(`vendor-portals-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const T0 = '2026-11-04T10:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function snap(
  origin: string,
  caseId: string,
  over: Partial<CaseSnapshot> = {},
  provider: ProviderId = 'zendesk',
): CaseSnapshot {
  return {
    provider,
    caseId,
    title: 'Link down at the Leeds office',
    vendorStatus: 'Open',
    state: 'open',
    severity: null,
    vendorSeverity: null,
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-03T09:00:00.000Z',
    url: `${origin}/hc/en-us/requests/${caseId}`,
    ...over,
  };
}
function read(origin: string, cases: CaseSnapshot[], over: Partial<SnapshotInput> = {}): SnapshotInput {
  const provider = cases[0]?.provider ?? 'zendesk';
  return {
    provider,
    pageUrl: `${origin}/hc/en-us/requests`,
    sourceUrl: `${origin}/hc/en-us/requests`,
    capturedAt: T0,
    how: 'visit',
    extraction: { kind: 'list', cases, problems: [] },
    ...over,
  };
}

const NORTHWIND = 'https://northwind.zendesk.com';
const EVIL = 'https://evil.zendesk.com';

describe('identity: a case belongs to one vendor portal', () => {
  it('keeps two vendors on one platform with the same case number as two cases', async () => {
    await ingestSnapshot(db, read(NORTHWIND, [snap(NORTHWIND, '4711')]));
    await ingestSnapshot(db, read(EVIL, [snap(EVIL, '4711', { title: 'Other vendor, same number' })]));
    const keys = (await db.cases.toArray()).map((c) => c.key).sort();
    expect(keys).toEqual(['evil.zendesk.com:4711', 'northwind.zendesk.com:4711']);
    // Salesforce's default numbering gives every org case 00001026 sooner or later.
    const sf = (host: string) =>
      snap(`https://${host}`, '00001026', { url: `https://${host}/s/case/500xx0000000001AAA` }, 'salesforce');
    await ingestSnapshot(db, {
      ...read('https://acme.my.site.com', [sf('acme.my.site.com')]),
      pageUrl: 'https://acme.my.site.com/s/case/Case/Default',
    });
    await ingestSnapshot(db, {
      ...read('https://globex.my.site.com', [sf('globex.my.site.com')]),
      pageUrl: 'https://globex.my.site.com/s/case/Case/Default',
    });
    expect(
      (await db.cases.toArray())
        .filter((c) => c.caseId === '00001026')
        .map((c) => c.key)
        .sort(),
    ).toEqual(['acme.my.site.com:00001026', 'globex.my.site.com:00001026']);
  });

  it('a forged, newer "Closed" snapshot from another tenant leaves the case untouched', async () => {
    await ingestSnapshot(db, read(NORTHWIND, [snap(NORTHWIND, '4711')], { portalName: 'Northwind Fiber' }));
    const before = await db.cases.get('northwind.zendesk.com:4711');
    const beforeEvents = await db.events.where('caseKey').equals('northwind.zendesk.com:4711').toArray();
    await ingestSnapshot(
      db,
      read(
        EVIL,
        [
          snap(EVIL, '4711', {
            title: 'Sign in again to keep your service',
            vendorStatus: 'Closed',
            state: 'closed',
            updatedAt: later(60),
            messages: [
              {
                at: later(30),
                side: 'vendor',
                author: 'Northwind Fiber',
                text: 'Your case is closed. Sign in at evil.zendesk.com',
              },
            ],
          }),
        ],
        { capturedAt: later(90), portalName: 'Northwind Fiber' },
      ),
    );
    expect(await db.cases.get('northwind.zendesk.com:4711')).toEqual(before);
    expect(await db.events.where('caseKey').equals('northwind.zendesk.com:4711').toArray()).toEqual(beforeEvents);
    // The forged case exists, as its own portal's case, and says where it lives.
    // ... and may not pass for the vendor it imitates: its borrowed name keeps its host.
    expect(await db.cases.get('evil.zendesk.com:4711')).toMatchObject({
      portal: 'evil.zendesk.com',
      state: 'closed',
      vendorName: 'Northwind Fiber (evil.zendesk.com)',
    });
  });

  it('files consoles under the console and manual cases under their vendor', () => {
    expect(portalOf('azure', 'https://portal.azure.com/#blade')).toBe('azure');
    expect(portalOf('aws', 'https://console.aws.amazon.com/support/home')).toBe('aws');
    expect(portalOf('zendesk', 'https://Northwind.Zendesk.com/hc')).toBe('northwind.zendesk.com');
    expect(portalOf('custom', 'https://help.acme-isp.com:8443/tickets')).toBe('help.acme-isp.com:8443');
    expect(portalOf('manual', '', '  Contoso   TELECOM ')).toBe('manual:contoso telecom');
    expect(() => portalOf('freshdesk', 'javascript:alert(1)')).toThrow(/http\(s\) address/);
  });
});

describe('vendor names', () => {
  it('names a tenant from its host until the portal says its name, and shows it on every case', async () => {
    expect(defaultVendorName('zendesk', 'northwind.zendesk.com')).toBe('Northwind');
    expect(defaultVendorName('freshdesk', 'help.acme-isp.com')).toBe('Acme Isp');
    expect(defaultVendorName('salesforce', 'acme--uat.sandbox.my.site.com')).toBe('Acme');
    expect(defaultVendorName('custom', 'support.example.co.uk')).toBe('Example');
    expect(defaultVendorName('gcp', 'gcp')).toBe('Google Cloud');
    await ingestSnapshot(db, read(NORTHWIND, [snap(NORTHWIND, '1'), snap(NORTHWIND, '2')]));
    expect((await db.cases.toArray()).map((c) => c.vendorName)).toEqual(['Northwind', 'Northwind']);
    // A later read of one case's page says the vendor's name: both cases show it.
    await ingestSnapshot(
      db,
      read(NORTHWIND, [snap(NORTHWIND, '1')], { capturedAt: later(5), portalName: 'Northwind Fiber' }),
    );
    expect((await db.cases.toArray()).map((c) => c.vendorName)).toEqual(['Northwind Fiber', 'Northwind Fiber']);
  });

  it("renames everywhere at once; the user's name outlives later reads; an empty name goes back", async () => {
    await ingestSnapshot(
      db,
      read(NORTHWIND, [snap(NORTHWIND, '1'), snap(NORTHWIND, '2')], { portalName: 'Northwind Fiber' }),
    );
    await ingestSnapshot(db, read(EVIL, [snap(EVIL, '1')]));
    expect(await renameVendor(db, 'northwind.zendesk.com', '  Northwind   (Leeds circuits) ', later(1))).toBe(
      'Northwind (Leeds circuits)',
    );
    const names = async () => Object.fromEntries((await db.cases.toArray()).map((c) => [c.key, c.vendorName]));
    expect(await names()).toEqual({
      'northwind.zendesk.com:1': 'Northwind (Leeds circuits)',
      'northwind.zendesk.com:2': 'Northwind (Leeds circuits)',
      'evil.zendesk.com:1': 'Evil',
    });
    await ingestSnapshot(
      db,
      read(NORTHWIND, [snap(NORTHWIND, '3')], { capturedAt: later(10), portalName: 'Northwind Broadband' }),
    );
    expect((await db.cases.get('northwind.zendesk.com:3'))!.vendorName).toBe('Northwind (Leeds circuits)');
    expect(await renameVendor(db, 'northwind.zendesk.com', '', later(11))).toBe('Northwind Broadband');
    expect(new Set(Object.values(await names()))).toEqual(new Set(['Northwind Broadband', 'Evil']));
    await expect(renameVendor(db, 'northwind.zendesk.com', 'a\u0007b', later(12))).rejects.toThrow(VendorError);
    await expect(renameVendor(db, 'nowhere.zendesk.com', 'X', later(12))).rejects.toThrow(/No vendor portal/);
  });

  it('takes no name from a console page: Azure stays Azure until the user renames it', async () => {
    const azure: CaseSnapshot = {
      ...snap('https://portal.azure.com', '2611010040001234', { url: 'https://portal.azure.com/#view/x' }, 'azure'),
    };
    await ingestSnapshot(db, {
      ...read('https://portal.azure.com', [azure]),
      pageUrl: 'https://portal.azure.com/',
      portalName: 'Phishy Vendor',
    });
    expect((await db.cases.get('azure:2611010040001234'))!.vendorName).toBe('Azure');
  });

  it('reads the name a page gives itself, never a page word or a platform name', () => {
    const page = (head: string) =>
      new DOMParser().parseFromString(`<html><head>${head}</head><body></body></html>`, 'text/html');
    expect(readPortalName(page('<title>My requests – Northwind Fiber Help Center</title>'))).toBe('Northwind Fiber');
    expect(
      readPortalName(page('<meta property="og:site_name" content="Acme ISP Support"><title>Tickets</title>')),
    ).toBe('Acme ISP');
    expect(readPortalName(page('<title>Requests</title>'))).toBeNull();
    expect(readPortalName(page('<title>Help Center - Zendesk</title>'))).toBeNull();
    expect(readPortalName(page('<title>Northwind\u202e Fiber | Cases</title>'))).toBe('Northwind Fiber');
    expect(cleanVendorName('x'.repeat(81))).toBeNull();
  });

  it('gives manual cases of one vendor, however typed, one vendor row', async () => {
    const form = {
      reference: '',
      title: 'Number porting stuck',
      contactChannel: 'phone',
      link: '',
      state: 'open',
      severity: null,
    };
    const a = await addManualCase(db, { ...form, vendorName: 'Contoso Telecom' }, T0);
    const b = await addManualCase(db, { ...form, vendorName: 'contoso  telecom' }, later(1));
    expect((await db.cases.bulkGet([a, b])).map((c) => [c!.portal, c!.vendorName])).toEqual([
      ['manual:contoso telecom', 'Contoso Telecom'],
      ['manual:contoso telecom', 'Contoso Telecom'],
    ]);
    expect(await db.vendors.count()).toBe(1);
  });
});

describe('vendor names in notifications', () => {
  it('a notification names the vendor as the user calls it, after a rename too', async () => {
    await ingestSnapshot(db, read(NORTHWIND, [snap(NORTHWIND, '4711')], { portalName: 'Northwind Fiber' }));
    const create = vi.spyOn(browser.notifications, 'create').mockResolvedValue('');
    const alert = {
      id: 'northwind.zendesk.com:4711|vendor-quiet|x|2026-11-02T10:00:00.000Z',
      caseKey: 'northwind.zendesk.com:4711',
      kind: 'vendor-quiet',
      level: 'overdue',
      since: '2026-11-02T10:00:00.000Z',
      reason: 'vendor quiet for 4 business days (limit 3 business days)',
    };
    const result = { toNotify: [alert], policy: defaultPolicy('UTC') } as unknown as SweepResult;
    await showAlerts(db, result);
    await renameVendor(db, 'northwind.zendesk.com', 'Northwind Leased Lines', later(1));
    await showAlerts(db, result);
    const titles = (create.mock.calls as unknown as [string, { title: string }][]).map(([, o]) => o.title);
    expect(titles).toEqual([
      'Northwind Fiber #4711: vendor quiet for 4 business days (limit 3 business days)',
      'Northwind Leased Lines #4711: vendor quiet for 4 business days (limit 3 business days)',
    ]);
    create.mockRestore();
  });
});

describe('vendor names after a restore', () => {
  it("a backup without vendor rows gets them, named as its cases were; a merge shows this store's name", async () => {
    await ingestSnapshot(db, read(NORTHWIND, [snap(NORTHWIND, '1')], { portalName: 'Northwind Fiber' }));
    const backup = await createBackup(db, T0);
    const bare = parseBackup(JSON.stringify({ ...backup, tables: { ...backup.tables, vendors: [] } }));
    await restoreBackup(db, bare, 'replace', { isGranted: async () => false });
    expect(await db.vendors.get('northwind.zendesk.com')).toMatchObject({
      readName: 'Northwind Fiber',
      userName: null,
    });
    await renameVendor(db, 'northwind.zendesk.com', 'NW Fiber (Leeds)', later(1));
    await restoreBackup(db, backup, 'merge', { isGranted: async () => false });
    expect((await db.cases.toArray()).map((c) => c.vendorName)).toEqual(['NW Fiber (Leeds)']);
  });
});

describe('status labels the user maps once per vendor portal', () => {
  const odd = (origin: string, caseId: string) =>
    snap(origin, caseId, { vendorStatus: 'Awaiting_Info_2', state: null });
  const stateOf = async (key: string) => (await db.cases.get(key))!.state;

  it('gives the state to every case of the portal with the label, now and on later reads, and to no other portal', async () => {
    await ingestSnapshot(db, read(NORTHWIND, [odd(NORTHWIND, '1'), snap(NORTHWIND, '2')]));
    await ingestSnapshot(db, read(EVIL, [odd(EVIL, '1')]));
    expect(groupOf((await db.cases.get('northwind.zendesk.com:1'))!, false)).toBe('look');

    // Spelt another way on the page it is the same label (case, _ and - folded).
    expect(await mapVendorStatus(db, 'northwind.zendesk.com', 'awaiting info-2', 'waiting-on-customer', later(1))).toBe(
      1,
    );
    expect(await stateOf('northwind.zendesk.com:1')).toBe('waiting-on-customer');
    expect(await stateOf('northwind.zendesk.com:2')).toBe('open'); // its own label, untouched
    expect(await stateOf('evil.zendesk.com:1')).toBeNull(); // another vendor's words are its own

    // A case read later with the label takes the state; a read of the first one keeps it.
    await ingestSnapshot(db, read(NORTHWIND, [odd(NORTHWIND, '1'), odd(NORTHWIND, '3')], { capturedAt: later(10) }));
    expect(await stateOf('northwind.zendesk.com:3')).toBe('waiting-on-customer');
    expect(await stateOf('northwind.zendesk.com:1')).toBe('waiting-on-customer');
    expect((await db.vendors.get('northwind.zendesk.com'))!.statusMap).toEqual({
      'awaiting info 2': { label: 'awaiting info-2', state: 'waiting-on-customer' },
    });
  });

  it('can be changed and forgotten; a label the vocabulary maps is never overridden', async () => {
    await ingestSnapshot(db, read(NORTHWIND, [odd(NORTHWIND, '1'), snap(NORTHWIND, '2')]));
    await mapVendorStatus(db, 'northwind.zendesk.com', 'Awaiting_Info_2', 'on-hold', later(1));
    await mapVendorStatus(db, 'northwind.zendesk.com', 'Awaiting_Info_2', 'resolved', later(2));
    expect(await stateOf('northwind.zendesk.com:1')).toBe('resolved');
    // Mapping "Open" (which the vocabulary reads) changes no case.
    expect(await mapVendorStatus(db, 'northwind.zendesk.com', 'Open', 'closed', later(3))).toBe(0);
    expect(await stateOf('northwind.zendesk.com:2')).toBe('open');
    await ingestSnapshot(db, read(NORTHWIND, [snap(NORTHWIND, '2')], { capturedAt: later(20) }));
    expect(await stateOf('northwind.zendesk.com:2')).toBe('open');

    expect(await mapVendorStatus(db, 'northwind.zendesk.com', 'Awaiting_Info_2', null, later(4))).toBe(1);
    expect(await stateOf('northwind.zendesk.com:1')).toBeNull();
    await expect(mapVendorStatus(db, 'nowhere.zendesk.com', 'x', 'open', later(5))).rejects.toThrow(VendorError);
    await expect(mapVendorStatus(db, 'northwind.zendesk.com', ' _- ', 'open', later(5))).rejects.toThrow(
      'A status label is needed',
    );
  });

  it('travels in a backup, and a backup cannot smuggle in a state we do not have', async () => {
    await ingestSnapshot(db, read(NORTHWIND, [odd(NORTHWIND, '1')]));
    await mapVendorStatus(db, 'northwind.zendesk.com', 'Awaiting_Info_2', 'on-hold', later(1));
    const backup = await createBackup(db, later(2));
    const other = new CaseradarDB(`vendor-portals-restore-${n}`);
    try {
      await restoreBackup(other, parseBackup(JSON.stringify(backup)), 'replace', { isGranted: async () => false });
      await ingestSnapshot(other, read(NORTHWIND, [odd(NORTHWIND, '4')], { capturedAt: later(30) }));
      expect((await other.cases.get('northwind.zendesk.com:4'))!.state).toBe('on-hold');
    } finally {
      await other.delete();
    }
    const forged = JSON.parse(JSON.stringify(backup)) as { tables: { vendors: { statusMap: unknown }[] } };
    forged.tables.vendors[0]!.statusMap = { x: { label: 'x', state: 'escalated-to-ceo' } };
    expect(() => parseBackup(JSON.stringify(forged))).toThrow();
  });
});

describe('vendor-quiet thresholds per vendor portal', () => {
  it("applies one tenant's threshold to its cases only", async () => {
    await ingestSnapshot(db, read(NORTHWIND, [snap(NORTHWIND, '1')]));
    await ingestSnapshot(db, read(EVIL, [snap(EVIL, '1')]));
    const policy = defaultPolicy('UTC');
    policy.vendorQuiet.byPortal = { 'northwind.zendesk.com': { businessDays: 1 } };
    // Quiet since Tuesday 2026-11-03 09:00: one business day has passed on Wednesday 09:00, three not yet.
    const kinds = async (key: string) =>
      alertsForCase((await db.cases.get(key))!, policy, '2026-11-04T10:00:00Z').map((x) => x.kind);
    expect(await kinds('northwind.zendesk.com:1')).toContain('vendor-quiet');
    expect(await kinds('evil.zendesk.com:1')).not.toContain('vendor-quiet');
  });
});

describe('flooding', () => {
  const many = (origin: string, count: number) =>
    Array.from({ length: count }, (_, i) =>
      snap(origin, String(10_000 + i), {
        messages: [{ at: '2026-11-03T08:00:00.000Z', side: 'vendor', author: 'x', text: `spam ${i}` }],
      }),
    );

  it('creates at most MAX_NEW_CASES_PER_READ cases from one read, and refuses the rest with their messages', async () => {
    const result = await ingestSnapshot(db, read(EVIL, many(EVIL, 5_000)));
    expect(result).toMatchObject({ created: MAX_NEW_CASES_PER_READ, refusedNew: 5_000 - MAX_NEW_CASES_PER_READ });
    expect(await db.cases.count()).toBe(MAX_NEW_CASES_PER_READ);
    expect((await db.events.toArray()).filter((e) => e.type === 'message')).toHaveLength(MAX_NEW_CASES_PER_READ);
    // Known cases are always merged, however long the list.
    const again = await ingestSnapshot(
      db,
      read(
        EVIL,
        many(EVIL, 600).map((c) => ({ ...c, title: 'renamed' })),
        { capturedAt: later(5) },
      ),
    );
    expect(again).toMatchObject({
      created: MAX_NEW_CASES_PER_READ,
      updated: MAX_NEW_CASES_PER_READ,
      refusedNew: 600 - 2 * MAX_NEW_CASES_PER_READ,
    });
  });

  it("reports the refused cases as the portal's problem, where the user looks", async () => {
    const handlers = createHandlers({
      db,
      now: () => new Date(later(1)),
      extensionOrigin: 'chrome-extension://caseradar/',
      onStoreChanged: vi.fn(async () => ({ notified: 0, active: 0, waitingOnYou: 0, hasOverdue: false })),
    });
    const page = `${EVIL}/hc/en-us/requests`;
    const sender = { id: 'caseradar', url: page, tab: { url: page } } as Runtime.MessageSender;
    await handlers['cs:snapshot'](
      {
        provider: 'zendesk',
        pageUrl: page,
        sourceUrl: page,
        capturedAt: T0,
        extraction: { kind: 'list', cases: many(EVIL, 400), problems: [] },
      },
      sender,
    );
    const health = (await db.portals.get('zendesk|https://evil.zendesk.com'))!;
    expect(needsAttention(health)).toBe(true);
    expect(health.lastError).toMatchObject({ failure: 'rejected' });
    expect(health.lastError!.message).toMatch(/150 more new cases than one read may add \(250\)/);
  });

  it('deletes everything one portal brought in, and nothing of another portal', async () => {
    await ingestSnapshot(
      db,
      read(NORTHWIND, [
        snap(NORTHWIND, '1', {
          messages: [{ at: '2026-11-03T08:00:00.000Z', side: 'vendor', author: 'a', text: 'hi' }],
        }),
      ]),
    );
    await ingestSnapshot(db, read(EVIL, many(EVIL, 30)));
    await db.snoozes.put({ caseKey: 'evil.zendesk.com:10001', until: null, vendorMarker: T0, createdAt: T0 });
    await db.workspaces.put({
      caseKey: 'evil.zendesk.com:10002',
      notes: 'x',
      infoPack: { environment: '', repro: '', impact: '' },
      escalation: null,
      updatedAt: T0,
    });
    await db.incidents.put({
      id: 'i',
      title: 'mixed',
      caseKeys: ['northwind.zendesk.com:1', 'evil.zendesk.com:10003', 'evil.zendesk.com:10004'],
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await deletePortalCases(db, 'evil.zendesk.com', later(1))).toBe(30);
    expect((await db.cases.toArray()).map((c) => c.key)).toEqual(['northwind.zendesk.com:1']);
    expect(new Set((await db.events.toArray()).map((e) => e.caseKey))).toEqual(new Set(['northwind.zendesk.com:1']));
    expect(await db.snoozes.count()).toBe(0);
    expect(await db.workspaces.count()).toBe(0);
    // An incident left with one case is no longer a link between cases.
    expect((await db.incidents.get('i'))?.caseKeys ?? []).not.toContain('evil.zendesk.com:10003');
  });
});

describe('implausible dates', () => {
  it('reads 0001-01-01 and 1970-01-01 as no date, and drops a message dated so', async () => {
    const result = await ingestSnapshot(
      db,
      read(NORTHWIND, [
        snap(NORTHWIND, '1', {
          createdAt: '0001-01-01T00:00:00.000Z',
          updatedAt: '1970-01-01T00:00:00.000Z',
          messages: [{ at: '0001-01-01T00:00:00.000Z', side: 'vendor', author: null, text: 'x' }],
        }),
      ]),
    );
    expect(result.untrustedDates).toBe(3);
    expect(await db.cases.get('northwind.zendesk.com:1')).toMatchObject({
      createdAt: null,
      updatedAt: null,
      messageCount: 0,
    });
  });
});

describe('honest history', () => {
  const msg = (text: string, at = '2026-11-03T08:00:00.000Z'): CaseMessage => ({
    at,
    side: 'vendor',
    author: 'Sam Support',
    text,
  });

  it('keeps two vendor messages of the same minute and author, and one message read twice with other spacing once', async () => {
    await ingestSnapshot(
      db,
      read(NORTHWIND, [
        snap(NORTHWIND, '1', { messages: [msg('Please send the router logs.'), msg('Also: which firmware?')] }),
      ]),
    );
    await ingestSnapshot(
      db,
      read(NORTHWIND, [snap(NORTHWIND, '1', { messages: [msg('Please send the\n\nrouter logs.')] })], {
        capturedAt: later(5),
      }),
    );
    const texts = (
      await db.events
        .where('caseKey')
        .equals('northwind.zendesk.com:1')
        .filter((e) => e.type === 'message')
        .toArray()
    ).map((e) => e.message!.text);
    expect(texts).toEqual(['Please send the router logs.', 'Also: which firmware?']);
    expect((await db.cases.get('northwind.zendesk.com:1'))!.messageCount).toBe(2);
  });

  it('logs no change when the page says "Awaiting your reply" and the JSON says "pending", in any order', async () => {
    const at = (i: number) => later(i * 10);
    await ingestSnapshot(
      db,
      read(NORTHWIND, [snap(NORTHWIND, '1', { vendorStatus: 'pending', state: 'waiting-on-customer' })]),
    );
    for (let i = 1; i <= 6; i++) {
      const label = i % 2 ? 'Awaiting your reply' : 'pending';
      await ingestSnapshot(
        db,
        read(NORTHWIND, [snap(NORTHWIND, '1', { vendorStatus: label, state: 'waiting-on-customer' })], {
          capturedAt: at(i),
        }),
      );
    }
    expect(
      await db.events
        .where('caseKey')
        .equals('northwind.zendesk.com:1')
        .filter((e) => e.type === 'state')
        .count(),
    ).toBe(0);
    // A real move still counts.
    await ingestSnapshot(
      db,
      read(NORTHWIND, [snap(NORTHWIND, '1', { vendorStatus: 'open', state: 'open', updatedAt: at(8) })], {
        capturedAt: at(8),
      }),
    );
    expect(
      (
        await db.events
          .where('caseKey')
          .equals('northwind.zendesk.com:1')
          .filter((e) => e.type === 'state')
          .toArray()
      ).map((e) => [e.from, e.to]),
    ).toEqual([['pending', 'open']]);
  });

  it('keeps the JSON\'s finer status when the page shows it coarsely ("Open" for on-hold)', async () => {
    const api = { sourceUrl: `${NORTHWIND}/api/v2/requests.json` };
    await ingestSnapshot(db, read(NORTHWIND, [snap(NORTHWIND, '1', { vendorStatus: 'hold', state: 'on-hold' })], api));
    await ingestSnapshot(
      db,
      read(NORTHWIND, [snap(NORTHWIND, '1', { vendorStatus: 'Open', state: 'open' })], { capturedAt: later(10) }),
    );
    await ingestSnapshot(
      db,
      read(NORTHWIND, [snap(NORTHWIND, '1', { vendorStatus: 'hold', state: 'on-hold' })], {
        ...api,
        capturedAt: later(20),
      }),
    );
    await ingestSnapshot(
      db,
      read(NORTHWIND, [snap(NORTHWIND, '1', { vendorStatus: 'Open', state: 'open' })], { capturedAt: later(30) }),
    );
    expect(await db.cases.get('northwind.zendesk.com:1')).toMatchObject({ vendorStatus: 'hold', state: 'on-hold' });
    expect((await db.events.toArray()).filter((e) => e.type === 'state')).toEqual([]);
    // The JSON's "open" after its "new" is a real step, though the page's "Open" is spelt the same.
    await ingestSnapshot(db, read(NORTHWIND, [snap(NORTHWIND, '2', { vendorStatus: 'new', state: 'new' })], api));
    await ingestSnapshot(
      db,
      read(NORTHWIND, [snap(NORTHWIND, '2', { vendorStatus: 'open', state: 'open' })], {
        ...api,
        capturedAt: later(10),
      }),
    );
    expect(await db.cases.get('northwind.zendesk.com:2')).toMatchObject({ vendorStatus: 'open', state: 'open' });
    expect(compareStatus('zendesk', 'closed', 'Solved', true)).toBe('coarser');
    expect(compareStatus('zendesk', 'closed', 'solved', false)).toBe('different');
    expect(compareStatus('freshdesk', 'Pending', 'Awaiting your Reply', true)).toBe('same');
    expect(compareStatus('zendesk', 'solved', 'Gelöst', true)).toBe('same'); // folded like the adapters fold labels
    expect(compareStatus('servicenow', 'Open', 'Awaiting your reply', true)).toBe('different');
  });
});
