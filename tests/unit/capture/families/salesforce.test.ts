import { describe, expect, it } from 'vitest';
import { salesforce } from '@/lib/capture/families/salesforce/adapter';
import { SALESFORCE } from '@/lib/capture/families/salesforce/family';
import type { ParseFailure } from '@/lib/capture/types';
import { loadFixtureDoc, loadFixtureJson } from '../../../helpers/fixtures';
import { parseHtml } from '../../../../scripts/parse-html';

const SITE = 'https://northwind.my.site.com/support';
const QUERY = `${SITE}/services/data/v59.0/query?q=SELECT+Id%2CCaseNumber%2CSubject%2CStatus%2CPriority%2CIsClosed+FROM+Case+ORDER+BY+LastModifiedDate+DESC`;
const NEXT = `${SITE}/services/data/v59.0/query/01gHp00000BdtZ7IAJ-6`;
const readApi = (file: string, url = QUERY) =>
  salesforce.api!.extract(loadFixtureJson(`salesforce/${file}`), new URL(url));
const caseRecord = (fields: Record<string, unknown>) => ({
  attributes: { type: 'Case', url: '/services/data/v59.0/sobjects/Case/500Hp00001XyZaBIAV' },
  Id: '500Hp00001XyZaBIAV',
  CaseNumber: '00001026',
  ...fields,
});
const readOne = (fields: Record<string, unknown>, url = QUERY) =>
  salesforce.api!.extract({ totalSize: 1, done: true, records: [caseRecord(fields)] }, new URL(url)).cases[0]!;

/** Matches the ProviderParseError this adapter throws, by failure kind and message. */
const parseError = (failure: ParseFailure, message = /./) =>
  expect.objectContaining({
    name: 'ProviderParseError',
    provider: 'salesforce',
    failure,
    message: expect.stringMatching(message),
  });

describe('salesforce REST query', () => {
  it('a background refresh asks for every field the adapter reads, the owner too', () => {
    const soql = new URL(`${SITE}${SALESFORCE.refreshPath}`).searchParams.get('q')!;
    const refreshed = readOne(
      { Status: 'Working', Owner: { Name: 'Tier 2 Support' } },
      `${SITE}${SALESFORCE.refreshPath}`,
    );
    expect(refreshed.owner).toBe('Tier 2 Support');
    for (const field of [
      'CaseNumber',
      'Subject',
      'Status',
      'Priority',
      'IsClosed',
      'CreatedDate',
      'LastModifiedDate',
      'Owner.Name',
    ])
      expect(soql.split(/[ ,]+/)).toContain(field);
  });
  it('reads the first page: Case records only, other records and missing numbers as problems', () => {
    const { kind, cases, problems } = readApi('query-page1.json');
    expect(kind).toBe('list');
    expect(
      cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.severity, c.vendorSeverity, c.owner ?? null]),
    ).toEqual([
      ['00001026', 'waiting-on-customer', 'Waiting on Customer', 'high', 'High', 'Riley Agent'],
      ['00001025', 'open', 'Working', 'normal', 'Medium', 'Tier 2 Support'],
      ['00001019', 'open', 'Escalated', 'critical', 'Critical', null],
      // Unknown label on an open case (IsClosed false): open, label kept.
      ['00001011', 'open', 'Pending Carrier', 'low', 'Low', null],
    ]);
    expect(problems).toEqual([
      { where: 'records[4]', reason: 'Expected a Case record, got "CaseComment"' },
      { where: 'records[5]', reason: 'Expected a CaseNumber, found none' },
    ]);
  });

  it('converts +0000 dates to UTC ISO and links under the site prefix the query was served from', () => {
    const { cases } = readApi('query-page1.json');
    expect(cases[0]).toEqual({
      provider: 'salesforce',
      caseId: '00001026',
      title: 'Fiber link down at "Site B" & VPN flapping',
      vendorStatus: 'Waiting on Customer',
      state: 'waiting-on-customer',
      severity: 'high',
      vendorSeverity: 'High',
      createdAt: '2026-11-18T07:15:30.000Z',
      updatedAt: '2026-11-19T16:02:11.000Z',
      url: 'https://northwind.my.site.com/support/s/case/500Hp00001XyZaBIAV',
      vendorRef: '500Hp00001XyZaBIAV',
      owner: 'Riley Agent',
    });
    // JSON strings are raw text: never HTML-decoded.
    expect(cases[1]!.title).toBe('&lt;not decoded&gt; & <b>kept</b> as typed');
  });

  it('reads the last page (nextRecordsUrl) with IsClosed deciding unknown labels', () => {
    const { cases, problems } = readApi('query-done.json', NEXT);
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.severity])).toEqual([
      ['00001008', 'closed', 'Closed', 'low'],
      ['00000998', 'closed', 'Solved - Confirmed', 'normal'],
      ['00000990', null, 'Customer Feedback', null],
      ['00000987', 'resolved', 'Resolved', 'critical'],
      ['00000981', 'new', 'New', 'normal'],
      ['00000975', 'on-hold', 'On Hold', 'low'],
      ['00000970', 'waiting-on-customer', 'Awaiting Customer Response', 'high'],
      ['00000966', 'open', 'In Progress', 'normal'],
    ]);
    expect(cases[0]!.url).toBe('https://northwind.my.site.com/support/s/case/500Hp00001XyZaGIAV');
    expect(cases[3]!.updatedAt).toBe('2026-09-22T17:45:10.000Z');
    expect(cases[6]!.title).toBe('Case 00000970');
    expect(cases[2]!.vendorSeverity).toBeNull();
  });

  it.each([
    ['New', undefined, 'new'],
    ['Working', undefined, 'open'],
    ['Escalated', undefined, 'open'],
    ['In Process', undefined, 'open'],
    ['in progress', undefined, 'open'],
    ['On Hold', undefined, 'on-hold'],
    ['Waiting on Customer', undefined, 'waiting-on-customer'],
    ['Awaiting Customer Response', undefined, 'waiting-on-customer'],
    ['Resolved', true, 'resolved'],
    ['Closed', true, 'closed'],
    ['Closed', undefined, 'closed'],
    ['Waiting for Parts', false, 'open'],
    ['Archived', true, 'closed'],
    ['Archived', undefined, null],
    [null, false, 'open'],
  ])('Status %j with IsClosed %j → %s', (Status, IsClosed, state) => {
    const fields: Record<string, unknown> = { Status };
    if (IsClosed !== undefined) fields.IsClosed = IsClosed;
    expect(readOne(fields)).toMatchObject({ state, vendorStatus: Status });
  });

  it.each([
    ['High', 'high'],
    ['Medium', 'normal'],
    ['Low', 'low'],
    ['Critical', 'critical'],
    ['Urgent', 'critical'],
    ['P3', null],
    [null, null],
  ])('Priority %j → %s', (Priority, severity) =>
    expect(readOne({ Status: 'New', Priority })).toMatchObject({ severity, vendorSeverity: Priority }),
  );

  it('reads offsets other than +0000 as instants and rejects zone-less dates', () => {
    expect(
      readOne({ CreatedDate: '2024-01-15T10:20:30.000+0100', LastModifiedDate: '2024-01-15T10:20:30.000Z' }),
    ).toMatchObject({
      createdAt: '2024-01-15T09:20:30.000Z',
      updatedAt: '2024-01-15T10:20:30.000Z',
    });
    expect(readOne({ LastModifiedDate: '2024-01-15 10:20:30' }).updatedAt).toBeNull();
  });

  it.each([
    [
      'https://northwind.my.site.com/services/data/v59.0/query?q=x',
      'https://northwind.my.site.com/s/case/500Hp00001XyZaBIAV',
    ],
    [
      'https://support.example-isp.com/services/data/v60.0/query/?q=x',
      'https://support.example-isp.com/s/case/500Hp00001XyZaBIAV',
    ],
    [
      'https://northwind.force.com/customers/services/data/v58.0/query?q=x',
      'https://northwind.force.com/customers/s/case/500Hp00001XyZaBIAV',
    ],
  ])('links a case read at %s to %s', (url, link) => expect(readOne({ Status: 'New' }, url).url).toBe(link));

  it('reports records without a Case Id instead of dropping them', () => {
    const body = {
      totalSize: 3,
      done: true,
      records: [caseRecord({ Id: '001Hp00003FgHiJIAV' }), caseRecord({ Id: null }), 'x'],
    };
    expect(salesforce.api!.extract(body, new URL(QUERY)).problems).toEqual([
      { where: 'records[0]', reason: 'Expected a Case Id (500…), got "001Hp00003FgHiJIAV"', caseId: '00001026' },
      { where: 'records[1]', reason: 'Expected a Case Id (500…), got null', caseId: '00001026' },
      { where: 'records[2]', reason: 'Expected a record object, got string' },
    ]);
  });

  it('accepts an empty result and rejects unknown shapes', () => {
    expect(readApi('empty.json')).toEqual({ kind: 'list', cases: [], problems: [] });
    expect(salesforce.api!.detect(loadFixtureJson('salesforce/unknown.json'), new URL(QUERY))).toBeNull();
    for (const body of [
      loadFixtureJson('salesforce/unknown.json'),
      null,
      [],
      { records: 'none', done: true },
      { records: [] },
    ]) {
      expect(() => salesforce.api!.extract(body, new URL(QUERY))).toThrow(
        parseError('unknown-shape', /Expected a query result \{totalSize, done, records: \[\.\.\.\]\}/),
      );
    }
  });

  it('reports INVALID_SESSION_ID as signed out, other REST errors as an unknown shape', () => {
    expect(() => readApi('error-invalid-session.json')).toThrow(parseError('signed-out', /INVALID_SESSION_ID/));
    expect(() =>
      salesforce.api!.extract([{ message: 'No such column', errorCode: 'INVALID_FIELD' }], new URL(QUERY)),
    ).toThrow(parseError('unknown-shape', /got an error list/));
  });

  it('captures REST query URLs and their next pages only', () => {
    const wanted = (u: string) => salesforce.api!.urlPatterns.some((p) => p.test(u));
    expect(wanted(QUERY)).toBe(true);
    expect(wanted(NEXT)).toBe(true);
    expect(wanted('https://support.example-isp.com/services/data/v60.0/query/?q=SELECT+Id+FROM+Case')).toBe(true);
    expect(wanted('https://northwind.my.site.com/services/data/v59.0/queryAll?q=SELECT+Id+FROM+Case')).toBe(true);
    expect(wanted(`${SITE}/services/data/v59.0/sobjects/Case/500Hp00001XyZaBIAV`)).toBe(false);
    expect(wanted(`${SITE}/s/sfsites/aura?r=3&aura.ApexAction.execute=1`)).toBe(false);
    expect(wanted(`${SITE}/services/data/v59.0/ui-api/records/500Hp00001XyZaBIAV`)).toBe(false);
    expect(wanted(`${SITE}/services/data/v59.0/query`)).toBe(false);
  });
});

describe('salesforce site pages', () => {
  const detect = (file: string, url: string) =>
    salesforce.page!.detect(loadFixtureDoc(`salesforce/${file}`, url), new URL(url));

  it.each([
    [`${SITE}/s/case/Case/Default`, 'list'],
    ['https://northwind.my.site.com/s/case/Case/Default', 'list'],
    [`${SITE}/s/case/Case/00BHp00000AbCdEMAV`, 'list'],
    [`${SITE}/s/case/500Hp00001XyZaBIAV/00001026`, 'detail'],
    [`${SITE}/s/case/500Hp00001XyZaB`, 'detail'],
    ['https://help.example-isp.com/s/case/500Hp00001XyZaBIAV/detail', 'detail'],
    ['https://northwind.force.com/customers/s/case/500Hp00001XyZaBIAV/fiber-link-down', 'detail'],
    [`${SITE}/s/case/001Hp00003FgHiJIAV/account`, null],
    [`${SITE}/s/article/How-to-reset-a-router`, null],
    [`${SITE}/s/`, null],
    ['https://northwind.my.site.com/a/b/s/case/Case/Default', null],
    [`${SITE}/s/login/ForgotPassword`, null],
  ])('%s → %s', (url, kind) => expect(detect('site-case-list.html', url)).toBe(kind));

  it('needs the Experience Cloud signature, not only the route (custom hosts run other software too)', () => {
    const url = 'https://help.example-isp.com/s/case/Case/Default';
    const plain = parseHtml('<!DOCTYPE html><html><body><main>Cases</main></body></html>', url);
    expect(salesforce.page!.detect(plain, new URL(url))).toBeNull();
    expect(() => salesforce.page!.extract(plain, new URL(url))).toThrow(parseError('layout-changed'));
  });

  it('defers list and detail pages to the query JSON', () => {
    const list = `${SITE}/s/case/Case/Default`;
    expect(salesforce.page!.extract(loadFixtureDoc('salesforce/site-case-list.html', list), new URL(list))).toEqual({
      kind: 'list',
      cases: [],
      problems: [],
      deferredToApi: true,
    });
    const detail = `${SITE}/s/case/500Hp00001XyZaBIAV/00001026`;
    expect(
      salesforce.page!.extract(loadFixtureDoc('salesforce/site-case-detail.html', detail), new URL(detail)),
    ).toEqual({
      kind: 'detail',
      cases: [],
      problems: [],
      deferredToApi: true,
    });
  });

  it.each([`${SITE}/s/login/?startURL=%2Fsupport%2Fs%2Fcase%2FCase%2FDefault`, 'https://help.example-isp.com/s/login'])(
    'reports the site login page %s as signed out',
    (url) => {
      const doc = loadFixtureDoc('salesforce/site-login.html', url);
      expect(salesforce.page!.detect(doc, new URL(url))).toBe('list');
      expect(() => salesforce.page!.extract(doc, new URL(url))).toThrow(parseError('signed-out', /site login page/));
    },
  );
});
