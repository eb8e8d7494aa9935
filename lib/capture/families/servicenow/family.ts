/** ServiceNow customer service portals (CSM, older CSP, Service Portal) on service-now.com or custom domains. */
import type { FamilyRecord } from '../../../core/family-record';

export const SERVICENOW = {
  id: 'servicenow' as const,
  name: 'ServiceNow',
  mark: 'SN',
  colour: '#293e40',
  tenantHosts: /\.service-now\.com$/,
  trackable: true,
  customDomainPaths: [/^\/(?:csm|csp|sp)(?:\/|$)/, /\.do$/],
  listPage: '/csm?id=csm_cases_requests',
  refreshPath:
    '/api/now/table/sn_customerservice_case?sysparm_query=ORDERBYDESCsys_updated_on&sysparm_display_value=all&sysparm_exclude_reference_link=true&sysparm_limit=100',
  // CSM portal (/csm, older /csp) and Service Portal (/sp); match patterns include the query.
  // login.do: where an expired platform session lands, so that it can be reported as signed out.
  matches: [
    'https://*.service-now.com/csm*',
    'https://*.service-now.com/csp*',
    'https://*.service-now.com/sp*',
    'https://*.service-now.com/login.do*',
  ],
  // Table API for cases and incidents (list or one record by sys_id), and the CSM Case API (list, or
  // one case by sys_id or case number; not its /activities or /field_values).
  apiOnPageOrigin: true,
  apiUrlPatterns: [
    /^https:\/\/[^/]+\/api\/now\/(?:v\d+\/)?table\/(?:sn_customerservice_case|incident)(?:\/[0-9a-f]{32})?\/?(?:\?|$)/,
    /^https:\/\/[^/]+\/api\/sn_customerservice\/(?:v\d+\/)?case(?:\/(?:[0-9a-f]{32}|[A-Za-z]+\d+))?\/?(?:\?|$)/,
  ],
  vendorClocks: [
    {
      state: 'resolved',
      afterDays: 10,
      warnDaysBefore: 2,
      says: 'ServiceNow CSM closes a resolved case 10 days after resolution',
    },
  ],
  // Task numbers in notification subjects and bodies (published).
  emailReferences: [/\b((?:CS|INC|RITM|REQ|CHG|PRB|SCTASK)\d{7,10})\b/],
} satisfies FamilyRecord;
