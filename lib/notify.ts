/** Toolbar badge (and, later, notifications). Plain text only. */
import browser from 'webextension-polyfill';
import type { CaseradarDB } from './db';
import { countWaitingOnUser } from './urgency';

/** Badge = number of open cases waiting on the user; empty when none. */
export async function updateBadge(db: CaseradarDB): Promise<void> {
  const cases = await db.cases.where('state').equals('waiting-on-customer').toArray();
  const count = countWaitingOnUser(cases);
  await browser.action.setBadgeText({ text: count ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#b3261e' });
}
