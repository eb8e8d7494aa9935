import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseradarDB } from '@/lib/store/db';
import { ingestSnapshot, needsAttention, recordFailure, type SnapshotInput } from '@/lib/store/ingest';
import type { CaseSnapshot } from '@/lib/core/model';

let db: CaseradarDB;
let n = 0;
beforeEach(() => {
  db = new CaseradarDB(`ingest-test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const PAGE = 'https://northwind.zendesk.com/hc/en-us/requests';
const snap = (over: Partial<CaseSnapshot> = {}): CaseSnapshot => ({
  provider: 'zendesk',
  caseId: '100',
  title: 'Link down',
  vendorStatus: 'Open',
  state: 'open',
  severity: null,
  vendorSeverity: null,
  createdAt: '2026-11-02T09:00:00.000Z',
  updatedAt: '2026-11-03T09:00:00.000Z',
  url: 'https://northwind.zendesk.com/hc/en-us/requests/100',
  ...over,
});
const input = (
  cases: CaseSnapshot[],
  capturedAt = '2026-11-04T10:00:00.000Z',
  kind: 'list' | 'detail' = 'list',
): SnapshotInput => ({
  provider: 'zendesk',
  pageUrl: PAGE,
  sourceUrl: PAGE,
  capturedAt,
  how: 'visit',
  extraction: { kind, cases, problems: [] },
});

describe('ingestSnapshot', () => {
  it('creates cases with first-seen, last-observed and where they were observed', async () => {
    const result = await ingestSnapshot(db, input([snap(), snap({ caseId: '101', url: `${PAGE}/101` })]));
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const stored = await db.cases.get('northwind.zendesk.com:100');
    expect(stored).toMatchObject({
      key: 'northwind.zendesk.com:100',
      state: 'open',
      firstSeenAt: '2026-11-04T10:00:00.000Z',
      lastObservedAt: '2026-11-04T10:00:00.000Z',
      observedVia: PAGE,
      observedHow: 'visit',
    });
    expect(await db.events.where('caseKey').equals('northwind.zendesk.com:100').toArray()).toEqual([
      expect.objectContaining({ type: 'created', at: '2026-11-02T09:00:00.000Z', to: 'Open' }),
    ]);
  });

  it('writes nothing when the same snapshot is ingested again', async () => {
    const first = input([
      snap({ messages: [{ at: '2026-11-03T09:00:00.000Z', author: 'Sam', side: 'vendor', text: 'Hi' }] }),
    ]);
    await ingestSnapshot(db, first);
    const before = {
      cases: await db.cases.toArray(),
      events: await db.events.toArray(),
      portals: await db.portals.toArray(),
    };
    const again = await ingestSnapshot(db, first);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, eventsAdded: 0, rowsWritten: 0 });
    expect({
      cases: await db.cases.toArray(),
      events: await db.events.toArray(),
      portals: await db.portals.toArray(),
    }).toEqual(before);
  });

  it('appends an event per changed field and updates the case', async () => {
    await ingestSnapshot(db, input([snap()]));
    const result = await ingestSnapshot(
      db,
      input(
        [
          snap({
            vendorStatus: 'Awaiting your reply',
            state: 'waiting-on-customer',
            vendorSeverity: 'Urgent',
            severity: 'critical',
            owner: 'Sam',
            title: 'Link down at Site B',
            updatedAt: '2026-11-04T08:00:00.000Z',
          }),
        ],
        '2026-11-04T11:00:00.000Z',
        'detail',
      ),
    );
    expect(result).toMatchObject({ updated: 1, eventsAdded: 4 });
    const events = await db.events.where('caseKey').equals('northwind.zendesk.com:100').sortBy('id');
    expect(events.map((e) => [e.type, e.from, e.to, e.at])).toEqual([
      ['created', undefined, 'Open', '2026-11-02T09:00:00.000Z'],
      ['state', 'Open', 'Awaiting your reply', '2026-11-04T08:00:00.000Z'],
      ['severity', null, 'Urgent', '2026-11-04T08:00:00.000Z'],
      ['owner', null, 'Sam', '2026-11-04T08:00:00.000Z'],
      ['title', 'Link down', 'Link down at Site B', '2026-11-04T08:00:00.000Z'],
    ]);
    expect(await db.cases.get('northwind.zendesk.com:100')).toMatchObject({
      state: 'waiting-on-customer',
      severity: 'critical',
      owner: 'Sam',
    });
  });

  it('never lets an older snapshot overwrite a newer one', async () => {
    await ingestSnapshot(
      db,
      input(
        [snap({ vendorStatus: 'Solved', state: 'resolved', updatedAt: '2026-11-05T09:00:00.000Z' })],
        '2026-11-05T10:00:00.000Z',
      ),
    );
    // A page cached from before the change arrives later.
    const result = await ingestSnapshot(
      db,
      input([snap({ updatedAt: '2026-11-03T09:00:00.000Z' })], '2026-11-05T11:00:00.000Z'),
    );
    expect(result).toMatchObject({ stale: 1, updated: 0, eventsAdded: 0 });
    expect(await db.cases.get('northwind.zendesk.com:100')).toMatchObject({
      state: 'resolved',
      updatedAt: '2026-11-05T09:00:00.000Z',
    });
  });

  it('orders snapshots without a portal update time by capture time', async () => {
    await ingestSnapshot(
      db,
      input(
        [snap({ updatedAt: null, vendorStatus: 'Pending', state: 'waiting-on-customer' })],
        '2026-11-05T10:00:00.000Z',
      ),
    );
    const result = await ingestSnapshot(db, input([snap({ updatedAt: null })], '2026-11-05T09:00:00.000Z'));
    expect(result.stale).toBe(1);
    expect((await db.cases.get('northwind.zendesk.com:100'))!.state).toBe('waiting-on-customer');
  });

  it('never deletes or closes a case that a later page omits', async () => {
    await ingestSnapshot(db, input([snap(), snap({ caseId: '101', url: `${PAGE}/101` })]));
    await ingestSnapshot(db, input([snap()], '2026-11-06T10:00:00.000Z'));
    await ingestSnapshot(db, input([], '2026-11-07T10:00:00.000Z'));
    expect(await db.cases.get('northwind.zendesk.com:101')).toMatchObject({ state: 'open', vendorStatus: 'Open' });
    expect(await db.cases.count()).toBe(2);
  });

  it('does not erase what a detail page told us when a list page lacks the field', async () => {
    await ingestSnapshot(
      db,
      input([snap({ vendorSeverity: 'Urgent', severity: 'critical', owner: 'Sam' })], undefined, 'detail'),
    );
    await ingestSnapshot(db, input([snap({ updatedAt: '2026-11-06T09:00:00.000Z' })], '2026-11-06T10:00:00.000Z'));
    expect(await db.cases.get('northwind.zendesk.com:100')).toMatchObject({
      severity: 'critical',
      vendorSeverity: 'Urgent',
      owner: 'Sam',
    });
  });

  it('merges messages idempotently and tracks the latest per side', async () => {
    const m1 = { at: '2026-11-03T09:00:00.000Z', author: 'Alex', side: 'customer' as const, text: 'Down again' };
    const m2 = { at: '2026-11-03T12:00:00.000Z', author: 'Sam', side: 'vendor' as const, text: 'Looking' };
    await ingestSnapshot(db, input([snap({ messages: [m1] })], undefined, 'detail'));
    await ingestSnapshot(db, input([snap({ messages: [m1, m2] })], '2026-11-04T12:00:00.000Z', 'detail'));
    const stored = await db.cases.get('northwind.zendesk.com:100');
    expect(stored).toMatchObject({ messageCount: 2, lastVendorMessageAt: m2.at, lastCustomerMessageAt: m1.at });
    expect(stored).not.toHaveProperty('messages');
    const messages = await db.events
      .where('caseKey')
      .equals('northwind.zendesk.com:100')
      .filter((e) => e.type === 'message')
      .toArray();
    expect(messages.map((e) => e.message)).toEqual([m1, m2]);
  });

  it('keeps portal health per provider and origin; a failure touches no case', async () => {
    await ingestSnapshot(db, input([snap()]));
    const casesBefore = await db.cases.toArray();
    await recordFailure(db, 'zendesk', PAGE, 'layout-changed', 'Expected a requests table', '2026-11-04T12:00:00.000Z');
    const health = await db.portals.get('zendesk|https://northwind.zendesk.com');
    expect(health).toMatchObject({
      lastSuccessAt: '2026-11-04T10:00:00.000Z',
      lastErrorAt: '2026-11-04T12:00:00.000Z',
      lastCaseCount: 1,
    });
    expect(needsAttention(health!)).toBe(true);
    expect(await db.cases.toArray()).toEqual(casesBefore);
    await ingestSnapshot(db, input([snap()], '2026-11-04T13:00:00.000Z'));
    expect(needsAttention((await db.portals.get('zendesk|https://northwind.zendesk.com'))!)).toBe(false);
  });

  it('moves lastObservedAt forward on a later visit even when nothing changed', async () => {
    await ingestSnapshot(db, input([snap()]));
    const result = await ingestSnapshot(db, input([snap()], '2026-11-04T15:00:00.000Z'));
    expect(result).toMatchObject({ updated: 1, eventsAdded: 0 });
    expect((await db.cases.get('northwind.zendesk.com:100'))!.lastObservedAt).toBe('2026-11-04T15:00:00.000Z');
  });

  it('ignores cases of another provider inside a snapshot', async () => {
    await ingestSnapshot(db, input([snap({ provider: 'azure', caseId: '9' })]));
    expect(await db.cases.count()).toBe(0);
  });
});

describe('message-only bodies (communications, comments)', () => {
  const awsInput = (
    extraction: SnapshotInput['extraction'],
    capturedAt = '2026-11-04T10:00:00.000Z',
  ): SnapshotInput => ({
    provider: 'aws',
    pageUrl: 'https://support.console.aws.amazon.com/support/home',
    sourceUrl: 'https://support.us-east-1.amazonaws.com/',
    capturedAt,
    how: 'visit',
    extraction,
  });
  const awsCase = snap({
    provider: 'aws',
    caseId: '176543210900123',
    vendorRef: 'case-1-abc',
    url: 'https://support.console.aws.amazon.com/x',
  });
  const reply = {
    at: '2026-11-05T10:00:00.000Z',
    author: 'Amazon Web Services',
    side: 'vendor' as const,
    text: 'Please retry',
  };

  it('matches messages to a stored case by the vendor ref and updates its summary', async () => {
    await ingestSnapshot(db, awsInput({ kind: 'list', cases: [awsCase], problems: [] }));
    const result = await ingestSnapshot(
      db,
      awsInput(
        { kind: 'detail', cases: [], problems: [], messageUpdates: [{ vendorRef: 'case-1-abc', messages: [reply] }] },
        '2026-11-05T11:00:00.000Z',
      ),
    );
    expect(result).toMatchObject({ eventsAdded: 1, unmatchedMessages: 0, updated: 1 });
    expect(await db.cases.get('aws:176543210900123')).toMatchObject({ messageCount: 1, lastVendorMessageAt: reply.at });
    // Idempotent like everything else.
    const again = await ingestSnapshot(
      db,
      awsInput(
        { kind: 'detail', cases: [], problems: [], messageUpdates: [{ vendorRef: 'case-1-abc', messages: [reply] }] },
        '2026-11-05T11:00:00.000Z',
      ),
    );
    expect(again.rowsWritten).toBe(0);
  });

  it('counts messages for an unknown vendor ref as unmatched and writes no case', async () => {
    const result = await ingestSnapshot(
      db,
      awsInput({
        kind: 'detail',
        cases: [],
        problems: [],
        messageUpdates: [{ vendorRef: 'case-unknown', messages: [reply] }],
      }),
    );
    expect(result).toMatchObject({ unmatchedMessages: 1, eventsAdded: 0 });
    expect(await db.cases.count()).toBe(0);
  });

  it('keeps comments that arrive before their case and counts them once the case appears', async () => {
    const gcpInput = (extraction: SnapshotInput['extraction'], capturedAt: string): SnapshotInput => ({
      provider: 'gcp',
      pageUrl: 'https://console.cloud.google.com/support/cases',
      sourceUrl: 'https://cloudsupport.googleapis.com/v2/projects/p/cases',
      capturedAt,
      how: 'visit',
      extraction,
    });
    await ingestSnapshot(
      db,
      gcpInput(
        { kind: 'detail', cases: [], problems: [], messageUpdates: [{ caseId: '5123', messages: [reply] }] },
        '2026-11-05T11:00:00.000Z',
      ),
    );
    expect(await db.events.where('caseKey').equals('gcp:5123').count()).toBe(1);
    await ingestSnapshot(
      db,
      gcpInput(
        {
          kind: 'list',
          cases: [snap({ provider: 'gcp', caseId: '5123', url: 'https://console.cloud.google.com/x' })],
          problems: [],
        },
        '2026-11-05T12:00:00.000Z',
      ),
    );
    expect(await db.cases.get('gcp:5123')).toMatchObject({ messageCount: 1, lastVendorMessageAt: reply.at });
  });

  it('keeps the vendor SLA window and updates it when the vendor changes it', async () => {
    const sla = { startAt: '2026-11-03T09:00:00.000Z', expiresAt: '2026-11-03T17:00:00.000Z', minutes: 480 };
    await ingestSnapshot(db, input([snap({ sla })]));
    expect((await db.cases.get('northwind.zendesk.com:100'))!.sla).toEqual(sla);
    await ingestSnapshot(db, input([snap({ updatedAt: '2026-11-05T09:00:00.000Z' })], '2026-11-05T10:00:00.000Z'));
    expect((await db.cases.get('northwind.zendesk.com:100'))!.sla).toEqual(sla); // a body without SLA does not erase it
    const extended = { ...sla, expiresAt: '2026-11-04T17:00:00.000Z' };
    await ingestSnapshot(
      db,
      input([snap({ sla: extended, updatedAt: '2026-11-06T09:00:00.000Z' })], '2026-11-06T10:00:00.000Z'),
    );
    expect((await db.cases.get('northwind.zendesk.com:100'))!.sla).toEqual(extended);
  });
});

describe('portal dates far after the capture (bounded trust in time)', () => {
  // Captured 2026-11-04 10:00; a portal date more than 24 h later is not believed.
  it('reads a case dated 9999-12-31 as undated, so the next genuine read still updates it', async () => {
    const forged = await ingestSnapshot(db, input([snap({ title: 'Frozen?', updatedAt: '9999-12-31T23:59:59.000Z' })]));
    expect(forged).toMatchObject({ created: 1, untrustedDates: 1 });
    expect(await db.cases.get('northwind.zendesk.com:100')).toMatchObject({ title: 'Frozen?', updatedAt: null });

    await ingestSnapshot(
      db,
      input(
        [
          snap({
            title: 'Link down',
            vendorStatus: 'Solved',
            state: 'resolved',
            updatedAt: '2026-11-05T08:00:00.000Z',
          }),
        ],
        '2026-11-05T09:00:00.000Z',
      ),
    );
    expect(await db.cases.get('northwind.zendesk.com:100')).toMatchObject({
      title: 'Link down',
      state: 'resolved',
      updatedAt: '2026-11-05T08:00:00.000Z',
    });
  });

  it('believes a date up to a day ahead of the capture (clocks disagree), not one a minute past that', async () => {
    const result = await ingestSnapshot(
      db,
      input([
        snap({ updatedAt: '2026-11-05T10:00:00.000Z' }),
        snap({
          caseId: '101',
          url: `${PAGE}/101`,
          createdAt: '2026-11-05T10:01:00.000Z',
          updatedAt: '2026-11-05T10:01:00.000Z',
        }),
      ]),
    );
    expect(result.untrustedDates).toBe(2);
    expect(await db.cases.get('northwind.zendesk.com:100')).toMatchObject({ updatedAt: '2026-11-05T10:00:00.000Z' });
    expect(await db.cases.get('northwind.zendesk.com:101')).toMatchObject({ createdAt: null, updatedAt: null });
  });

  it('drops a message dated too far ahead and keeps the others', async () => {
    const messages = [
      { at: '2026-11-03T09:00:00.000Z', author: 'Sam', side: 'vendor' as const, text: 'We are on it.' },
      { at: '2099-01-01T00:00:00.000Z', author: 'Sam', side: 'vendor' as const, text: 'From the future' },
    ];
    const result = await ingestSnapshot(db, input([snap({ messages })], undefined, 'detail'));
    expect(result).toMatchObject({ untrustedDates: 1, eventsAdded: 2 }); // created + one message
    expect(await db.cases.get('northwind.zendesk.com:100')).toMatchObject({
      messageCount: 1,
      lastVendorMessageAt: '2026-11-03T09:00:00.000Z',
    });
  });
});

describe('one status spelt two ways by the same portal', () => {
  it('logs no change when page and JSON alternate "Solved" and "solved"', async () => {
    const hours = [10, 11, 12, 13, 14, 15];
    for (const [i, h] of hours.entries()) {
      const label = i % 2 ? 'solved' : 'Solved';
      await ingestSnapshot(db, input([snap({ vendorStatus: label, state: 'resolved' })], `2026-11-04T${h}:00:00.000Z`));
    }
    const states = (await db.events.where('caseKey').equals('northwind.zendesk.com:100').toArray()).filter(
      (e) => e.type === 'state',
    );
    expect(states).toEqual([]);
    expect(await db.cases.get('northwind.zendesk.com:100')).toMatchObject({
      vendorStatus: 'Solved',
      state: 'resolved',
    });
    // A different word for the same state is still a change the vendor made.
    await ingestSnapshot(
      db,
      input(
        [snap({ vendorStatus: 'Closed by vendor', state: 'resolved', updatedAt: '2026-11-04T16:00:00.000Z' })],
        '2026-11-04T16:30:00.000Z',
      ),
    );
    expect(
      (await db.events.where('caseKey').equals('northwind.zendesk.com:100').toArray()).filter(
        (e) => e.type === 'state',
      ),
    ).toEqual([expect.objectContaining({ from: 'Solved', to: 'Closed by vendor' })]);
  });
});
