import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '@/lib/core/platforms';
import { defaultVendorName, isConsole } from '@/lib/core/portals';
import { FAMILIES } from '@/lib/capture/families';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('platform records', () => {
  it.each(Object.entries(PLATFORMS))('%s: white text on its mark keeps a contrast of 4.5:1', (_id, p) => {
    expect(p.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect((1 + 0.05) / (luminance(p.colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('a family is either a console or a platform of tenants, and tenants are trackable on their own domains', () => {
    for (const family of FAMILIES) {
      const p = PLATFORMS[family.id];
      expect(!!p.console !== !!p.tenantHosts, family.id).toBe(true);
      expect(!!p.trackable, family.id).toBe(!p.console);
      expect(isConsole(family.id), family.id).toBe(!!p.console);
    }
  });

  it("a tenant host on the platform's domain names the tenant", () => {
    expect(defaultVendorName('zendesk', 'northwind.zendesk.com')).toBe('Northwind');
    expect(defaultVendorName('jira-service-management', 'globex.atlassian.net')).toBe('Globex');
    expect(defaultVendorName('servicenow', 'initech.service-now.com')).toBe('Initech');
    expect(defaultVendorName('azure', 'azure')).toBe('Azure');
  });
});
