/**
 * What the views show of a platform as such (name, mark, colour) and whether it is one console or hosts
 * tenants: taken from each family's record (lib/capture/families/<id>/family.ts), plus the two
 * providers that have no family: recipe portals and manual cases.
 */
import type { FamilyRecord } from './family-record';
import { FAMILY_RECORDS } from '../capture/families/records';
import type { PortalProviderId, ProviderId } from './model';

export type Platform = Pick<FamilyRecord, 'name' | 'mark' | 'colour' | 'console' | 'tenantHosts' | 'trackable'>;

// Pure: a content script that never names a platform drops the records (bundle size).
export const PLATFORMS: Record<ProviderId, Platform> = /* @__PURE__ */ platforms();
function platforms(): Record<ProviderId, Platform> {
  return {
    ...(Object.fromEntries(FAMILY_RECORDS.map((f) => [f.id, f])) as unknown as Record<PortalProviderId, Platform>),
    custom: { name: 'Other portal', mark: '', colour: '#5f5d66' },
    manual: { name: 'Manual', mark: '', colour: '#5f5d66' },
  };
}
