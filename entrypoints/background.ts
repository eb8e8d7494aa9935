import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '@/lib/background';
import { getDb } from '@/lib/db';
import { listen, type SweepSummary } from '@/lib/messages';
import { listenToNotificationClicks, showAlerts, updateBadge } from '@/lib/notify';
import { runSweep } from '@/lib/sweep';

const SWEEP_ALARM = 'staleness-sweep';
const SWEEP_MINUTES = 15;

export default defineBackground(() => {
  const db = getDb();
  // Everything a sweep needs is in IndexedDB: a worker restarted by the alarm knows as much as before.
  const sweep = async (nowIso = new Date().toISOString()): Promise<SweepSummary> => {
    const result = await runSweep(db, nowIso);
    await updateBadge(result);
    await showAlerts(db, result);
    return { notified: result.toNotify.length, active: result.active.length, waitingOnYou: result.waitingOnYou, hasOverdue: result.hasOverdue };
  };
  listen(createHandlers({ db, now: () => new Date(), onStoreChanged: sweep, extensionOrigin: browser.runtime.getURL('/') }));
  listenToNotificationClicks(db, async () => void (await sweep()));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SWEEP_ALARM) void sweep();
  });
  // Alarms survive worker restarts but not every browser update: make sure ours exists.
  void browser.alarms.get(SWEEP_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(SWEEP_ALARM, { periodInMinutes: SWEEP_MINUTES, delayInMinutes: 1 });
  });
  browser.runtime.onStartup.addListener(() => void sweep());
  browser.runtime.onInstalled.addListener(() => void sweep());
});
