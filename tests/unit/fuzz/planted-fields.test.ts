// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * Text inside a message never sets a case's fields (issue 19, item 3). For every DOM reader, field-like
 * text — "Status | RESOLVED" as a pasted monitoring mail's table row, a definition list, label and value
 * in two divs, "Priority: P1" inline — is planted into the messages of a case page, and the reader must
 * read the page exactly as it reads it without them (but for the text of the message it went into).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/capture';
import { ProviderParseError } from '@/lib/capture/types';
import type { ProviderId } from '@/lib/core/model';
import { fixtureText } from '../../helpers/fixtures';
import { runs } from '../../helpers/property-runs';
import { parsePage } from './mutate-html';

/** Each DOM reader's case page, and where its messages are. */
const CASE_PAGES: Partial<Record<ProviderId, { fixture: string; url: string; messages: string }>> = {
  zendesk: {
    fixture: 'zendesk/detail.html',
    url: 'https://northwind.zendesk.com/hc/en-us/requests/48213',
    messages: '.comment-body',
  },
  'microsoft-365': {
    fixture: 'microsoft-365/request-pane-fr.html',
    url: 'https://admin.microsoft.com/Adminportal/Home?pane=1#/support/requests/7012511180000777',
    messages: 'section[aria-label="Historique"] li',
  },
  freshdesk: {
    fixture: 'freshdesk/portal-detail.html',
    url: 'https://acme.freshdesk.com/support/tickets/41203',
    messages: '.conversation .comment',
  },
  'jira-service-management': {
    fixture: 'jira-service-management/portal-detail.html',
    url: 'https://acme.atlassian.net/servicedesk/customer/portal/3/SUP-1042',
    messages: 'section[aria-label="Activity"] > div',
  },
  servicenow: {
    fixture: 'servicenow/portal-csm-ticket.html',
    url: 'https://acme.service-now.com/csm?id=csm_ticket&table=sn_customerservice_case&number=CS0001234',
    messages: '.col-md-8 .panel-body',
  },
  salesforce: {
    fixture: 'salesforce/site-case-detail.html',
    url: 'https://northwind.my.site.com/support/s/case/500Hs00001XyZabIAF/00001026',
    messages: '.forceCommunityRecordDetail',
  },
};

const LABELS = ['Status', 'STATUS', 'Statut', 'Priority', 'Severity', 'Owner', 'Assignee', 'Type', 'Sev', 'Gravité'];
const VALUES = [
  'RESOLVED',
  'Resolved',
  'Closed',
  'Solved',
  'Waiting for support',
  'Awaiting your Reply',
  'Urgent',
  'Sev A',
  'P1',
  'Ouvert',
];
const pairArb = fc.tuple(fc.constantFrom(...LABELS), fc.constantFrom(...VALUES));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Field-like markup as pasted mails and monitoring alerts bring it: one or two label/value pairs. */
const plantedArb = fc
  .tuple(fc.constantFrom('table', 'dl', 'divs', 'inline', 'spans'), fc.array(pairArb, { minLength: 1, maxLength: 2 }))
  .map(([shape, pairs]) => {
    const rows = pairs
      .map(([l, v]) => {
        switch (shape) {
          case 'table':
            return `<tr><td>${esc(l)}</td><td>${esc(v)}</td></tr>`;
          case 'dl':
            return `<dt>${esc(l)}</dt><dd>${esc(v)}</dd>`;
          case 'divs':
            return `<div><div>${esc(l)}</div><div>${esc(v)}</div></div>`;
          case 'spans':
            return `<div><span>${esc(l)}</span><div><span>${esc(v)}</span></div></div>`;
          default:
            return `<div>${esc(l)}: ${esc(v)}</div>`;
        }
      })
      .join('');
    return shape === 'table' ? `<table>${rows}</table>` : shape === 'dl' ? `<dl>${rows}</dl>` : `<div>${rows}</div>`;
  });

/** What the reader makes of a page, message texts aside (the planted text is part of a message, rightly). */
function read(id: ProviderId, doc: Document, url: string): unknown {
  const adapter = ADAPTERS.find((a) => a.id === id)!;
  try {
    const x = adapter.page!.extract(doc, new URL(url));
    return { ...x, cases: x.cases.map((c) => ({ ...c, messages: c.messages?.map(({ text: _text, ...m }) => m) })) };
  } catch (error) {
    if (error instanceof ProviderParseError) return `${error.failure}: ${error.message}`;
    throw error;
  }
}

describe('field-like text planted in messages', () => {
  it('every DOM reader has a case page here', () => {
    expect(Object.keys(CASE_PAGES).sort()).toEqual(
      ADAPTERS.filter((a) => a.page)
        .map((a) => a.id)
        .sort(),
    );
  });

  for (const [id, page] of Object.entries(CASE_PAGES) as [ProviderId, NonNullable<(typeof CASE_PAGES)[ProviderId]>][]) {
    it(`never changes what the ${id} reader reads from a case page`, () => {
      const html = fixtureText(page.fixture);
      const clean = read(id, parsePage(html), page.url);
      expect(
        parsePage(html).querySelectorAll(page.messages).length,
        'the fixture has messages to plant into',
      ).toBeGreaterThan(0);
      fc.assert(
        fc.property(plantedArb, fc.nat(), fc.boolean(), (planted, which, before) => {
          const doc = parsePage(html);
          const targets = doc.querySelectorAll(page.messages);
          targets[which % targets.length]!.insertAdjacentHTML(before ? 'afterbegin' : 'beforeend', planted);
          expect(read(id, doc, page.url)).toEqual(clean);
        }),
        { numRuns: runs(150) },
      );
    });
  }
});
