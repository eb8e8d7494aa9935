/** Microsoft 365 admin center service requests, read from the rendered grid (no JSON is tapped). */
import type { FamilyRecord } from '../../../core/family-record';

export const MICROSOFT_365 = {
  id: 'microsoft-365' as const,
  name: 'Microsoft 365',
  mark: 'M365',
  colour: '#a4262c',
  console: true,
  listPage: 'https://admin.microsoft.com/#/support/requests',
  // Admin center single-page app; the service-request list is read from its rendered grid.
  matches: ['https://admin.microsoft.com/*'],
  apiUrlPatterns: [],
  contacts: {
    portalUrl: 'https://admin.microsoft.com/Adminportal/Home#/support',
    statusPage: 'https://status.cloud.microsoft/',
    social: '@MSFT365Status',
  },
  // One tracking-id form for both Microsoft consoles; which case it is, the store decides.
  emailReferences: [/TrackingID#\s?(\d{16})(?!\d)/i],
} satisfies FamilyRecord;
