/** Builds a store from every fixture the adapters can read (pages and JSON), through the real ingest. */
import { readdirSync } from 'node:fs';
import type { CaseradarDB } from '@/lib/store/db';
import { ingestSnapshot, type IngestResult } from '@/lib/store/ingest';
import { ADAPTERS } from '@/lib/capture';
import { ProviderParseError } from '@/lib/capture/types';
import { fixtureReadAt, loadFixtureDoc, loadFixtureJson } from './fixtures';

/** Every fixture file of every family, family by family in registry order, each family's sorted. */
export function allFixtureFiles(): string[] {
  return ADAPTERS.flatMap((a) =>
    readdirSync(`tests/fixtures/${a.id}`)
      .filter((f) => /\.(?:json|html)$/.test(f))
      .sort()
      .map((f) => `${a.id}/${f}`),
  );
}

/**
 * Ingests fixtures through the real ingest: `files` ("family/file", in order; all by default), each
 * captured a minute after the one before from 2026-11-20 09:00 UTC. `onResult` sees each ingest's result
 * (re-ingest tests count its writes).
 */
export async function buildFixtureStore(
  db: CaseradarDB,
  onResult?: (result: IngestResult, file: string) => void,
  files: string[] = allFixtureFiles(),
): Promise<number> {
  let snapshots = 0;
  let minute = 0;
  for (const adapter of ADAPTERS) {
    const own = files.filter((f) => f.startsWith(`${adapter.id}/`)).map((f) => f.slice(adapter.id.length + 1));
    if (own.length === 0) continue;
    // Throws when the family does not say where its fixtures are read: no family is skipped unseen.
    const urls = fixtureReadAt(adapter.id);
    let read = 0;
    for (const file of own) {
      const capturedAt = new Date(Date.UTC(2026, 10, 20, 9, minute++)).toISOString();
      try {
        let extraction;
        if (file.endsWith('.json') && adapter.api && urls.api)
          extraction = adapter.api.extract(loadFixtureJson(`${adapter.id}/${file}`), new URL(urls.api));
        else if (file.endsWith('.html') && adapter.page && urls.page) {
          const url = file.includes('detail') ? `${urls.page}/48213` : urls.page;
          extraction = adapter.page.extract(loadFixtureDoc(`${adapter.id}/${file}`, url), new URL(url));
        }
        if (!extraction) continue;
        const result = await ingestSnapshot(db, {
          provider: adapter.id,
          pageUrl: urls.page ?? urls.api!,
          sourceUrl: urls.api ?? urls.page!,
          capturedAt,
          how: 'visit',
          extraction,
        });
        onResult?.(result, `${adapter.id}/${file}`);
        snapshots++;
        read++;
      } catch (error) {
        // Fixtures of unreadable layouts are meant to fail with the adapter's parse error, and add
        // nothing; anything else (an adapter crash, a store error) is a real failure.
        if (!(error instanceof ProviderParseError)) throw error;
      }
    }
    // A family whose every fixture became unreadable would drop out of the tests that use this store.
    if (read === 0) throw new Error(`Expected ${adapter.id} fixtures the adapter reads, read none`);
  }
  return snapshots;
}
