import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BallBar } from '@/components/charts/ball-bar';
import { defaultPolicy } from '@/lib/alerts/policy';
import { formatWhen } from '@/lib/cases/format';
import { makeCase, makeEvent, message } from '../../helpers/case-factory';

const utc = defaultPolicy('UTC');
const c = makeCase({
  provider: 'zendesk',
  url: 'https://acme.zendesk.com/hc/requests/7',
  vendorName: 'Acme',
  caseId: '7',
  createdAt: '2026-11-09T09:00:00.000Z',
  updatedAt: '2026-11-10T09:00:00.000Z',
});
const events = [
  makeEvent(c.key, { type: 'created', at: '2026-11-09T09:00:00.000Z', to: 'Open' }),
  message(c.key, '2026-11-10T09:00:00.000Z', 'vendor', 'Which site?'),
  makeEvent(c.key, { at: '2026-11-10T09:00:00.000Z', from: 'Open', to: 'Awaiting your reply' }),
  message(c.key, '2026-11-11T13:00:00.000Z', 'customer', 'Site B'),
  makeEvent(c.key, { at: '2026-11-11T13:00:00.000Z', from: 'Awaiting your reply', to: 'Open' }),
];

function render(): Document {
  const html = renderToStaticMarkup(
    <BallBar item={c} events={events} policy={utc} now={new Date('2026-11-12T17:00:00Z')} />,
  );
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
}

describe('BallBar', () => {
  const doc = render();
  const titles = [...doc.querySelectorAll('svg.chart-svg title')].map((t) => t.textContent);

  it('draws each stretch by whose move, with its exact times in its title', () => {
    expect([...doc.querySelectorAll('rect[data-whose]')].map((r) => r.getAttribute('data-whose'))).toEqual([
      'vendor',
      'you',
      'vendor',
    ]);
    expect(titles).toContain(
      `With you: ${formatWhen('2026-11-10T09:00:00.000Z')} – ${formatWhen('2026-11-11T13:00:00.000Z')}`,
    );
    // Patterns, not colour alone: your stretch is hatched, the vendor's solid.
    const you = doc.querySelector('rect[data-whose="you"]')!;
    expect(you.getAttribute('fill')).toMatch(/^url\(#.+-you\)$/);
    expect(doc.querySelector('rect[data-whose="vendor"]')!.getAttribute('fill')).toBeNull();
  });

  it('marks the limit passed and each message, and ends at now', () => {
    expect(doc.querySelectorAll('[data-testid="limit-crossing"]')).toHaveLength(1);
    expect(titles).toContain(
      `Past the waiting-on-you limit from ${formatWhen('2026-11-11T00:00:00.000Z')} to ${formatWhen('2026-11-11T13:00:00.000Z')} (clock from ${formatWhen('2026-11-10T09:00:00.000Z')})`,
    );
    expect(titles).toContain(`Vendor message: ${formatWhen('2026-11-10T09:00:00.000Z')}`);
    expect(titles).toContain(`Your message: ${formatWhen('2026-11-11T13:00:00.000Z')}`);
    expect(titles).toContain(`Now: ${formatWhen('2026-11-12T17:00:00.000Z')}`);
  });

  it('has a legend in words and a text alternative with the same numbers', () => {
    const legend = [...doc.querySelectorAll('.legend li')].map((li) => li.textContent);
    expect(legend).toEqual([
      'With the vendor',
      'With you',
      'Limit passed (flag, hatched above)',
      'Messages: vendor above, yours below',
    ]);
    const svg = doc.querySelector('svg.chart-svg')!;
    const summary = doc.getElementById(svg.getAttribute('aria-describedby')!)!;
    expect(summary.textContent).toBe(
      'With the vendor 20 business hours, with you 12 business hours. Past a limit once. 1 vendor message, 1 of yours.',
    );
    const rows = [...doc.querySelectorAll('table tbody tr')].map((tr) =>
      [...tr.children].slice(0, 2).map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['With the vendor', '20 business hours'],
      ['With you', '12 business hours'],
      ['On hold', '0 business hours'],
      ['Resolved', '0 business hours'],
      ['Unknown', '0 business hours'],
      ['Limits passed', '1'],
      ['Messages', '1 vendor, 1 yours'],
    ]);
  });
});
