import { DEMO_URLS } from '../../scripts/demo-portals';
import { expect, test } from './extension';
import { routeDemo } from './ui-seed';

// The demo consoles' dates are relative to today (scripts/demo/clock.ts): what these tests assert holds
// whatever the date, weekday and time of day.
test.beforeEach(async ({ context }) => {
  await routeDemo(context);
});

const rowOf = (popup: import('@playwright/test').Page, caseId: string) =>
  popup.getByTestId('case-row').filter({ hasText: `#${caseId}` });

test('AWS: the console list (two pages) fills the popup; the case page adds its communications', async ({
  context,
  openPopup,
}) => {
  const page = await context.newPage();
  await page.goto(DEMO_URLS.awsList);
  await expect(page.locator('body[data-loaded="true"]')).toBeAttached();
  const popup = await openPopup();
  // Page 1: four readable cases (AWS has no closed state), page 2: one more. None of page 1 disappears.
  await expect(popup.locator('.case-row .provider', { hasText: 'AWS' })).toHaveCount(5);
  // AWS asked us something on the last working day: our reply is overdue.
  await expect(rowOf(popup, '176543210900123')).toContainText('Waiting on you · Pending customer action');
  await expect(rowOf(popup, '176543210900123').getByTestId('alert')).toHaveText(
    'waiting on you for 1 business day (limit 1 business day)',
  );
  await expect(rowOf(popup, '176543210900123').getByTestId('case-messages')).toHaveText('2 messages');
  // Critical: judged in business hours. Reopened two working days ago, it is past 4 hours whatever the hour;
  // the new one from 40 minutes ago cannot be.
  await expect(rowOf(popup, '176543210900999')).toContainText('Critical');
  await expect(rowOf(popup, '176543210900999').getByTestId('overdue')).toHaveCount(1);
  await expect(rowOf(popup, '176543210900456')).toContainText('Critical');
  await expect(rowOf(popup, '176543210900456').getByTestId('overdue')).toHaveCount(0);

  await page.goto(DEMO_URLS.awsDetail);
  await page.reload(); // a hash change alone does not reload the stand-in console
  // The case page: AWS answered again and we replied, both on the last working day. The vendor's move,
  // 1 business day of a high case's 2.
  await expect(rowOf(popup, '176543210900123').getByTestId('case-messages')).toHaveText('4 messages');
  await expect(rowOf(popup, '176543210900123')).toContainText('Open · Work in progress');
  await expect(rowOf(popup, '176543210900123').getByTestId('overdue')).toHaveCount(0);
});

test('Google Cloud: cases list, then a case page with its comments', async ({ context, openPopup }) => {
  const page = await context.newPage();
  await page.goto(DEMO_URLS.gcpList);
  const popup = await openPopup();
  // Open, escalated and solved last week; a closed one is not listed.
  await expect(popup.locator('.case-row .provider', { hasText: 'Google Cloud' })).toHaveCount(3);
  await expect(rowOf(popup, '51234567')).toContainText('Waiting on you · Action required');
  await expect(rowOf(popup, '51234567').getByTestId('overdue')).toHaveCount(0); // Google answered an hour ago
  await expect(rowOf(popup, '51234567').getByRole('link')).toHaveAttribute(
    'href',
    'https://console.cloud.google.com/support/cases/detail/v2/51234567?project=acme-prod-123',
  );

  await page.goto(DEMO_URLS.gcpDetail);
  await expect(rowOf(popup, '51234567').getByTestId('case-messages')).toHaveText('2 messages');
  await expect(rowOf(popup, '51234567')).toContainText('Open · In progress google support');
  await expect(rowOf(popup, '51234567')).toContainText('Critical');
  // Critical, but Google's last word was an hour ago: under the 4 business hours whatever the hour.
  await expect(rowOf(popup, '51234567').getByTestId('overdue')).toHaveCount(0);
});

test('Partner Center: service requests with their notes', async ({ context, openPopup }) => {
  const page = await context.newPage();
  await page.goto(DEMO_URLS.partnerCenter);
  const popup = await openPopup();
  await expect(popup.locator('.case-row .provider', { hasText: 'Partner Center' })).toHaveCount(3);
  await expect(rowOf(popup, '615112491169010')).toContainText('Waiting on you · Attention needed');
  await expect(rowOf(popup, '615112491169010').getByTestId('case-messages')).toHaveText('2 messages');
  // Microsoft asked an hour ago: not yet overdue.
  await expect(rowOf(popup, '615112491169010').getByTestId('overdue')).toHaveCount(0);
});

test('Microsoft 365 admin center: the grid fills the popup; an open request pane adds messages', async ({
  context,
  openPopup,
}) => {
  const page = await context.newPage();
  await page.goto(DEMO_URLS.m365List);
  const popup = await openPopup();
  // Three readable rows, one closed.
  await expect(popup.locator('.case-row .provider', { hasText: 'Microsoft 365' })).toHaveCount(2);
  await expect(rowOf(popup, '7012511220001847')).toContainText('Waiting on you · Waiting for your response');
  await expect(rowOf(popup, '7012511220001847')).toContainText('High');
  await expect(rowOf(popup, '7012511220001847').getByTestId('overdue')).toHaveCount(0); // asked this morning

  await page.goto(DEMO_URLS.m365Detail);
  await expect(rowOf(popup, '7012511180000777').getByTestId('case-messages')).toHaveText('2 messages');
  await expect(rowOf(popup, '7012511180000777')).toContainText('owner Ingénieur support Microsoft');
  await expect(rowOf(popup, '7012511180000777').getByTestId('case-state')).toHaveText('Open · En cours');
});

test('Azure: opening a ticket loads its communications as messages', async ({ context, openPopup }) => {
  const page = await context.newPage();
  await page.goto(DEMO_URLS.azurePortal);
  const popup = await openPopup();
  await expect(rowOf(popup, '2610010040001234')).toBeVisible();
  // The portal's own front end loads the communications when the ticket is opened.
  await page.evaluate(() =>
    fetch(
      'https://management.azure.com/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Support/supportTickets/7f3e2d1c-0000-4000-8000-000000000001/communications?api-version=2024-04-01',
    ),
  );
  await expect(rowOf(popup, '2610010040001234').getByTestId('case-messages')).toHaveText('2 messages');
});
