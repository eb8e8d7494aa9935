import { describe, expect, it } from 'vitest';
import { servicenow } from '@/lib/capture/families/servicenow/adapter';
import { matchPatternToRegExp } from '@/lib/capture/families';
import type { ParseFailure } from '@/lib/capture/types';
import { loadFixtureDoc, loadFixtureJson } from '../../../helpers/fixtures';
import { parseHtml } from '../../../../scripts/parse-html';

// A vendor's own domain in front of its instance (custom hosts are common for CSM).
const CASES = 'https://help.example-isp.com/api/now/table/sn_customerservice_case';
const INCIDENTS = 'https://northwind.service-now.com/api/now/table/incident';
const readApi = (file: string, url: string) =>
  servicenow.api!.extract(loadFixtureJson(`servicenow/${file}`), new URL(url));
const readBody = (body: unknown, url = CASES) => servicenow.api!.extract(body, new URL(url));
const caseLink = (sysId: string) =>
  `https://help.example-isp.com/csm?id=csm_ticket&table=sn_customerservice_case&sys_id=${sysId}`;

/** Matches the ProviderParseError this adapter throws, by failure kind and message. */
const parseError = (failure: ParseFailure, message = /./) =>
  expect.objectContaining({
    name: 'ProviderParseError',
    provider: 'servicenow',
    failure,
    message: expect.stringMatching(message),
  });

const MALFORMED_CASE = { where: 'result[3]', reason: 'Expected a number (CS…, INC…), found none' };
const CS0001234 = {
  provider: 'servicenow',
  caseId: 'CS0001234',
  title: 'Fiber link down at "Site B" & VPN flapping',
  vendorStatus: 'Awaiting Info',
  state: 'waiting-on-customer',
  severity: 'critical',
  vendorSeverity: '1 - Critical',
  createdAt: '2026-11-18T07:15:30.000Z',
  updatedAt: '2026-11-19T16:02:11.000Z',
  url: caseLink('0f3c5a9e1b7d4c2a9e6f8b1d3c5a7e90'),
  vendorRef: '0f3c5a9e1b7d4c2a9e6f8b1d3c5a7e90',
};

describe('servicenow Table API: cases', () => {
  it('reads display_value=false: codes mapped, our labels kept, dates read as UTC', () => {
    const { kind, cases, problems } = readApi(
      'case-list-false.json',
      `${CASES}?sysparm_display_value=false&sysparm_limit=20`,
    );
    expect(kind).toBe('list');
    expect(problems).toEqual([MALFORMED_CASE]);
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.severity, c.vendorSeverity])).toEqual([
      ['CS0001234', 'waiting-on-customer', 'Awaiting Info', 'critical', '1 - Critical'],
      ['CS0001230', 'open', 'Open', 'normal', '3 - Moderate'],
      ['CS0001201', 'resolved', 'Resolved', 'low', '4 - Low'],
      ['CS0001187', 'closed', 'Closed', 'low', '5 - Planning'],
      ['CS0001150', null, '20', 'high', '2 - High'],
      ['CS0001149', 'closed', 'Cancelled', 'low', '4 - Low'],
      ['CS0001262', 'new', 'New', 'normal', '3 - Moderate'],
    ]);
    expect(cases[0]).toEqual(CS0001234);
  });

  it('keeps JSON strings raw and never lets a reference or its API link into the snapshot', () => {
    const { cases } = readApi('case-list-false.json', CASES);
    expect(cases[1]!.title).toBe('&lt;not decoded&gt; & <b>kept</b> as typed');
    // display_value=false references are {link, value}: a sys_id is not a name, so no owner.
    expect(cases.every((c) => c.owner === undefined)).toBe(true);
    expect(JSON.stringify(cases)).not.toContain('/api/now/');
  });

  it('reads display_value=true: labels mapped, owner named, viewer-zone dates left null', () => {
    const { cases, problems } = readApi('case-list-true.json', `${CASES}?sysparm_display_value=true`);
    expect(problems).toEqual([MALFORMED_CASE]);
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.severity, c.owner ?? null])).toEqual([
      ['CS0001234', 'waiting-on-customer', 'Awaiting Info', 'critical', 'Riley Agent'],
      ['CS0001230', 'open', 'Open', 'normal', null],
      ['CS0001201', 'resolved', 'Resolved', 'low', 'Sam Support'],
      ['CS0001187', 'closed', 'Closed', 'low', 'Sam Support'],
      ['CS0001150', null, 'Pending Change', 'high', 'Riley Agent'],
      ['CS0001149', 'closed', 'Cancelled', 'low', null],
      ['CS0001262', 'new', 'New', 'normal', null],
    ]);
    // "2026-11-19 17:02:11" is Berlin wall-clock time in the viewer's format: it looks like a UTC value but is not.
    expect(cases.map((c) => [c.createdAt, c.updatedAt])).toEqual(cases.map(() => [null, null]));
    expect(cases[0]!.url).toBe(caseLink('0f3c5a9e1b7d4c2a9e6f8b1d3c5a7e90'));
    expect(JSON.stringify(cases)).not.toContain('/api/now/');
  });

  it('tells display_value=true from the body even when the URL does not say so', () => {
    for (const url of [CASES, `${CASES}?sysparm_display_value=false`]) {
      const { cases } = readApi('case-list-true.json', url);
      expect(cases[0]).toMatchObject({
        state: 'waiting-on-customer',
        createdAt: null,
        updatedAt: null,
        owner: 'Riley Agent',
      });
    }
  });

  it('reads display_value=all: codes and UTC dates from value, labels and owner from display_value', () => {
    const { cases, problems } = readApi('case-list-all.json', `${CASES}?sysparm_display_value=all`);
    expect(problems).toEqual([MALFORMED_CASE]);
    const fromFalse = readApi('case-list-false.json', CASES).cases;
    expect(cases.map((c) => [c.caseId, c.state, c.severity, c.createdAt, c.updatedAt, c.url])).toEqual(
      fromFalse.map((c) => [c.caseId, c.state, c.severity, c.createdAt, c.updatedAt, c.url]),
    );
    expect(cases.map((c) => c.vendorStatus)).toEqual([
      'Awaiting Info',
      'Open',
      'Resolved',
      'Closed',
      'Pending Change',
      'Cancelled',
      'New',
    ]);
    expect(cases[0]).toMatchObject({
      owner: 'Riley Agent',
      createdAt: '2026-11-18T07:15:30.000Z',
      updatedAt: '2026-11-19T16:02:11.000Z',
    });
    // Before the switch to CET: the display value is +2 h, the value stays UTC.
    expect(cases[2]).toMatchObject({
      caseId: 'CS0001201',
      createdAt: '2026-10-30T12:00:00.000Z',
      updatedAt: '2026-11-02T10:45:00.000Z',
    });
    expect(JSON.stringify(cases)).not.toContain('/api/now/');
  });

  it('reads a single record {result: {...}} from the versioned API as a detail', () => {
    const sysId = '0f3c5a9e1b7d4c2a9e6f8b1d3c5a7e90';
    const url = `https://help.example-isp.com/api/now/v2/table/sn_customerservice_case/${sysId}?sysparm_display_value=all`;
    const { kind, cases, problems } = readApi('case-single-all.json', url);
    expect(kind).toBe('detail');
    expect(problems).toEqual([]);
    // The same case as in the display_value=false list, now with its owner's name.
    expect(cases).toEqual([{ ...CS0001234, owner: 'Riley Agent' }]);
  });
});

describe('servicenow CSM Case API (/api/sn_customerservice/case)', () => {
  // The fixtures are ServiceNow's own published examples (tests/fixtures/servicenow/SOURCES.md).
  const CASE_API = 'https://acme.service-now.com/api/sn_customerservice/case';
  const csmLink = (sysId: string) =>
    `https://acme.service-now.com/csm?id=csm_ticket&table=sn_customerservice_case&sys_id=${sysId}`;
  const CS0000871 = {
    provider: 'servicenow',
    caseId: 'CS0000871',
    title: 'Acme Analytics performance degradation',
    vendorStatus: 'Open',
    state: 'open',
    severity: 'critical',
    vendorSeverity: '1 - Critical',
    createdAt: '2018-06-18T00:14:39.000Z',
    updatedAt: '2018-06-18T00:14:43.000Z',
    url: csmLink('ba325dbe64f01300964fae39b050e9a6'),
    vendorRef: 'ba325dbe64f01300964fae39b050e9a6',
  };
  const listBody = () => loadFixtureJson('servicenow/csm-case-api-list.json') as { result: Record<string, unknown>[] };
  const singleBody = () =>
    loadFixtureJson('servicenow/csm-case-api-single.json') as { result: Record<string, unknown> };

  it('reads the documented list: raw codes and UTC dates, account and contact as expanded records', () => {
    const { kind, cases, problems } = readApi(
      'csm-case-api-list.json',
      `${CASE_API}?sysparm_query=account=86837a386f0331003b3c498f5d3ee4ca&sysparm_limit=2&sysparm_offset=2`,
    );
    expect(kind).toBe('list');
    expect(problems).toEqual([]);
    expect(cases).toEqual([
      {
        provider: 'servicenow',
        caseId: 'CS0000009',
        title: 'Advanced and large routers making noise',
        vendorStatus: 'Awaiting Info',
        state: 'waiting-on-customer',
        severity: 'normal',
        vendorSeverity: '3 - Moderate',
        createdAt: '2016-09-19T16:49:18.000Z',
        updatedAt: '2017-06-17T16:37:13.000Z',
        url: csmLink('dccc6024d7700200e5982cf65e6103e5'),
        vendorRef: 'dccc6024d7700200e5982cf65e6103e5',
      },
      {
        provider: 'servicenow',
        caseId: 'CS0000005',
        title: 'Urgent issue, need help ...',
        vendorStatus: 'Resolved',
        state: 'resolved',
        severity: 'critical',
        vendorSeverity: '1 - Critical',
        createdAt: '2019-01-02T20:00:00.000Z',
        updatedAt: '2019-01-15T23:28:00.000Z',
        url: csmLink('cf866683c3033100b12d9f2974d3ae1f'),
        vendorRef: 'cf866683c3033100b12d9f2974d3ae1f',
      },
    ]);
    // Nothing of the expanded account or contact (their own numbers, dates, names) reaches a case.
    expect(JSON.stringify(cases)).not.toMatch(/ACCT0000001|Boxeo|Contact One|2019-01-03/);
  });

  it.each([
    `${CASE_API}/ba325dbe64f01300964fae39b050e9a6`,
    // The id may be the case number, and the URL may name a version.
    'https://acme.service-now.com/api/sn_customerservice/v1/case/CS0000871?sysparm_display_value=false',
  ])('reads the documented single case at %s as a detail', (url) => {
    const { kind, cases, problems } = readApi('csm-case-api-single.json', url);
    expect(kind).toBe('detail');
    expect(problems).toEqual([]);
    expect(cases).toEqual([CS0000871]);
  });

  it('takes the title from short_description, never from the "case" display field', () => {
    const record = singleBody().result;
    // As published: "<short description>" + U+200B + "<number>".
    expect(record.case).toBe('Acme Analytics performance degradation\u200bCS0000871');
    expect(readBody({ result: { ...record, case: 'Something else entirely' } }, CASE_API).cases[0]!.title).toBe(
      CS0000871.title,
    );
    // No short description: the number stands in, not the display field.
    const { short_description: _, ...untitled } = record;
    expect(readBody({ result: untitled }, CASE_API).cases[0]!.title).toBe('CS0000871');
  });

  it.each([
    // The Case API default (display_value=false): a sys_id says who, not the name.
    ['a plain sys_id string', 'da419c1fc312310015519f2974d3ae15', undefined],
    [
      'a {link, value} reference',
      {
        link: 'https://acme.service-now.com/api/now/table/sys_user/da419c1fc312310015519f2974d3ae15',
        value: 'da419c1fc312310015519f2974d3ae15',
      },
      undefined,
    ],
    [
      'a {display_value, value, link} pair',
      {
        display_value: 'Riley Agent',
        value: 'da419c1fc312310015519f2974d3ae15',
        link: 'https://acme.service-now.com/api/now/table/sys_user/da419c1fc312310015519f2974d3ae15',
      },
      'Riley Agent',
    ],
    [
      'an expanded record',
      {
        sys_id: 'da419c1fc312310015519f2974d3ae15',
        name: 'Riley Agent',
        user_name: 'riley.agent',
        sys_updated_on: '2019-01-03 05:49:34',
      },
      'Riley Agent',
    ],
  ])('reads assigned_to given as %s', (_shape, assignedTo, owner) => {
    const { cases } = readBody(
      { result: { ...singleBody().result, assigned_to: assignedTo } },
      `${CASE_API}/ba325dbe64f01300964fae39b050e9a6`,
    );
    expect(cases[0]!.owner).toBe(owner);
    // Whatever the shape, the case's codes and UTC dates are still read as stored values.
    expect(cases[0]).toMatchObject({ state: 'open', createdAt: CS0000871.createdAt, updatedAt: CS0000871.updatedAt });
    expect(JSON.stringify(cases)).not.toContain('/api/now/');
  });

  it('reports a record with no number as a problem and reads the rest', () => {
    const body = listBody();
    delete body.result[1]!.number;
    const { cases, problems } = readBody(body, CASE_API);
    expect(cases.map((c) => c.caseId)).toEqual(['CS0000009']);
    expect(problems).toEqual([{ where: 'result[1]', reason: 'Expected a number (CS…, INC…), found none' }]);
    const single = singleBody();
    delete single.result.number;
    expect(readBody(single, `${CASE_API}/ba325dbe64f01300964fae39b050e9a6`)).toEqual({
      kind: 'detail',
      cases: [],
      problems: [{ where: 'result', reason: 'Expected a number (CS…, INC…), found none' }],
    });
  });

  it('links every Case API record into the CSM portal, whatever prefix the instance gives its numbers', () => {
    const { cases } = readBody({ result: { ...singleBody().result, number: 'INC0000871' } }, CASE_API);
    expect(cases[0]).toMatchObject({ caseId: 'INC0000871', state: 'open', url: CS0000871.url });
  });

  it('reads no case from the {sys_id, number} a POST or PUT answers (it would blank the title)', () => {
    const written = { result: { sys_id: '0397c743db436f0057c3fd441d96197f', number: 'CS0001005' } };
    expect(readBody(written, CASE_API)).toEqual({ kind: 'detail', cases: [], problems: [] });
    expect(readBody(written, `${CASE_API}/0397c743db436f0057c3fd441d96197f`)).toEqual({
      kind: 'detail',
      cases: [],
      problems: [],
    });
  });

  it('captures the Case API list and single case on any host, not its other endpoints', () => {
    const wanted = (u: string) => servicenow.api!.urlPatterns.some((p) => p.test(u));
    expect(wanted(CASE_API)).toBe(true);
    expect(wanted(`${CASE_API}?sysparm_query=active%3Dtrue&sysparm_limit=20`)).toBe(true);
    expect(wanted('https://help.example-isp.com/api/sn_customerservice/v1/case/ba325dbe64f01300964fae39b050e9a6')).toBe(
      true,
    );
    expect(wanted(`${CASE_API}/CS0000871`)).toBe(true);
    expect(wanted(`${CASE_API}/ba325dbe64f01300964fae39b050e9a6/activities`)).toBe(false);
    expect(wanted(`${CASE_API}/field_values/contact`)).toBe(false);
    expect(wanted(`${CASE_API}/ba325dbe64f01300964fae39b050e9a6/field_values/contact`)).toBe(false);
    expect(wanted('https://acme.service-now.com/api/sn_customerservice/account')).toBe(false);
    expect(wanted('https://acme.service-now.com/api/sn_customerservice/casex')).toBe(false);
  });
});

describe('servicenow Table API: incidents', () => {
  it('maps incident states, with On Hold / Awaiting Caller as waiting on us, and links into /sp', () => {
    const { kind, cases, problems } = readApi(
      'incident-list-false.json',
      `${INCIDENTS}?sysparm_query=active%3Dtrue&sysparm_limit=50`,
    );
    expect(kind).toBe('list');
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.severity])).toEqual([
      ['INC0012345', 'waiting-on-customer', 'On Hold', 'high'],
      ['INC0012340', 'on-hold', 'On Hold', 'normal'],
      ['INC0012331', 'open', 'In Progress', 'critical'],
      ['INC0012320', 'new', 'New', 'low'],
      ['INC0012310', 'resolved', 'Resolved', 'normal'],
      ['INC0012300', 'closed', 'Closed', 'low'],
      ['INC0012290', 'closed', 'Canceled', 'low'],
    ]);
    expect(problems).toEqual([
      { where: 'result[4]', reason: 'Expected a 32-hex sys_id, got "not-a-sys-id"', caseId: 'INC0012315' },
    ]);
    expect(cases[0]).toMatchObject({
      title: 'VPN concentrator drops tunnels every 30 min',
      createdAt: '2026-11-17T21:05:00.000Z',
      updatedAt: '2026-11-19T09:12:44.000Z',
      url: 'https://northwind.service-now.com/sp?id=ticket&table=incident&sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f90',
      vendorRef: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    });
  });

  const sysId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  it.each([
    ['false', { state: '3', hold_reason: '1' }, 'waiting-on-customer', 'On Hold'],
    ['false', { state: '3', hold_reason: '5' }, 'on-hold', 'On Hold'],
    ['false', { state: '3', hold_reason: '' }, 'on-hold', 'On Hold'],
    ['true', { state: 'On Hold', hold_reason: 'Awaiting Caller' }, 'waiting-on-customer', 'On Hold'],
    ['true', { state: 'On Hold', hold_reason: 'Awaiting Vendor' }, 'on-hold', 'On Hold'],
    [
      'all',
      {
        state: { display_value: 'On Hold', value: '3' },
        hold_reason: { display_value: 'Awaiting Caller', value: '1' },
      },
      'waiting-on-customer',
      'On Hold',
    ],
    // Relabelled or translated: the code still decides, the viewer's label is kept.
    [
      'all',
      {
        state: { display_value: 'Angehalten', value: '3' },
        hold_reason: { display_value: 'Warten auf Anrufer', value: '1' },
      },
      'waiting-on-customer',
      'Angehalten',
    ],
    ['true', { state: 'Angehalten', hold_reason: 'Warten auf Anrufer' }, null, 'Angehalten'],
  ])('display_value=%s %j → %s', (mode, fields, state, vendorStatus) => {
    const body = { result: [{ number: 'INC0012345', sys_id: sysId, ...fields }] };
    const { cases } = readBody(body, `${INCIDENTS}?sysparm_display_value=${mode}`);
    expect(cases[0]).toMatchObject({ caseId: 'INC0012345', state, vendorStatus });
  });
});

describe('servicenow mapping tables', () => {
  const sysId = '0f3c5a9e1b7d4c2a9e6f8b1d3c5a7e90';
  const one = (fields: Record<string, unknown>, url = CASES) =>
    readBody({ result: [{ number: 'CS0009999', sys_id: sysId, ...fields }] }, url).cases[0]!;

  it.each([
    ['1', 'new', 'New'],
    ['10', 'open', 'Open'],
    ['18', 'waiting-on-customer', 'Awaiting Info'],
    ['6', 'resolved', 'Resolved'],
    ['3', 'closed', 'Closed'],
    ['7', 'closed', 'Cancelled'],
    ['2', null, '2'],
    ['99', null, '99'],
  ])('case state %s → %s', (code, state, vendorStatus) =>
    expect(one({ state: code })).toMatchObject({ state, vendorStatus }),
  );

  it.each([
    ['1', 'new', 'New'],
    ['2', 'open', 'In Progress'],
    ['3', 'on-hold', 'On Hold'],
    ['6', 'resolved', 'Resolved'],
    ['7', 'closed', 'Closed'],
    ['8', 'closed', 'Canceled'],
    ['10', null, '10'],
  ])('incident state %s → %s', (code, state, vendorStatus) =>
    expect(one({ state: code }, INCIDENTS)).toMatchObject({ state, vendorStatus }),
  );

  it.each([
    ['1', 'critical', '1 - Critical'],
    ['2', 'high', '2 - High'],
    ['3', 'normal', '3 - Moderate'],
    ['4', 'low', '4 - Low'],
    ['5', 'low', '5 - Planning'],
    ['', null, null],
    ['0', null, '0'],
  ])('priority %j → %s', (code, severity, vendorSeverity) =>
    expect(one({ state: '10', priority: code })).toMatchObject({ severity, vendorSeverity }),
  );

  it('reads labels of display_value=true, including translated priority labels by their number', () => {
    expect(one({ state: 'Awaiting Info', priority: '2 - Hoch' })).toMatchObject({
      state: 'waiting-on-customer',
      severity: 'high',
      vendorSeverity: '2 - Hoch',
    });
    expect(one({ state: 'Offen', priority: '3 - Moderate' })).toMatchObject({
      state: null,
      vendorStatus: 'Offen',
      severity: 'normal',
    });
  });

  it('reads dates as UTC only when the body or URL says they are raw values', () => {
    const fields = { short_description: 'x', sys_updated_on: '2026-11-19 17:02:11' }; // no choice field to tell by
    expect(one(fields).updatedAt).toBe('2026-11-19T17:02:11.000Z');
    expect(one(fields, `${CASES}?sysparm_display_value=false`).updatedAt).toBe('2026-11-19T17:02:11.000Z');
    expect(one(fields, `${CASES}?sysparm_fields=number,sys_id&sysparm_display_value=true`).updatedAt).toBeNull();
    // A reference shaped {display_value, link} proves display_value=true whatever the URL says.
    expect(
      one({ ...fields, assigned_to: { display_value: 'Riley Agent', link: 'https://x/api/now/table/sys_user/1' } })
        .updatedAt,
    ).toBeNull();
    // Viewer formats that are not machine dates are never parsed.
    expect(one({ state: 'Open', sys_updated_on: '19.11.2026 17:02:11' }).updatedAt).toBeNull();
  });

  it('falls back to the number as the title and on the number prefix when the URL has no table', () => {
    const body = { result: [{ number: 'INC0000001', sys_id: sysId, state: '2' }] };
    const { cases } = readBody(body, 'https://x.service-now.com/api/now/table/other');
    expect(cases[0]).toMatchObject({
      title: 'INC0000001',
      state: 'open',
      url: `https://x.service-now.com/sp?id=ticket&table=incident&sys_id=${sysId}`,
    });
  });
});

describe('servicenow Table API shapes', () => {
  it('accepts an empty list', () => {
    expect(readApi('empty.json', CASES)).toEqual({ kind: 'list', cases: [], problems: [] });
    expect(servicenow.api!.detect({ result: [] }, new URL(CASES))).toBe('list');
  });

  it('reports items that are not records instead of dropping them', () => {
    const { problems } = readBody({ result: [null, 'CS0001234', []] });
    expect(problems).toEqual([
      { where: 'result[0]', reason: 'Expected a record object, got object' },
      { where: 'result[1]', reason: 'Expected a record object, got string' },
      { where: 'result[2]', reason: 'Expected a record object, got an array' },
    ]);
  });

  it('throws unknown-shape on other bodies', () => {
    const url = new URL(CASES);
    expect(servicenow.api!.detect(loadFixtureJson('servicenow/unknown.json'), url)).toBeNull();
    for (const body of [
      loadFixtureJson('servicenow/unknown.json'),
      null,
      [],
      'result',
      { records: [] },
      { result: 'x' },
    ]) {
      expect(() => servicenow.api!.extract(body, url)).toThrow(
        parseError('unknown-shape', /Expected \{result: \[\.\.\.\]\} or \{result: \{\.\.\.\}\}/),
      );
    }
  });

  it('reports the "User Not Authenticated" error body as signed out', () => {
    expect(() => readApi('error-not-authenticated.json', CASES)).toThrow(parseError('signed-out'));
    expect(() => readBody({ error: { message: 'No Record found', detail: 'ACL' }, status: 'failure' })).toThrow(
      parseError('unknown-shape', /got an error body/),
    );
  });

  it('captures only Table API case and incident URLs, on any host', () => {
    const wanted = (u: string) => servicenow.api!.urlPatterns.some((p) => p.test(u));
    expect(wanted(`${CASES}?sysparm_display_value=all&sysparm_limit=20`)).toBe(true);
    expect(wanted('https://help.example-isp.com/api/now/v2/table/incident/a1b2c3d4e5f60718293a4b5c6d7e8f90')).toBe(
      true,
    );
    expect(wanted('https://acme.service-now.com/api/now/table/incident')).toBe(true);
    expect(wanted('https://acme.service-now.com/api/now/table/sys_user?sysparm_limit=1')).toBe(false);
    expect(wanted('https://acme.service-now.com/api/now/table/incident_task')).toBe(false);
    expect(wanted('https://acme.service-now.com/api/now/sp/page?id=csm_ticket')).toBe(false);
    expect(wanted('https://acme.service-now.com/api/now/table/incident/not-a-sys-id')).toBe(false);
  });
});

describe('servicenow portal pages', () => {
  const doc = (file: string, url: string) => loadFixtureDoc(`servicenow/${file}`, url);
  const detect = (file: string, url: string) => servicenow.page!.detect(doc(file, url), new URL(url));

  it.each([
    ['https://help.example-isp.com/csm?id=csm_cases_requests&table=sn_customerservice_case', 'list'],
    ['https://help.ovh-like.example/csm?id=csm_cases_requests', 'list'],
    ['https://acme.service-now.com/sp?id=my_requests', 'list'],
    ['https://acme.service-now.com/csp?id=csm_cases_requests', 'list'],
    [
      'https://help.example-isp.com/support?id=csm_ticket&table=sn_customerservice_case&number=CS0001234&view=csp',
      'detail',
    ],
    ['https://acme.service-now.com/sp?id=ticket&table=incident&sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f90', 'detail'],
    [
      'https://acme.service-now.com/sp?id=standard_ticket&table=incident&sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f90',
      'detail',
    ],
    ['https://acme.service-now.com/sp?id=ticket&table=sc_request&sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f90', null],
    ['https://acme.service-now.com/csm?id=kb_article&sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f90', null],
    ['https://acme.service-now.com/csm', null],
    ['https://acme.service-now.com/csm/extra?id=csm_ticket', null],
  ])('%s → %s', (url, kind) => expect(detect('portal-csm-list.html', url)).toBe(kind));

  it('needs the Service Portal signature, not only the path (custom hosts run other software too)', () => {
    const url = 'https://shop.example.com/sp?id=ticket&table=incident';
    const plain = parseHtml('<!DOCTYPE html><html><body><div class="page">Shop</div></body></html>', url);
    expect(servicenow.page!.detect(plain, new URL(url))).toBeNull();
  });

  it('defers list and detail pages to the Table API', () => {
    const list = 'https://help.example-isp.com/csm?id=csm_cases_requests&table=sn_customerservice_case';
    expect(servicenow.page!.extract(doc('portal-csm-list.html', list), new URL(list))).toEqual({
      kind: 'list',
      cases: [],
      problems: [],
      deferredToApi: true,
    });
    const detail =
      'https://help.example-isp.com/csm?id=csm_ticket&table=sn_customerservice_case&sys_id=0f3c5a9e1b7d4c2a9e6f8b1d3c5a7e90';
    expect(servicenow.page!.extract(doc('portal-csm-ticket.html', detail), new URL(detail))).toEqual({
      kind: 'detail',
      cases: [],
      problems: [],
      deferredToApi: true,
    });
  });

  it.each([
    ['portal-login.html', 'https://help.example-isp.com/csm?id=csm_login'],
    ['portal-login.html', 'https://acme.service-now.com/sp?id=login'],
    // The portal shows its login widget in place of the case when the session is gone.
    [
      'portal-login.html',
      'https://help.example-isp.com/csm?id=csm_ticket&table=sn_customerservice_case&number=CS0001234',
    ],
    ['login-do.html', 'https://acme.service-now.com/login.do'],
    ['login-do.html', 'https://help.example-isp.com/login.do?sysparm_goto_url=%2Fcsm'],
  ])('%s at %s is signed out', (file, url) => {
    const page = doc(file, url);
    expect(servicenow.page!.detect(page, new URL(url))).toBe('list');
    expect(() => servicenow.page!.extract(page, new URL(url))).toThrow(parseError('signed-out', /got the login page/));
  });

  it('does not claim a portal page it does not own', () => {
    const url = 'https://help.example-isp.com/csm?id=kb_article&sys_id=a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const page = doc('portal-login.html', url);
    expect(servicenow.page!.detect(page, new URL(url))).toBeNull();
    expect(() => servicenow.page!.extract(page, new URL(url))).toThrow(parseError('layout-changed'));
  });

  it('is injected on service-now.com portal paths and login.do only', () => {
    const injected = (u: string) => servicenow.matches.some((p) => matchPatternToRegExp(p).test(u));
    expect(injected('https://acme.service-now.com/csm?id=csm_ticket')).toBe(true);
    expect(injected('https://acme.service-now.com/login.do')).toBe(true);
    expect(injected('https://acme.service-now.com/nav_to.do?uri=incident.do')).toBe(false);
  });
});
