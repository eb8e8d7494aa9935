/**
 * npm run extract: the adapter's reading of a saved page or body, with the vendor portal and name the
 * extension would file it under. The command itself runs once as a user runs it.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { extractFromDocument, extractFromJson } from '@/lib/capture/extract';
import { loadFixtureDoc, loadFixtureJson } from '../../helpers/fixtures';

describe('extract', () => {
  it('names the tenant portal and the vendor as the page calls itself', () => {
    const url = 'https://acme.freshdesk.com/support/tickets';
    const out = extractFromDocument(loadFixtureDoc('freshdesk/portal-list.html', url), new URL(url));
    expect(out).toMatchObject({ provider: 'freshdesk', portal: 'acme.freshdesk.com', vendorName: 'Acme Shop' });
    expect(out.extraction.cases.length).toBeGreaterThan(0);
  });

  it("names a JSON body's portal from its address: the tenant host, or the console", () => {
    const zd = extractFromJson(
      loadFixtureJson('zendesk/api-requests.json'),
      new URL('https://northwind.zendesk.com/api/v2/requests.json'),
    );
    expect(zd).toMatchObject({ portal: 'northwind.zendesk.com', vendorName: 'Northwind' });
    const az = extractFromJson(
      loadFixtureJson('azure/list.json'),
      new URL('https://management.azure.com/providers/Microsoft.Support/supportTickets?api-version=2024-04-01'),
    );
    expect(az).toMatchObject({ portal: 'azure', vendorName: 'Azure' });
  });

  it('prints provider, portal and vendor name first when run as a command', () => {
    const stdout = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/extract.ts',
        '--url',
        'https://acme.atlassian.net/servicedesk/customer/user/requests',
        'tests/fixtures/jira-service-management/portal-empty.html',
      ],
      { encoding: 'utf8' },
    );
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result).slice(0, 3)).toEqual(['provider', 'portal', 'vendorName']);
    expect(result).toMatchObject({
      provider: 'jira-service-management',
      portal: 'acme.atlassian.net',
      vendorName: 'Acme IT',
      cases: [],
    });
  });
});
