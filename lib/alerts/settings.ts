/** The alerting policy as stored in the settings table, validated on the way in and out. */
import { z } from 'zod';
import type { CaseradarDB } from '../store/db';
import { ALERT_KINDS, defaultPolicy, type AlertKind, type Policy } from './policy';

const hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected HH:MM');
const threshold = z.union([
  z.object({ businessDays: z.number().int().min(1).max(365) }).strict(),
  z
    .object({
      businessHours: z
        .number()
        .min(0.25)
        .max(24 * 30),
    })
    .strict(),
]);
const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const policySchema = z.object({
  workingDays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
  workingHours: z
    .object({ start: hm, end: hm })
    .refine((w) => w.start < w.end, 'Expected the working day to end after it starts'),
  timeZone: z.string().refine(isTimeZone, 'Expected an IANA time zone such as Europe/Berlin'),
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD')).max(1000),
  vendorQuiet: z.object({
    bySeverity: z.object({
      critical: threshold,
      high: threshold,
      normal: threshold,
      low: threshold,
      unknown: threshold,
    }),
    // Keyed by vendor portal id; at most one per vendor the user could have.
    byPortal: z
      .record(z.string().min(1).max(300), threshold)
      .refine((r) => Object.keys(r).length <= 2000, 'Expected at most 2000 vendors')
      .default({}),
  }),
  waitingOnYou: threshold,
  notObservedDays: z.number().int().min(1).max(365),
  quietHours: z.object({ start: hm, end: hm }).nullable(),
  notify: z.record(z.enum(ALERT_KINDS as [AlertKind, ...AlertKind[]]), z.boolean()),
  digestAbove: z.number().int().min(1).max(100),
});

const POLICY_KEY = 'policy';

/** The stored policy, or the defaults when none is stored or the stored one no longer validates. */
export async function loadPolicy(db: CaseradarDB): Promise<Policy> {
  const row = await db.settings.get(POLICY_KEY);
  const parsed = policySchema.safeParse(row?.value);
  return parsed.success ? (parsed.data as Policy) : defaultPolicy();
}

/** The settings' names as Settings shows them, for error messages ("Time zone: …", not "timeZone: …"). */
const FIELD_NAMES: Record<string, string> = {
  workingDays: 'Working days',
  workingHours: 'Working hours',
  timeZone: 'Time zone',
  holidays: 'Holidays',
  vendorQuiet: 'Vendor quiet',
  waitingOnYou: 'Waiting on you',
  notObservedDays: 'Not seen for',
  quietHours: 'Quiet hours',
  notify: 'Notifications',
  digestAbove: 'Digest',
};

/** Validates and stores the policy; throws with the first problem otherwise. */
export async function savePolicy(db: CaseradarDB, policy: unknown): Promise<Policy> {
  const parsed = policySchema.safeParse(policy);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    const name = typeof field === 'string' ? (FIELD_NAMES[field] ?? field) : 'Settings';
    throw new Error(`${name}: ${issue?.message ?? 'invalid'}`);
  }
  await db.settings.put({ key: POLICY_KEY, value: parsed.data });
  return parsed.data as Policy;
}
