import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { createHandlers } from '@/lib/background';
import { getDb } from '@/lib/db';
import { listen } from '@/lib/messages';
import { updateBadge } from '@/lib/notify';

export default defineBackground(() => {
  const db = getDb();
  const refreshBadge = () => updateBadge(db).catch((e: unknown) => console.warn('Caseradar: badge update failed', e));
  listen(createHandlers({ db, now: () => new Date(), onStoreChanged: refreshBadge }));
  // The worker may have been stopped and restarted: the badge is recomputed from the store, not memory.
  browser.runtime.onStartup.addListener(() => void refreshBadge());
  browser.runtime.onInstalled.addListener(() => void refreshBadge());
});
