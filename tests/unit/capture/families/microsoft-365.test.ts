import { describe, expect, it } from 'vitest';
import { microsoft365 } from '@/lib/capture/families/microsoft-365/adapter';
import { parseHtml } from '../../../../scripts/parse-html';
import { loadFixtureDoc } from '../../../helpers/fixtures';

const URL_LIST = 'https://admin.microsoft.com/Adminportal/Home#/support/requests';
const read = (file: string) =>
  microsoft365.page!.extract(loadFixtureDoc(`microsoft-365/${file}`, URL_LIST), new URL(URL_LIST));
const readHtml = (html: string) => microsoft365.page!.extract(parseHtml(html, URL_LIST), new URL(URL_LIST));

describe('microsoft 365 admin center, Fluent div grid', () => {
  it('maps columns by header words and aria-colindex, ignoring unknown columns', () => {
    const { cases, problems } = read('requests-fluent-grid.html');
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.severity, c.vendorSeverity])).toEqual([
      ['7012511220001847', 'waiting-on-customer', 'Waiting for your response', 'high', 'Sev B (High)'],
      ['7012511100001512', 'open', 'Open', 'normal', 'Sev C (Non-critical)'],
      ['7012511200000009', 'closed', 'Closed', 'critical', 'Sev A (Critical)'],
    ]);
    expect(problems).toEqual([{ where: 'row 4', reason: 'Expected a request number in the id column, got null' }]);
  });

  it('takes times only from machine attributes and decodes titles once', () => {
    const [first, second, third] = read('requests-fluent-grid.html').cases;
    expect(first).toMatchObject({
      title: "Outlook & Teams can't load calendar for shared mailbox <finance>",
      createdAt: '2026-11-17T09:31:00.000Z',
      updatedAt: '2026-11-19T13:05:22.000Z',
    });
    expect(second).toMatchObject({ createdAt: '2026-11-10T08:00:00.000Z', updatedAt: '2026-11-12T08:00:00.000Z' });
    // "Nov 20, 2026" is human text: not guessed.
    expect(third).toMatchObject({ createdAt: null, updatedAt: null });
  });
});

describe('microsoft 365 admin center, plain table in German', () => {
  it('prefers the specific title column, maps German status words, keeps links on the portal', () => {
    const { cases, problems } = read('requests-table-de.html');
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.caseId, c.title, c.state, c.severity])).toEqual([
      ['7012511150000333', 'Lizenzzuweisung schlägt fehl (Ü/ß)', 'waiting-on-customer', 'high'],
      ['7012511160000444', 'Intune-Richtlinie wird nicht angewendet', 'open', 'normal'],
      ['7012511170000555', 'Eskalation Exchange', null, 'critical'],
    ]);
    expect(cases[0]).toMatchObject({
      url: 'https://admin.microsoft.com/Adminportal/Home#/support/requests/7012511150000333',
      owner: 'Support-Techniker',
      createdAt: '2026-11-15T09:00:00.000Z',
    });
    // An off-site link is never used as the case link.
    expect(cases[1]!.url).toBe(URL_LIST);
    expect(cases[2]!.vendorStatus).toBe('Eskaliert an Produktgruppe');
  });
});

describe('microsoft 365 detail pane', () => {
  it('reads the open request with its messages and merges it over its list row', () => {
    const { cases } = read('request-pane-fr.html');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      caseId: '7012511180000777',
      state: 'waiting-on-customer',
      vendorStatus: 'En attente de votre réponse',
      severity: 'high',
      owner: 'Ingénieur support Microsoft',
      createdAt: '2026-11-18T07:00:00.000Z',
      updatedAt: '2026-11-20T16:45:00.000Z',
    });
    expect(cases[0]!.messages!.map((m) => [m.side, m.author, m.at])).toEqual([
      ['customer', 'Camille Exemple', '2026-11-18T07:00:00.000Z'],
      ['vendor', 'Support Microsoft', '2026-11-20T16:45:00.000Z'],
    ]);
  });
});

describe('microsoft 365 header languages', () => {
  const grid = (headers: string[], cells: string[]) =>
    `<div role="grid"><div role="row">${headers.map((h) => `<div role="columnheader">${h}</div>`).join('')}</div>` +
    `<div role="row">${cells.map((c) => `<div role="gridcell">${c}</div>`).join('')}</div></div>`;
  it.each([
    [
      'es',
      ['Título', 'Estado', 'Id. de solicitud', 'Gravedad'],
      ['Correo lento', 'Esperando su respuesta', '7012511000000001', 'Sev B'],
      'waiting-on-customer',
    ],
    [
      'ja',
      ['タイトル', '状態', '要求 ID', '重大度'],
      ['メールが遅い', 'オープン', '7012511000000002', 'Sev A'],
      'open',
    ],
    [
      'fr',
      ['Titre', 'Statut', 'ID de la demande', 'Gravité'],
      ['Lent', 'Fermé', '7012511000000003', 'Sev C'],
      'closed',
    ],
    [
      'de',
      ['Titel', 'Status', 'Anfrage-ID', 'Schweregrad'],
      ['Langsam', 'Gelöst', '7012511000000004', 'Sev A'],
      'resolved',
    ],
  ])('reads %s headers', (_lang, headers, cells, state) => {
    const { cases } = readHtml(grid(headers, cells));
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ caseId: cells[2], title: cells[0], state });
  });
});

describe('microsoft 365 unreadable pages', () => {
  it('refuses a grid missing a key column, naming what it found', () => {
    expect(() => read('requests-missing-status.html')).toThrow(
      /Expected request status columns, found headers \["Title","Request ID","Progress"\]/,
    );
  });
  it('refuses a support page without any grid', () => {
    expect(() => readHtml('<main><h1>Help</h1><p>Search for help</p></main>')).toThrow(
      /Expected a service-requests grid/,
    );
  });
  it('accepts an explicitly empty list', () => {
    expect(read('requests-empty.html')).toEqual({ kind: 'list', cases: [], problems: [] });
  });
  it('only claims the support route of the admin center', () => {
    const doc = parseHtml('<p></p>', URL_LIST);
    expect(microsoft365.page!.detect(doc, new URL(URL_LIST))).toBe('list');
    expect(microsoft365.page!.detect(doc, new URL('https://admin.microsoft.com/Adminportal/Home#/users'))).toBeNull();
  });
});
