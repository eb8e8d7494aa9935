// @vitest-environment-options {"settings":{"handleDisabledFileLoadingAsSuccess":true}}
/**
 * Fuzzing every adapter in the registry (issue 10): realistic inputs from tests/unit/fuzz/families.ts,
 * randomly mutated (tests/unit/fuzz/mutate-*.ts), plus random JSON and random pages. Whatever comes in,
 * an adapter either throws its ProviderParseError or returns an extraction that keeps the contract
 * and that the background accepts (tests/unit/fuzz/invariants.ts).
 *
 * CASERADAR_PROPERTY_SCALE raises (or, for a quick local loop, lowers) the inputs per family and channel.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/capture';
import { FAMILIES, urlMatchesFamily } from '@/lib/capture/families';
import type { Extraction, ProviderAdapter } from '@/lib/capture/types';
import { fixtureFuzz, fuzzFor, type JsonInput, type PageInput } from './families';
import { expectNoFaults, extractionFaults, thrownFaults } from './invariants';
import { FIXED_FAULTS } from './fixed-faults';
import { htmlOpsArb, mutatePage, parsePage, randomPageArb } from './mutate-html';
import { jsonOpsArb, mutateJson, randomJsonArb } from './mutate-json';
import { runs } from '../../helpers/property-runs';

/** Generated inputs per family and channel (JSON bodies, pages) in every run. */
export const FUZZ_RUNS = runs(1000);

const hasRead = (x: Extraction) => x.cases.length > 0 || !!x.messageUpdates?.some((u) => u.messages.length > 0);

// Path segments a page's own request may carry: malformed or encoded escapes, encoded markup, long names.
const ODD_SEGMENTS = [
  '%ZZ',
  '%E0%A4%A',
  '%ED%A0%80',
  '%00',
  '%2F..%2F',
  '%3Cscript%3E',
  '..',
  'a'.repeat(400),
  '%F0%9F%98%80',
];
/** Sometimes the URL with one odd path segment, query or hash; only if the family still reads that URL. */
const urlVariantArb = fc.option(fc.tuple(fc.nat(), fc.constantFrom(...ODD_SEGMENTS)), { freq: 4 });
function varyUrl(url: string, variant: [number, string] | null, isRead: (u: string) => boolean): string {
  if (!variant) return url;
  const [pick, odd] = variant;
  const u = new URL(url);
  const segments = u.pathname.split('/');
  if (pick % 3 === 0 && segments.length > 2) {
    segments[1 + (pick % (segments.length - 1))] = odd;
    u.pathname = segments.join('/');
  } else if (pick % 3 === 1) u.search += `${u.search ? '&' : '?'}q=${odd}`;
  else u.hash = odd;
  return isRead(u.href) ? u.href : url;
}

describe('every adapter is fuzzed', () => {
  it.each(ADAPTERS.map((a) => [a.id, a] as const))('%s has a fuzz generator for each input it reads', (id, adapter) => {
    const fuzz = fuzzFor(id);
    if (adapter.api && !fuzz.api)
      expect.fail(`nothing to fuzz ${id}'s JSON with: add .json fixtures and an api line to read-at.txt`);
    if (adapter.page && !fuzz.page)
      expect.fail(`nothing to fuzz ${id}'s pages with: add .html fixtures and a page line to read-at.txt`);
    expect(adapter.api ?? adapter.page).toBeDefined();
  });

  it('a family without generators of its own is fuzzed from its fixtures, where read-at.txt says', () => {
    const fromFixtures = fixtureFuzz('freshdesk');
    const bodies = fc.sample(fromFixtures.api!.bases, 40);
    expect(new Set(bodies.map((b) => b.url))).toEqual(new Set(['https://acme.freshdesk.com/api/v2/tickets']));
    const pages = fc.sample(fromFixtures.page!.bases, 40);
    expect(new Set(pages.map((p) => p.url))).toEqual(new Set(['https://acme.freshdesk.com/support/tickets']));
    expect(pages.every((p) => p.html.includes('<'))).toBe(true);
  });

  it.each(FIXED_FAULTS.map((k) => [k.provider, k.why, k] as const))(
    'a fault once found in %s stays fixed on its recorded input (%s)',
    (id, _why, known) => {
      const adapter = ADAPTERS.find((a) => a.id === id)!;
      const url = new URL(known.input.url);
      const x =
        'html' in known.input
          ? adapter.page!.extract(parsePage(known.input.html), url)
          : adapter.api!.extract(known.input.body, url);
      expect(extractionFaults(id, x)).toEqual([]);
    },
  );

  it.each(ADAPTERS.map((a) => [a.id, fuzzFor(a.id)] as const))(
    '%s generators give inputs at URLs that family reads',
    (id, fuzz) => {
      const family = FAMILIES.find((f) => f.id === id)!;
      expect(family).toBeDefined();
      for (const input of fuzz.api ? fc.sample(fuzz.api.bases, 60) : []) {
        expect(
          family.apiUrlPatterns.some((p) => p.test(input.url)),
          input.url,
        ).toBe(true);
        expect(JSON.parse(JSON.stringify(input.body))).toEqual(input.body);
      }
      for (const input of fuzz.page ? fc.sample(fuzz.page.bases, 30) : []) {
        expect(urlMatchesFamily(family, input.url), input.url).toBe(true);
        expect(input.html).toMatch(/<html/i);
      }
    },
  );
});

function describeJson(input: JsonInput): string {
  return `${input.url}\n${JSON.stringify(input.body, (_k, v: unknown) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v))}`;
}

function fuzzApi(adapter: ProviderAdapter & { api: NonNullable<ProviderAdapter['api']> }) {
  const channel = fuzzFor(adapter.id).api!;
  const family = FAMILIES.find((f) => f.id === adapter.id)!;
  const isRead = (u: string) => family.apiUrlPatterns.some((p) => p.test(u));
  const inputArb: fc.Arbitrary<JsonInput> = fc.oneof(
    {
      weight: 17,
      arbitrary: fc
        .tuple(channel.bases, jsonOpsArb, urlVariantArb)
        .map(([b, ops, v]) => ({ url: varyUrl(b.url, v, isRead), body: mutateJson(b.body, ops) })),
    },
    { weight: 2, arbitrary: channel.bases.map((b) => ({ url: b.url, body: mutateJson(b.body, []) })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(channel.bases, randomJsonArb)
        .map(([b, body]) => ({ url: b.url, body: mutateJson(body, []) })),
    },
  );
  it(
    `reads ${FUZZ_RUNS} mutated or random JSON bodies without a fault`,
    () => {
      let inputs = 0;
      let reads = 0;
      fc.assert(
        fc.property(inputArb, (input) => {
          inputs++;
          const url = new URL(input.url);
          try {
            adapter.api.detect(input.body, url);
          } catch (error) {
            expect.fail(`detect threw ${String(error)}\ninput: ${describeJson(input).slice(0, 1500)}`);
          }
          let x: Extraction;
          try {
            x = adapter.api.extract(input.body, url);
          } catch (error) {
            expectNoFaults(thrownFaults(adapter.id, error), () => describeJson(input));
            return;
          }
          expectNoFaults(extractionFaults(adapter.id, x), () => describeJson(input));
          if (hasRead(x)) reads++;
        }),
        { numRuns: FUZZ_RUNS },
      );
      expect(inputs).toBeGreaterThanOrEqual(FUZZ_RUNS);
      // The mutations must leave enough inputs readable that the reading code is what gets fuzzed.
      expect(reads / inputs).toBeGreaterThanOrEqual(channel.minReadShare);
    },
    PAGE_TIMEOUT_MS,
  );
}

function describePage(url: string, doc: Document): string {
  return `${url}\n${doc.documentElement?.outerHTML.replace(/([^<>]{200})[^<>]{50,}/g, '$1…') ?? ''}`;
}

// About 3–5 ms per page on the 2-core machines (parse, mutate, read); the default 5 s is too short.
const PAGE_TIMEOUT_MS = 60_000 * Math.max(1, FUZZ_RUNS / 1000);
// happy-dom frees a parsed document only once the event loop turns.
const freePages = fc.afterEach(() => nextTurn());

function fuzzPage(adapter: ProviderAdapter & { page: NonNullable<ProviderAdapter['page']> }) {
  const channel = fuzzFor(adapter.id).page!;
  const family = FAMILIES.find((f) => f.id === adapter.id)!;
  type Made = { url: string; make: () => Document };
  const inputArb: fc.Arbitrary<Made> = fc.oneof(
    {
      weight: 17,
      arbitrary: fc.tuple(channel.bases, htmlOpsArb, urlVariantArb).map(([b, ops, v]): Made => ({
        url: varyUrl(b.url, v, (u) => urlMatchesFamily(family, u)),
        make: () => mutatePage(b.html, ops),
      })),
    },
    {
      weight: 2,
      arbitrary: channel.bases.map((b: PageInput): Made => ({ url: b.url, make: () => parsePage(b.html) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(channel.bases, randomPageArb)
        .map(([b, html]): Made => ({ url: b.url, make: () => parsePage(html) })),
    },
  );
  it(
    `reads ${FUZZ_RUNS} mutated or random pages without a fault`,
    async () => {
      let inputs = 0;
      let reads = 0;
      await fc.assert(
        fc.asyncProperty(inputArb, async (input) => {
          inputs++;
          const url = new URL(input.url);
          const doc = input.make();
          try {
            adapter.page.detect(doc, url);
            adapter.page.isReady?.(doc, url);
          } catch (error) {
            expect.fail(`detect/isReady threw ${String(error)}\ninput: ${describePage(input.url, doc).slice(0, 1500)}`);
          }
          let x: Extraction;
          try {
            x = adapter.page.extract(doc, url);
          } catch (error) {
            expectNoFaults(thrownFaults(adapter.id, error), () => describePage(input.url, doc));
            return;
          }
          expectNoFaults(extractionFaults(adapter.id, x), () => describePage(input.url, doc));
          if (hasRead(x)) reads++;
        }),
        { numRuns: FUZZ_RUNS, plugins: [freePages] } as fc.Parameters<[Made]>,
      );
      expect(inputs).toBeGreaterThanOrEqual(FUZZ_RUNS);
      expect(reads / inputs).toBeGreaterThanOrEqual(channel.minReadShare);
    },
    PAGE_TIMEOUT_MS,
  );
}

describe.each(ADAPTERS.map((a) => [a.id, a] as const))('fuzzing %s', (id, adapter) => {
  const fuzz = fuzzFor(id);
  if (adapter.api && fuzz.api) fuzzApi(adapter as Parameters<typeof fuzzApi>[0]);
  if (adapter.page && fuzz.page) fuzzPage(adapter as Parameters<typeof fuzzPage>[0]);
  // A family with nothing to fuzz a channel with fails "has a fuzz generator for each input it reads" above.
});
