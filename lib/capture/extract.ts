/** Finds the adapter for a page or JSON body and reads it. Pure; used by the extract command and tests. */
import type { ProviderId } from '../core/model';
import { defaultVendorName, isConsole, portalOf, readPortalName } from '../core/portals';
import { ADAPTERS } from './index';
import type { Extraction } from './types';

export class NoAdapterError extends Error {
  override readonly name = 'NoAdapterError';
}

export interface ExtractOutput {
  provider: ProviderId;
  /** The vendor portal the cases would be filed under (lib/core/portals.ts). */
  portal: string;
  /** The vendor's name as the extension would first show it: the page's own, else one made from the host. */
  vendorName: string;
  extraction: Extraction;
}

function named(provider: ProviderId, url: URL, extraction: Extraction, doc?: Document): ExtractOutput {
  const portal = portalOf(provider, url.href);
  const read = doc && !isConsole(provider) ? readPortalName(doc) : null;
  return { provider, portal, vendorName: read ?? defaultVendorName(provider, portal), extraction };
}

export function extractFromDocument(doc: Document, url: URL): ExtractOutput {
  for (const adapter of ADAPTERS) {
    if (adapter.page?.detect(doc, url)) return named(adapter.id, url, adapter.page.extract(doc, url), doc);
  }
  throw new NoAdapterError(`No adapter recognises the page at ${url.href} (expected a known portal path and markup)`);
}

export function extractFromJson(body: unknown, url: URL): ExtractOutput {
  for (const adapter of ADAPTERS) {
    const api = adapter.api;
    if (api && api.urlPatterns.some((p) => p.test(url.href))) {
      // The URL is the adapter's: an unknown body shape is its named error, not "try the next one".
      return named(adapter.id, url, api.extract(body, url));
    }
  }
  throw new NoAdapterError(`No adapter reads JSON served at ${url.href} (expected a known portal API URL)`);
}
