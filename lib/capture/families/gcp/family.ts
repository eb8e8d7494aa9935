/** Google Cloud support cases, read from the Cloud Support API the console loads. */
import type { FamilyRecord } from '../../../core/family-record';

export const GCP = {
  id: 'gcp' as const,
  name: 'Google Cloud',
  mark: 'GC',
  colour: '#1a5fc8',
  console: true,
  listPage: 'https://console.cloud.google.com/support/cases',
  matches: ['https://console.cloud.google.com/support/*'],
  // Cloud Support API v2 (and v2beta) cases list/search/get and comments; the console may use clients6.
  apiUrlPatterns: [
    /^https:\/\/cloudsupport\.(?:googleapis|clients6\.google)\.com\/v2(?:beta)?\/(?:projects|organizations)\/[^/?#]+\/cases(?::search|\/[^/?#:]+(?:\/comments)?)?\/?(?:\?|$)/,
  ],
  contacts: {
    portalUrl: 'https://console.cloud.google.com/support',
    statusPage: 'https://status.cloud.google.com/',
  },
  // Google Cloud Customer Care's published targets; the fastest tier is not assumed.
  firstResponseHours: { critical: 1, high: 4, normal: 8, low: 24 },
  // Assumed: only the 8-digit case numbers are published.
  emailReferences: [/\[Case\s*#?(\d{8})\]/i],
} satisfies FamilyRecord;
