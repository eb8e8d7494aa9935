/** Jira Service Management customer portals (Cloud on atlassian.net, Data Center on custom domains). */
import type { FamilyRecord } from '../../../core/family-record';

export const JIRA_SERVICE_MANAGEMENT = {
  id: 'jira-service-management' as const,
  name: 'Jira Service Mgmt',
  mark: 'JS',
  colour: '#0747a6',
  tenantHosts: /\.atlassian\.net$/,
  trackable: true,
  customDomainPaths: [/\/servicedesk\/customer\//],
  listPage: '/servicedesk/customer/user/requests',
  refreshPath: '/rest/servicedeskapi/request?requestOwnership=ALL_REQUESTS&requestStatus=ALL_REQUESTS&limit=100',
  matches: ['https://*.atlassian.net/servicedesk/customer/*'],
  // servicedeskapi request list / single; Data Center puts a context path in front.
  apiOnPageOrigin: true,
  apiUrlPatterns: [/^https:\/\/[^/]+(?:\/[^?#]*)?\/rest\/servicedeskapi\/request(?:\/[^/?#]+)?\/?(?:\?|$)/],
  // The issue key in the subject (published); only a key one of the user's cases has is believed.
  emailReferences: [/(?<![\w-])([A-Z][A-Z0-9_]{1,9}-[1-9]\d{0,8})(?![\w-])/],
} satisfies FamilyRecord;
