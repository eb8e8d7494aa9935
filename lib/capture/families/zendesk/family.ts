/** Zendesk help centers: one vendor per tenant (northwind.zendesk.com) or custom domain. */
import type { FamilyRecord } from '../../../core/family-record';

export const ZENDESK = {
  id: 'zendesk' as const,
  name: 'Zendesk',
  mark: 'Zd',
  colour: '#03363d',
  tenantHosts: /\.zendesk\.com$/,
  trackable: true,
  customDomainPaths: [/^\/hc(?:\/|$)/],
  listPage: '/hc/requests',
  refreshPath: '/api/v2/requests.json?sort_by=updated_at&sort_order=desc',
  matches: ['https://*.zendesk.com/hc/*'],
  // requests.json, requests/{id}.json, requests/search.json, ccd.json, solved.json, open.json (same origin).
  apiOnPageOrigin: true,
  apiUrlPatterns: [/^https:\/\/[^/]+\/api\/v2\/requests(?:\/(?:search|ccd|solved|open|\d+))?(?:\.json)?(?:\?|$)/],
  vendorClocks: [
    {
      state: 'resolved',
      afterDays: 4,
      warnDaysBefore: 1,
      says: 'Zendesk closes a solved request 4 days after it was solved; a closed request cannot be reopened',
    },
  ],
  // Copenhagen theme labels (en, de) against the Requests API's status codes.
  statusVocabulary: {
    same: [
      ['pending', 'awaiting your reply', 'awaiting reply', 'wartet auf ihre antwort', 'wartet auf antwort'],
      ['hold', 'on hold'],
      ['solved', 'gelost'],
    ],
    covers: {
      open: ['new', 'open', 'hold', 'on hold'],
      offen: ['new', 'open', 'hold', 'on hold'],
      solved: ['solved', 'closed'],
      gelost: ['solved', 'closed'],
    },
  },
  // The default trigger's "Your request (#48213)" (published); a subject tag (assumed).
  emailReferences: [/\b[Yy]our request \(#?(\d{1,10})\)/, /\[Request #(\d{1,10})\]/i],
} satisfies FamilyRecord;
