import { DEMO_URLS, fulfilJson, routeDemoPortals } from '../../scripts/demo-portals';
import { expect, test } from './extension';

test.beforeEach(async ({ context }) => {
  await routeDemoPortals(context);
});

const rowOf = (popup: import('@playwright/test').Page, caseId: string) =>
  popup.getByTestId('case-row').filter({ hasText: `#${caseId}` });

test('AWS: the console list (two pages) fills the popup; the case page adds its communications', async ({ context, openPopup }) => {
  const page = await context.newPage();
  await page.goto(DEMO_URLS.awsList);
  await expect(page.locator('body[data-loaded="true"]')).toBeAttached();
  const popup = await openPopup();
  // Page 1: four readable cases (AWS has no closed state), page 2: one more. None of page 1 disappears.
  await expect(popup.locator('.case-row .provider', { hasText: 'AWS' })).toHaveCount(5);
  await expect(rowOf(popup, '176543210900123')).toContainText('Waiting on you · pending-customer-action');
  await expect(rowOf(popup, '176543210900999')).toContainText('Critical');
  await expect(rowOf(popup, '176543210900123').getByTestId('case-messages')).toHaveText('2 messages');

  await page.goto(DEMO_URLS.awsDetail);
  await page.reload(); // a hash change alone does not reload the stand-in console
  await expect(rowOf(popup, '176543210900123').getByTestId('case-messages')).toHaveText('4 messages');
  await expect(rowOf(popup, '176543210900123')).toContainText('Open · work-in-progress');
});

test('Google Cloud: cases list, then a case page with its comments', async ({ context, openPopup }) => {
  const page = await context.newPage();
  await page.goto(DEMO_URLS.gcpList);
  const popup = await openPopup();
  await expect(popup.locator('.case-row .provider', { hasText: 'Google Cloud' })).toHaveCount(4);
  await expect(rowOf(popup, '51234567')).toContainText('Waiting on you · ACTION_REQUIRED');
  await expect(rowOf(popup, '51234567').getByRole('link')).toHaveAttribute(
    'href', 'https://console.cloud.google.com/support/cases/detail/v2/51234567?project=acme-prod-123');

  await page.goto(DEMO_URLS.gcpDetail);
  await expect(rowOf(popup, '51234567').getByTestId('case-messages')).toHaveText('2 messages');
  await expect(rowOf(popup, '51234567')).toContainText('Open · IN_PROGRESS_GOOGLE_SUPPORT');
  await expect(rowOf(popup, '51234567')).toContainText('Critical');
});

test('Partner Center: service requests with their notes', async ({ context, openPopup }) => {
  const page = await context.newPage();
  await page.goto(DEMO_URLS.partnerCenter);
  const popup = await openPopup();
  await expect(popup.locator('.case-row .provider', { hasText: 'Partner Center' })).toHaveCount(3);
  await expect(rowOf(popup, '615112491169010')).toContainText('Waiting on you · attention_needed');
  await expect(rowOf(popup, '615112491169010').getByTestId('case-messages')).toHaveText('2 messages');
});

test('Microsoft 365 admin center: the grid fills the popup; an open request pane adds messages', async ({ context, openPopup }) => {
  const page = await context.newPage();
  await page.goto(DEMO_URLS.m365List);
  const popup = await openPopup();
  // Three readable rows, one closed.
  await expect(popup.locator('.case-row .provider', { hasText: 'Microsoft 365' })).toHaveCount(2);
  await expect(rowOf(popup, '7012511220001847')).toContainText('Waiting on you · Waiting for your response');
  await expect(rowOf(popup, '7012511220001847')).toContainText('High');

  await page.goto(DEMO_URLS.m365Detail);
  await expect(rowOf(popup, '7012511180000777').getByTestId('case-messages')).toHaveText('2 messages');
  await expect(rowOf(popup, '7012511180000777')).toContainText('owner Ingénieur support Microsoft');
});

test('Azure: opening a ticket loads its communications as messages', async ({ context, openPopup }) => {
  await context.route(/\/supportTickets\/7f3e2d1c-0000-4000-8000-000000000001\/communications/, (route) =>
    fulfilJson(route, 'azure/communications.json'));
  const page = await context.newPage();
  await page.goto(DEMO_URLS.azurePortal);
  const popup = await openPopup();
  await expect(rowOf(popup, '2610010040001234')).toBeVisible();
  // The portal's own front end loads the communications when the ticket is opened.
  await page.evaluate(() =>
    fetch('https://management.azure.com/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Support/supportTickets/7f3e2d1c-0000-4000-8000-000000000001/communications?api-version=2024-04-01'),
  );
  await expect(rowOf(popup, '2610010040001234').getByTestId('case-messages')).toHaveText('2 messages');
});
