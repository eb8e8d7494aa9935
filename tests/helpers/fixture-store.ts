/** Builds a store from every fixture the adapters can read (pages and JSON), through the real ingest. */
import { readdirSync } from 'node:fs';
import type { CaseradarDB } from '@/lib/store/db';
import { ingestSnapshot, type IngestResult } from '@/lib/store/ingest';
import { ADAPTERS } from '@/lib/capture';
import { ProviderParseError } from '@/lib/capture/types';
import { loadFixtureDoc, loadFixtureJson } from './fixtures';

/** URL each fixture family is read at (JSON URLs must match the family's API patterns). */
const URLS: Record<string, { page?: string; api?: string }> = {
  zendesk: {
    page: 'https://northwind.zendesk.com/hc/en-us/requests',
    api: 'https://northwind.zendesk.com/api/v2/requests.json',
  },
  azure: { api: 'https://management.azure.com/providers/Microsoft.Support/supportTickets?api-version=2024-04-01' },
  aws: { api: 'https://support.us-east-1.amazonaws.com/' },
  gcp: { api: 'https://cloudsupport.googleapis.com/v2/projects/acme-prod-123/cases' },
  'microsoft-partner-center': { api: 'https://api.partnercenter.microsoft.com/v1/servicerequests' },
  'microsoft-365': { page: 'https://admin.microsoft.com/Adminportal/Home#/support/requests' },
  freshdesk: { page: 'https://acme.freshdesk.com/support/tickets', api: 'https://acme.freshdesk.com/api/v2/tickets' },
  'jira-service-management': {
    page: 'https://acme.atlassian.net/servicedesk/customer/user/requests',
    api: 'https://acme.atlassian.net/rest/servicedeskapi/request',
  },
  servicenow: { api: 'https://acme.service-now.com/api/now/table/sn_customerservice_case' },
  salesforce: { api: 'https://acme.my.site.com/support/services/data/v60.0/query?q=SELECT+Id+FROM+Case' },
};

/** Ingests every readable fixture; `onResult` sees each ingest's result (re-ingest tests count its writes). */
export async function buildFixtureStore(
  db: CaseradarDB,
  onResult?: (result: IngestResult, file: string) => void,
): Promise<number> {
  let snapshots = 0;
  let minute = 0;
  for (const adapter of ADAPTERS) {
    const urls = URLS[adapter.id];
    // A new family must say where its fixtures are read, or the round-trip tests would skip it unseen.
    if (!urls) throw new Error(`tests/helpers/fixture-store.ts: add the URLs ${adapter.id} fixtures are read at`);
    let read = 0;
    for (const file of readdirSync(`tests/fixtures/${adapter.id}`).sort()) {
      const capturedAt = new Date(Date.UTC(2026, 10, 20, 9, minute++)).toISOString();
      try {
        let extraction;
        if (file.endsWith('.json') && adapter.api && urls.api)
          extraction = adapter.api.extract(loadFixtureJson(`${adapter.id}/${file}`), new URL(urls.api));
        else if (file.endsWith('.html') && adapter.page && urls.page) {
          const url = file.includes('detail') ? `${urls.page}/48213` : urls.page;
          extraction = adapter.page.extract(loadFixtureDoc(`${adapter.id}/${file}`, url), new URL(url));
        }
        if (!extraction) continue;
        const result = await ingestSnapshot(db, {
          provider: adapter.id,
          pageUrl: urls.page ?? urls.api!,
          sourceUrl: urls.api ?? urls.page!,
          capturedAt,
          how: 'visit',
          extraction,
        });
        onResult?.(result, `${adapter.id}/${file}`);
        snapshots++;
        read++;
      } catch (error) {
        // Fixtures of unreadable layouts are meant to fail with the adapter's parse error, and add
        // nothing; anything else (an adapter crash, a store error) is a real failure.
        if (!(error instanceof ProviderParseError)) throw error;
      }
    }
    // A family whose every fixture became unreadable would drop out of the tests that use this store.
    if (read === 0) throw new Error(`Expected ${adapter.id} fixtures the adapter reads, read none`);
  }
  return snapshots;
}
