/**
 * Desktop notifications and the toolbar badge. Notifications carry plain text only; the browser
 * renders them, never as HTML.
 */
import browser from 'webextension-polyfill';
import type { CaseradarDB } from '../store/db';
import { caseLabel } from '../core/model';
import { loadPolicy } from './settings';
import { snoozeCase, type SnoozeOption } from './snooze';
import { cleanBody, cleanText } from '../core/text';
import { caseKeyOfAlert, type Alert } from './staleness';
import type { SweepResult } from './sweep';

const DIGEST_PREFIX = 'digest|';
/** Notification buttons (Chrome only): index → snooze option. */
const BUTTONS: { title: string; option: SnoozeOption }[] = [
  { title: 'Snooze 1 business day', option: '1bd' },
  { title: 'Done until the vendor acts', option: 'vendor' },
];

// Clipped without cutting an emoji in half; a digest keeps its line breaks.
const clip = (text: string, max: number) => cleanBody(text, max) ?? '';

/** Badge = cases waiting on the user; red when something is overdue, blue otherwise. */
export async function updateBadge(result: Pick<SweepResult, 'waitingOnYou' | 'hasOverdue'>): Promise<void> {
  await browser.action.setBadgeText({ text: result.waitingOnYou ? String(result.waitingOnYou) : '' });
  await browser.action.setBadgeBackgroundColor({ color: result.hasOverdue ? '#b3261e' : '#1d5fa8' });
}

async function create(id: string, title: string, message: string, withButtons: boolean): Promise<void> {
  const options = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: cleanText(title, 120) ?? 'Caseradar',
    message: clip(message, 400),
  };
  try {
    // `buttons` is Chrome's; the polyfill's types leave it out.
    const withChromeButtons = { ...options, buttons: BUTTONS.map(({ title: t }) => ({ title: t })) } as typeof options;
    await browser.notifications.create(id, withButtons ? withChromeButtons : options);
  } catch {
    // Firefox has no notification buttons: the same notification without them.
    await browser.notifications.create(id, options);
  }
}

/** Shows the sweep's new alerts: one each, or one digest when many fire at once. */
export async function showAlerts(db: CaseradarDB, result: SweepResult): Promise<void> {
  const alerts = result.toNotify;
  if (alerts.length === 0) return;
  const cases = new Map(
    (await db.cases.bulkGet(alerts.map((a) => a.caseKey))).filter(Boolean).map((c) => [c!.key, c!]),
  );
  const line = (a: Alert) => {
    const c = cases.get(a.caseKey);
    return c ? `${caseLabel(c)} ${c.title}: ${a.reason}` : a.reason;
  };
  if (alerts.length > result.policy.digestAbove) {
    const lines = alerts.slice(0, 4).map(line);
    if (alerts.length > 4) lines.push(`…and ${alerts.length - 4} more`);
    await create(
      `${DIGEST_PREFIX}${alerts[0]!.id}`,
      `Caseradar: ${alerts.length} cases need attention`,
      lines.join('\n'),
      false,
    );
    return;
  }
  for (const a of alerts) {
    const c = cases.get(a.caseKey);
    const title = c ? `${caseLabel(c)}: ${a.reason}` : a.reason;
    await create(a.id, title, c?.title ?? '', a.level !== 'stale');
  }
}

/** Clicking opens the case (a digest opens the timeline); buttons snooze. */
export function listenToNotificationClicks(db: CaseradarDB, afterChange: () => Promise<void>): void {
  browser.notifications.onClicked.addListener((id: string) => {
    void (async () => {
      if (id.startsWith(DIGEST_PREFIX)) {
        await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
      } else {
        const c = await db.cases.get(caseKeyOfAlert(id));
        if (c && /^https?:\/\//.test(c.url)) await browser.tabs.create({ url: c.url });
      }
      await browser.notifications.clear(id);
    })();
  });
  browser.notifications.onButtonClicked?.addListener((id: string, index: number) => {
    void (async () => {
      const option = BUTTONS[index]?.option;
      if (!option) return;
      const policy = await loadPolicy(db);
      await snoozeCase(db, caseKeyOfAlert(id), option, new Date().toISOString(), policy);
      await browser.notifications.clear(id);
      await afterChange();
    })();
  });
}
