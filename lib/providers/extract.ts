/** Finds the adapter for a page or JSON body and reads it. Pure; used by the extract command and tests. */
import type { ProviderId } from '../model';
import { ADAPTERS } from './index';
import type { Extraction } from './types';

export class NoAdapterError extends Error {
  override readonly name = 'NoAdapterError';
}

export interface ExtractOutput {
  provider: ProviderId;
  extraction: Extraction;
}

export function extractFromDocument(doc: Document, url: URL): ExtractOutput {
  for (const adapter of ADAPTERS) {
    if (adapter.page?.detect(doc, url)) return { provider: adapter.id, extraction: adapter.page.extract(doc, url) };
  }
  throw new NoAdapterError(`No adapter recognises the page at ${url.href} (expected a known portal path and markup)`);
}

export function extractFromJson(body: unknown, url: URL): ExtractOutput {
  for (const adapter of ADAPTERS) {
    const api = adapter.api;
    if (api && api.urlPatterns.some((p) => p.test(url.href))) {
      // The URL is the adapter's: an unknown body shape is its named error, not "try the next one".
      return { provider: adapter.id, extraction: api.extract(body, url) };
    }
  }
  throw new NoAdapterError(`No adapter reads JSON served at ${url.href} (expected a known portal API URL)`);
}
