/**
 * End-to-end helpers that reach below the UI: the store as IndexedDB holds it (read from one of our
 * pages, so the service worker is not woken), a content script's isolated world on a portal page (to
 * send what a content script can send), and stopping the service worker as Chrome does when idle.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

/** Every row of the given tables, read with the raw IndexedDB API from an extension page. */
export function readTables(extensionPage: Page, tables: string[]): Promise<Record<string, unknown[]>> {
  return extensionPage.evaluate(
    (names) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('caseradar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const present = names.filter((n) => db.objectStoreNames.contains(n));
          const out: Record<string, unknown[]> = Object.fromEntries(names.map((n) => [n, []]));
          if (present.length === 0) {
            db.close();
            resolve(out);
            return;
          }
          const tx = db.transaction(present, 'readonly');
          for (const n of present) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => (out[n] = req.result as unknown[]);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    tables,
  );
}

/** Deletes every row of the given tables (test set-up between attempts). */
export function clearTables(extensionPage: Page, tables: string[]): Promise<void> {
  return extensionPage.evaluate(
    (names) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('caseradar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(names, 'readwrite');
          for (const n of names) tx.objectStore(n).clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    tables,
  );
}

/** Outcome of a runtime message sent from a page: the reply, or the error message it was refused with. */
export type Sent = { ok: unknown } | { error: string };

/**
 * Runs expressions in our content script's isolated world on a portal page (the world Chrome names
 * after the extension), where `chrome.runtime.sendMessage` is what a content script would call.
 */
export async function contentScriptWorld(
  context: BrowserContext,
  page: Page,
): Promise<{
  send: (message: unknown) => Promise<Sent>;
  cdp: CDPSession;
}> {
  const cdp = await context.newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const deadline = Date.now() + 10_000;
  let world: (typeof contexts)[number] | undefined;
  while (!(world = contexts.findLast((c) => c.name === 'Caseradar' && c.auxData?.frameId === frameTree.frame.id))) {
    if (Date.now() > deadline)
      throw new Error(
        `Expected our content script's world on ${page.url()}, found ${contexts.map((c) => c.name).join(', ')}`,
      );
    await new Promise((r) => setTimeout(r, 50));
  }
  const contextId = world.id;
  return {
    cdp,
    send: async (message) => {
      const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
        contextId,
        awaitPromise: true,
        returnByValue: true,
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((ok) => ({ ok: ok ?? null }), (e) => ({ error: String(e && e.message || e) }))`,
      })) as { result: { value: Sent }; exceptionDetails?: { text: string } };
      if (exceptionDetails) return { error: exceptionDetails.text };
      return result.value;
    },
  };
}

/** Sends a runtime message from one of our pages, as the popup or dashboard would. */
export function sendFromPage(extensionPage: Page, message: unknown): Promise<Sent> {
  return extensionPage.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<unknown> } } }
      ).chrome.runtime
        .sendMessage(m)
        .then(
          (ok) => ({ ok: ok ?? null }),
          (e: unknown) => ({ error: String((e as Error)?.message ?? e) }),
        ),
    message,
  );
}

/**
 * Stops the extension's service worker (DevTools' ServiceWorker.stopAllWorkers through an extension
 * page's session, which sees the extension's workers) and waits until Chrome reports it stopped. The
 * next event or message starts it again, as after Chrome stops an idle worker.
 */
export async function stopServiceWorker(context: BrowserContext, extensionPage: Page): Promise<void> {
  const cdp = await context.newCDPSession(extensionPage);
  let running = true;
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) => {
    if (e.versions.length) running = e.versions.some((v) => v.runningStatus !== 'stopped');
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const deadline = Date.now() + 10_000;
  while (running && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await cdp.detach();
  if (running) throw new Error('Expected the service worker to stop within 10 s');
}
