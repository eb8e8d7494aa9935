/**
 * What every adapter output must satisfy, whatever the input: the contract of lib/providers/types.ts
 * and what the background accepts (lib/schema.ts). A snapshot the background rejects loses every case
 * of that page, so an adapter that emits one on hostile input loses cases.
 */
import { expect } from 'vitest';
import { CASE_STATES, SEVERITIES, type CaseMessage, type ProviderId } from '@/lib/model';
import { ProviderParseError, type Extraction } from '@/lib/providers/types';
import { extractionSchema } from '@/lib/schema';

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

function messageFaults(m: CaseMessage, where: string): string[] {
  const faults: string[] = [];
  if (!isIsoOrNull(m.at) || m.at === null) faults.push(`${where}.at is not ISO UTC: ${String(m.at).slice(0, 60)}`);
  if (m.side !== 'vendor' && m.side !== 'customer') faults.push(`${where}.side is ${String(m.side)}`);
  if (!textOrNull(m.author) || !textOrNull(m.text)) faults.push(`${where} author/text is not text`);
  return faults;
}

/** Every way the extraction breaks the contract, as readable lines (empty when it holds). */
export function extractionFaults(provider: ProviderId, x: Extraction): string[] {
  const faults: string[] = [];
  if (x.kind !== 'list' && x.kind !== 'detail') faults.push(`kind is ${String(x.kind)}`);
  if (!Array.isArray(x.cases) || !Array.isArray(x.problems)) return [...faults, 'cases or problems is not an array'];
  x.cases.forEach((c, i) => {
    const at = `cases[${i}]`;
    if (c.provider !== provider) faults.push(`${at}.provider is ${c.provider}`);
    if (!nonEmpty(c.caseId)) faults.push(`${at} has no caseId`);
    if (!nonEmpty(c.title)) faults.push(`${at} has no title`);
    if (!isHttpUrl(c.url)) faults.push(`${at}.url is not http(s): ${String(c.url).slice(0, 80)}`);
    if (c.state !== null && !(CASE_STATES as readonly unknown[]).includes(c.state)) faults.push(`${at}.state ${String(c.state)} is not in the vocabulary`);
    if (c.severity !== null && !(SEVERITIES as readonly unknown[]).includes(c.severity)) faults.push(`${at}.severity ${String(c.severity)} is not in the vocabulary`);
    for (const f of ['createdAt', 'updatedAt'] as const) if (!isIsoOrNull(c[f])) faults.push(`${at}.${f} is not ISO UTC: ${String(c[f]).slice(0, 60)}`);
    if (!textOrNull(c.vendorStatus) || !textOrNull(c.vendorSeverity)) faults.push(`${at} vendorStatus/vendorSeverity is not text`);
    if (c.owner !== undefined && !textOrNull(c.owner)) faults.push(`${at}.owner is not text`);
    if (c.sla) {
      if (!isIsoOrNull(c.sla.startAt) || !isIsoOrNull(c.sla.expiresAt)) faults.push(`${at}.sla times are not ISO UTC`);
      if (c.sla.minutes !== null && !Number.isSafeInteger(c.sla.minutes)) faults.push(`${at}.sla.minutes is ${c.sla.minutes}`);
    }
    c.messages?.forEach((m, j) => faults.push(...messageFaults(m, `${at}.messages[${j}]`)));
  });
  x.problems.forEach((p, i) => {
    if (typeof p.where !== 'string' || !nonEmpty(p.reason)) faults.push(`problems[${i}] lacks where/reason`);
  });
  x.messageUpdates?.forEach((u, i) => {
    if (!nonEmpty(u.caseId) && !nonEmpty(u.vendorRef)) faults.push(`messageUpdates[${i}] names no case`);
    u.messages.forEach((m, j) => faults.push(...messageFaults(m, `messageUpdates[${i}].messages[${j}]`)));
  });
  if (faults.length === 0) {
    const parsed = extractionSchema.safeParse(x);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      faults.push(`the background would reject the whole snapshot: ${issue.path.join('.')}: ${issue.message}`);
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
  if (!['layout-changed', 'signed-out', 'unknown-shape'].includes(error.failure)) faults.push(`ProviderParseError failure ${error.failure}`);
  return faults;
}

/** Fails with the faults and a short description of the input that caused them. */
export function expectNoFaults(faults: string[], input: () => string): void {
  if (faults.length) expect.fail(`${faults.slice(0, 5).join('\n')}\ninput: ${input().slice(0, 1500)}`);
}
