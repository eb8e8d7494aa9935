import { afterEach, describe, expect, it } from 'vitest';
import { CaseradarDB } from '@/lib/store/db';
import {
  DEFAULT_SORT,
  EMPTY_FILTER,
  indexMessageText,
  loadMessageText,
  loadViews,
  matchesFilter,
  parseViews,
  queryCases,
  saveViews,
  sortCases,
  upsertView,
  vendorOptions,
  type CaseFilter,
  type SavedView,
} from '@/lib/cases/dashboard-query';
import { makeCase, makeEvent, message } from '../../helpers/case-factory';

const zendesk = makeCase({
  provider: 'zendesk',
  caseId: '48213',
  title: 'Fiber link down at Site B',
  state: 'waiting-on-customer',
  url: 'https://northwind.zendesk.com/hc/requests/48213',
  vendorName: 'Northwind Fiber',
  vendorStatus: 'Awaiting your reply',
  severity: 'critical',
  updatedAt: '2026-11-16T10:00:00Z',
  lastObservedAt: '2026-11-18T12:00:00Z',
});
const azure = makeCase({
  caseId: '2610',
  title: 'VM scale set stuck',
  severity: 'low',
  updatedAt: '2026-11-02T10:00:00Z',
});
const aws = makeCase({
  provider: 'aws',
  caseId: '99',
  title: 'S3 throttling',
  state: 'closed',
  severity: null,
  updatedAt: '2026-11-10T10:00:00Z',
  lastObservedAt: '2026-11-11T12:00:00Z',
});
const isp = makeCase({
  provider: 'manual',
  caseId: '7',
  title: 'Line noise',
  vendorName: 'Acme ISP',
  state: null,
  severity: 'high',
});
const all = [zendesk, azure, aws, isp];
const f = (over: Partial<CaseFilter>): CaseFilter => ({ ...EMPTY_FILTER, ...over });
const keys = (list: { caseId: string }[]) => list.map((c) => c.caseId);

describe('search', () => {
  const messages = indexMessageText([
    message(azure.key, '2026-11-03T10:00:00Z', 'vendor', 'Please send the Orchestration LOGS'),
    makeEvent(azure.key, { type: 'state', from: 'Open', to: 'Updating' }),
  ]);

  it('matches id, title, vendor name and status, case-insensitively, every word', () => {
    expect(keys(all.filter((c) => matchesFilter(c, f({ query: '4821' }))))).toEqual(['48213']);
    expect(keys(all.filter((c) => matchesFilter(c, f({ query: 'fiber SITE' }))))).toEqual(['48213']);
    expect(keys(all.filter((c) => matchesFilter(c, f({ query: 'acme isp' }))))).toEqual(['7']);
    expect(keys(all.filter((c) => matchesFilter(c, f({ query: 'awaiting' }))))).toEqual(['48213']);
    expect(keys(all.filter((c) => matchesFilter(c, f({ query: 'fiber nothere' }))))).toEqual([]);
  });

  it('finds text said in messages only when the message index is given', () => {
    expect(keys(all.filter((c) => matchesFilter(c, f({ query: 'orchestration logs' }), messages)))).toEqual(['2610']);
    expect(keys(all.filter((c) => matchesFilter(c, f({ query: 'orchestration' }))))).toEqual([]);
    expect(keys(all.filter((c) => matchesFilter(c, f({ query: 'updating' }), messages)))).toEqual([]); // not a message
  });
});

describe('filters', () => {
  const pick = (over: Partial<CaseFilter>) => keys(all.filter((c) => matchesFilter(c, f(over))));
  it('by vendor portal: a console, or the vendor of manual cases', () => {
    expect(pick({ vendor: 'azure' })).toEqual(['2610']);
    expect(pick({ vendor: 'manual:acme isp' })).toEqual(['7']);
  });
  it('by state, "active" and unknown', () => {
    expect(pick({ state: 'closed' })).toEqual(['99']);
    expect(pick({ state: 'active' })).toEqual(['48213', '2610', '7']);
    expect(pick({ state: 'unknown' })).toEqual(['7']);
  });
  it('by severity, none included', () => {
    expect(pick({ severity: 'critical' })).toEqual(['48213']);
    expect(pick({ severity: 'none' })).toEqual(['99']);
  });
  it('by ball in court, combined with other filters', () => {
    expect(pick({ ball: 'you' })).toEqual(['48213']);
    expect(pick({ ball: 'vendor' })).toEqual(['2610']);
    expect(pick({ ball: 'vendor', severity: 'critical' })).toEqual([]);
  });
  it('lists the vendors present, by label', () => {
    expect(vendorOptions(all)).toEqual([
      ['manual:acme isp', 'Acme ISP'],
      ['aws', 'AWS'],
      ['azure', 'Azure'],
      ['northwind.zendesk.com', 'Northwind Fiber'],
    ]);
  });
});

describe('sort', () => {
  it('defaults to urgency: waiting on you, then longest vendor silence', () => {
    expect(keys(sortCases(all, DEFAULT_SORT))).toEqual(['48213', '2610', '7', '99']);
  });
  it('sorts by any column both ways', () => {
    expect(keys(sortCases(all, { key: 'caseId', dir: 'asc' }))).toEqual(['7', '99', '2610', '48213']); // numeric-aware
    expect(keys(sortCases(all, { key: 'caseId', dir: 'desc' }))).toEqual(['48213', '2610', '99', '7']);
    expect(keys(sortCases(all, { key: 'vendor', dir: 'asc' }))).toEqual(['7', '99', '2610', '48213']);
    expect(keys(sortCases(all, { key: 'severity', dir: 'asc' }))).toEqual(['48213', '7', '2610', '99']);
    expect(keys(sortCases(all, { key: 'title', dir: 'desc' }))).toEqual(['2610', '99', '7', '48213']);
    expect(keys(sortCases(all, { key: 'updated', dir: 'desc' }))).toEqual(['48213', '7', '99', '2610']);
    expect(keys(sortCases(all, { key: 'seen', dir: 'desc' }))[0]).toBe('48213');
    expect(keys(sortCases(all, { key: 'state', dir: 'asc' }))).toEqual(['2610', '48213', '99', '7']);
    expect(keys(sortCases(all, { key: 'ball', dir: 'asc' }))).toEqual(['48213', '2610', '7', '99']);
  });
  it('quiet ascending puts the longest silence first', () => {
    expect(keys(sortCases([zendesk, azure], { key: 'quiet', dir: 'asc' }))).toEqual(['2610', '48213']);
  });
  it('does not reorder its input', () => {
    const input = [aws, zendesk];
    sortCases(input, { key: 'caseId', dir: 'desc' });
    expect(keys(input)).toEqual(['99', '48213']);
  });
  it('filters then sorts in one call', () => {
    expect(keys(queryCases(all, f({ state: 'active' }), { key: 'caseId', dir: 'asc' }))).toEqual([
      '7',
      '2610',
      '48213',
    ]);
  });
});

describe('saved views', () => {
  const view = (name: string, over: Partial<CaseFilter> = {}): SavedView => ({
    name,
    filter: f(over),
    sort: { key: 'quiet', dir: 'asc' },
  });
  it('replaces a view of the same name and keeps the list sorted', () => {
    const views = upsertView(
      upsertView(upsertView([], view('Waiting on me', { ball: 'you' })), view('Azure', { vendor: 'azure' })),
      view('azure', { vendor: 'azure', severity: 'high' }),
    );
    expect(views.map((v) => v.name)).toEqual(['azure', 'Waiting on me']);
    expect(views[0]!.filter.severity).toBe('high');
  });
  it('refuses a view without a name', () => expect(() => upsertView([], view('  '))).toThrow(/Expected a view name/));
  it('drops stored entries it cannot read', () => {
    expect(parseViews([view('ok'), { name: 'bad', filter: {}, sort: {} }, 'x'])).toEqual([view('ok')]);
    expect(parseViews(undefined)).toEqual([]);
  });
  it('round-trips through the settings table under one key', async () => {
    const db = new CaseradarDB('views-test');
    await saveViews(db, [view('Critical', { severity: 'critical' })]);
    expect(await loadViews(db)).toEqual([view('Critical', { severity: 'critical' })]);
    expect((await db.settings.get('dashboard.views'))?.value).toHaveLength(1);
    await db.delete();
  });
});

describe('loadMessageText', () => {
  let db: CaseradarDB;
  afterEach(async () => db.delete());
  it('indexes only message events from the store', async () => {
    db = new CaseradarDB('message-text-test');
    await db.events.bulkAdd(
      [
        message('a:1', '2026-11-01T00:00:00Z', 'vendor', 'Reboot the ONT'),
        message('a:1', '2026-11-02T00:00:00Z', 'customer', 'Done, still DOWN'),
        makeEvent('b:2', { type: 'title', to: 'Reboot loop' }),
      ].map(({ id: _id, ...e }) => e),
    );
    const index = await loadMessageText(db);
    expect([...index]).toEqual([['a:1', 'reboot the ont\ndone, still down']]);
  });
});
