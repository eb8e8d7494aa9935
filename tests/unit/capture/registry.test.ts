import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/capture';
import { FAMILIES, matchPatternToRegExp } from '@/lib/capture/families';
import { PROVIDER_IDS } from '@/lib/core/model';

describe('adapter registry', () => {
  it.each(ADAPTERS.map((a) => [a.id, a] as const))('%s has its adapter file, content script, fixtures and tests', (id, adapter) => {
    expect(PROVIDER_IDS).toContain(id);
    expect(existsSync(`lib/capture/adapters/${id}.ts`)).toBe(true);
    expect(existsSync(`entrypoints/${id}.content.ts`)).toBe(true);
    expect(existsSync(`tests/unit/capture/adapters/${id}.test.ts`)).toBe(true);
    expect(readdirSync(`tests/fixtures/${id}`).length).toBeGreaterThan(0);
    const family = FAMILIES.find((f) => f.id === id)!;
    expect(adapter.matches).toEqual(family.matches);
    if (adapter.api) expect(existsSync(`entrypoints/${id}-tap.content.ts`)).toBe(true);
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
