/**
 * Runtime validation of what crosses a trust boundary (content script → background).
 * A snapshot that fails validation is rejected whole; nothing is half-written.
 */
import { z } from 'zod';
import { CASE_STATES, PROVIDER_IDS, SEVERITIES } from './model';
import { toUtcIso } from './time';

const isoUtc = z
  .string()
  .max(40)
  .refine((v) => toUtcIso(v) === v, 'Expected an ISO-8601 UTC timestamp');
/** A machine time with its zone (any ISO-8601 form toUtcIso reads): what stored rows and backups hold. */
export const isoTime = z
  .string()
  .max(40)
  .refine((v) => toUtcIso(v) !== null, 'Expected an ISO-8601 time with a zone');
/** An http(s) origin exactly as URL.origin writes it (no path, no trailing slash). */
export const httpOrigin = z
  .string()
  .max(300)
  .refine(
    (v) => /^https?:\/\//i.test(v) && URL.canParse(v) && new URL(v).origin === v,
    'Expected an http(s) origin such as https://help.example.com',
  );
export const httpUrl = z
  .string()
  .max(2048)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'Expected an http(s) URL');
const shortText = (max: number) => z.string().max(max);

export const providerIdSchema = z.enum(PROVIDER_IDS);

export const caseMessageSchema = z.object({
  at: isoUtc,
  author: shortText(200).nullable(),
  side: z.enum(['vendor', 'customer']),
  text: shortText(4000).nullable(),
  via: z.enum(['email', 'selection']).optional(),
});

export const caseSnapshotSchema = z.object({
  provider: providerIdSchema,
  caseId: z.string().min(1).max(100),
  title: shortText(500).min(1),
  vendorStatus: shortText(200).nullable(),
  state: z.enum(CASE_STATES).nullable(),
  severity: z.enum(SEVERITIES).nullable(),
  vendorSeverity: shortText(200).nullable(),
  createdAt: isoUtc.nullable(),
  updatedAt: isoUtc.nullable(),
  url: httpUrl,
  owner: shortText(200).nullable().optional(),
  messages: z.array(caseMessageSchema).max(2000).optional(),
  vendorRef: shortText(300).nullable().optional(),
  sla: z
    .object({
      startAt: isoUtc.nullable(),
      expiresAt: isoUtc.nullable(),
      minutes: z.number().int().min(0).max(1e7).nullable(),
    })
    .nullable()
    .optional(),
  vendorName: shortText(120).nullable().optional(),
  contactChannel: shortText(60).nullable().optional(),
});

const messageUpdateSchema = z
  .object({
    caseId: z.string().min(1).max(100).optional(),
    vendorRef: z.string().min(1).max(300).optional(),
    messages: z.array(caseMessageSchema).max(2000),
  })
  .refine((u) => u.caseId || u.vendorRef, 'Expected a caseId or vendorRef');

export const extractionSchema = z.object({
  kind: z.enum(['list', 'detail']),
  cases: z.array(caseSnapshotSchema).max(5000),
  problems: z
    .array(z.object({ where: shortText(200), reason: shortText(500), caseId: shortText(100).optional() }))
    .max(5000),
  deferredToApi: z.literal(true).optional(),
  messageUpdates: z.array(messageUpdateSchema).max(500).optional(),
});

export const snapshotPayloadSchema = z.object({
  provider: providerIdSchema,
  pageUrl: httpUrl,
  sourceUrl: httpUrl,
  capturedAt: isoUtc,
  extraction: extractionSchema,
  /** What the page calls its vendor (site name, title's brand): a suggestion for its own portal only. */
  portalName: shortText(200).nullable().optional(),
});

export const failurePayloadSchema = z.object({
  provider: providerIdSchema,
  pageUrl: httpUrl,
  failure: z.enum(['layout-changed', 'signed-out', 'unknown-shape']),
  message: shortText(1000),
});

export const sweepPayloadSchema = z.object({ now: isoUtc.optional() }).strict();

/** "Refresh now" from our pages: every enabled portal, or the given ones; `now` lets tests set the clock. */
export const refreshNowPayloadSchema = z
  .object({ keys: z.array(z.string().max(300)).max(200).optional(), now: isoUtc.optional() })
  .strict();
