/**
 * Merges snapshots into the store: one transaction per snapshot, idempotent, never deleting,
 * never closing a case a page omitted, never letting an older snapshot overwrite a newer one.
 */
import type { CaseradarDB, PortalFailure, PortalHealth, VendorPortal } from './db';
import { portalKey } from './db';
import {
  messageDedupKey,
  type CaseEvent,
  type CaseMessage,
  type CaseSnapshot,
  type ObservationMethod,
  type ProviderId,
  type StoredCase,
} from '../core/model';
import { caseKeyOf, isConsole, portalOf } from '../core/portals';
import { compareStatus } from '../capture/status-vocabulary';
import type { Extraction } from '../capture/types';
import { originOf } from '../core/text';
import { laterOf } from '../core/time';
import { applyStatusMap, newVendorRow, nextVendorRow, readNameOf, vendorDisplayName } from './vendors';

/** Observations closer together than this only move lastObservedAt when something else changed. */
const OBSERVATION_GRANULARITY_MS = 60_000;

/**
 * How far after its capture a portal date may lie and still be believed: a portal's clock and ours
 * disagree by minutes, not a day. A date beyond it (9999-12-31, next year) is read as unknown; taken at
 * face value it would be "newer than everything", and every later genuine read would count as older.
 */
export const PORTAL_DATE_SKEW_MS = 24 * 3_600_000;

/**
 * The earliest portal date believed. 0001-01-01 is .NET's "no date" (DateTime.MinValue) and 1970-01-01
 * a zero timestamp; taken at face value they make a case "vendor quiet for 2,876 business days".
 */
export const PORTAL_DATE_FLOOR = '2000-01-01T00:00:00.000Z';

/**
 * The most cases one read may create. A real list page shows tens, a JSON page at most a few hundred;
 * a hostile page could post thousands. The rest are refused and reported (IngestResult.refusedNew);
 * the next read adds the next batch, so a genuine portal with a long list still arrives whole.
 */
export const MAX_NEW_CASES_PER_READ = 250;

export interface SnapshotInput {
  provider: ProviderId;
  /** The portal page (tab) the snapshot came from; portal health is kept per its origin. */
  pageUrl: string;
  /** The page or JSON endpoint it was read from. */
  sourceUrl: string;
  /** When the content script read it (UTC ISO). */
  capturedAt: string;
  how: ObservationMethod;
  extraction: Extraction;
  /** What the page calls its vendor (lib/core/portals.ts readPortalName), if it says; consoles ignore it. */
  portalName?: string | null;
}

export interface IngestResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Cases whose snapshot was older than what we hold: fields kept, messages still merged. */
  stale: number;
  eventsAdded: number;
  /** Messages for cases we have not seen yet (their case list was never read). */
  unmatchedMessages: number;
  /** Rows put into any table. Zero for a snapshot already ingested. */
  rowsWritten: number;
  /** Portal dates too far after the capture or before 2000 to believe: read as unknown, or the message dropped. */
  untrustedDates: number;
  /** New cases beyond MAX_NEW_CASES_PER_READ, not created (with their messages). */
  refusedNew: number;
}

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY);

/**
 * True when the snapshot describes an earlier moment than the stored case: the portal's own
 * updatedAt decides when both have one; otherwise the capture time does.
 */
function isOlderThanStored(snap: CaseSnapshot, stored: StoredCase, capturedAt: string): boolean {
  if (snap.updatedAt && stored.updatedAt && ms(snap.updatedAt) !== ms(stored.updatedAt)) {
    return ms(snap.updatedAt) < ms(stored.updatedAt);
  }
  // Two reads from the same instant that disagree: the first one stands, so that re-ingesting the
  // pair is a no-op whatever their order (a later read wins from the next instant on).
  return ms(capturedAt) <= ms(stored.lastObservedAt);
}

function messageEvents(key: string, messages: CaseMessage[] | undefined, recordedAt: string): CaseEvent[] {
  return (messages ?? []).map((message) => ({
    caseKey: key,
    type: 'message' as const,
    at: message.at,
    recordedAt,
    message,
    dedupKey: messageDedupKey(message),
  }));
}

function newCase(snap: CaseSnapshot, input: SnapshotInput, key: string, portal: string): StoredCase {
  // Messages live in the event history, not on the case row.
  const { messages: _messages, ...fields } = snap;
  return {
    ...fields,
    key,
    portal,
    owner: snap.owner ?? null,
    firstSeenAt: input.capturedAt,
    lastObservedAt: input.capturedAt,
    observedVia: input.sourceUrl,
    observedHow: input.how,
    vendorRef: snap.vendorRef ?? null,
    sla: snap.sla ?? null,
    // Filled from the message events below, so that counts and latest times have one source.
    lastVendorMessageAt: null,
    lastCustomerMessageAt: null,
    messageCount: 0,
  };
}

/** Field-level merge of a fresh snapshot into a stored case. Returns the changed case and change events. */
function mergeFields(
  stored: StoredCase,
  snap: CaseSnapshot,
  input: SnapshotInput,
): { next: StoredCase; events: CaseEvent[] } {
  const next: StoredCase = { ...stored };
  const events: CaseEvent[] = [];
  // When the portal dates the change, use that; otherwise the moment we noticed it.
  const at = snap.updatedAt && ms(snap.updatedAt) > ms(stored.updatedAt) ? snap.updatedAt : input.capturedAt;
  const change = (type: CaseEvent['type'], from: string | null, to: string | null) =>
    events.push({
      caseKey: stored.key,
      type,
      at,
      recordedAt: input.capturedAt,
      from,
      to,
      dedupKey: `${type}:${to ?? ''}:${at}`,
    });

  // A page that does not show a field (null/undefined) never erases what another page told us.
  if (snap.vendorStatus !== null) {
    // A DOM read comes from the page itself; a JSON read from the API address the page called.
    const relation = compareStatus(
      snap.provider,
      stored.vendorStatus,
      snap.vendorStatus,
      input.sourceUrl === input.pageUrl,
    );
    if (relation === 'different') {
      change('state', stored.vendorStatus, snap.vendorStatus);
      next.vendorStatus = snap.vendorStatus;
      next.state = snap.state;
    } else if (stored.state === null && snap.state !== null) {
      next.state = snap.state; // The other spelling is one we can map.
    }
  }
  if (snap.vendorSeverity !== null && snap.vendorSeverity !== stored.vendorSeverity) {
    change('severity', stored.vendorSeverity, snap.vendorSeverity);
    next.vendorSeverity = snap.vendorSeverity;
    next.severity = snap.severity;
  } else if (snap.severity !== null && stored.severity === null) {
    next.severity = snap.severity;
  }
  if (snap.owner != null && snap.owner !== stored.owner) {
    change('owner', stored.owner ?? null, snap.owner);
    next.owner = snap.owner;
  }
  if (snap.title && snap.title !== stored.title) {
    change('title', stored.title, snap.title);
    next.title = snap.title;
  }
  if (snap.vendorRef && snap.vendorRef !== stored.vendorRef) next.vendorRef = snap.vendorRef;
  if (snap.sla && !sameRecord(snap.sla, stored.sla ?? {})) next.sla = snap.sla;
  next.updatedAt = laterOf(stored.updatedAt, snap.updatedAt);
  next.createdAt = stored.createdAt ?? snap.createdAt;
  if (snap.url && snap.url !== stored.url) next.url = snap.url;
  if (snap.contactChannel && snap.contactChannel !== stored.contactChannel) next.contactChannel = snap.contactChannel;
  return { next, events };
}

/**
 * What an older snapshot still adds: fields the stored case lacks, and the portal's update time when it
 * is later than ours. updatedAt is a fact about the portal, kept as the latest ever read, never a field
 * of whichever read won: a read that lost on capture time (ours had no portal date to compare) must not
 * win on portal date when read again, or re-ingesting the same reads would change the case.
 * The same object when nothing is added.
 */
function fillGaps(stored: StoredCase, snap: CaseSnapshot): StoredCase {
  const gaps: Partial<StoredCase> = {};
  if (snap.updatedAt && ms(snap.updatedAt) > ms(stored.updatedAt)) gaps.updatedAt = snap.updatedAt;
  if (stored.owner == null && snap.owner != null) gaps.owner = snap.owner;
  if (stored.severity === null && stored.vendorSeverity === null && snap.vendorSeverity !== null) {
    gaps.severity = snap.severity;
    gaps.vendorSeverity = snap.vendorSeverity;
  }
  if (!stored.vendorRef && snap.vendorRef) gaps.vendorRef = snap.vendorRef;
  if (!stored.sla && snap.sla) gaps.sla = snap.sla;
  if (!stored.createdAt && snap.createdAt) gaps.createdAt = snap.createdAt;
  return Object.keys(gaps).length ? { ...stored, ...gaps } : stored;
}

function sameRecord(a: object, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A case's message count and latest message per side, from its message events. */
export function messageFields(
  events: CaseEvent[],
): Pick<StoredCase, 'messageCount' | 'lastVendorMessageAt' | 'lastCustomerMessageAt'> {
  let lastVendorMessageAt: string | null = null;
  let lastCustomerMessageAt: string | null = null;
  let messageCount = 0;
  for (const e of events) {
    if (e.type !== 'message' || !e.message) continue;
    messageCount++;
    if (e.message.side === 'vendor') lastVendorMessageAt = laterOf(lastVendorMessageAt, e.message.at);
    else lastCustomerMessageAt = laterOf(lastCustomerMessageAt, e.message.at);
  }
  return { messageCount, lastVendorMessageAt, lastCustomerMessageAt };
}

/** Resolves message-only updates to case keys of the page's portal: by caseId, or by the vendor's internal ref. */
async function resolveMessageUpdates(
  db: CaseradarDB,
  input: SnapshotInput,
  portal: string,
): Promise<{ byKey: Map<string, CaseMessage[]>; unmatched: number }> {
  const byKey = new Map<string, CaseMessage[]>();
  let unmatched = 0;
  for (const update of input.extraction.messageUpdates ?? []) {
    let key: string | undefined;
    if (update.caseId) key = caseKeyOf(input.provider, portal, update.caseId);
    else if (update.vendorRef) {
      const fromSnapshot = input.extraction.cases.find((c) => c.vendorRef === update.vendorRef);
      const stored = fromSnapshot
        ? undefined
        : await db.cases.where('[portal+vendorRef]').equals([portal, update.vendorRef]).first();
      key = fromSnapshot ? caseKeyOf(input.provider, portal, fromSnapshot.caseId) : stored?.key;
    }
    if (!key) {
      unmatched += update.messages.length;
      continue;
    }
    byKey.set(key, [...(byKey.get(key) ?? []), ...update.messages]);
  }
  return { byKey, unmatched };
}

/**
 * The snapshot with its implausible portal dates made unknown: too far after the capture
 * (PORTAL_DATE_SKEW_MS) or before PORTAL_DATE_FLOOR. A case's created and updated times become null;
 * a message, whose time is what it is, is dropped. The SLA is left as it is: its expiry lies in the
 * future by design.
 */
function withTrustedDates(input: SnapshotInput): { extraction: Extraction; untrusted: number } {
  const limit = ms(input.capturedAt) + PORTAL_DATE_SKEW_MS;
  const floor = ms(PORTAL_DATE_FLOOR);
  const implausible = (iso: string) => ms(iso) > limit || ms(iso) < floor;
  let untrusted = 0;
  const date = (iso: string | null) => (iso && implausible(iso) ? (untrusted++, null) : iso);
  const messages = (list: CaseMessage[]) => list.filter((m) => (implausible(m.at) ? (untrusted++, false) : true));
  const cases = input.extraction.cases.map((c) => ({
    ...c,
    createdAt: date(c.createdAt),
    updatedAt: date(c.updatedAt),
    ...(c.messages ? { messages: messages(c.messages) } : {}),
  }));
  const messageUpdates = input.extraction.messageUpdates?.map((u) => ({ ...u, messages: messages(u.messages) }));
  return { extraction: { ...input.extraction, cases, ...(messageUpdates ? { messageUpdates } : {}) }, untrusted };
}

/**
 * The vendor portal of each case of a read. A page speaks only for its own portal: the background has
 * checked that it is the sender's origin, so a page on one tenant can never reach another tenant's
 * cases. Manual cases name their vendor themselves.
 */
function portalsOf(input: SnapshotInput, snaps: CaseSnapshot[]): { page: string; ofSnap: string[] } {
  const page = input.provider === 'manual' ? '' : portalOf(input.provider, input.pageUrl);
  return {
    page,
    ofSnap: snaps.map((s) => (input.provider === 'manual' ? portalOf('manual', '', s.vendorName) : page)),
  };
}

/** What a read says its vendor is called: a recipe's or manual case's vendor, or the page's own name. */
function nameSaidBy(input: SnapshotInput, snap: CaseSnapshot): string | null {
  if (input.provider === 'custom' || input.provider === 'manual') return snap.vendorName ?? null;
  return isConsole(input.provider) ? null : (input.portalName ?? null);
}

/**
 * A name a page gives itself may not pass for another vendor: "Northwind Fiber" read on
 * evil.zendesk.com, when northwind.zendesk.com is already "Northwind Fiber", is kept with its host.
 */
async function unclaimedName(db: CaseradarDB, portal: string, name: string | null): Promise<string | null> {
  if (!name) return name;
  const folded = name.trim().toLowerCase();
  const taken = (await db.vendors.toArray()).some(
    (v) => v.portal !== portal && vendorDisplayName(v).toLowerCase() === folded,
  );
  return taken ? `${name} (${portal})` : name;
}

/**
 * Brings the vendor rows of the read's portals up to date and gives every case row of them the
 * vendor's name. A name that changed is rewritten on the portal's other cases too, in this transaction.
 */
async function applyVendorNames(
  db: CaseradarDB,
  input: SnapshotInput,
  snaps: CaseSnapshot[],
  portals: string[],
  next: Map<string, StoredCase>,
): Promise<number> {
  // The first case read for each portal speaks for it (one portal per read, but for manual cases).
  const firstOf = new Map<string, CaseSnapshot>();
  snaps.forEach((snap, i) => firstOf.has(portals[i]!) || firstOf.set(portals[i]!, snap));
  if (!firstOf.size) return 0;
  const storedRows = await db.vendors.bulkGet([...firstOf.keys()]);
  let writes = 0;
  let i = 0;
  for (const [portal, snap] of firstOf) {
    const stored = storedRows[i++];
    const said = readNameOf(input.provider, nameSaidBy(input, snap));
    // Most reads repeat the stored name: only a new one is checked against the other vendors.
    const readName =
      !said || said === stored?.readName || `${said} (${portal})` === stored?.readName
        ? (stored?.readName ?? said)
        : await unclaimedName(db, portal, said);
    const row: VendorPortal | undefined = stored
      ? nextVendorRow(stored, { portal, provider: input.provider, origin: stored.origin, readName }, input.capturedAt)
      : newVendorRow(input.provider, portal, readName, snap.url || input.pageUrl, input.capturedAt);
    const vendor = row ?? stored!;
    const shown = vendorDisplayName(vendor);
    if (row) {
      await db.vendors.put(row);
      writes++;
      if (stored && vendorDisplayName(stored) !== shown) {
        writes += await db.cases
          .where('portal')
          .equals(portal)
          .and((c) => !next.has(c.key))
          .modify({ vendorName: shown });
      }
    }
    for (const [key, c] of next) {
      if (c.portal !== portal) continue;
      // A label the user mapped once for this portal reads the same on every later read.
      const mapped = applyStatusMap(c, vendor);
      if (mapped !== c || c.vendorName !== shown) next.set(key, { ...mapped, vendorName: shown });
    }
  }
  return writes;
}

/** Merges one snapshot in a single read-write transaction. */
export async function ingestSnapshot(db: CaseradarDB, raw: SnapshotInput): Promise<IngestResult> {
  const trusted = withTrustedDates(raw);
  const input: SnapshotInput = { ...raw, extraction: trusted.extraction };
  const result: IngestResult = {
    created: 0,
    updated: 0,
    unchanged: 0,
    stale: 0,
    eventsAdded: 0,
    unmatchedMessages: 0,
    rowsWritten: 0,
    untrustedDates: trusted.untrusted,
    refusedNew: 0,
  };
  const allSnaps = input.extraction.cases.filter((c) => c.provider === input.provider);
  const allPortals = portalsOf(input, allSnaps);

  await db.transaction('rw', [db.cases, db.events, db.portals, db.vendors], async () => {
    const updates = await resolveMessageUpdates(db, input, allPortals.page);
    result.unmatchedMessages = updates.unmatched;
    const allKeys = allSnaps.map((s, i) => caseKeyOf(s.provider, allPortals.ofSnap[i]!, s.caseId));
    const allStored = await db.cases.bulkGet(allKeys);
    // Flood bound: the first MAX_NEW_CASES_PER_READ unknown cases are created, the rest refused whole.
    const newKeys = new Set<string>();
    const keep = allKeys.map((k, i) => {
      if (allStored[i] || newKeys.has(k)) return true;
      if (newKeys.size >= MAX_NEW_CASES_PER_READ) return false;
      newKeys.add(k);
      return true;
    });
    const refused = new Set(allKeys.filter((_, i) => !keep[i]));
    result.refusedNew = refused.size;
    const snaps = allSnaps.filter((_, i) => keep[i]);
    const snapKeys = allKeys.filter((_, i) => keep[i]);
    const snapPortals = allPortals.ofSnap.filter((_, i) => keep[i]);
    for (const k of refused) updates.byKey.delete(k);

    // The snapshot's cases were read above; only cases named by message-only bodies are still to read.
    const stored = new Map(allKeys.map((k, i) => [k, allStored[i]]));
    const others = [...updates.byKey.keys()].filter((k) => !stored.has(k));
    const otherRows = others.length ? await db.cases.bulkGet(others) : [];
    others.forEach((k, i) => stored.set(k, otherRows[i]));
    const next = new Map<string, StoredCase>(); // Case rows as they will be after this snapshot.
    const messagesByKey = new Map(updates.byKey);
    let candidateEvents: CaseEvent[] = [];

    snaps.forEach((snap, i) => {
      const key = snapKeys[i]!;
      if (snap.messages?.length) messagesByKey.set(key, [...(messagesByKey.get(key) ?? []), ...snap.messages]);
      const current = next.get(key) ?? stored.get(key);
      if (!current) {
        next.set(key, newCase(snap, input, key, snapPortals[i]!));
        candidateEvents.push({
          caseKey: key,
          type: 'created',
          at: snap.createdAt ?? input.capturedAt,
          recordedAt: input.capturedAt,
          to: snap.vendorStatus,
          dedupKey: 'created',
        });
        result.created++;
        return;
      }
      if (isOlderThanStored(snap, current, input.capturedAt)) {
        result.stale++; // Fields kept; its messages are still merged below.
        // An older view still knows what no newer one showed (a detail page's owner, read before a list).
        const filled = fillGaps(current, snap);
        if (filled !== current) next.set(key, filled);
        return;
      }
      const merged = mergeFields(current, snap, input);
      let row = merged.next;
      candidateEvents.push(...merged.events);
      // Observation time only moves forward: a snapshot captured earlier but dated newer by the
      // portal updates the fields, not when we last looked.
      const observedLater = ms(input.capturedAt) > ms(current.lastObservedAt);
      if (
        observedLater &&
        (ms(input.capturedAt) - ms(current.lastObservedAt) >= OBSERVATION_GRANULARITY_MS || merged.events.length)
      ) {
        row = { ...row, lastObservedAt: input.capturedAt, observedVia: input.sourceUrl, observedHow: input.how };
      }
      next.set(key, row);
    });
    // Every case of a portal read now is visited here (unchanged ones too), so that the name is right.
    for (const key of snapKeys) if (!next.has(key) && stored.get(key)) next.set(key, stored.get(key)!);
    const vendorWrites = await applyVendorNames(db, input, snaps, snapPortals, next);

    // Messages are facts with their own times: merged whatever the snapshot's age, deduplicated by key.
    for (const [key, messages] of messagesByKey)
      candidateEvents.push(...messageEvents(key, messages, input.capturedAt));
    if (candidateEvents.length) {
      const existing = await db.events
        .where('[caseKey+dedupKey]')
        .anyOf(candidateEvents.map((e) => [e.caseKey, e.dedupKey]))
        .toArray();
      const seen = new Set(existing.map((e) => `${e.caseKey}\u0000${e.dedupKey}`));
      candidateEvents = candidateEvents.filter((e) => {
        const id = `${e.caseKey}\u0000${e.dedupKey}`;
        return seen.has(id) ? false : (seen.add(id), true);
      });
    }
    // A new case may already have messages on record (comments read before its case list).
    const createdKeys = [...next.keys()].filter((k) => !stored.get(k));
    const earlierMessages = createdKeys.length
      ? await db.events
          .where('caseKey')
          .anyOf(createdKeys)
          .filter((e) => e.type === 'message')
          .toArray()
      : [];
    for (const e of [...earlierMessages, ...candidateEvents]) {
      if (e.type !== 'message' || !e.message) continue;
      const row = next.get(e.caseKey) ?? stored.get(e.caseKey);
      if (!row) continue; // Messages for a case not seen yet: kept as events, counted when it appears.
      const side = e.message.side === 'vendor' ? 'lastVendorMessageAt' : 'lastCustomerMessageAt';
      next.set(e.caseKey, { ...row, messageCount: row.messageCount + 1, [side]: laterOf(row[side], e.message.at) });
    }

    const caseWrites = [...next.values()].filter((row) => {
      const before = stored.get(row.key);
      return !before || !sameRecord(row, before);
    });
    const written = new Set(caseWrites.map((c) => c.key));
    result.updated = caseWrites.filter((c) => stored.get(c.key)).length;
    result.unchanged = new Set(snapKeys.filter((k) => stored.get(k) && !written.has(k))).size;
    result.eventsAdded = candidateEvents.length;

    if (caseWrites.length) await db.cases.bulkPut(caseWrites);
    if (candidateEvents.length) await db.events.bulkAdd(candidateEvents);
    // A case typed in by hand says nothing about any portal's health.
    const healthWrites = input.how === 'manual' ? 0 : await recordSuccess(db, input);
    result.rowsWritten = caseWrites.length + candidateEvents.length + healthWrites + vendorWrites;
  });
  return result;
}

/** Portal health is kept per origin; a page URL that is none (manual cases) files under 'unknown'. */
const portalOrigin = (pageUrl: string) => originOf(pageUrl) ?? 'unknown';

async function recordSuccess(db: CaseradarDB, input: SnapshotInput): Promise<number> {
  const key = portalKey(input.provider, portalOrigin(input.pageUrl));
  const stored = await db.portals.get(key);
  const next: PortalHealth = {
    key,
    provider: input.provider,
    origin: portalOrigin(input.pageUrl),
    lastSuccessAt: laterOf(stored?.lastSuccessAt, input.capturedAt),
    lastErrorAt: stored?.lastErrorAt ?? null,
    lastError: stored?.lastError ?? null,
    lastCaseCount: input.extraction.cases.length,
    lastProblemCount: input.extraction.problems.length,
  };
  // Skip the write when nothing but a sub-minute clock tick changed (keeps re-ingest write-free).
  if (
    stored &&
    sameRecord({ ...next, lastSuccessAt: null }, { ...stored, lastSuccessAt: null }) &&
    ms(next.lastSuccessAt) - ms(stored.lastSuccessAt) < OBSERVATION_GRANULARITY_MS
  ) {
    return 0;
  }
  await db.portals.put(next);
  return 1;
}

/** Records that a portal page or body could not be read. Touches no case. */
export async function recordFailure(
  db: CaseradarDB,
  provider: ProviderId,
  pageUrl: string,
  failure: PortalFailure,
  message: string,
  at: string,
): Promise<void> {
  const key = portalKey(provider, portalOrigin(pageUrl));
  await db.transaction('rw', db.portals, async () => {
    const stored = await db.portals.get(key);
    await db.portals.put({
      key,
      provider,
      origin: portalOrigin(pageUrl),
      lastSuccessAt: stored?.lastSuccessAt ?? null,
      lastErrorAt: at,
      lastError: { failure, message: message.slice(0, 300), pageUrl },
      lastCaseCount: stored?.lastCaseCount ?? 0,
      lastProblemCount: stored?.lastProblemCount ?? 0,
    });
  });
}

/** True when the portal's latest attempt failed (so its cases are not being observed). */
export function needsAttention(health: PortalHealth): boolean {
  return !!health.lastErrorAt && ms(health.lastErrorAt) >= ms(health.lastSuccessAt);
}
