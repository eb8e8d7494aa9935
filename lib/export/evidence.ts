/**
 * Evidence bundle for one case: a single self-contained JSON file with the case, its full history,
 * notes and metadata, plus a SHA-256 of that content so a later edit is detectable.
 */
import type { CaseradarDB } from '../db';
import type { CaseEvent, StoredCase } from '../model';

export interface EvidenceBundle {
  format: 'caseradar-evidence';
  version: 1;
  generatedAt: string;
  generator: string;
  content: { case: StoredCase; events: CaseEvent[]; notes: unknown[] };
  /** Hex SHA-256 of canonicalJson(content). */
  contentSha256: string;
}

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function buildEvidence(db: CaseradarDB, caseKey: string, nowIso: string): Promise<EvidenceBundle> {
  const c = await db.cases.get(caseKey);
  if (!c) throw new Error(`Expected a stored case ${caseKey}, found none`);
  const events = (await db.events.where('caseKey').equals(caseKey).toArray()).sort((a, b) => a.at.localeCompare(b.at) || (a.id ?? 0) - (b.id ?? 0));
  // Case notes arrive with the case workspace; the field is here so bundles keep one shape.
  const content = { case: c, events, notes: [] as unknown[] };
  return {
    format: 'caseradar-evidence',
    version: 1,
    generatedAt: nowIso,
    generator: 'Caseradar',
    content,
    contentSha256: await sha256Hex(canonicalJson(content)),
  };
}

/** True when the bundle's content still matches its hash. */
export async function verifyEvidence(bundle: EvidenceBundle): Promise<boolean> {
  return (await sha256Hex(canonicalJson(bundle.content))) === bundle.contentSha256;
}
