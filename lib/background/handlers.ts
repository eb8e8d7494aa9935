/**
 * The background's message handlers: validate, check the sender, then ingest.
 * Holds no state in memory: the service worker may be stopped between any two messages.
 */
import type { Runtime } from 'webextension-polyfill';
import type { CaseradarDB, RefreshSchedule } from '../store/db';
import { isQuotaError, portalKey, STORAGE_FULL_MESSAGE } from '../store/db';
import { ingestSnapshot, MAX_NEW_CASES_PER_READ, recordFailure, type IngestResult } from '../store/ingest';
import type { Handlers, SweepSummary } from '../core/messages';
import type { ProviderId } from '../core/model';
import { FAMILIES, urlMatchesFamily } from '../capture/families';
import { originOf as originOfUrl } from '../core/text';
import { finishAttempt, runRefreshes, scheduleForTab, type RefreshDeps, type RefreshReport } from './refresh';
import { recipeInputSchema } from '../capture/recipe-schema';
import {
  failurePayloadSchema,
  refreshNowPayloadSchema,
  snapshotPayloadSchema,
  sweepPayloadSchema,
} from '../core/schema';
import { CLOCK_SKEW_MS } from '../alerts/staleness';

export class RejectedMessage extends Error {
  override readonly name = 'RejectedMessage';
}

/** How far in the future a content script's clock may be before we use ours. */

/** Every URL here has passed zod's http(s) check; one that still is not a URL is refused. */
const originOf = (url: string): string => {
  const origin = originOfUrl(url);
  if (!origin) throw new RejectedMessage(`Expected a URL, got ${url.slice(0, 100)}`);
  return origin;
};

/**
 * The sender must be a tab page of the family's own hosts, or of an origin the user tracks for that
 * family ("Track this portal"), and the snapshot may only speak of that page's origin: a hostile
 * page cannot create cases for another provider or origin.
 */
export async function checkSender(
  db: CaseradarDB,
  provider: ProviderId,
  pageUrl: string,
  sender: Runtime.MessageSender,
): Promise<string> {
  const family = FAMILIES.find((f) => f.id === provider);
  const senderUrl = sender.url ?? sender.tab?.url;
  if (!senderUrl || !/^https?:/.test(senderUrl))
    throw new RejectedMessage(`Expected a ${provider} content script, got no sender URL`);
  const onFamilyHosts = !!family && urlMatchesFamily(family, senderUrl);
  if (!onFamilyHosts && (await db.trackedOrigins.get(originOf(senderUrl)))?.provider !== provider) {
    throw new RejectedMessage(
      `Expected a sender on ${provider} hosts or a portal tracked as ${provider}, got ${originOf(senderUrl)}`,
    );
  }
  if (originOf(pageUrl) !== originOf(senderUrl)) {
    throw new RejectedMessage(`Expected the page URL on ${originOf(senderUrl)}, got ${originOf(pageUrl)}`);
  }
  return originOf(senderUrl);
}

export interface BackgroundDeps {
  db: CaseradarDB;
  now: () => Date;
  /** Called after the store changed: sweep, notify, badge. */
  onStoreChanged: (nowIso?: string) => Promise<SweepSummary>;
  /** Our own extension pages' URL prefix (chrome-extension://id/). */
  extensionOrigin: string;
  /** Background refresh (fetch, tabs); absent in tests that do not refresh. */
  refresh?: Omit<RefreshDeps, 'db' | 'now'>;
}

export function createHandlers({ db, now, onStoreChanged, extensionOrigin, refresh }: BackgroundDeps): Handlers {
  const fromOurPages = (sender: Runtime.MessageSender) => {
    // Only our own pages (popup, options, dashboard) may ask; a content script may not.
    if (!sender.url?.startsWith(extensionOrigin) || sender.tab?.url?.startsWith('http')) {
      throw new RejectedMessage('Expected a message from an extension page');
    }
  };
  /** A background tab we opened for a page refresh: its report finishes that refresh, and we close it. */
  const finishPageRefresh = async (
    schedule: RefreshSchedule,
    tabId: number,
    outcome: Parameters<typeof finishAttempt>[2],
  ) => {
    if (!refresh) return;
    await finishAttempt({ db, now, random: refresh.random }, schedule.key, outcome);
    await refresh.closeTab(tabId).catch(() => undefined);
  };
  return {
    async 'cs:snapshot'(raw, sender): Promise<IngestResult> {
      const parsed = snapshotPayloadSchema.safeParse(raw);
      if (!parsed.success)
        throw new RejectedMessage(`Invalid snapshot: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
      const payload = parsed.data;
      const origin = await checkSender(db, payload.provider, payload.pageUrl, sender);
      const family = FAMILIES.find((f) => f.id === payload.provider);
      // A family whose JSON lives on the portal's own origin must have its source there too.
      const sourceOk =
        originOf(payload.sourceUrl) === origin ||
        (!family?.apiOnPageOrigin && !!family?.apiUrlPatterns.some((p) => p.test(payload.sourceUrl)));
      if (!sourceOk)
        throw new RejectedMessage(`Expected a source on ${origin} or a known API, got ${payload.sourceUrl}`);
      const caseOrigins = new Set([origin, ...(family?.caseOrigins ?? [])]);
      for (const c of payload.extraction.cases) {
        if (c.provider !== payload.provider)
          throw new RejectedMessage(`Expected ${payload.provider} cases, got ${c.provider}`);
        if (!caseOrigins.has(originOf(c.url))) {
          throw new RejectedMessage(`Expected case links on ${[...caseOrigins].join(' or ')}, got ${originOf(c.url)}`);
        }
      }
      const nowMs = now().getTime();
      const capturedAt =
        Date.parse(payload.capturedAt) > nowMs + CLOCK_SKEW_MS ? new Date(nowMs).toISOString() : payload.capturedAt;
      const refreshing = await scheduleForTab(db, sender.tab?.id);
      const how = refreshing?.provider === payload.provider ? 'refresh' : 'visit';
      let result: IngestResult;
      try {
        result = await ingestSnapshot(db, { ...payload, capturedAt, how });
      } catch (error) {
        // One transaction per snapshot: a refused write leaves nothing half-written. Say so where
        // the user looks (the portal's blind spot); that small write may fail too, then the error stands.
        if (!isQuotaError(error)) throw error;
        await recordFailure(
          db,
          payload.provider,
          payload.pageUrl,
          'storage-full',
          STORAGE_FULL_MESSAGE,
          now().toISOString(),
        ).catch(() => undefined);
        await onStoreChanged().catch(() => undefined);
        throw new RejectedMessage(STORAGE_FULL_MESSAGE);
      }
      if (result.refusedNew) {
        // A flood (or a hostile page): say so where the user looks, as a blind spot of this portal.
        await recordFailure(
          db,
          payload.provider,
          payload.pageUrl,
          'rejected',
          `This read listed ${result.refusedNew} more new cases than one read may add (${MAX_NEW_CASES_PER_READ}); they were not added. ` +
            "Reading the portal again adds the next ones; if they are not yours, delete this portal's cases in Options → Portals.",
          now().toISOString(),
        );
      }
      // A page that defers to its JSON has not finished a page refresh yet; its JSON snapshot will.
      if (how === 'refresh' && !payload.extraction.deferredToApi) {
        await finishPageRefresh(refreshing!, sender.tab!.id!, {
          ok: true,
          result,
          cases: payload.extraction.cases.length,
          problems: payload.extraction.problems.length,
        });
      } else if (how === 'visit') {
        await resumeAfterVisit(db, portalKey(payload.provider, origin), now().toISOString());
      }
      if (result.rowsWritten || result.refusedNew) await onStoreChanged();
      return result;
    },
    async 'cs:extract-failed'(raw, sender): Promise<void> {
      const parsed = failurePayloadSchema.safeParse(raw);
      if (!parsed.success)
        throw new RejectedMessage(`Invalid failure report: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
      const { provider, pageUrl, failure, message } = parsed.data;
      await checkSender(db, provider, pageUrl, sender);
      const refreshing = await scheduleForTab(db, sender.tab?.id);
      if (refreshing) await finishPageRefresh(refreshing, sender.tab!.id!, { ok: false, failure, message });
      else await recordFailure(db, provider, pageUrl, failure, message, now().toISOString());
      await onStoreChanged();
    },
    async 'cs:recipes'(_raw, sender) {
      const origin = await recipeOrigin(db, sender);
      return db.recipes.where('origin').equals(origin).toArray();
    },
    async 'cs:save-recipe'(raw, sender) {
      const origin = await recipeOrigin(db, sender);
      const parsed = recipeInputSchema.safeParse(raw);
      if (!parsed.success)
        throw new RejectedMessage(`Invalid recipe: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
      const nowIso = now().toISOString();
      return db.transaction('rw', db.recipes, async () => {
        // One recipe per origin and path: picking again replaces it (that is how a recipe is redone).
        const existing = (await db.recipes.where('origin').equals(origin).toArray()).find(
          (r) => r.pathPrefix === parsed.data.pathPrefix,
        );
        const id = existing?.id ?? crypto.randomUUID();
        await db.recipes.put({
          ...parsed.data,
          id,
          origin,
          createdAt: existing?.createdAt ?? nowIso,
          updatedAt: nowIso,
        });
        return { id };
      });
    },
    async 'ui:refresh-now'(raw, sender): Promise<RefreshReport[]> {
      fromOurPages(sender);
      const parsed = refreshNowPayloadSchema.safeParse(raw ?? {});
      if (!parsed.success) throw new RejectedMessage('Invalid refresh request');
      if (!refresh) throw new RejectedMessage('Background refresh is not available here');
      const clock = parsed.data.now ? () => new Date(parsed.data.now!) : now;
      const reports = await runRefreshes({ db, now: clock, ...refresh }, { force: true, keys: parsed.data.keys });
      await onStoreChanged(parsed.data.now);
      return reports;
    },
    async 'ui:sweep'(raw, sender): Promise<SweepSummary> {
      fromOurPages(sender);
      const parsed = sweepPayloadSchema.safeParse(raw ?? {});
      if (!parsed.success) throw new RejectedMessage('Invalid sweep request');
      return onStoreChanged(parsed.data.now);
    },
  };
}

/**
 * A portal the user just visited successfully is readable again: a refresh stopped because it was
 * signed out (or failing) starts over, without waiting for the user to find the setting.
 */
async function resumeAfterVisit(db: CaseradarDB, key: string, nowIso: string): Promise<void> {
  const needsResume = (s: RefreshSchedule | undefined) => !!s && (!!s.pausedReason || s.consecutiveFailures > 0);
  // Every visit passes here: only take the write lock when there is something to lift.
  if (!needsResume(await db.refresh.get(key))) return;
  await db.transaction('rw', db.refresh, async () => {
    const s = await db.refresh.get(key);
    if (needsResume(s)) await db.refresh.put({ ...s!, pausedReason: null, consecutiveFailures: 0, nextAt: nowIso });
  });
}

/** The origin of a tab the user tracks as a recipe portal; anything else may not read or write recipes. */
async function recipeOrigin(db: CaseradarDB, sender: Runtime.MessageSender): Promise<string> {
  const url = sender.tab?.url ?? sender.url;
  if (!url || !/^https?:/.test(url)) throw new RejectedMessage('Expected a recipe portal tab');
  const origin = originOf(url);
  if ((await db.trackedOrigins.get(origin))?.provider !== 'custom') {
    throw new RejectedMessage(`Expected a portal tracked with a recipe, got ${origin}`);
  }
  return origin;
}
