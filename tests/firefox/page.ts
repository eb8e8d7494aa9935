/**
 * Reading and driving our pages in Firefox: puppeteer locators (ARIA and CSS) for clicks and typing,
 * page.evaluate for reading, and vitest's expect.poll for "eventually" (the UI follows IndexedDB live).
 */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';

export const soon = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 100 });

export const testId = (id: string) => `[data-testid="${id}"]`;
export const caseRow = (caseKey: string) => `[data-testid="case-row"][data-case-key="${caseKey}"]`;

/** Text content of every element matching `selector`, whitespace collapsed. */
export const texts = (page: Page, selector: string): Promise<string[]> =>
  page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));

export const attributes = (page: Page, selector: string, name: string): Promise<(string | null)[]> =>
  page.$$eval(selector, (els, n) => els.map((e) => e.getAttribute(n)), name);

export const count = async (page: Page, selector: string): Promise<number> => (await page.$$(selector)).length;

/**
 * Clicks the element a puppeteer selector finds (e.g. `::-p-aria([name="Save"][role="button"])`) once
 * it is visible and still. The tab comes to the front first, as when the user clicks in it: a tab in
 * the background gets no animation frames, and the locator waits for two of them.
 */
export async function click(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  await page.locator(selector).setTimeout(15_000).click();
}

/** Types `value` into a field (or picks it in a select), the tab in front as for click(). */
export async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.bringToFront();
  if (value !== '') return page.locator(selector).setTimeout(15_000).fill(value);
  // Emptying a field is keystrokes (puppeteer's fill('') assigns .value, which React does not hear).
  await page.locator(selector).setTimeout(15_000).click();
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
}

export const button = (name: string) => `::-p-aria([name=${JSON.stringify(name)}][role="button"])`;

/** One popup row as the user reads it: each labelled part of the row. */
export interface RowFacts {
  id: string;
  title: string;
  provider: string;
  severity: string | null;
  overdue: boolean;
  state: string;
  quiet: string | null;
  owner: string | null;
  messages: string | null;
  /** How the case was last read: "(visit)" or "(refresh)", from "seen … ago (visit)". */
  seenHow: string | null;
  /**
   * The row's second line, saying why it is where it is: its most pressing alert (with "· 2 more" when
   * there are others), why its status cannot be read, or where the case stands.
   */
  why: string | null;
}

export async function rowFacts(page: Page, caseKey: string): Promise<RowFacts | null> {
  return page.evaluate((key) => {
    const row = document.querySelector(`[data-testid="case-row"][data-case-key="${key}"]`);
    if (!row) return null;
    const text = (sel: string) => {
      const el = row.querySelector(sel);
      return el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
    };
    return {
      id: text('.case-id')!,
      title: text('.case-title')!,
      provider: text('.provider-name')!,
      severity: text('.severity'),
      overdue: !!row.querySelector('[data-testid="overdue"]'),
      state: text('[data-testid="case-state"]')!,
      quiet: text('[data-testid="case-quiet"]'),
      owner: text('.owner'),
      messages: text('[data-testid="case-messages"]'),
      seenHow: /\((visit|refresh)\)$/.exec(text('[data-testid="case-seen"]') ?? '')?.[0] ?? null,
      why: text('.why'),
    };
  }, caseKey);
}

/** The popup's sections and the case keys in each, in the order shown. */
export const popupGroups = (page: Page): Promise<[string, string[]][]> =>
  page.$$eval('section.case-group', (sections) =>
    sections.map((s): [string, string[]] => [
      (s.querySelector('.group-title')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      [...s.querySelectorAll('[data-testid="case-row"]')].map((r) => r.getAttribute('data-case-key') ?? ''),
    ]),
  );

/** Every row of the given IndexedDB tables, read with the raw API from one of our pages. */
export function readTables<T extends string>(
  extensionPage: Page,
  tables: T[],
): Promise<Record<T, Record<string, unknown>[]>> {
  return extensionPage.evaluate(
    (names) =>
      new Promise<Record<string, Record<string, unknown>[]>>((resolve, reject) => {
        const open = indexedDB.open('caseradar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const out: Record<string, Record<string, unknown>[]> = Object.fromEntries(names.map((n) => [n, []]));
          const present = names.filter((n) => db.objectStoreNames.contains(n));
          if (present.length === 0) {
            db.close();
            resolve(out);
            return;
          }
          const tx = db.transaction(present, 'readonly');
          for (const n of present) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => (out[n] = req.result as Record<string, unknown>[]);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    tables,
  ) as Promise<Record<T, Record<string, unknown>[]>>;
}

declare const browser: {
  runtime: { sendMessage: (m: unknown) => Promise<unknown> };
  action: { getBadgeText: (d: object) => Promise<string> };
  notifications: {
    getAll: () => Promise<Record<string, unknown>>;
    onShown: { addListener: (f: (id: string) => void) => void };
  };
};

/** Sends a runtime message from one of our pages, as the popup or dashboard does. */
export const sendFromPage = (extensionPage: Page, message: unknown): Promise<unknown> =>
  extensionPage.evaluate((m) => browser.runtime.sendMessage(m), message);

export const badgeText = (extensionPage: Page): Promise<string> =>
  extensionPage.evaluate(() => browser.action.getBadgeText({}));

export interface ShownNotification {
  id: string;
  title: string;
  message: string;
}

/**
 * Records the notifications shown from now on (extension events reach every page of the extension),
 * with what each said: Firefox lists a notification in getAll() only while it is on screen, so it is
 * read the moment it shows.
 *
 * "From now on" holds once this resolves: a page's addListener only asks the parent process to add
 * the listener, and the parent adds it later, asynchronously (ParentAPIManager.recvAddListener). A
 * call on the same API, sent after it over the same channel, is answered only once it is added.
 */
export async function recordNotifications(extensionPage: Page): Promise<{ shown: () => Promise<ShownNotification[]> }> {
  await extensionPage.evaluate(async () => {
    const w = globalThis as unknown as { shownNotifications: Promise<ShownNotification>[] };
    w.shownNotifications = [];
    browser.notifications.onShown.addListener((id) => {
      w.shownNotifications.push(
        browser.notifications.getAll().then((all) => {
          const n = all[id] as { title?: string; message?: string } | undefined;
          return { id, title: n?.title ?? '(gone)', message: n?.message ?? '(gone)' };
        }),
      );
    });
    await browser.notifications.getAll();
  });
  return {
    shown: () =>
      extensionPage.evaluate(() =>
        Promise.all((globalThis as unknown as { shownNotifications: Promise<ShownNotification>[] }).shownNotifications),
      ),
  };
}
