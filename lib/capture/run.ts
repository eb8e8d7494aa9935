/**
 * The isolated-world content-script runner shared by every family: reads the page (waiting for
 * single-page apps to render, re-reading on in-page navigation) and the JSON bodies the main-world
 * tap forwards, and sends typed snapshot or failure messages to the background.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendFromPage as send } from '../core/send-from-page';
import { TAP_HELLO, TAP_PORT, type TapMessage } from './tap';
import { readPortalName } from '../core/portals';
import { sameOrigin } from '../core/text';
import { guarded } from './guard';
import { ProviderParseError, type Extraction, type ProviderAdapter } from './types';

/** How long a single-page app gets to render before we call the layout unknown. */
const RENDER_TIMEOUT_MS = 8_000;
const RECHECK_MS = 250;
/** Debounce for re-reading after the page changes under us. */
const MUTATION_DEBOUNCE_MS = 800;
/** The longest failure text the background accepts (lib/core/schema.ts). */
const MAX_FAILURE_MESSAGE = 1000;

function isTapMessage(data: unknown): data is TapMessage {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.url === 'string' && typeof d.status === 'number' && typeof d.body === 'string';
}

/**
 * Our side of the tap's private channel (lib/capture/tap.ts): takes the first port the page's main
 * world offers, claims it, and asks for one in case the tap started first and its offer went unheard.
 * Runs at document_start, before any page script.
 */
export function listenToTap(
  ctx: Pick<ContentScriptContext, 'addEventListener' | 'onInvalidated'>,
  onBody: (m: TapMessage) => void,
): void {
  let port: MessagePort | null = null;
  ctx.addEventListener(window, 'message', (event: MessageEvent) => {
    if (
      port ||
      event.source !== window ||
      (event.data as { source?: unknown } | null)?.source !== TAP_PORT ||
      !event.ports[0]
    )
      return;
    port = event.ports[0];
    port.onmessage = (message: MessageEvent) => {
      if (isTapMessage(message.data)) onBody(message.data);
    };
    port.postMessage({ ack: true });
  });
  window.postMessage({ source: TAP_HELLO }, window.location.origin);
  ctx.onInvalidated(() => port?.close());
}

function describe(error: unknown): { failure: ProviderParseError['failure']; message: string } {
  if (error instanceof ProviderParseError) return { failure: error.failure, message: error.message };
  return {
    failure: 'layout-changed',
    message: `Adapter error: ${error instanceof Error ? error.message : String(error)}`,
  };
}

export function runAdapter(raw: ProviderAdapter, ctx: ContentScriptContext): void {
  // What the page says is untrusted: every read is fitted to the store's limits before it is sent.
  const adapter = guarded(raw);
  let lastSent = '';

  const report = (sourceUrl: string, extraction: Extraction) => {
    if (extraction.deferredToApi) return;
    const signature = `${sourceUrl}\n${JSON.stringify(extraction)}`;
    if (signature === lastSent) return; // Same read as last time: nothing new to tell.
    lastSent = signature;
    void send('cs:snapshot', {
      provider: adapter.id,
      pageUrl: location.href,
      sourceUrl,
      capturedAt: new Date().toISOString(),
      extraction,
      portalName: readPortalName(document),
    }).catch(() => {
      lastSent = ''; // Not delivered (worker stopping, extension reloading): the next read sends it again.
    });
  };
  const fail = (sourceUrl: string, error: unknown) => {
    const { failure, message } = describe(error);
    const signature = `${sourceUrl}\n${failure}`;
    if (signature === lastSent) return;
    lastSent = signature;
    void send('cs:extract-failed', {
      provider: adapter.id,
      pageUrl: location.href,
      failure,
      message: message.slice(0, MAX_FAILURE_MESSAGE),
    }).catch(() => {
      lastSent = '';
    });
  };

  // ---- DOM pages ----
  const page = adapter.page;
  // When the tap's JSON last read as a case list (or never: 0), for readPage.
  let listJsonReadAt = 0;
  let attempt = 0;
  // Waits for the page to render, then reads it; only a read that ran out of time reports failure.
  const readPage = (deadline: number) => {
    if (!page || !ctx.isValid) return;
    // At document_start the parser has not built the page yet: reading now could only say
    // "layout changed" about half a document. Server-rendered pages are whole at DOMContentLoaded.
    if (document.readyState === 'loading') {
      ctx.addEventListener(document, 'DOMContentLoaded', () => readPage(deadline), { once: true });
      return;
    }
    const url = new URL(location.href);
    const kind = page.detect(document, url);
    if (!kind) return;
    const ready = page.isReady?.(document, url) ?? true;
    if (!ready && Date.now() < deadline) {
      const mine = ++attempt;
      ctx.setTimeout(() => mine === attempt && readPage(deadline), RECHECK_MS);
      return;
    }
    // Never rendered anything to read, but the case list this page loaded was read from its JSON
    // meanwhile: that read speaks for the page (Zendesk's newer list with zero requests renders no
    // table, no marker, no cells), so it is no blind spot.
    if (!ready && listJsonReadAt >= deadline - RENDER_TIMEOUT_MS && kind === 'list') return;
    try {
      report(url.href, page.extract(document, url));
    } catch (error) {
      fail(url.href, error);
    }
  };
  // After a re-render: read again if the page is readable; transient half-rendered states say nothing.
  const rereadPage = () => {
    if (!page || !ctx.isValid) return;
    const url = new URL(location.href);
    if (!page.detect(document, url) || !(page.isReady?.(document, url) ?? true)) return;
    try {
      report(url.href, page.extract(document, url));
    } catch {
      // Mid-render: the initial read (with its timeout) is the one that reports failures.
    }
  };
  const startPageRead = () => readPage(Date.now() + RENDER_TIMEOUT_MS);
  if (page) {
    startPageRead();
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      lastSent = '';
      startPageRead();
    });
    let debounce: number | undefined;
    const observer = new MutationObserver(() => {
      if (debounce !== undefined) clearTimeout(debounce);
      debounce = ctx.setTimeout(rereadPage, MUTATION_DEBOUNCE_MS);
    });
    // Watch for re-renders only once the document is parsed: observing the parser's own insertions
    // would cost the portal's page load for nothing.
    const observe = () => observer.observe(document.documentElement, { childList: true, subtree: true });
    if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', observe);
    else observe();
    ctx.onInvalidated(() => observer.disconnect());
  }

  // ---- JSON the portal's own front end loads (forwarded by the main-world tap) ----
  const api = adapter.api;
  if (api) {
    listenToTap(ctx, ({ url, status, body }) => {
      // The tap runs in the page's world: re-check everything it says. A family whose JSON lives on
      // the portal's own origin never believes a body (or a 401) from elsewhere.
      if (!api.urlPatterns.some((p) => p.test(url))) return;
      if (api.onPageOrigin && !sameOrigin(url, location.origin)) return;
      if (status === 401 || status === 403) {
        fail(url, new ProviderParseError(adapter.id, url, 'signed-out', `Expected data, got HTTP ${status}`));
        return;
      }
      if (status < 200 || status >= 300) return; // Transient server errors say nothing about the cases.
      try {
        const parsed: unknown = JSON.parse(body);
        const target = new URL(url);
        // On a shared endpoint (AWS JSON 1.1) other operations' bodies are not ours to judge.
        if (api.urlsAreExclusive === false && !api.detect(parsed, target)) return;
        const extraction = api.extract(parsed, target);
        if (extraction.kind === 'list') listJsonReadAt = Date.now();
        report(url, extraction);
      } catch (error) {
        fail(
          url,
          error instanceof SyntaxError
            ? new ProviderParseError(adapter.id, url, 'unknown-shape', 'Expected a JSON body, got unparseable text')
            : error,
        );
      }
    });
  }
}
