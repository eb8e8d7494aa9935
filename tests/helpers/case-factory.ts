/** Stored cases and events for the UI logic tests (groups, dashboard query, history, status update). */
import type { CaseEvent, StoredCase } from '@/lib/core/model';
import { caseKeyOf, portalOf } from '@/lib/core/portals';

export const baseCase: StoredCase = {
  key: 'azure:1',
  portal: 'azure',
  provider: 'azure',
  caseId: '1',
  title: 'VPN gateway drops tunnels',
  vendorStatus: 'Open',
  state: 'open',
  severity: 'normal',
  vendorSeverity: 'moderate',
  createdAt: '2026-11-09T09:00:00.000Z',
  updatedAt: '2026-11-13T10:00:00.000Z',
  url: 'https://portal.azure.com/#x',
  firstSeenAt: '2026-11-09T09:00:00.000Z',
  lastObservedAt: '2026-11-18T09:00:00.000Z',
  observedVia: 'https://management.azure.com/x',
  observedHow: 'visit',
  lastVendorMessageAt: null,
  lastCustomerMessageAt: null,
  messageCount: 0,
};

/** A case whose portal follows its provider and link, and whose key follows portal and caseId, unless given. */
export function makeCase(over: Partial<StoredCase>): StoredCase {
  const c = { ...baseCase, ...over };
  const portal = over.portal ?? portalOf(c.provider, c.url, c.vendorName);
  return { ...c, portal, key: over.key ?? caseKeyOf(c.provider, portal, c.caseId) };
}

let seq = 0;
export function makeEvent(caseKey: string, over: Partial<CaseEvent>): CaseEvent {
  seq++;
  return {
    caseKey,
    type: 'state',
    at: '2026-11-10T09:00:00.000Z',
    recordedAt: '2026-11-10T09:00:00.000Z',
    dedupKey: `e${seq}`,
    id: seq,
    ...over,
  };
}

export function message(
  caseKey: string,
  at: string,
  side: 'vendor' | 'customer',
  text: string,
  author: string | null = null,
): CaseEvent {
  return makeEvent(caseKey, { type: 'message', at, message: { at, side, text, author } });
}
