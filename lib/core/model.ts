/**
 * The normalized case model shared by adapters, the store and the UI (vocabulary: docs/portals.md).
 * Every timestamp is an ISO-8601 UTC string.
 */

import { FAMILY_RECORDS } from '../capture/families/records';
import { PLATFORMS } from './platforms';

/** Families read by a built-in adapter: one per record in lib/capture/families/records.ts. */
export type PortalProviderId = (typeof FAMILY_RECORDS)[number]['id'];
/**
 * Every provider: the built-in families, 'custom' (read by a user-made recipe on any other portal; the
 * portal's name is in vendorName) and 'manual' (entered by hand; the vendor's name is in vendorName).
 */
export type ProviderId = PortalProviderId | 'custom' | 'manual';

// A tuple, for z.enum; pure, so that a bundle that never lists the providers drops the family records.
export const PROVIDER_IDS = /* @__PURE__ */ providerIds();
function providerIds(): readonly [ProviderId, ...ProviderId[]] {
  return [...FAMILY_RECORDS.map((f) => f.id), 'custom', 'manual'] as unknown as [ProviderId, ...ProviderId[]];
}

export const CASE_STATES = ['new', 'open', 'waiting-on-customer', 'on-hold', 'resolved', 'closed'] as const;
/** Our normalized state; `null` when the vendor's label is unknown to us. */
export type CaseState = (typeof CASE_STATES)[number];

export const SEVERITIES = ['critical', 'high', 'normal', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type MessageSide = 'vendor' | 'customer';

/** One message on a case, as the portal shows it. */
export interface CaseMessage {
  /** When the message was written (UTC ISO). */
  at: string;
  author: string | null;
  side: MessageSide;
  /** Plain text, possibly truncated; never HTML. */
  text: string | null;
  /** Brought in from outside the portal: a saved email, or text the user selected on a page. */
  via?: 'email' | 'selection';
}

/** What one page or JSON body says about one case at capture time. */
export interface CaseSnapshot {
  provider: ProviderId;
  /** The number the portal shows the user (no leading '#'). */
  caseId: string;
  title: string;
  /** The vendor's own status label, verbatim. */
  vendorStatus: string | null;
  state: CaseState | null;
  severity: Severity | null;
  vendorSeverity: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** Deep link to the case in the portal. */
  url: string;
  owner?: string | null;
  /** Present only when the page shows messages (detail views). */
  messages?: CaseMessage[];
  /**
   * The vendor's internal id when it differs from caseId (Azure ARM name, AWS case-… id), so that
   * bodies that only name the case that way (communications) can be matched to it.
   */
  vendorRef?: string | null;
  /** The vendor's service-level clock for the case, where the portal exposes one. */
  sla?: CaseSla | null;
  /**
   * Who the vendor is. In a snapshot: the recipe's or the manual case's vendor, where the read says it.
   * In the store: the vendor portal's name as shown everywhere (the user's name for it, else the
   * portal's own, else a default: lib/store/vendors.ts), kept on the row so that every list reads it directly.
   */
  vendorName?: string | null;
  /** How a manual case is conducted: phone, email, chat, social media, … */
  contactChannel?: string | null;
}

/** A vendor service-level agreement window (Azure serviceLevelAgreement). */
export interface CaseSla {
  startAt: string | null;
  expiresAt: string | null;
  minutes: number | null;
}

/** Messages for one case from a body that carries only messages (communications, comments). */
export interface MessageUpdate {
  /** The case as the body names it: by the id users see, or by the vendor's internal ref. */
  caseId?: string;
  vendorRef?: string;
  messages: CaseMessage[];
}

/** How a case was observed. */
export type ObservationMethod = 'visit' | 'refresh' | 'manual';

/** A case as kept in the store. */
export interface StoredCase extends CaseSnapshot {
  /** `${portal}:${caseId}` (lib/core/portals.ts caseKeyOf). */
  key: string;
  /** The vendor portal the case belongs to (lib/core/portals.ts): a tenant's host, a console's provider id. */
  portal: string;
  firstSeenAt: string;
  lastObservedAt: string;
  /** Page or endpoint URL of the last observation. */
  observedVia: string;
  observedHow: ObservationMethod;
  /** Latest message times we know of, kept so that quiet time needs no event scan. */
  lastVendorMessageAt: string | null;
  lastCustomerMessageAt: string | null;
  messageCount: number;
}

export type CaseEventType = 'created' | 'state' | 'severity' | 'owner' | 'title' | 'message';

/** An entry of a case's history. Appended, never rewritten. */
export interface CaseEvent {
  id?: number;
  caseKey: string;
  type: CaseEventType;
  /** When it happened according to the portal, or when we noticed it. */
  at: string;
  /** When we recorded it. */
  recordedAt: string;
  from?: string | null;
  to?: string | null;
  message?: CaseMessage;
  /** Identifies the event so that re-ingesting never duplicates it. */
  dedupKey: string;
}

/**
 * A status, severity or owner event from no value: the field was unknown before (a list that shows no
 * severity, then the detail page that does). We learned its value; it did not change, so it is never
 * told as a step the vendor took.
 */
export function isLearned(e: Pick<CaseEvent, 'type' | 'from'>): boolean {
  return (e.type === 'state' || e.type === 'severity' || e.type === 'owner') && !e.from;
}

/**
 * What makes a message the same message on every read: its time, side, author and words. The words
 * are compared without spacing or case, because a page and its JSON lay out one text differently.
 */
export function messageDedupKey(m: CaseMessage): string {
  const words = (m.text ?? '').replace(/\s+/g, '').toLowerCase();
  // FNV-1a: a short, stable digest; the time, side and author already narrow it to one case's minute.
  let hash = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words.charCodeAt(i), 0x01000193);
  return `msg:${m.at}:${m.side}:${m.author ?? ''}:${(hash >>> 0).toString(16)}`;
}

/** A platform's own name (lib/core/platforms.ts): the vendor's name only for the consoles. */
// Pure: a content script that never names a platform must not carry the platform records (bundle size).
export const PROVIDER_NAMES = /* @__PURE__ */ Object.fromEntries(
  /* @__PURE__ */ Object.entries(PLATFORMS).map(([id, p]) => [id, p.name]),
) as Record<ProviderId, string>;

/** The name to show for a case's vendor. */
export function vendorLabel(c: Pick<CaseSnapshot, 'provider' | 'vendorName'>): string {
  return c.vendorName?.trim() || PROVIDER_NAMES[c.provider];
}

/** "Northwind Fiber #48213": a case as the user names it, by its vendor and number. */
export function caseLabel(c: Pick<CaseSnapshot, 'provider' | 'vendorName' | 'caseId'>): string {
  return `${vendorLabel(c)} #${c.caseId}`;
}
