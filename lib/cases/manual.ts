/**
 * Cases with no portal — a phone call, an email thread, a conversation with a vendor's social-media
 * support — typed in by hand. They live in the same store and timeline as portal cases (provider
 * 'manual', vendor in vendorName) and go through the same ingest, so history and alerts work alike.
 */
import { z } from 'zod';
import type { CaseradarDB } from '../store/db';
import { addCaseMessage } from './case-messages';
import { STATE_LABELS, SEVERITY_LABELS } from './format';
import { ingestSnapshot } from '../store/ingest';
import { caseKeyOf } from '../core/portals';
import { CASE_STATES, SEVERITIES, type CaseMessage, type CaseSnapshot, type MessageSide } from '../core/model';

export const CONTACT_CHANNELS = ['phone', 'email', 'chat', 'social media', 'in person', 'other'] as const;

export const manualCaseSchema = z.object({
  vendorName: z.string().trim().min(1, 'Say who the vendor is').max(120),
  reference: z
    .string()
    .trim()
    .max(100)
    .regex(/^[^\s/]*$/, "Use the vendor's reference without spaces or slashes"),
  title: z.string().trim().min(1, 'Give the case a title').max(500),
  contactChannel: z.enum(CONTACT_CHANNELS),
  link: z
    .string()
    .trim()
    .max(2048)
    .refine(
      (v) => v === '' || (/^https?:\/\//i.test(v) && URL.canParse(v)),
      'A link must start with http:// or https://',
    ),
  state: z.enum(CASE_STATES),
  severity: z.enum(SEVERITIES).nullable(),
});
export type ManualCaseInput = z.infer<typeof manualCaseSchema>;

export class ManualCaseError extends Error {
  override readonly name = 'ManualCaseError';
}

const MANUAL_SOURCE = 'manual:';

function snapshotOf(input: ManualCaseInput, caseId: string, nowIso: string): CaseSnapshot {
  return {
    provider: 'manual',
    caseId,
    title: input.title,
    // Our own words stand in for the vendor's label: there is no portal to quote.
    vendorStatus: STATE_LABELS[input.state],
    state: input.state,
    severity: input.severity,
    vendorSeverity: input.severity ? SEVERITY_LABELS[input.severity] : null,
    createdAt: nowIso,
    updatedAt: nowIso,
    url: input.link,
    vendorName: input.vendorName,
    contactChannel: input.contactChannel,
  };
}

/** Adds a case by hand; returns its key. The reference is the vendor's; without one we make "M-…". */
export async function addManualCase(db: CaseradarDB, raw: unknown, nowIso: string): Promise<string> {
  const parsed = manualCaseSchema.safeParse(raw);
  if (!parsed.success) throw new ManualCaseError(parsed.error.issues[0]?.message ?? 'Check the form');
  const input = parsed.data;
  const caseId = input.reference || `M-${Date.parse(nowIso).toString(36).toUpperCase()}`;
  const key = caseKeyOf('manual', '', caseId);
  const existing = await db.cases.get(key);
  if (existing) {
    throw new ManualCaseError(
      `A case with reference ${caseId} is already on record (${existing.vendorName ?? 'manual'}): open it instead`,
    );
  }
  await ingestSnapshot(db, {
    provider: 'manual',
    pageUrl: MANUAL_SOURCE,
    sourceUrl: MANUAL_SOURCE,
    capturedAt: nowIso,
    how: 'manual',
    extraction: { kind: 'detail', cases: [snapshotOf(input, caseId, nowIso)], problems: [] },
  });
  return key;
}

/** Records a contact on a manual case (the vendor called back, I sent the logs), dated now. */
export async function logManualContact(
  db: CaseradarDB,
  key: string,
  side: MessageSide,
  text: string,
  nowIso: string,
): Promise<void> {
  const stored = await db.cases.get(key);
  if (!stored || stored.provider !== 'manual')
    throw new ManualCaseError('Only cases entered by hand are updated by hand');
  const message: CaseMessage = {
    at: nowIso,
    author: side === 'vendor' ? (stored.vendorName ?? null) : 'me',
    side,
    text: text.trim().slice(0, 4000) || null,
  };
  await addCaseMessage(db, key, message, nowIso);
}

/** Moves a manual case to another state (kept in its history like any portal's change). */
export async function setManualState(
  db: CaseradarDB,
  key: string,
  state: ManualCaseInput['state'],
  nowIso: string,
): Promise<void> {
  const stored = await db.cases.get(key);
  if (!stored || stored.provider !== 'manual')
    throw new ManualCaseError('Only cases entered by hand are updated by hand');
  await ingestSnapshot(db, {
    provider: 'manual',
    pageUrl: MANUAL_SOURCE,
    sourceUrl: MANUAL_SOURCE,
    capturedAt: nowIso,
    how: 'manual',
    extraction: {
      kind: 'detail',
      problems: [],
      cases: [{ ...stored, vendorStatus: STATE_LABELS[state], state, updatedAt: nowIso, messages: undefined }],
    },
  });
}
