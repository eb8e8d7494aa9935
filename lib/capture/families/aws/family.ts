/** AWS Support cases, read from the Support API (JSON 1.1) the support console calls. */
import type { FamilyRecord } from '../../../core/family-record';

export const AWS = {
  id: 'aws' as const,
  name: 'AWS',
  mark: 'AWS',
  colour: '#232f3e',
  console: true,
  listPage: 'https://support.console.aws.amazon.com/support/home#/case/history',
  matches: ['https://support.console.aws.amazon.com/*', 'https://console.aws.amazon.com/support/*'],
  // JSON 1.1: one endpoint for every operation (X-Amz-Target), so bodies are told apart by shape.
  apiUrlPatterns: [
    /^https:\/\/support\.[a-z0-9-]+\.amazonaws\.com\/(?:\?|$)/,
    /^https:\/\/support\.console\.aws\.amazon\.com\/[^?#]*api/,
  ],
  caseOrigins: ['https://support.console.aws.amazon.com'],
  contacts: {
    portalUrl: 'https://support.console.aws.amazon.com/support/home',
    statusPage: 'https://health.aws.amazon.com/health/status',
    social: '@AWSSupport',
  },
  vendorClocks: [
    {
      state: 'waiting-on-customer',
      afterDays: 5,
      warnDaysBefore: 1,
      says: 'AWS auto-resolves a case a few days after asking you; reply to keep it open',
    },
    {
      state: 'resolved',
      afterDays: 14,
      warnDaysBefore: 2,
      says: 'AWS cannot reopen a resolved case after 14 days',
    },
  ],
  // AWS support plans' published targets; the fastest tier is not assumed.
  firstResponseHours: { critical: 1, high: 4, normal: 12, low: 24 },
  // The console link in a reply (published), and a subject tag (assumed).
  emailReferences: [/[?&#]displayId=(\d{10,20})(?!\d)/, /\[Case(?: ID)?:?\s*(\d{10,20})\]/i],
} satisfies FamilyRecord;
