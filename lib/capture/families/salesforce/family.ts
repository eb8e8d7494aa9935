/** Salesforce Experience Cloud support sites (my.site.com, older force.com sites, custom domains). */
import type { FamilyRecord } from '../../../core/family-record';

export const SALESFORCE = {
  id: 'salesforce' as const,
  name: 'Salesforce',
  mark: 'SF',
  colour: '#035a9e',
  tenantHosts: /\.(?:my\.site|my\.salesforce-sites|lightning\.force|force)\.com$/,
  trackable: true,
  // Experience Cloud routes live under /s/ (after the site's prefix, if any).
  customDomainPaths: [/(?:^|\/)s(?:\/|$)/],
  listPage: '/s/case/Case/Default',
  // SELECT Id,CaseNumber,Subject,Status,Priority,IsClosed,IsEscalated,CreatedDate,LastModifiedDate,Owner.Name
  // FROM Case ORDER BY LastModifiedDate DESC LIMIT 200 (a literal: a record holds no calls).
  refreshPath:
    '/services/data/v60.0/query?q=SELECT%20Id%2CCaseNumber%2CSubject%2CStatus%2CPriority%2CIsClosed%2CIsEscalated%2CCreatedDate%2CLastModifiedDate%2COwner.Name%20FROM%20Case%20ORDER%20BY%20LastModifiedDate%20DESC%20LIMIT%20200',
  // Experience Cloud sites; older force.com sites only under their /s/ route.
  matches: ['https://*.my.site.com/*', 'https://*.force.com/s/*', 'https://*.force.com/*/s/*'],
  // REST query (SOQL) as a site's front end or a refresh calls it, and its next pages
  // (nextRecordsUrl …/query/{locator}-{offset}, no query string). Sites proxy it under their prefix.
  apiOnPageOrigin: true,
  apiUrlPatterns: [
    /^https:\/\/[^/]+(?:\/[^?#]*)?\/services\/data\/v\d+\.\d+\/query(?:All)?(?:\/?\?|\/[0-9A-Za-z]{15,18}-\d+\/?(?:\?|$))/,
  ],
  // "Case #00001026" (published template); "Case Number: …" (assumed). Thread ids name the record, not the number.
  emailReferences: [/\bCase\s*(?:#|Number:?)\s*(\d{5,10})\b/i],
} satisfies FamilyRecord;
