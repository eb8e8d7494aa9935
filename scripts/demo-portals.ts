/**
 * The bundled demo portals: real portal URLs fulfilled from local fixtures by Playwright routing,
 * so nothing leaves the machine. Shared by `npm run demo` and the end-to-end tests.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Route } from '@playwright/test';

const FIXTURES = resolve(import.meta.dirname, '../tests/fixtures');

export const DEMO_URLS = {
  zendeskList: 'https://northwind.zendesk.com/hc/en-us/requests',
  zendeskDetail: 'https://northwind.zendesk.com/hc/en-us/requests/48213',
  azurePortal: 'https://portal.azure.com/#blade/Microsoft_Azure_Support/HelpAndSupportBlade/managesupportrequest',
} as const;

const AZURE_API = /^https:\/\/management\.azure\.com\/providers\/Microsoft\.Support\/supportTickets\?/;

export function fixture(path: string): string {
  return readFileSync(resolve(FIXTURES, path), 'utf8');
}

export function fulfilHtml(route: Route, file: string, status = 200): Promise<void> {
  return route.fulfill({ status, contentType: 'text/html; charset=utf-8', body: fixture(file) });
}

/** Answers a cross-origin JSON call the way management.azure.com does for the portal (CORS). */
export function fulfilJson(route: Route, file: string, status = 200): Promise<void> {
  return route.fulfill({
    status,
    contentType: 'application/json; charset=utf-8',
    headers: { 'access-control-allow-origin': route.request().headers().origin ?? '*' },
    body: fixture(file),
  });
}

/** Routes every demo portal; pages the fixtures lack answer 404 like a real server would. */
export async function routeDemoPortals(context: BrowserContext): Promise<void> {
  await context.route('https://northwind.zendesk.com/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/hc/en-us/requests') return fulfilHtml(route, 'zendesk/list-classic-my.html');
    if (path === '/hc/en-us/requests/48213') return fulfilHtml(route, 'zendesk/detail.html');
    return route.fulfill({ status: 404, body: 'not in the demo' });
  });
  await context.route('https://portal.azure.com/**', (route) => fulfilHtml(route, 'azure/portal.html'));
  await context.route(AZURE_API, (route) => fulfilJson(route, 'azure/list.json'));
}
