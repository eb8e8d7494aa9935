/** Partner Center service requests, read from the Partner Center API the dashboard loads. */
import type { FamilyRecord } from '../../../core/family-record';

export const PARTNER_CENTER = {
  id: 'microsoft-partner-center' as const,
  name: 'Partner Center',
  mark: 'PC',
  colour: '#5c2d91',
  console: true,
  listPage: 'https://partner.microsoft.com/dashboard/support/servicerequests',
  matches: ['https://partner.microsoft.com/*'],
  apiUrlPatterns: [
    /^https:\/\/api\.partnercenter\.microsoft\.com\/v1\/(?:customers\/[^/?#]+\/)?servicerequests(?:\/[^/?#]+)?\/?(?:\?|$)/i,
  ],
  contacts: { portalUrl: 'https://partner.microsoft.com/dashboard/support/servicerequests' },
} satisfies FamilyRecord;
