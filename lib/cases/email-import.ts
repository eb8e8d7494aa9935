/**
 * Vendor emails and selected text, attached to the right case: a reference the vendor writes (its
 * family record's emailReferences: "TrackingID#…", "[Case ID …]", "[Request #…]") finds the case; the
 * sender says whose side it is (the user's own addresses, from Settings, are "you"). The message goes
 * through the same ingest as a portal's, so it counts for whose move and vendor quiet, and a message
 * already in the history is not added twice.
 */
import { z } from 'zod';
import { FAMILIES } from '../capture/families';
import type { ParsedEmail } from '../capture/email/parse-email';
import { PLATFORMS } from '../core/platforms';
import { isConsole } from '../core/portals';
import { messageDedupKey, type MessageSide, type ProviderId, type StoredCase } from '../core/model';
import type { CaseradarDB } from '../store/db';
import { isOpen } from '../alerts/urgency';
import { addCaseMessage } from './case-messages';
import { capitalised } from './format';
import { addManualCase } from './manual';

const MY_ADDRESSES_KEY = 'my-addresses';

/** An address ("alex@contoso.example") or a whole domain ("@contoso.example"), lower case. */
const myAddressSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[^\s@<>,;]{1,64})?@[a-z0-9](?:[a-z0-9.-]{0,253}[a-z0-9])?$/, 'Expected name@example.com or @example.com');
const myAddressesSchema = z.array(myAddressSchema).max(100, 'Expected at most 100 addresses');

/** The user's own addresses: mail from them is "you", everything else the vendor's. */
export async function loadMyAddresses(db: CaseradarDB): Promise<string[]> {
  const parsed = myAddressesSchema.safeParse((await db.settings.get(MY_ADDRESSES_KEY))?.value);
  return parsed.success ? parsed.data : [];
}

/** Validates and stores the user's addresses, one per line or comma; throws naming the first bad one. */
export async function saveMyAddresses(db: CaseradarDB, text: string): Promise<string[]> {
  const entries = text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const parsed = myAddressesSchema.safeParse(entries);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const bad = typeof issue.path[0] === 'number' ? `"${entries[issue.path[0]]}": ` : '';
    throw new Error(`${bad}${issue.message}`);
  }
  await db.settings.put({ key: MY_ADDRESSES_KEY, value: [...new Set(parsed.data)] });
  return parsed.data;
}

export function isMine(address: string | null | undefined, mine: string[]): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  return mine.some((m) => (m.startsWith('@') ? a.endsWith(m) : a === m));
}

/** A reference found in a text: the family whose pattern matched and the case number it names. */
export interface FoundReference {
  provider: ProviderId;
  caseId: string;
}

/** Each family's reference patterns, made global once for matchAll (which copies them: no shared state). */
const REFERENCE_PATTERNS = FAMILIES.flatMap((family) =>
  (family.emailReferences ?? []).map((p) => ({
    provider: family.id,
    re: new RegExp(p.source, p.flags.includes('g') ? p.flags : `${p.flags}g`),
  })),
);

/** Every vendor reference in the text, in order of appearance, each once. */
export function findReferences(text: string): FoundReference[] {
  const found: (FoundReference & { at: number })[] = [];
  for (const { provider, re } of REFERENCE_PATTERNS)
    for (const m of text.slice(0, 20_000).matchAll(re)) if (m[1]) found.push({ provider, caseId: m[1], at: m.index });
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .filter((r) => {
      const id = `${r.provider}:${r.caseId.toLowerCase()}`;
      return seen.has(id) ? false : (seen.add(id), true);
    })
    .map(({ provider, caseId }) => ({ provider, caseId }));
}

/** The registrable-looking end of a host or address ("support.northwind.example" → "northwind.example"). */
function baseDomain(host: string): string {
  return host.toLowerCase().split('.').slice(-2).join('.');
}

/**
 * Whether mail from this domain comes from the case's vendor portal: its own host (or below it), or, for a
 * portal on the vendor's own domain, the same domain ("help.northwind.example" and "northwind.example").
 * Tenants of one platform share its domain, so for them only the tenant's host counts.
 */
function sentByPortal(c: StoredCase, senderDomain: string): boolean {
  if (isConsole(c.provider) || c.provider === 'manual') return false;
  const domain = senderDomain.toLowerCase();
  if (domain === c.portal || domain.endsWith(`.${c.portal}`)) return true;
  return !PLATFORMS[c.provider].tenantHosts?.test(c.portal) && baseDomain(c.portal) === baseDomain(domain);
}

/**
 * The case a text is about: a vendor reference matched among that platform's cases (a tenant number
 * that two vendors share is told apart by the participants' addresses, else not guessed), or, for cases typed in
 * by hand or read by a recipe, their own number written in the subject.
 */
export function findCase(
  text: { subject: string; body: string | null },
  participants: (string | null | undefined)[],
  cases: StoredCase[],
  { anyOpenCaseNumber = false } = {},
): { key: string; reference: string } | { key: null; reference: string | null; ambiguous: number } {
  const refs = [...findReferences(text.subject), ...findReferences(text.body ?? '')];
  const domains = participants.flatMap((a) => (a?.includes('@') ? [a.split('@')[1]!] : []));
  for (const ref of refs) {
    const same = cases.filter(
      (c) => c.provider === ref.provider && c.caseId.toLowerCase() === ref.caseId.toLowerCase(),
    );
    if (same.length === 1) return { key: same[0]!.key, reference: ref.caseId };
    // Two vendors with one number: the vendor's own address, as sender or (in the user's reply) recipient.
    const byAddress = same.filter((c) => domains.some((d) => sentByPortal(c, d)));
    if (byAddress.length === 1) return { key: byAddress[0]!.key, reference: ref.caseId };
    if (same.length > 1) return { key: null, reference: ref.caseId, ambiguous: same.length };
  }
  // The user's own references (manual cases) and recipe portals' numbers, as a whole word of the subject;
  // for text the user selected themselves, any open case's number ("we fixed #48213").
  const words = new Set(text.subject.toLowerCase().split(/[^\p{L}\p{N}_-]+/u));
  const own = cases.filter(
    (c) =>
      (c.provider === 'manual' || c.provider === 'custom' || (anyOpenCaseNumber && isOpen(c))) &&
      c.caseId.length >= 4 &&
      words.has(c.caseId.toLowerCase()),
  );
  if (own.length === 1) return { key: own[0]!.key, reference: own[0]!.caseId };
  return { key: null, reference: refs[0]?.caseId ?? null, ambiguous: own.length > 1 ? own.length : 0 };
}

/** A subject without its reply and forward prefixes and its reference tags. */
export function cleanSubject(subject: string): string {
  let s = subject;
  for (let i = 0; i < 5; i++) s = s.replace(/^\s*(?:re|aw|fw|fwd|wg|tr|sv|vs)\s*(?:\[\d+\])?\s*:\s*/i, '');
  return s.trim() || subject.trim();
}

/** A vendor name from a sender's domain: "noc@northwind-fiber.example" → "Northwind Fiber". */
export function vendorFromAddress(address: string | null): string {
  const domain = address?.split('@')[1];
  const label = domain?.split('.').slice(-2)[0];
  if (!label) return '';
  return label.split(/[-_]+/).filter(Boolean).map(capitalised).join(' ');
}

/** Where an outside message came from, shown in the case's history. */
export type MessageOrigin = 'email' | 'selection';

export interface OutsideMessage {
  at: string;
  author: string | null;
  side: MessageSide;
  text: string | null;
  via: MessageOrigin;
}

/** An email as a message of a case's history: the user's own addresses are "you". */
function messageOf(email: ParsedEmail, at: string, mine: string[]): OutsideMessage {
  return {
    at,
    author: email.from?.name ?? email.from?.address ?? null,
    side: isMine(email.from?.address, mine) ? 'customer' : 'vendor',
    text: email.text,
    via: 'email',
  };
}

/**
 * The cases whose histories already hold these messages, by dedup key (which includes the message's time).
 * One scan of the events for a whole drop, and only for mail that matched no case.
 */
async function casesHolding(db: CaseradarDB, messages: OutsideMessage[]): Promise<Map<string, string>> {
  const keys = new Set(messages.map(messageDedupKey));
  if (keys.size === 0) return new Map();
  const events = await db.events.filter((e) => e.type === 'message' && keys.has(e.dedupKey)).toArray();
  return new Map(events.map((e) => [e.dedupKey, e.caseKey]));
}

/** What importing one email did, for the list the user sees. */
export type EmailOutcome =
  | { email: ParsedEmail; kind: 'added' | 'already'; key: string; side: MessageSide }
  | {
      email: ParsedEmail;
      kind: 'no-case';
      /** For "Create a case": the vendor from the sender's domain, the reference found, the subject. */
      prefill: { vendorName: string; reference: string; title: string };
      ambiguous: number;
    }
  | { email: ParsedEmail; kind: 'no-date' };

/** Files each email under its case; those with no case come back with a prefilled new case. */
export async function importEmails(db: CaseradarDB, emails: ParsedEmail[], nowIso: string): Promise<EmailOutcome[]> {
  const [cases, mine] = await Promise.all([db.cases.toArray(), loadMyAddresses(db)]);
  const read = emails.map((email) =>
    email.sentAt
      ? {
          email,
          message: messageOf(email, email.sentAt, mine),
          found: findCase(
            { subject: email.subject, body: email.text },
            [email.from?.address, ...email.recipients],
            cases,
          ),
        }
      : { email, message: null, found: null },
  );
  // Dropped again after a case was made from it: the message is on record, under that case.
  const filed = await casesHolding(
    db,
    read.flatMap((r) => (r.message && !r.found.key ? [r.message] : [])),
  );
  const outcomes: EmailOutcome[] = [];
  for (const { email, message, found } of read) {
    if (!message) {
      outcomes.push({ email, kind: 'no-date' });
      continue;
    }
    if (!found.key) {
      const holder = filed.get(messageDedupKey(message));
      if (holder) {
        outcomes.push({ email, kind: 'already', key: holder, side: message.side });
        continue;
      }
      outcomes.push({
        email,
        kind: 'no-case',
        prefill: {
          vendorName: vendorFromAddress(email.from?.address ?? null),
          reference: found.reference ?? '',
          title: cleanSubject(email.subject),
        },
        ambiguous: 'ambiguous' in found ? found.ambiguous : 0,
      });
      continue;
    }
    const added = await addCaseMessage(db, found.key, message, nowIso);
    outcomes.push({ email, kind: added ? 'added' : 'already', key: found.key, side: message.side });
  }
  return outcomes;
}

/** "Create a case" for an email that matched none: a manual case from the prefill the user checked. */
export async function createCaseFromEmail(
  db: CaseradarDB,
  email: ParsedEmail,
  fields: { vendorName: string; reference: string; title: string },
  nowIso: string,
): Promise<string> {
  const key = await addManualCase(
    db,
    { ...fields, contactChannel: 'email', link: '', state: 'open', severity: null },
    nowIso,
  );
  if (email.sentAt) await addCaseMessage(db, key, messageOf(email, email.sentAt, await loadMyAddresses(db)), nowIso);
  return key;
}

/** Who wrote a selected reply, when the text says ("From: Sam Support <…>", "Sam Support wrote:"). */
export function guessAuthor(text: string): string | null {
  const from = /^\s*(?:From|Von|De):\s*"?([^"<\n]{2,80}?)"?\s*(?:<[^>\n]*>)?\s*$/im.exec(text);
  const wrote = /^(?:On .{4,80}?,\s*)?([^\n,]{2,80}?) (?:wrote|schrieb|a écrit)\s*:\s*$/im.exec(text);
  return (from?.[1] ?? wrote?.[1])?.trim() || null;
}
