/**
 * What every adapter output must satisfy, whatever the input: the contract of lib/capture/types.ts
 * and what the background accepts (lib/core/schema.ts). A snapshot the background rejects loses every case
 * of that page, so an adapter that emits one on hostile input loses cases.
 */
import { expect } from 'vitest';
import { CASE_STATES, SEVERITIES, type CaseMessage, type ProviderId } from '@/lib/core/model';
import { ProviderParseError, type Extraction } from '@/lib/capture/types';
import { extractionSchema } from '@/lib/core/schema';

/** ISO-8601 UTC as toUtcIso writes it (four-digit year, milliseconds, Z). */
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function isIsoOrNull(v: unknown): boolean {
  return v === null || (typeof v === 'string' && ISO_UTC.test(v) && !Number.isNaN(Date.parse(v)));
}

function isHttpUrl(v: unknown): boolean {
  if (typeof v !== 'string' || !URL.canParse(v)) return false;
  const { protocol } = new URL(v);
  return protocol === 'https:' || protocol === 'http:';
}

const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim().length > 0;
const textOrNull = (v: unknown) => v === null || typeof v === 'string';

function messageFaults(m: CaseMessage, at: string): string[] {
  const faults: string[] = [];
  if (!isIsoOrNull(m.at) || m.at === null) faults.push(`${at}.at: not ISO UTC: ${String(m.at).slice(0, 60)}`);
  if (m.side !== 'vendor' && m.side !== 'customer')
    faults.push(`${at}.side: ${String(m.side)} is not vendor or customer`);
  if (!textOrNull(m.author) || !textOrNull(m.text)) faults.push(`${at}: author or text is not text`);
  return faults;
}

/**
 * Every way the extraction breaks the contract, one line each as "path: what" (empty when it holds).
 * Paths are dotted like zod's ("cases.0.state"); a path already reported is not reported again by
 * the schema check.
 */
export function extractionFaults(provider: ProviderId, x: Extraction): string[] {
  const faults: string[] = [];
  if (x.kind !== 'list' && x.kind !== 'detail') faults.push(`kind: ${String(x.kind)} is not list or detail`);
  if (!Array.isArray(x.cases) || !Array.isArray(x.problems))
    return [...faults, 'cases: cases or problems is not an array'];
  x.cases.forEach((c, i) => {
    const at = `cases.${i}`;
    if (c.provider !== provider) faults.push(`${at}.provider: ${c.provider} is not ${provider}`);
    if (!nonEmpty(c.caseId)) faults.push(`${at}.caseId: missing`);
    if (!nonEmpty(c.title)) faults.push(`${at}.title: missing`);
    if (!isHttpUrl(c.url)) faults.push(`${at}.url: not http(s): ${String(c.url).slice(0, 80)}`);
    if (c.state !== null && !(CASE_STATES as readonly unknown[]).includes(c.state))
      faults.push(`${at}.state: ${String(c.state).slice(0, 40)} is not in the vocabulary`);
    if (c.severity !== null && !(SEVERITIES as readonly unknown[]).includes(c.severity))
      faults.push(`${at}.severity: ${String(c.severity).slice(0, 40)} is not in the vocabulary`);
    for (const f of ['createdAt', 'updatedAt'] as const)
      if (!isIsoOrNull(c[f])) faults.push(`${at}.${f}: not ISO UTC: ${String(c[f]).slice(0, 60)}`);
    if (!textOrNull(c.vendorStatus)) faults.push(`${at}.vendorStatus: not text`);
    if (!textOrNull(c.vendorSeverity)) faults.push(`${at}.vendorSeverity: not text`);
    if (c.owner !== undefined && !textOrNull(c.owner)) faults.push(`${at}.owner: not text`);
    if (c.sla) {
      if (!isIsoOrNull(c.sla.startAt) || !isIsoOrNull(c.sla.expiresAt)) faults.push(`${at}.sla: times are not ISO UTC`);
      if (c.sla.minutes !== null && !Number.isSafeInteger(c.sla.minutes))
        faults.push(`${at}.sla.minutes: ${c.sla.minutes} is not a whole number`);
    }
    c.messages?.forEach((m, j) => faults.push(...messageFaults(m, `${at}.messages.${j}`)));
  });
  x.problems.forEach((p, i) => {
    if (typeof p.where !== 'string' || !nonEmpty(p.reason)) faults.push(`problems.${i}: lacks where or reason`);
  });
  x.messageUpdates?.forEach((u, i) => {
    if (!nonEmpty(u.caseId) && !nonEmpty(u.vendorRef)) faults.push(`messageUpdates.${i}: names no case`);
    u.messages.forEach((m, j) => faults.push(...messageFaults(m, `messageUpdates.${i}.messages.${j}`)));
  });
  const parsed = extractionSchema.safeParse(x);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (faults.some((f) => f.startsWith(`${path}.`) || f.startsWith(`${path}:`))) continue;
      faults.push(`${path}: the background would reject the whole snapshot: ${issue.message}`);
    }
  }
  return faults;
}

/** An adapter may only refuse an input with its own ProviderParseError. */
export function thrownFaults(provider: ProviderId, error: unknown): string[] {
  if (!(error instanceof ProviderParseError)) {
    return [`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.slice(0, 300)];
  }
  const faults: string[] = [];
  if (error.provider !== provider) faults.push(`ProviderParseError names provider ${error.provider}`);
  if (!['layout-changed', 'signed-out', 'unknown-shape'].includes(error.failure))
    faults.push(`ProviderParseError failure ${error.failure}`);
  return faults;
}

/** Fails with the faults and a short description of the input that caused them. */
export function expectNoFaults(faults: string[], input: () => string): void {
  if (faults.length) expect.fail(`${faults.slice(0, 5).join('\n')}\ninput: ${input().slice(0, 1500)}`);
}
