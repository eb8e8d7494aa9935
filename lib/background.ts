/**
 * The background's message handlers: validate, check the sender, then ingest.
 * Holds no state in memory: the service worker may be stopped between any two messages.
 */
import type { Runtime } from 'webextension-polyfill';
import type { CaseradarDB } from './db';
import { ingestSnapshot, recordFailure, type IngestResult } from './ingest';
import type { Handlers, SweepSummary } from './messages';
import type { ProviderId } from './model';
import { FAMILIES, urlMatchesFamily } from './providers/families';
import { failurePayloadSchema, snapshotPayloadSchema, sweepPayloadSchema } from './schema';

export class RejectedMessage extends Error {
  override readonly name = 'RejectedMessage';
}

/** How far in the future a content script's clock may be before we use ours. */
const CLOCK_SKEW_MS = 5 * 60_000;

const originOf = (url: string) => new URL(url).origin;

/**
 * The sender must be a tab page of the family's own hosts, and the snapshot may only speak of that
 * page's origin: a hostile page cannot create cases for another provider or origin.
 */
export function checkSender(provider: ProviderId, pageUrl: string, sender: Runtime.MessageSender): string {
  const family = FAMILIES.find((f) => f.id === provider);
  const senderUrl = sender.url ?? sender.tab?.url;
  if (!family || !senderUrl) throw new RejectedMessage(`Expected a ${provider} content script, got no sender URL`);
  if (!urlMatchesFamily(family, senderUrl)) {
    throw new RejectedMessage(`Expected a sender on ${provider} hosts, got ${originOf(senderUrl)}`);
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
}

export function createHandlers({ db, now, onStoreChanged, extensionOrigin }: BackgroundDeps): Handlers {
  return {
    async 'cs:snapshot'(raw, sender): Promise<IngestResult> {
      const parsed = snapshotPayloadSchema.safeParse(raw);
      if (!parsed.success) throw new RejectedMessage(`Invalid snapshot: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
      const payload = parsed.data;
      const origin = checkSender(payload.provider, payload.pageUrl, sender);
      const family = FAMILIES.find((f) => f.id === payload.provider)!;
      const sourceOk =
        originOf(payload.sourceUrl) === origin || family.apiUrlPatterns.some((p) => p.test(payload.sourceUrl));
      if (!sourceOk) throw new RejectedMessage(`Expected a source on ${origin} or a known API, got ${payload.sourceUrl}`);
      const caseOrigins = new Set([origin, ...(family.caseOrigins ?? [])]);
      for (const c of payload.extraction.cases) {
        if (c.provider !== payload.provider) throw new RejectedMessage(`Expected ${payload.provider} cases, got ${c.provider}`);
        if (!caseOrigins.has(originOf(c.url))) {
          throw new RejectedMessage(`Expected case links on ${[...caseOrigins].join(' or ')}, got ${originOf(c.url)}`);
        }
      }
      const nowMs = now().getTime();
      const capturedAt =
        Date.parse(payload.capturedAt) > nowMs + CLOCK_SKEW_MS ? new Date(nowMs).toISOString() : payload.capturedAt;
      const result = await ingestSnapshot(db, { ...payload, capturedAt, how: 'visit' });
      if (result.rowsWritten) await onStoreChanged();
      return result;
    },
    async 'cs:extract-failed'(raw, sender): Promise<void> {
      const parsed = failurePayloadSchema.safeParse(raw);
      if (!parsed.success) throw new RejectedMessage(`Invalid failure report: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
      const { provider, pageUrl, failure, message } = parsed.data;
      checkSender(provider, pageUrl, sender);
      await recordFailure(db, provider, pageUrl, failure, message, now().toISOString());
      await onStoreChanged();
    },
    async 'ui:sweep'(raw, sender): Promise<SweepSummary> {
      // Only our own pages (popup, options) may ask; a content script may not.
      if (!sender.url?.startsWith(extensionOrigin) || sender.tab?.url?.startsWith('http')) {
        throw new RejectedMessage('Expected a message from an extension page');
      }
      const parsed = sweepPayloadSchema.safeParse(raw ?? {});
      if (!parsed.success) throw new RejectedMessage('Invalid sweep request');
      return onStoreChanged(parsed.data.now);
    },
  };
}
