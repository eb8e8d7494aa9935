/** Azure support tickets, read from the Microsoft.Support API the Azure portal loads. */
import type { FamilyRecord } from '../../../core/family-record';

export const AZURE = {
  id: 'azure' as const,
  name: 'Azure',
  mark: 'Az',
  colour: '#0a5aa8',
  console: true,
  listPage: 'https://portal.azure.com/#view/Microsoft_Azure_Support/HelpAndSupportBlade/~/overview',
  matches: ['https://portal.azure.com/*'],
  // Tenant- or subscription-scoped list, single ticket, and a ticket's communications.
  apiUrlPatterns: [
    /^https:\/\/management\.azure\.com\/(?:subscriptions\/[^/?#]+\/)?providers\/Microsoft\.Support\/supportTickets(?:\/[^/?#]+(?:\/communications(?:\/[^/?#]+)?)?)?\/?(?:\?|$)/i,
  ],
  contacts: {
    portalUrl: 'https://portal.azure.com/#view/Microsoft_Azure_Support/HelpAndSupportBlade',
    statusPage: 'https://azure.status.microsoft/',
    social: '@AzureSupport',
  },
  // Azure support plans' published targets; the fastest tier is not assumed.
  firstResponseHours: { critical: 1, high: 1, normal: 4, low: 8 },
  // Microsoft support mails carry the ticket number as a tracking id (published: Az.Support's own output).
  emailReferences: [/TrackingID#\s?(\d{16})(?!\d)/i],
} satisfies FamilyRecord;
