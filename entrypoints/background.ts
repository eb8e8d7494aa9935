import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '@/lib/background/handlers';
import { getDb } from '@/lib/store/db';
import { listen, type SweepSummary } from '@/lib/core/messages';
import { listenToNotificationClicks, showAlerts, updateBadge } from '@/lib/alerts/notify';
import { REFRESH_ALARM, releaseRefreshTab, runRefreshes, type RefreshDeps } from '@/lib/background/refresh';
import { runSweep } from '@/lib/alerts/sweep';
import { originPattern, reconcileTracking, untrackOrigin } from '@/lib/background/tracking';
import { createSelectionMenu, listenToSelectionMenu, type SelectionMenuApi } from '@/lib/background/selection-menu';

const SWEEP_ALARM = 'staleness-sweep';
const SWEEP_MINUTES = 15;
/** The refresh tick only looks at the schedules; each portal has its own interval (≥ 5 min). */
const REFRESH_TICK_MINUTES = 1;

export default defineBackground(() => {
  const db = getDb();
  // Everything a sweep needs is in IndexedDB: a worker restarted by the alarm knows as much as before.
  const sweep = async (nowIso = new Date().toISOString()): Promise<SweepSummary> => {
    const result = await runSweep(db, nowIso);
    await updateBadge(result);
    await showAlerts(db, result);
    return {
      notified: result.toNotify.length,
      active: result.active.length,
      waitingOnYou: result.waitingOnYou,
      hasOverdue: result.hasOverdue,
    };
  };
  const refresh: Omit<RefreshDeps, 'db' | 'now'> = {
    fetch: (input, init) => fetch(input, init),
    random: Math.random,
    openTab: async (url) => (await browser.tabs.create({ url, active: false })).id!,
    closeTab: async (tabId) => void (await browser.tabs.remove(tabId)),
  };
  listen(
    createHandlers({
      db,
      now: () => new Date(),
      onStoreChanged: sweep,
      extensionOrigin: browser.runtime.getURL('/'),
      refresh,
    }),
  );
  listenToNotificationClicks(db, async () => void (await sweep()));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SWEEP_ALARM) void sweep();
    if (alarm.name === REFRESH_ALARM) {
      void runRefreshes({ db, now: () => new Date(), ...refresh }).then((reports) => {
        if (reports.some((r) => r.outcome !== 'skipped')) return sweep();
      });
    }
  });
  // A background refresh tab the user switches to is theirs from then on: never closed under them.
  browser.tabs.onActivated.addListener(
    ({ tabId }) => void releaseRefreshTab({ db, now: () => new Date(), random: Math.random }, tabId),
  );
  // Alarms survive worker restarts but not every browser update: make sure ours exist.
  const ensureAlarm = async (name: string, periodInMinutes: number) => {
    if (!(await browser.alarms.get(name))) await browser.alarms.create(name, { periodInMinutes, delayInMinutes: 1 });
  };
  void ensureAlarm(SWEEP_ALARM, SWEEP_MINUTES);
  void ensureAlarm(REFRESH_ALARM, REFRESH_TICK_MINUTES);
  // A grant revoked in the browser's settings stops reading that origin at once.
  browser.permissions.onRemoved.addListener((removed) => {
    for (const pattern of removed.origins ?? []) {
      const origin = pattern.replace(/\/\*$/, '');
      void untrackOrigin(db, browser.scripting, origin);
    }
  });
  const reconcile = () =>
    reconcileTracking(db, browser.scripting, (origin) =>
      browser.permissions.contains({ origins: [originPattern(origin)] }),
    );
  // "Add to Caseradar" on selected text (lib/background/selection-menu.ts).
  const menuApi = browser as unknown as SelectionMenuApi;
  listenToSelectionMenu(menuApi);
  browser.runtime.onStartup.addListener(() => void reconcile().then(() => sweep()));
  browser.runtime.onInstalled.addListener(() => {
    void createSelectionMenu(menuApi);
    void reconcile().then(() => sweep());
  });
});
