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
  // Microsoft support mails carry the service request number as a tracking id.
  emailReferences: [/TrackingID#(\d{15,16})\b/i, /\[Case\s*#?:?\s*(\d{15,16})\]/i],
} satisfies FamilyRecord;
