import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/capture';
import { FAMILIES, matchPatternToRegExp, TAP_MATCHES, tapPatternsFor } from '@/lib/capture/families';
import { PROVIDER_IDS } from '@/lib/core/model';

describe('adapter registry', () => {
  it.each(ADAPTERS.map((a) => [a.id, a] as const))(
    '%s has its adapter file, content script, fixtures and tests',
    (id, adapter) => {
      expect(PROVIDER_IDS).toContain(id);
      expect(existsSync(`lib/capture/families/${id}/adapter.ts`)).toBe(true);
      expect(existsSync(`lib/capture/families/${id}/family.ts`)).toBe(true);
      expect(existsSync(`tests/fixtures/${id}/read-at.txt`)).toBe(true);
      expect(existsSync(`entrypoints/${id}.content.ts`)).toBe(true);
      expect(existsSync(`tests/unit/capture/families/${id}.test.ts`)).toBe(true);
      expect(readdirSync(`tests/fixtures/${id}`).length).toBeGreaterThan(0);
      const family = FAMILIES.find((f) => f.id === id)!;
      expect(adapter.matches).toEqual(family.matches);
      // The runner believes a same-origin family's JSON only from the page's origin (lib/capture/run.ts).
      expect(adapter.api?.onPageOrigin).toBe(adapter.api ? family.apiOnPageOrigin : undefined);
      // A family that reads JSON is tapped on its own hosts, for its own API URLs (entrypoints/tap.content.ts).
      if (adapter.api) {
        expect(TAP_MATCHES).toEqual(expect.arrayContaining(family.matches));
        for (const page of family.matches.map((m) => m.replace(/\*\./g, 'acme.').replace(/\*/g, 'x'))) {
          expect(tapPatternsFor(`${page}`)).toEqual(family.apiUrlPatterns);
        }
      }
    },
  );
});

describe('adapter registry, the other way round', () => {
  const ids = new Set<string>(ADAPTERS.map((a) => a.id));
  const stem = (file: string, suffix: string) => file.slice(0, -suffix.length);
  it('every adapter file and content script belongs to a registered adapter', () => {
    expect(
      readdirSync('lib/capture/families', { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .filter((id) => !ids.has(id)),
    ).toEqual([]);
    const scripts = readdirSync('entrypoints')
      .filter((f) => f.endsWith('.content.ts'))
      .map((f) => stem(f, '.content.ts'));
    // tap: the one main-world tap of every family that reads JSON.
    expect(scripts.filter((id) => !ids.has(id) && id !== 'tap')).toEqual([]);
  });
  it('every adapter fixture folder belongs to a registered family', () => {
    // custom: recipe portals' pages; hostile: the hostile text corpus; store: stores of earlier versions;
    // email: saved vendor emails (lib/capture/email).
    const others = new Set(['custom', 'hostile', 'store', 'email']);
    const folders = readdirSync('tests/fixtures', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.filter((d) => !ids.has(d) && !others.has(d))).toEqual([]);
  });
  it('every family has an adapter and every adapter a family', () => {
    expect(FAMILIES.map((f) => f.id).sort()).toEqual([...ids].sort());
  });
});

describe('matchPatternToRegExp', () => {
  it('matches like the browser does', () => {
    const re = matchPatternToRegExp('https://*.zendesk.com/hc/*');
    expect(re.test('https://acme.zendesk.com/hc/en-us/requests')).toBe(true);
    expect(re.test('https://zendesk.com/hc/x')).toBe(true);
    expect(re.test('https://acme.zendesk.com.evil.example/hc/x')).toBe(false);
    expect(re.test('http://acme.zendesk.com/hc/x')).toBe(false);
    expect(re.test('https://evilzendesk.com/hc/x')).toBe(false);
  });
});
