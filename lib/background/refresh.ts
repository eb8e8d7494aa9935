/**
 * Background refresh (opt-in per portal): reads a portal without the user visiting it, and says so
 * honestly when it cannot. Two ways, per family:
 * - 'api': fetch the portal's own JSON endpoint with the user's existing browser session (cookies),
 *   from the extension, and run the family's JSON adapter on it;
 * - 'page': open the portal's list page in a background tab and let the normal content script read
 *   it; the tab is closed after its snapshot (or after a timeout).
 * Schedules live in IndexedDB (the worker may die between any two steps); an alarm drives the tick.
 * Nothing is ever sent anywhere but the portal itself, and no credentials are stored.
 */
import type { CaseradarDB, RefreshSchedule } from '../store/db';
import { isQuotaError, portalKey, STORAGE_FULL_MESSAGE } from '../store/db';
import { ingestSnapshot, recordFailure, type IngestResult } from '../store/ingest';
import type { ProviderId } from '../core/model';
import { FAMILIES, listPageUrl } from '../capture/families';
import { ADAPTERS } from '../capture/index';
import { ProviderParseError, type ParseFailure } from '../capture/types';
import { sameOrigin } from '../core/text';

export const REFRESH_ALARM = 'refresh-tick';
export const DEFAULT_INTERVAL_MINUTES = 15;
export const MIN_INTERVAL_MINUTES = 5;
/** Consecutive failures after which we stop until the user acts. */
export const MAX_FAILURES = 5;
/** Longest wait between attempts while failing. */
const MAX_BACKOFF_MINUTES = 6 * 60;
/** Schedules are spread by ±10 % so that several portals (and several users) do not beat in step. */
const JITTER = 0.1;
/** A claim older than this belongs to a worker that died mid-refresh: the portal may be tried again. */
export const IN_FLIGHT_TIMEOUT_MS = 90_000;
const FETCH_TIMEOUT_MS = 30_000;

export type RefreshMode = 'api' | 'page';

/**
 * What a refresh of this portal reads: the family's JSON with the user's session where its API takes
 * cookies, otherwise its list page in a background tab (consoles whose APIs need page-held tokens,
 * recipe portals). Manual cases have no portal to refresh.
 */
export function defaultRefreshUrl(provider: ProviderId, origin: string): string | null {
  if (provider === 'manual') return null;
  const refreshPath = FAMILIES.find((f) => f.id === provider)?.refreshPath;
  return refreshPath ? `${origin}${refreshPath}` : listPageUrl(provider, origin);
}

/** The refresh mode of a schedule: page for URLs that are not a JSON endpoint of the family. */
export function modeOf(schedule: Pick<RefreshSchedule, 'provider' | 'url'>): RefreshMode {
  const adapter = ADAPTERS.find((a) => a.id === schedule.provider);
  return adapter?.api?.urlPatterns.some((p) => p.test(schedule.url)) ? 'api' : 'page';
}

export function newSchedule(
  provider: ProviderId,
  origin: string,
  nowIso: string,
  intervalMinutes = DEFAULT_INTERVAL_MINUTES,
): RefreshSchedule | null {
  const url = defaultRefreshUrl(provider, origin);
  if (!url) return null;
  return {
    key: portalKey(provider, origin),
    provider,
    origin,
    enabled: true,
    intervalMinutes: Math.max(MIN_INTERVAL_MINUTES, Math.round(intervalMinutes)),
    url,
    nextAt: nowIso,
    consecutiveFailures: 0,
    pausedReason: null,
    lastAttemptAt: null,
    lastOutcome: null,
    inFlightSince: null,
    tabId: null,
  };
}

/** Minutes until the next attempt: the interval after a success, doubling per failure, capped; ±jitter. */
export function nextDelayMinutes(intervalMinutes: number, consecutiveFailures: number, random: () => number): number {
  const base = Math.min(intervalMinutes * 2 ** consecutiveFailures, Math.max(MAX_BACKOFF_MINUTES, intervalMinutes));
  return base * (1 - JITTER + 2 * JITTER * random());
}

/** Retry-After as seconds or an HTTP date → milliseconds from now (null when absent or unreadable). */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

export function isDue(s: RefreshSchedule, nowMs: number): boolean {
  if (!s.enabled || s.pausedReason) return false;
  if (s.inFlightSince && nowMs - Date.parse(s.inFlightSince) < IN_FLIGHT_TIMEOUT_MS) return false;
  return !s.nextAt || Date.parse(s.nextAt) <= nowMs;
}

/** What one attempt came to. */
export type RefreshOutcome =
  | { ok: true; result: IngestResult; cases: number; problems?: number }
  | {
      ok: false;
      failure: ParseFailure | 'unreachable' | 'http' | 'storage-full';
      message: string;
      retryAfterMs?: number | null;
    }
  /** A page refresh is under way in a background tab; its snapshot finishes it. */
  | { ok: 'pending'; tabId: number };

export interface RefreshDeps {
  db: CaseradarDB;
  now: () => Date;
  fetch: typeof fetch;
  random: () => number;
  /** Opens a background tab for a page refresh; returns its id. */
  openTab: (url: string) => Promise<number>;
  closeTab: (tabId: number) => Promise<void>;
}

/**
 * Claims a schedule for one attempt in its own transaction: only one refresh per portal at a time,
 * even when two alarm ticks or a "refresh now" race.
 */
async function claim(db: CaseradarDB, key: string, nowIso: string, force: boolean): Promise<RefreshSchedule | null> {
  return db.transaction('rw', db.refresh, async () => {
    const s = await db.refresh.get(key);
    const nowMs = Date.parse(nowIso);
    if (!s || !s.enabled) return null;
    if (s.inFlightSince && nowMs - Date.parse(s.inFlightSince) < IN_FLIGHT_TIMEOUT_MS) return null;
    if (!force && !isDue(s, nowMs)) return null;
    const claimed = { ...s, inFlightSince: nowIso, lastAttemptAt: nowIso, pausedReason: force ? null : s.pausedReason };
    await db.refresh.put(claimed);
    return claimed;
  });
}

/** Records the end of an attempt and schedules the next one. */
export async function finishAttempt(
  deps: Pick<RefreshDeps, 'db' | 'now' | 'random'>,
  key: string,
  outcome: Exclude<RefreshOutcome, { ok: 'pending' }>,
): Promise<RefreshSchedule | undefined> {
  const { db } = deps;
  const nowMs = deps.now().getTime();
  const nowIso = new Date(nowMs).toISOString();
  const updated = await db.transaction('rw', db.refresh, async () => {
    const s = await db.refresh.get(key);
    if (!s) return undefined;
    let next: RefreshSchedule;
    if (outcome.ok) {
      next = {
        ...s,
        consecutiveFailures: 0,
        pausedReason: null,
        inFlightSince: null,
        tabId: null,
        lastOutcome: `Read ${outcome.cases} case${outcome.cases === 1 ? '' : 's'}${outcome.problems ? `, ${outcome.problems} unreadable` : ''}`,
        nextAt: new Date(nowMs + nextDelayMinutes(s.intervalMinutes, 0, deps.random) * 60_000).toISOString(),
      };
    } else {
      const failures = s.consecutiveFailures + 1;
      const backoffMs = nextDelayMinutes(s.intervalMinutes, failures, deps.random) * 60_000;
      const waitMs = Math.max(backoffMs, outcome.retryAfterMs ?? 0);
      // Signed out: retrying only knocks on the login page. Wait for the user (or their next visit).
      const pausedReason =
        outcome.failure === 'signed-out'
          ? 'Signed out: sign in to the portal, then refresh resumes'
          : failures >= MAX_FAILURES
            ? `Stopped after ${failures} failed refreshes in a row`
            : null;
      next = {
        ...s,
        consecutiveFailures: failures,
        pausedReason,
        inFlightSince: null,
        tabId: null,
        lastOutcome: outcome.message.slice(0, 300),
        nextAt: new Date(nowMs + waitMs).toISOString(),
      };
    }
    await db.refresh.put(next);
    return next;
  });
  if (!outcome.ok && updated) {
    // The portal's health (blind-spot list) hears of it; no case is touched.
    const failure =
      outcome.failure === 'unreachable' || outcome.failure === 'http' ? 'cannot-observe' : outcome.failure;
    await recordFailure(
      db,
      updated.provider,
      `${updated.origin}/`,
      failure,
      `Background refresh: ${outcome.message}`,
      nowIso,
    );
  }
  return updated;
}

const looksLikeLogin = (url: URL) =>
  /(?:^|\/)(?:login|signin|sign_in|sign-in|auth|sso|saml|oauth2?)(?:[/.?#]|$)|login\.do/i.test(
    url.pathname + url.search,
  );

/** One API refresh: fetch with the session, read with the family's adapter, ingest as 'refresh'. */
export async function refreshByApi(
  deps: Pick<RefreshDeps, 'db' | 'now' | 'fetch'>,
  s: RefreshSchedule,
): Promise<Exclude<RefreshOutcome, { ok: 'pending' }>> {
  const adapter = ADAPTERS.find((a) => a.id === s.provider);
  if (!adapter?.api) return { ok: false, failure: 'unknown-shape', message: `${s.provider} has no JSON reader` };
  let response: Response;
  try {
    response = await deps.fetch(s.url, {
      credentials: 'include',
      // A JSON endpoint that redirects is sending a signed-out session to its sign-in page; we
      // do not follow it (that would only load the login page).
      redirect: 'manual',
      cache: 'no-store',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
  } catch (error) {
    return {
      ok: false,
      failure: 'unreachable',
      message: `Could not reach ${new URL(s.url).host}: ${(error as Error).message}`,
    };
  }
  const finalUrl = new URL(response.url || s.url);
  if (response.status === 401 || response.status === 403) {
    return { ok: false, failure: 'signed-out', message: `Signed out (HTTP ${response.status})` };
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    return { ok: false, failure: 'signed-out', message: 'Signed out (the portal redirected its JSON to sign in)' };
  }
  if (response.redirected && (finalUrl.origin !== s.origin || looksLikeLogin(finalUrl))) {
    // Browsers that followed the redirect anyway (or a proxy): tell where it went.
    return { ok: false, failure: 'signed-out', message: `Signed out (sent to ${finalUrl.host}${finalUrl.pathname})` };
  }
  if (!response.ok) {
    return {
      ok: false,
      failure: 'http',
      message: `HTTP ${response.status} from ${finalUrl.host}`,
      retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), deps.now().getTime()),
    };
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // A 200 HTML page where JSON was expected is, in practice, a sign-in page.
    const isLogin = /<input[^>]+type=["']?password/i.test(text) || looksLikeLogin(finalUrl);
    return isLogin
      ? { ok: false, failure: 'signed-out', message: 'Signed out (got a sign-in page)' }
      : { ok: false, failure: 'unknown-shape', message: 'Expected JSON, got another kind of page' };
  }
  try {
    const extraction = adapter.api.extract(body, finalUrl);
    const capturedAt = deps.now().toISOString();
    const result = await ingestSnapshot(deps.db, {
      provider: s.provider,
      pageUrl: `${s.origin}/`,
      sourceUrl: finalUrl.href,
      capturedAt,
      how: 'refresh',
      // Only cases on the portal's own origin (a hostile body cannot plant cases elsewhere).
      extraction: { ...extraction, cases: extraction.cases.filter((c) => sameOrigin(c.url, s.origin)) },
    });
    return { ok: true, result, cases: extraction.cases.length, problems: extraction.problems.length };
  } catch (error) {
    if (error instanceof ProviderParseError) return { ok: false, failure: error.failure, message: error.message };
    if (isQuotaError(error)) return { ok: false, failure: 'storage-full', message: STORAGE_FULL_MESSAGE };
    throw error;
  }
}

export interface RefreshReport {
  key: string;
  outcome: 'ok' | 'failed' | 'pending' | 'skipped';
  message: string | null;
}

/**
 * Runs every due refresh (or, with `force`, every enabled one — the user's "refresh now", which
 * also lifts a pause). Page refreshes only start here; their snapshot or the timeout finishes them.
 */
export async function runRefreshes(
  deps: RefreshDeps,
  options: { force?: boolean; keys?: string[] } = {},
): Promise<RefreshReport[]> {
  const { db } = deps;
  const nowMs = deps.now().getTime();
  // One read serves both; claim() re-reads each row in its own transaction before acting.
  const schedules = await db.refresh.toArray();
  await expireStalePageRefreshes(deps, schedules, nowMs);
  const candidates = schedules.filter((s) => (options.keys ? options.keys.includes(s.key) : true) && s.enabled);
  const reports: RefreshReport[] = [];
  for (const candidate of candidates) {
    // Only the address the extension itself uses for that portal is ever fetched or opened: a row that
    // carries another (planted by a backup restored before restore checked them) never runs.
    if (candidate.url !== defaultRefreshUrl(candidate.provider, candidate.origin)) {
      reports.push({ key: candidate.key, outcome: 'skipped', message: "Not this portal's own refresh address" });
      continue;
    }
    const claimed = await claim(db, candidate.key, deps.now().toISOString(), !!options.force);
    if (!claimed) {
      reports.push({ key: candidate.key, outcome: 'skipped', message: candidate.pausedReason });
      continue;
    }
    if (modeOf(claimed) === 'page') {
      try {
        const tabId = await deps.openTab(claimed.url);
        await db.refresh.update(claimed.key, { tabId });
        reports.push({ key: claimed.key, outcome: 'pending', message: null });
      } catch (error) {
        const s = await finishAttempt(deps, claimed.key, {
          ok: false,
          failure: 'unreachable',
          message: `Could not open ${claimed.url}: ${(error as Error).message}`,
        });
        reports.push({ key: claimed.key, outcome: 'failed', message: s?.lastOutcome ?? null });
      }
      continue;
    }
    const outcome = await refreshByApi(deps, claimed);
    const s = await finishAttempt(deps, claimed.key, outcome);
    reports.push({ key: claimed.key, outcome: outcome.ok ? 'ok' : 'failed', message: s?.lastOutcome ?? null });
  }
  return reports;
}

/** Page refreshes whose tab never reported: close the tab and count a failure. */
async function expireStalePageRefreshes(deps: RefreshDeps, schedules: RefreshSchedule[], nowMs: number): Promise<void> {
  const stale = schedules.filter(
    (s) => s.tabId != null && s.inFlightSince && nowMs - Date.parse(s.inFlightSince) >= IN_FLIGHT_TIMEOUT_MS,
  );
  for (const s of stale) {
    await deps.closeTab(s.tabId!).catch(() => undefined);
    await finishAttempt(deps, s.key, {
      ok: false,
      failure: 'layout-changed',
      message: 'The list page gave no cases within 90 s (signed out or layout changed)',
    });
  }
}

/** The schedule whose background tab this is, if any (its snapshot counts as a refresh). */
/**
 * The user switched to a tab we opened for a page refresh (to sign in on the SSO page it landed on, or to
 * read): from then on it is theirs. We stop waiting for it and never close it; that attempt ends without
 * counting as a failure, and the next one opens its own tab. True when the tab was one of ours.
 */
export async function releaseRefreshTab(
  deps: Pick<RefreshDeps, 'db' | 'now' | 'random'>,
  tabId: number,
): Promise<boolean> {
  const { db } = deps;
  return db.transaction('rw', db.refresh, async () => {
    const s = (await db.refresh.toArray()).find((r) => r.tabId === tabId);
    if (!s) return false;
    const nowMs = deps.now().getTime();
    await db.refresh.put({
      ...s,
      tabId: null,
      inFlightSince: null,
      lastOutcome: 'You took over the refresh tab; it stays open',
      nextAt: new Date(nowMs + nextDelayMinutes(s.intervalMinutes, 0, deps.random) * 60_000).toISOString(),
    });
    return true;
  });
}

export async function scheduleForTab(db: CaseradarDB, tabId: number | undefined): Promise<RefreshSchedule | undefined> {
  if (tabId == null) return undefined;
  return (await db.refresh.toArray()).find((s) => s.tabId === tabId);
}
