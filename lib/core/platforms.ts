/**
 * One record per platform: everything the product shows or decides about a platform as such, in one
 * place. A family's capture facts (hosts, API URLs) live in lib/capture/families.ts and its reading in
 * lib/capture/families/<id>/adapter.ts; docs/contributing.md lists what else a new family needs.
 */
import type { ProviderId } from './model';

export interface Platform {
  /** "Zendesk": the small secondary mark's words ("runs on Zendesk"), and a console's own vendor name. */
  name: string;
  /** Two or three letters on its coloured mark. */
  mark: string;
  /** The mark's fill; white text on it keeps a contrast of at least 4.5:1 in both themes. */
  colour: string;
  /** One fixed console for every customer: the platform is the vendor portal (lib/core/portals.ts). */
  console?: true;
  /** Hosts of tenants on the platform's own domain; the tenant's name is the first label. */
  tenantHosts?: RegExp;
  /** Also runs on customers' own domains: the popup offers "Track this portal" as this platform. */
  trackable?: true;
}

export const PLATFORMS: Record<ProviderId, Platform> = {
  'microsoft-365': { name: 'Microsoft 365', mark: 'M365', colour: '#a4262c', console: true },
  'microsoft-partner-center': { name: 'Partner Center', mark: 'PC', colour: '#5c2d91', console: true },
  azure: { name: 'Azure', mark: 'Az', colour: '#0a5aa8', console: true },
  aws: { name: 'AWS', mark: 'AWS', colour: '#232f3e', console: true },
  gcp: { name: 'Google Cloud', mark: 'GC', colour: '#1a5fc8', console: true },
  zendesk: { name: 'Zendesk', mark: 'Zd', colour: '#03363d', tenantHosts: /\.zendesk\.com$/, trackable: true },
  freshdesk: { name: 'Freshdesk', mark: 'Fd', colour: '#1e5b3e', tenantHosts: /\.freshdesk\.com$/, trackable: true },
  'jira-service-management': {
    name: 'Jira Service Mgmt',
    mark: 'JS',
    colour: '#0747a6',
    tenantHosts: /\.atlassian\.net$/,
    trackable: true,
  },
  servicenow: {
    name: 'ServiceNow',
    mark: 'SN',
    colour: '#293e40',
    tenantHosts: /\.service-now\.com$/,
    trackable: true,
  },
  salesforce: {
    name: 'Salesforce',
    mark: 'SF',
    colour: '#035a9e',
    tenantHosts: /\.(?:my\.site|my\.salesforce-sites|lightning\.force|force)\.com$/,
    trackable: true,
  },
  custom: { name: 'Other portal', mark: '', colour: '#5f5d66' },
  manual: { name: 'Manual', mark: '', colour: '#5f5d66' },
};
