/**
 * Evidence bundle for one case: a single self-contained JSON file with the case, its full history, the
 * user's notes, info pack and escalation, and a SHA-256 of that content. The hash shows whether the
 * content changed since the file was made; anyone who edits the file can recompute it, so it proves
 * nothing about who made the file or when, and the bundle says so in words.
 */
import type { CaseradarDB, CaseWorkspace } from '../store/db';
import type { CaseEvent, StoredCase } from '../core/model';

/** What the hash proves, written into every bundle for whoever reads it later. */
export const INTEGRITY_NOTE =
  'contentSha256 is the SHA-256 of the content (keys sorted): it shows whether the content changed since this file was made. ' +
  'Anyone who edits the file can recompute it, so it does not prove who made the file or when; for that, keep the file ' +
  'where changes are recorded (attached to a ticket, sent by e-mail).';

export interface EvidenceBundle {
  format: 'caseradar-evidence';
  /** 2: the content carries the case's workspace (notes, info pack, escalation) and the integrity note. */
  version: 2;
  generatedAt: string;
  generator: string;
  content: { case: StoredCase; events: CaseEvent[]; workspace: Omit<CaseWorkspace, 'caseKey'> | null };
  integrity: string;
  /** Hex SHA-256 of canonicalJson(content). */
  contentSha256: string;
}

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
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
  const events = (await db.events.where('caseKey').equals(caseKey).toArray()).sort(
    (a, b) => a.at.localeCompare(b.at) || (a.id ?? 0) - (b.id ?? 0),
  );
  const stored = await db.workspaces.get(caseKey);
  const workspace = stored ? (({ caseKey: _key, ...rest }) => rest)(stored) : null;
  const content = { case: c, events, workspace };
  return {
    format: 'caseradar-evidence',
    version: 2,
    generatedAt: nowIso,
    generator: 'Caseradar',
    content,
    integrity: INTEGRITY_NOTE,
    contentSha256: await sha256Hex(canonicalJson(content)),
  };
}

/** True when the bundle's content still matches its hash. */
export async function verifyEvidence(bundle: EvidenceBundle): Promise<boolean> {
  return (await sha256Hex(canonicalJson(bundle.content))) === bundle.contentSha256;
}
