/**
 * Zendesk's newer request list (Copenhagen ≥ v4, docs/portals.md §2): its rendered Garden rows, and the
 * requests/search JSON it loads with side-loaded users and custom statuses.
 */
import { describe, expect, it } from 'vitest';
import { zendesk } from '@/lib/capture/families/zendesk/adapter';
import { loadFixtureDoc, loadFixtureJson } from '../../../helpers/fixtures';
import { parseHtml } from '../../../../scripts/parse-html';

const HOST = 'https://help.northwind-fiber.example';
const LIST_URL = `${HOST}/hc/en-us/requests`;
const readPage = (file: string, url = LIST_URL) =>
  zendesk.page!.extract(loadFixtureDoc(`zendesk/${file}`, url), new URL(url));

/** A one-row new list whose status tag reads `label`, as Garden renders it. */
function rowPage(label: string): Document {
  const tag = `<div data-garden-id="tags.tag_view"><div data-garden-id="typography.ellipsis" title="">${label}</div></div>`;
  return parseHtml(
    '<div id="main-content"><table><tbody><tr>' +
      '<td data-test-id="table-cell-subject"><a href="/hc/requests/77">Subject</a></td>' +
      '<td data-test-id="table-cell-id">#77</td>' +
      `<td data-test-id="table-cell-status">${tag}</td>` +
      '</tr></tbody></table></div>',
    LIST_URL,
  );
}

describe('zendesk new request list (rendered rows)', () => {
  it('reads every rendered row: id, subject, status label, link; reports unreadable rows', () => {
    const { kind, cases, problems, deferredToApi } = readPage('new-list-rendered.html');
    expect(kind).toBe('list');
    expect(deferredToApi).toBeUndefined();
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.title])).toEqual([
      ['5001', 'waiting-on-customer', null, 'Mail relay rejects our SPF'],
      ['4990', 'open', null, 'Port 25 unblock request'],
      ['4982', 'resolved', null, 'Invoice & credit note for "Site B"'],
      // A custom status shows its own end-user label: state unknown; no label is kept from the coarse
      // tag, so the exact status from the page's JSON is never overwritten by a re-read of the rows.
      ['4975', null, null, 'Fiber splice scheduled with the carrier'],
      ['4960', 'waiting-on-customer', null, '<script>alert(1)</script> in invoice PDF'],
    ]);
    expect(problems).toEqual([
      { where: 'row 6', reason: 'Expected a /hc/requests/{id} link or a "#id" cell, found neither' },
      { where: 'row 7', reason: 'Expected a status tag in the status cell, found none', caseId: '4941' },
    ]);
  });

  it('never turns the medium date or the relative "last activity" text into a time', () => {
    const { cases } = readPage('new-list-rendered.html');
    expect(cases[0]).toEqual({
      provider: 'zendesk',
      caseId: '5001',
      title: 'Mail relay rejects our SPF',
      vendorStatus: null,
      state: 'waiting-on-customer',
      severity: null,
      vendorSeverity: null,
      createdAt: null,
      updatedAt: null,
      url: `${HOST}/hc/requests/5001`,
    });
    expect(cases.every((c) => c.createdAt === null && c.updatedAt === null)).toBe(true);
  });

  it('reads German labels, keeps the locale of a link that has one, and ignores the requester column', () => {
    const url = 'https://hilfe.example-isp.de/hc/de/requests?filter=organization';
    const { cases, problems } = readPage('new-list-rendered-de.html', url);
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.title, c.url])).toEqual([
      [
        '9120',
        'waiting-on-customer',
        null,
        'Störung: SIP-Trunk Ausfall',
        'https://hilfe.example-isp.de/hc/de/requests/9120',
      ],
      ['9107', 'open', null, 'Rechnung & Gutschrift', 'https://hilfe.example-isp.de/hc/requests/9107'],
      ['9001', 'resolved', null, 'Umzug des Anschlusses', 'https://hilfe.example-isp.de/hc/requests/9001'],
    ]);
    expect(cases.every((c) => c.owner === undefined)).toBe(true);
  });

  // The list folds new/open/hold into "Open" and solved/closed into "Solved": that is all the DOM can say.
  it.each([
    ['Open', 'open'],
    ['Awaiting reply', 'waiting-on-customer'],
    ['Awaiting your reply', 'waiting-on-customer'],
    ['Solved', 'resolved'],
    ['Offen', 'open'],
    ['Wartet auf Antwort', 'waiting-on-customer'],
    ['Wartet auf Ihre Antwort', 'waiting-on-customer'],
    ['Gelöst', 'resolved'],
    ['  solved ', 'resolved'],
    ['Closed', null],
    ['In Bearbeitung', null],
  ])('status tag %j → %s', (label, state) => {
    const { cases } = zendesk.page!.extract(rowPage(label), new URL(LIST_URL));
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ caseId: '77', state, vendorStatus: null });
  });

  it('still defers rows without the Garden status tag to the JSON (unknown re-skin)', () => {
    expect(readPage('new-list-shell.html')).toEqual({ kind: 'list', cases: [], problems: [], deferredToApi: true });
  });

  it('is ready to read once the list cells are rendered', () => {
    const doc = loadFixtureDoc('zendesk/new-list-rendered.html', LIST_URL);
    expect(zendesk.page!.detect(doc, new URL(LIST_URL))).toBe('list');
    expect(zendesk.page!.isReady!(doc, new URL(LIST_URL))).toBe(true);
    const empty = parseHtml('<div id="main-content"></div>', LIST_URL);
    expect(zendesk.page!.isReady!(empty, new URL(LIST_URL))).toBe(false);
  });
});

describe('zendesk requests/search with include=users and custom statuses', () => {
  const SEARCH = `${HOST}/api/v2/requests/search.json?include=users&page=1&per_page=15&query=*%20requester%3Ame`;
  const read = () => zendesk.api!.extract(loadFixtureJson('zendesk/api-search-custom-statuses.json'), new URL(SEARCH));

  it('shows the custom status end-user label, keeps the state from status, and names owners from users', () => {
    const { kind, cases, problems } = read();
    expect(kind).toBe('list');
    expect(cases.map((c) => [c.caseId, c.vendorStatus, c.state, c.severity, c.owner])).toEqual([
      ['5001', 'Awaiting your reply', 'waiting-on-customer', 'high', 'Riley Agent'],
      // end_user_label wins over the agent-side label "Carrier dispatched".
      ['4975', 'Waiting on carrier', 'open', null, 'Jo Técnico & Co'],
      // An unknown custom_status_id falls back to the status code; assignee 999 is not side-loaded.
      ['4960', 'hold', 'on-hold', 'low', undefined],
    ]);
    expect(problems).toEqual([{ where: 'requests[3]', reason: 'Expected a positive integer id, got "#4950"' }]);
  });

  it('keeps JSON strings raw and converts offsets to UTC', () => {
    const { cases } = read();
    expect(cases[2]).toMatchObject({
      title: '<script>alert(1)</script> in invoice PDF',
      createdAt: '2026-09-20T08:00:00.000Z',
      updatedAt: '2026-09-22T08:00:00.000Z',
      url: `${HOST}/hc/requests/4960`,
    });
  });

  it('falls back to the custom status category when a request carries no status', () => {
    const body = {
      requests: [
        {
          id: 12,
          subject: 's',
          custom_status_id: 7,
          created_at: '2026-10-01T09:00:00Z',
          updated_at: '2026-10-01T09:00:00Z',
        },
      ],
      custom_statuses: [{ id: 7, status_category: 'hold', label: 'With our partner' }],
    };
    const { cases } = zendesk.api!.extract(body, new URL(SEARCH));
    expect(cases[0]).toMatchObject({ caseId: '12', vendorStatus: 'With our partner', state: 'on-hold' });
  });

  it('does not capture the separate custom_statuses endpoint (one body cannot be joined with another)', () => {
    const wanted = (u: string) => zendesk.api!.urlPatterns.some((p) => p.test(u));
    expect(wanted(SEARCH)).toBe(true);
    expect(wanted(`${HOST}/api/v2/custom_statuses?active=true&locale=en-us`)).toBe(false);
  });
});
