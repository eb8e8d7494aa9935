import type { Runtime } from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkSender, createHandlers, RejectedMessage } from '@/lib/background/handlers';
import { CaseradarDB } from '@/lib/store/db';
import type { Handlers, SweepSummary } from '@/lib/core/messages';

let db: CaseradarDB;
let handlers: Handlers;
let storeChanged: ReturnType<typeof vi.fn<(now?: string) => Promise<SweepSummary>>>;
let n = 0;
const NOW = new Date('2026-11-04T10:00:00.000Z');
beforeEach(() => {
  db = new CaseradarDB(`bg-test-${++n}`);
  storeChanged = vi.fn<(now?: string) => Promise<SweepSummary>>(async () => ({
    notified: 0,
    active: 0,
    waitingOnYou: 0,
    hasOverdue: false,
  }));
  handlers = createHandlers({
    db,
    now: () => NOW,
    onStoreChanged: storeChanged,
    extensionOrigin: 'chrome-extension://caseradar/',
  });
});
afterEach(async () => {
  await db.delete();
});

const PAGE = 'https://northwind.zendesk.com/hc/en-us/requests';
const sender = (url = PAGE): Runtime.MessageSender => ({
  id: 'caseradar',
  url,
  tab: { url } as Runtime.MessageSender['tab'],
});
const caseAt = (url: string, provider = 'zendesk') => ({
  provider,
  caseId: '7',
  title: 'T',
  vendorStatus: 'Open',
  state: 'open',
  severity: null,
  vendorSeverity: null,
  createdAt: null,
  updatedAt: '2026-11-03T10:00:00.000Z',
  url,
});
const payload = (over: Record<string, unknown> = {}, cases = [caseAt(`${PAGE}/7`)]) => ({
  provider: 'zendesk',
  pageUrl: PAGE,
  sourceUrl: PAGE,
  capturedAt: '2026-11-04T09:59:00.000Z',
  extraction: { kind: 'list', cases, problems: [] },
  ...over,
});

describe('cs:snapshot', () => {
  it('ingests a valid snapshot from the family host and refreshes the badge', async () => {
    const result = await handlers['cs:snapshot'](payload(), sender());
    expect(result.created).toBe(1);
    expect(storeChanged).toHaveBeenCalledOnce();
    expect(await db.cases.get('northwind.zendesk.com:7')).toMatchObject({ observedHow: 'visit' });
  });

  it('rejects a malformed payload whole', async () => {
    const bad = payload({}, [caseAt(`${PAGE}/7`), { ...caseAt(`${PAGE}/8`), caseId: '' }]);
    await expect(handlers['cs:snapshot'](bad, sender())).rejects.toThrow(RejectedMessage);
    await expect(handlers['cs:snapshot']({ ...payload(), capturedAt: 'yesterday' }, sender())).rejects.toThrow(
      /ISO-8601/,
    );
    expect(await db.cases.count()).toBe(0);
  });

  it('rejects snapshots from a page of another family or origin', async () => {
    await expect(handlers['cs:snapshot'](payload(), sender('https://evil.example/hc/en-us/requests'))).rejects.toThrow(
      /zendesk hosts/,
    );
    await expect(handlers['cs:snapshot'](payload({ provider: 'azure' }), sender())).rejects.toThrow(/azure hosts/);
    await expect(
      handlers['cs:snapshot'](payload({ pageUrl: 'https://other.zendesk.com/hc/en-us/requests' }), sender()),
    ).rejects.toThrow(/Expected the page URL on/);
    expect(await db.cases.count()).toBe(0);
  });

  it('rejects case links that point off the portal origin, and cases of another provider', async () => {
    await expect(handlers['cs:snapshot'](payload({}, [caseAt('https://evil.example/x')]), sender())).rejects.toThrow(
      /case links/,
    );
    await expect(handlers['cs:snapshot'](payload({}, [caseAt(`${PAGE}/7`, 'aws')]), sender())).rejects.toThrow(
      /Expected zendesk cases/,
    );
    await expect(handlers['cs:snapshot'](payload({}, [caseAt('javascript:alert(1)')]), sender())).rejects.toThrow(
      /http\(s\) URL/,
    );
    expect(await db.cases.count()).toBe(0);
  });

  it('accepts Azure JSON captured from management.azure.com on a portal.azure.com page', async () => {
    const portal = 'https://portal.azure.com/#blade/Microsoft_Azure_Support/HelpAndSupportBlade/managesupportrequest';
    const api = 'https://management.azure.com/providers/Microsoft.Support/supportTickets?api-version=2024-04-01';
    const ok = payload({ provider: 'azure', pageUrl: portal, sourceUrl: api }, [
      {
        ...caseAt('https://portal.azure.com/#resource/providers/Microsoft.Support/supportTickets/a', 'azure'),
        caseId: '2610010040001234',
      },
    ]);
    expect((await handlers['cs:snapshot'](ok, sender(portal))).created).toBe(1);
    const offApi = { ...ok, sourceUrl: 'https://evil.example/steal' };
    await expect(handlers['cs:snapshot'](offApi, sender(portal))).rejects.toThrow(/known API/);
  });

  it('uses our clock when the content script claims a capture time in the future', async () => {
    await handlers['cs:snapshot'](payload({ capturedAt: '2030-01-01T00:00:00.000Z' }), sender());
    expect((await db.cases.get('northwind.zendesk.com:7'))!.lastObservedAt).toBe(NOW.toISOString());
  });
});

describe('cs:extract-failed', () => {
  it('records the failure for the portal and changes no case', async () => {
    await handlers['cs:snapshot'](payload(), sender());
    const before = await db.cases.toArray();
    await handlers['cs:extract-failed'](
      { provider: 'zendesk', pageUrl: PAGE, failure: 'layout-changed', message: 'Expected a table' },
      sender(),
    );
    expect(await db.portals.get('zendesk|https://northwind.zendesk.com')).toMatchObject({
      lastErrorAt: NOW.toISOString(),
      lastError: { failure: 'layout-changed', message: 'Expected a table', pageUrl: PAGE },
    });
    expect(await db.cases.toArray()).toEqual(before);
  });

  it('rejects failure reports about another origin', async () => {
    await expect(
      handlers['cs:extract-failed'](
        {
          provider: 'zendesk',
          pageUrl: 'https://a.zendesk.com/hc/en-us/requests',
          failure: 'signed-out',
          message: 'x',
        },
        sender(),
      ),
    ).rejects.toThrow(RejectedMessage);
  });
});

describe('checkSender', () => {
  it('requires a sender URL', async () => {
    await expect(checkSender(db, 'zendesk', PAGE, { id: 'caseradar' })).rejects.toThrow(/no sender URL/);
  });
});

describe('ui:sweep', () => {
  it('runs for our own pages, with an injected clock', async () => {
    const page: Runtime.MessageSender = { id: 'caseradar', url: 'chrome-extension://caseradar/popup.html' };
    await handlers['ui:sweep']({ now: '2026-11-20T10:00:00.000Z' }, page);
    expect(storeChanged).toHaveBeenCalledWith('2026-11-20T10:00:00.000Z');
  });
  it('refuses content scripts and malformed clocks', async () => {
    await expect(handlers['ui:sweep']({}, sender())).rejects.toThrow(/extension page/);
    const page: Runtime.MessageSender = { id: 'caseradar', url: 'chrome-extension://caseradar/popup.html' };
    await expect(handlers['ui:sweep']({ now: 'tomorrow' }, page)).rejects.toThrow(/Invalid sweep/);
  });
});

describe('storage full', () => {
  it('writes nothing of the snapshot, tells the user on the portal, and rejects the message', async () => {
    vi.spyOn(db.cases, 'bulkPut').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    await expect(handlers['cs:snapshot'](payload(), sender())).rejects.toThrow(/refused to store more data/);
    expect(await db.cases.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
    expect((await db.portals.toArray()).map((p) => p.lastError?.failure)).toEqual(['storage-full']);
  });
});
