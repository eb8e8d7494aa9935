/**
 * Updates from outside the portals: saved vendor emails dropped on the dashboard, and text selected on any
 * page added through "Add to Caseradar". Both land in the right case's history, marked with their source.
 */
import { selectionDialogPath } from '../../lib/background/selection-menu';
import { expect, test } from './extension';
import { visitDemoPortals } from './ui-seed';

/** An RFC 5322 message dated `minutesAgo` before now (the test's own clock: the real one, read once). */
function eml(from: string, subject: string, body: string, minutesAgo: number, now: number): string {
  return [
    `From: ${from}`,
    'To: Alex Example <alex@contoso.example>',
    `Subject: ${subject}`,
    `Date: ${new Date(now - minutesAgo * 60_000).toUTCString()}`,
    `Message-ID: <${minutesAgo}.${now}@mail.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

test('dropping three emails on the dashboard adds two to their cases and offers a case for the third', async ({
  context,
  extensionId,
}) => {
  const now = Date.now();
  await visitDemoPortals(context);
  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await expect(dashboard.getByTestId('dashboard-count')).toContainText('of 9 cases');

  const files = [
    {
      name: 'northwind-reply.eml',
      text: eml(
        'Sam Support <support@northwind.zendesk.com>',
        '[Request #48213] Re: Fibre link flapping',
        'We replaced the line card at the cabinet.\n\nPlease watch the link for a day.',
        60,
        now,
      ),
    },
    {
      name: 'azure-update.eml',
      text: eml(
        'Microsoft Support <support@microsoft.com>',
        'RE: VPN gateway drops tunnels TrackingID#2610010040001234',
        'The product group found the cause and is rolling out a fix.',
        90,
        now,
      ),
    },
    {
      name: 'isp-noc.eml',
      text: eml('NOC <noc@acme-fibre.example>', 'Re: outage on your line in Leipzig', 'Back up since 09:40.', 30, now),
    },
  ];
  // A real drop: the files in a DataTransfer, dragged over the page and let go.
  const dataTransfer = await dashboard.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'message/rfc822' }));
    return dt;
  }, files);
  await dashboard.dispatchEvent('main.dashboard', 'dragover', { dataTransfer });
  await dashboard.dispatchEvent('main.dashboard', 'drop', { dataTransfer });

  const results = dashboard.getByTestId('email-results');
  await expect(results).toContainText('2 added, 0 already on record, 1 without a case.');
  const outcomes = dashboard.getByTestId('email-outcome');
  await expect(outcomes.nth(0)).toContainText("Added to Northwind Fiber #48213 as the vendor's message.");
  await expect(outcomes.nth(1)).toContainText("Added to Azure #2610010040001234 as the vendor's message.");
  await expect(outcomes.nth(2)).toContainText('No case of yours matches it.');

  // The reply is in the case's history, from the vendor, marked as an email.
  await outcomes.nth(0).getByRole('button', { name: 'Northwind Fiber #48213' }).click();
  const reply = dashboard.getByTestId('history-item').filter({ hasText: 'by email' });
  await expect(reply).toHaveCount(1);
  await expect(reply).toContainText('Vendor wrote (Sam Support), by email');
  await expect(reply).toContainText('We replaced the line card at the cabinet.');

  // The third becomes a case of its own, prefilled from the sender and the subject.
  await outcomes.nth(2).getByRole('button', { name: 'Create a case from it' }).click();
  await expect(outcomes.nth(2).getByLabel('Vendor')).toHaveValue('Acme Fibre');
  await expect(outcomes.nth(2).getByLabel('Title')).toHaveValue('outage on your line in Leipzig');
  await outcomes.nth(2).getByRole('button', { name: 'Create case' }).click();
  await expect(outcomes.nth(2)).toContainText(/Created Acme Fibre #M-/);
  await expect(dashboard.getByTestId('dashboard-count')).toContainText('of 10 cases');

  // The same drop again adds nothing twice.
  await dashboard.dispatchEvent('main.dashboard', 'drop', { dataTransfer });
  await expect(results).toContainText('0 added, 3 already on record, 0 without a case.');
});

test('"Add to Caseradar" on text selected on a page adds that reply to its case', async ({ context, extensionId }) => {
  await visitDemoPortals(context);
  // A social network's reply to the user's "#fail" post: no portal, no host permission.
  await context.route('https://social.example/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>@NorthwindFiber on Social</title><article>
        <p class="author">Northwind Fiber Support</p>
        <p class="reply">Sorry for the trouble! We found the fault on your line (Request #48213): a damaged splice, fixed now.</p>
      </article>`,
    }),
  );
  const page = await context.newPage();
  await page.goto('https://social.example/NorthwindFiber/status/1');
  await page.locator('p.reply').selectText();
  const selectionText = await page.evaluate(() => getSelection()!.toString());
  expect(selectionText).toContain('Request #48213');

  // What the browser opens for a click on the entry (lib/background/selection-menu.ts), as a tab here:
  // Playwright cannot click the browser's own context menu.
  const dialog = await context.newPage();
  await dialog.goto(
    `chrome-extension://${extensionId}${selectionDialogPath({ selectionText, pageUrl: page.url() }, { title: await page.title() })}`,
  );
  await expect(dialog.getByText('Selected on @NorthwindFiber on Social (social.example).')).toBeVisible();
  await expect(dialog.getByTestId('selection-case')).toHaveValue('northwind.zendesk.com:48213');
  await expect(dialog.getByText('Found by the reference 48213 in the text.')).toBeVisible();
  await dialog.getByLabel('Author').fill('Northwind Fiber Support');
  await dialog.getByRole('button', { name: 'Add to case' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Added to Northwind Fiber #48213.');

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await dashboard.getByRole('row').filter({ hasText: '#48213' }).locator('.case-number').first().click();
  const added = dashboard.getByTestId('history-item').filter({ hasText: 'added from a page' });
  await expect(added).toContainText('Vendor wrote (Northwind Fiber Support), added from a page');
  await expect(added).toContainText('a damaged splice, fixed now.');
});
