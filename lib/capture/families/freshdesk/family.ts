/** Freshdesk customer portals: one vendor per tenant (acme.freshdesk.com) or custom domain. */
import type { FamilyRecord } from '../../../core/family-record';

export const FRESHDESK = {
  id: 'freshdesk' as const,
  name: 'Freshdesk',
  mark: 'Fd',
  colour: '#1e5b3e',
  tenantHosts: /\.freshdesk\.com$/,
  trackable: true,
  // Multilingual portals put the language first (/en/support/tickets, /pt-BR/support/home).
  customDomainPaths: [/^(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/support\/(?:tickets|home|login|solutions)/i],
  listPage: '/support/tickets',
  refreshPath: '/api/v2/tickets?order_by=updated_at&order_type=desc&per_page=100',
  matches: ['https://*.freshdesk.com/support/*', 'https://*.freshdesk.com/*/support/*'],
  // API v2 tickets list / single, and ticket search (same origin as the portal).
  apiOnPageOrigin: true,
  apiUrlPatterns: [/^https:\/\/[^/]+\/api\/v2\/(?:tickets(?:\/\d+)?|search\/tickets)\/?(?:\?|$)/],
  // Customer-portal labels against API v2's status names (./adapter.ts).
  statusVocabulary: {
    same: [
      ['pending', 'awaiting your reply'],
      ['open', 'being processed'],
      ['resolved', 'this ticket has been resolved'],
      ['closed', 'this ticket has been closed'],
    ],
    covers: {},
  },
  // "[#1042]", with the help desk's optional prefix (published); "Ticket #1042" (assumed).
  emailReferences: [/\[#(?:[A-Za-z][\w-]*-)?(\d{1,10})\]/, /\bTicket #(\d{1,10})\b/i],
} satisfies FamilyRecord;
