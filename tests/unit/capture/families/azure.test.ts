import { describe, expect, it } from 'vitest';
import { azure } from '@/lib/capture/families/azure/adapter';
import { loadFixtureJson } from '../../../helpers/fixtures';

const LIST_URL =
  'https://management.azure.com/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Support/supportTickets?api-version=2024-04-01';
const read = (file: string, url = LIST_URL) => azure.api!.extract(loadFixtureJson(`azure/${file}`), new URL(url));

describe('azure supportTickets list', () => {
  it('uses supportTicketId (not the ARM name) as the case id and maps status and severity', () => {
    const { kind, cases, problems } = read('list.json');
    expect(kind).toBe('list');
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.caseId, c.state, c.vendorStatus, c.severity, c.vendorSeverity])).toEqual([
      ['2610010040001234', 'open', 'Open', 'normal', 'moderate'],
      ['2609250010005678', 'open', 'Updating', 'low', 'minimal'],
      ['2609200010009999', 'closed', 'Closed', 'critical', 'highestcriticalimpact'],
      // Unknown status: raw label kept, state unknown.
      ['2609180010001111', null, 'WaitingForCustomerInput', 'high', 'critical'],
    ]);
  });

  it('keeps titles as raw text, times in UTC, the engineer as owner and a portal deep link', () => {
    const { cases } = read('list.json');
    expect(cases[0]).toMatchObject({
      provider: 'azure',
      title: 'VM scale set stuck in "Updating" after OS upgrade',
      createdAt: '2026-10-01T08:00:00.000Z',
      updatedAt: '2026-10-02T10:20:30.000Z',
      owner: 'engineer@microsoft.invalid',
      url: 'https://portal.azure.com/#resource/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Support/supportTickets/7f3e2d1c-0000-4000-8000-000000000001',
    });
    expect(cases[1]!.title).toBe('Rechnung doppelt belastet – Ü/ß/€ 請求書');
    expect(cases[2]!.title).toBe('<img src=x onerror=alert(1)> Production SQL MI unreachable');
  });

  it('reads a single ticket as a detail', () => {
    const { kind, cases } = read(
      'single.json',
      LIST_URL.replace('supportTickets?', 'supportTickets/7f3e2d1c-0000-4000-8000-000000000001?'),
    );
    expect(kind).toBe('detail');
    expect(cases).toEqual([expect.objectContaining({ caseId: '2610010040001234', state: 'closed', severity: 'high' })]);
  });

  it('accepts an empty list', () => {
    expect(read('empty.json')).toEqual({ kind: 'list', cases: [], problems: [] });
  });

  it('reports items it cannot read instead of dropping them', () => {
    const { cases, problems } = read('list-bad-item.json');
    expect(cases.map((c) => c.caseId)).toEqual(['2610050010000001']);
    expect(problems).toEqual([
      { where: 'value[1]', reason: 'Expected a numeric supportTicketId, got null' },
      { where: 'value[2]', reason: 'Expected a Microsoft.Support/supportTickets resource with properties' },
    ]);
  });

  it('fails with a named error on an unknown shape', () => {
    expect(() => read('unknown.json')).toThrow(/Expected \{value: \[supportTickets\]\} or one supportTickets resource/);
  });

  it('captures tenant and subscription ticket URLs only', () => {
    const wanted = (u: string) => azure.api!.urlPatterns.some((p) => p.test(u));
    expect(wanted(LIST_URL)).toBe(true);
    expect(
      wanted('https://management.azure.com/providers/Microsoft.Support/supportTickets?api-version=2020-04-01'),
    ).toBe(true);
    expect(
      wanted('https://management.azure.com/providers/microsoft.support/supporttickets/abc?api-version=2024-04-01'),
    ).toBe(true);
    expect(
      wanted(
        'https://management.azure.com/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines',
      ),
    ).toBe(false);
    expect(wanted('https://evil.example/providers/Microsoft.Support/supportTickets')).toBe(false);
  });
});

describe('azure communications and SLA', () => {
  const COMMS =
    'https://management.azure.com/subscriptions/00000000-0000-0000-0000-0000000000aa/providers/Microsoft.Support/supportTickets/7F3E2D1C-0000-4000-8000-000000000001/communications?api-version=2024-04-01';

  it('keeps the service-level agreement and the ARM name (lower case) on the case', () => {
    const { cases } = read('list.json');
    expect(cases[0]).toMatchObject({
      sla: { startAt: '2026-10-01T08:00:00.000Z', expiresAt: '2026-10-01T16:00:00.000Z', minutes: 480 },
      vendorRef: '7f3e2d1c-0000-4000-8000-000000000001',
    });
    expect(cases[1]!.sla).toBeUndefined();
  });

  it('reads communications: inbound is Microsoft, outbound is the customer', () => {
    const { kind, cases, messageUpdates, problems } = read('communications.json', COMMS);
    expect(kind).toBe('detail');
    expect(cases).toEqual([]);
    expect(messageUpdates).toEqual([
      {
        vendorRef: '7f3e2d1c-0000-4000-8000-000000000001',
        messages: [
          {
            at: '2026-10-01T08:05:00.000Z',
            author: 'alex@example.invalid',
            side: 'customer',
            text: 'Re: VM scale set stuck\n\nInstances vmss_3 and vmss_7 never return.',
          },
          {
            at: '2026-10-02T10:20:30.000Z',
            author: 'engineer@microsoft.invalid',
            side: 'vendor',
            text: 'Case 2610010040001234: next steps\n\n<p>Please collect the boot diagnostics.</p>',
          },
        ],
      },
    ]);
    expect(problems).toEqual([
      { where: 'value[2]', reason: 'Expected a communication with createdDate and an inbound/outbound direction' },
    ]);
    expect(azure.api!.urlPatterns.some((p) => p.test(COMMS))).toBe(true);
  });
});
