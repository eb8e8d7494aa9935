import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '@/lib/alerts/policy';
import { composeStatusUpdate } from '@/lib/cases/status-update';
import { emptyWorkspace } from '@/lib/cases/workspace';
import { makeCase, makeEvent, message } from '../../helpers/case-factory';

const policy = defaultPolicy('Europe/Berlin');
const c = makeCase({
  caseId: '2610',
  title: 'VPN gateway drops tunnels',
  severity: 'high',
  vendorSeverity: 'high',
  createdAt: '2026-11-09T23:30:00Z',
  updatedAt: '2026-11-13T10:00:00Z',
  lastVendorMessageAt: '2026-11-13T10:00:00Z',
});
const events = [
  message(c.key, '2026-11-13T10:00:00Z', 'vendor', 'Internal ticket INC-4411: customer tenant misconfigured'),
  makeEvent(c.key, { type: 'created', at: '2026-11-09T23:30:00Z', to: 'Open' }),
  message(c.key, '2026-11-11T08:00:00Z', 'customer', 'Logs attached'),
  makeEvent(c.key, { type: 'severity', at: '2026-11-12T08:00:00Z', from: 'moderate', to: 'high' }),
];

describe('composeStatusUpdate', () => {
  const text = composeStatusUpdate({ case: c, events, nowIso: '2026-11-18T12:00:00Z', policy });

  it("names the problem, the vendor, the case and when it was reported (in the user's time zone)", () => {
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Status update: VPN gateway drops tunnels',
      'Reported to Azure (case 2610) on 10 Nov 2026.', // 23:30 UTC is the next day in Berlin
    ]);
  });

  it('says whose move it is and for how long the vendor has been quiet, in business days', () => {
    expect(text).toContain(
      'Where it stands: The vendor is working on it; we are waiting for their next reply (no news from them for 3 business days).',
    );
    expect(text).toContain('Priority with the vendor: High.');
    expect(text).toContain('Last reply from the vendor: 13 Nov 2026.');
  });

  it("lists what happened, oldest first, without quoting the vendor's words", () => {
    const steps = text.slice(text.indexOf('What has happened so far:')).split('\n').slice(1, 5);
    expect(steps).toEqual([
      '- 10 Nov 2026: reported to the vendor',
      '- 11 Nov 2026: we sent the vendor more information',
      '- 12 Nov 2026: priority changed to "High"',
      '- 13 Nov 2026: the vendor replied',
    ]);
    expect(text).not.toContain('INC-4411');
    expect(text.endsWith('We will send the next update as soon as anything changes.')).toBe(true);
  });

  it("calls the priority by the vendor's word everywhere, and statuses in words", () => {
    const urgent = { ...c, severity: 'critical' as const, vendorSeverity: 'Urgent' };
    const withCodes = [
      makeEvent(c.key, { type: 'severity', at: '2026-11-12T08:00:00Z', from: 'High', to: 'Urgent' }),
      makeEvent(c.key, { type: 'state', at: '2026-11-13T08:00:00Z', from: 'opened', to: 'pending-customer-action' }),
    ];
    const update = composeStatusUpdate({ case: urgent, events: withCodes, nowIso: '2026-11-18T12:00:00Z', policy });
    expect(update).toContain('Priority with the vendor: Urgent.');
    expect(update).not.toContain('Critical');
    expect(update).toContain('- 12 Nov 2026: priority changed to "Urgent"');
    expect(update).toContain('- 13 Nov 2026: the vendor set the status to "Pending customer action"');
  });

  it('promises the next update by the time the user chose, in their zone', () => {
    const promised = composeStatusUpdate({
      case: c,
      events,
      nowIso: '2026-11-18T12:00:00Z',
      policy,
      nextUpdateAt: '2026-11-19T11:00:00Z',
    });
    expect(
      promised.endsWith('We will send the next update by 19 Nov 2026, 12:00 CET, or sooner if anything changes.'),
    ).toBe(true);
  });

  it('adds the impact and the escalation from the workspace, never the private notes', () => {
    const ws = {
      ...emptyWorkspace(c.key),
      notes: 'vendor engineer seems clueless',
      infoPack: { environment: 'Berlin DC', repro: '', impact: 'Remote staff cannot reach the ERP.' },
      escalation: { level: '2', contact: 'Duty manager', escalatedAt: '2026-11-17T09:00:00Z' },
    };
    const withWs = composeStatusUpdate({ case: c, events, workspace: ws, nowIso: '2026-11-18T12:00:00Z', policy });
    expect(withWs).toContain('Impact: Remote staff cannot reach the ERP.');
    expect(withWs).toContain('We escalated the case to level 2 on 17 Nov 2026.');
    expect(withWs).not.toContain('clueless');
    expect(withWs).not.toContain('Berlin DC');
  });

  it('speaks to each ball in court', () => {
    const say = (over: Parameters<typeof makeCase>[0]) =>
      composeStatusUpdate({ case: { ...c, ...over }, events: [], nowIso: '2026-11-18T12:00:00Z', policy });
    expect(say({ state: 'waiting-on-customer' })).toContain(
      'The vendor has asked us for information; we are working on it.',
    );
    expect(say({ state: 'resolved' })).toContain('believes the problem is fixed');
    const closed = say({ state: 'closed' });
    expect(closed).toContain('The case is closed.');
    expect(closed).toContain('No further updates are planned.');
    expect(closed).not.toContain('What has happened');
  });

  it('never tells a value we only learned (unknown before) as a step, only real changes', () => {
    const learned = [
      makeEvent(c.key, { type: 'created', at: '2026-11-09T23:30:00Z', to: 'Open' }),
      // The list showed no severity or owner; the detail page read on the 16th did.
      makeEvent(c.key, { type: 'severity', at: '2026-11-16T08:00:00Z', from: null, to: 'high' }),
      makeEvent(c.key, { type: 'owner', at: '2026-11-16T08:00:00Z', from: null, to: 'Sam Support' }),
      makeEvent(c.key, { type: 'owner', at: '2026-11-17T08:00:00Z', from: 'Sam Support', to: 'Kim Ops' }),
    ];
    const update = composeStatusUpdate({ case: c, events: learned, nowIso: '2026-11-18T12:00:00Z', policy });
    expect(update.split('\n').filter((l) => l.startsWith('- '))).toEqual([
      '- 10 Nov 2026: reported to the vendor',
      '- 17 Nov 2026: a new engineer at the vendor took the case',
    ]);
  });

  it('keeps only the most recent steps of a long history', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      message(c.key, `2026-11-${String(i + 1).padStart(2, '0')}T12:00:00Z`, 'vendor', 'x'),
    );
    const update = composeStatusUpdate({ case: c, events: many, nowIso: '2026-11-21T12:00:00Z', policy });
    const steps = update.split('\n').filter((l) => l.startsWith('- '));
    expect(steps).toHaveLength(6);
    expect(steps[0]).toBe('- 15 Nov 2026: the vendor replied');
  });
});
