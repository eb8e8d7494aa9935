/** Portal pages read in Firefox fill the popup (the Chromium counterpart is tests/e2e/foundation.spec.ts). */
import { json } from './routes';
import { expect, test } from './fixtures';
import { azureTickets, routeAzure, routeZendesk, URLS, ZENDESK_VENDOR, zendeskKey } from './portals';
import { attributes, badgeText, count, popupGroups, readTables, rowFacts, soon, testId, texts } from './page';

test('a Zendesk list and an Azure JSON capture fill one timeline, most urgent first, with the badge', async ({
  ff,
  clock,
}) => {
  routeZendesk(ff.routes, clock);
  routeAzure(ff.routes, () => json(azureTickets(clock)));
  const visitStart = Date.now();
  const zendesk = await ff.openPortal(URLS.zendeskList);
  expect(await count(zendesk, 'table.requests-table')).toBe(1);
  const azure = await ff.openPortal(URLS.azurePortal);
  // The portal's own front end rendered the tickets it fetched (the tap saw that response).
  await soon(() => texts(azure, '#rows td:nth-child(2)')).toEqual([
    '2610010040001234',
    '2609250010005678',
    '2609200010009999',
    '2609180010001111',
  ]);

  const popup = await ff.openExtensionPage('popup.html');
  // Zendesk: 4 open of 5 (one closed); Azure: 3 open of 4 (one closed).
  await soon(() => texts(popup, testId('summary'))).toEqual(['7 open · 1 waiting on you · 5 overdue']);
  const visitEnd = Date.now();
  // Needs you now: waiting on you first, then the cases the vendor let run past the limits, longest
  // silence first. Then Azure's "WaitingForCustomerInput", a status we do not map, for the user to
  // map; the solved request is closing soon. Nothing is left within its limits: no "With vendor".
  expect(await popupGroups(popup)).toEqual([
    [
      'Needs you now 5',
      [
        zendeskKey('48213'),
        'azure:2609250010005678',
        zendeskKey('48001'),
        'azure:2610010040001234',
        zendeskKey('48177'),
      ],
    ],
    ['Needs a look 1', ['azure:2609180010001111']],
    ['Closing soon 1', [zendeskKey('47950')]],
  ]);
  expect(await rowFacts(popup, zendeskKey('48213'))).toEqual({
    id: '#48213',
    provider: ZENDESK_VENDOR,
    title: 'Fiber link down at "Site B" & VPN flapping',
    severity: null,
    overdue: true,
    state: 'Waiting on you · Awaiting your reply',
    quiet: null,
    owner: null,
    messages: null,
    seenHow: '(visit)',
    why: 'waiting on you for 10 business days (limit 1 business day)',
  });
  expect(await rowFacts(popup, 'azure:2610010040001234')).toEqual({
    id: '#2610010040001234',
    provider: 'Azure',
    title: 'VM scale set stuck in "Updating" after OS upgrade',
    severity: 'Normal',
    overdue: true,
    state: 'Open',
    quiet: 'vendor quiet 10 business days',
    owner: 'owner engineer@microsoft.invalid',
    messages: null,
    seenHow: '(visit)',
    why: 'vendor quiet for 10 business days (limit 3 business days)',
  });
  expect(await rowFacts(popup, 'azure:2609250010005678')).toMatchObject({
    severity: 'Low',
    state: 'Open · Updating',
    quiet: 'vendor quiet 20 business days',
    why: 'vendor quiet for 20 business days (limit 5 business days)',
  });
  expect(await rowFacts(popup, zendeskKey('48001'))).toMatchObject({
    title: '東京オフィスの回線速度が遅い 🚀',
    state: 'On hold · Open',
    quiet: 'vendor quiet 15 business days',
    why: 'vendor quiet for 15 business days (limit 3 business days)',
  });
  // Hostile-looking titles are text; the popup runs only its own module script.
  expect(await rowFacts(popup, zendeskKey('48177'))).toMatchObject({
    title: '<script>alert(1)</script> in invoice PDF',
    state: 'Open',
    quiet: 'vendor quiet 5 business days',
    why: 'vendor quiet for 5 business days (limit 3 business days)',
  });
  expect(await rowFacts(popup, zendeskKey('47950'))).toMatchObject({
    state: 'Resolved · 답변완료',
    quiet: null,
    overdue: false,
    why: 'Zendesk closes a solved request 4 days after it was solved; a closed request cannot be reopened (due now)',
  });
  expect(await rowFacts(popup, 'azure:2609180010001111')).toMatchObject({
    severity: 'High',
    overdue: false,
    state: 'Unknown state · Waiting for customer input',
    quiet: null,
    why: 'Caseradar cannot read “Waiting for customer input”',
  });
  expect(await count(popup, 'script')).toBe(1);
  expect(await attributes(popup, `[data-case-key="azure:2610010040001234"] a.case-title`, 'href')).toEqual([
    'https://portal.azure.com/#resource/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Support/supportTickets/7f3e2d1c-0000-4000-8000-000000000001',
  ]);
  expect(await badgeText(popup)).toBe('1');

  // What the popup says comes from what was stored at the visit.
  const { cases } = await readTables(popup, ['cases']);
  expect(cases.map((c) => c.key).sort()).toEqual([
    'azure:2609180010001111',
    'azure:2609200010009999',
    'azure:2609250010005678',
    'azure:2610010040001234',
    zendeskKey('46802'),
    zendeskKey('47950'),
    zendeskKey('48001'),
    zendeskKey('48177'),
    zendeskKey('48213'),
  ]);
  for (const c of cases) {
    expect(c.observedHow).toBe('visit');
    expect(Date.parse(c.lastObservedAt as string)).toBeGreaterThanOrEqual(visitStart);
    expect(Date.parse(c.lastObservedAt as string)).toBeLessThanOrEqual(visitEnd);
  }
  expect(cases.find((c) => c.key === zendeskKey('48213'))?.updatedAt).toBe(clock.noonWeeksAgo(2));
});

test('opening a case detail adds its messages, severity and owner', async ({ ff, clock }) => {
  routeZendesk(ff.routes, clock);
  await ff.openPortal(URLS.zendeskList);
  const popup = await ff.openExtensionPage('popup.html');
  await soon(() => rowFacts(popup, zendeskKey('48213'))).toMatchObject({ severity: null, owner: null, messages: null });

  await ff.openPortal(URLS.zendeskDetail);
  // The customer wrote three weeks ago, the vendor answered two weeks ago: still our move since then.
  await soon(() => rowFacts(popup, zendeskKey('48213'))).toEqual({
    id: '#48213',
    provider: ZENDESK_VENDOR,
    title: 'Fiber link down at "Site B" & VPN flapping',
    severity: 'Critical',
    overdue: true,
    state: 'Waiting on you · Awaiting your reply',
    quiet: null,
    owner: 'owner Sam Support (Northwind)',
    messages: '2 messages',
    seenHow: '(visit)',
    why: 'waiting on you for 10 business days (limit 1 business day)',
  });
  const { events } = await readTables(popup, ['events']);
  const messages = events.filter((e) => e.caseKey === zendeskKey('48213') && e.type === 'message');
  expect(
    messages.map((m) => {
      const msg = m.message as { at: string; side: string; author: string };
      return [m.at, msg.at, msg.side, msg.author];
    }),
  ).toEqual([
    [clock.noonWeeksAgo(3), clock.noonWeeksAgo(3), 'customer', 'Alex Example'],
    [clock.noonWeeksAgo(2), clock.noonWeeksAgo(2), 'vendor', 'Sam Support (Northwind)'],
  ]);
});

test('a signed-out Azure session is reported as a blind spot, not turned into "no cases"', async ({ ff }) => {
  routeAzure(ff.routes, () => json({ error: { code: 'AuthenticationFailed' } }, 401));
  await ff.openPortal(URLS.azurePortal);
  const popup = await ff.openExtensionPage('popup.html');
  await soon(() => texts(popup, testId('blind-spot'))).toEqual([
    'Azure (portal.azure.com): signed out — no open cases there yet. azure: Expected data, got HTTP 401 ' +
      '(https://management.azure.com/providers/Microsoft.Support/supportTickets?api-version=2024-04-01) Never read successfully. Open to sign in',
  ]);
  expect(await count(popup, testId('empty'))).toBe(1);
  expect(await count(popup, testId('case-row'))).toBe(0);
});
