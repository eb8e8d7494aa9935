/**
 * The case workspace: the user's notes, the info pack vendors keep asking for, and the escalation
 * they recorded. Formatting and reminders are pure; load/save touch the workspaces table only.
 */
import type { CaseWorkspace, CaseradarDB } from '../store/db';
import { vendorLabel, type StoredCase } from '../core/model';
import type { Alert } from '../alerts/staleness';
import { isOpen } from '../alerts/urgency';

export function emptyWorkspace(caseKey: string): CaseWorkspace {
  return { caseKey, notes: '', infoPack: { environment: '', repro: '', impact: '' }, escalation: null, updatedAt: '' };
}

export async function loadWorkspace(db: CaseradarDB, caseKey: string): Promise<CaseWorkspace> {
  return (await db.workspaces.get(caseKey)) ?? emptyWorkspace(caseKey);
}

/** Stores the workspace; an escalation with no level, contact or date is stored as none. */
export async function saveWorkspace(db: CaseradarDB, ws: CaseWorkspace, nowIso: string): Promise<CaseWorkspace> {
  const esc = ws.escalation;
  const escalation =
    esc && (esc.level.trim() || esc.contact.trim() || esc.escalatedAt)
      ? { level: esc.level.trim(), contact: esc.contact.trim(), escalatedAt: esc.escalatedAt }
      : null;
  const row: CaseWorkspace = { ...ws, escalation, updatedAt: nowIso };
  await db.workspaces.put(row);
  return row;
}

/**
 * The info pack as plain text to paste into a vendor's reply box: case reference first, then the
 * three sections; empty sections are left out.
 */
export function formatInfoPack(
  c: Pick<StoredCase, 'provider' | 'vendorName' | 'caseId' | 'title'>,
  ws: Pick<CaseWorkspace, 'infoPack'>,
): string {
  const sections: [string, string][] = [
    ['Environment', ws.infoPack.environment],
    ['Steps to reproduce', ws.infoPack.repro],
    ['Business impact', ws.infoPack.impact],
  ];
  const body = sections.filter(([, text]) => text.trim()).map(([title, text]) => `${title}:\n${text.trim()}`);
  return [`${vendorLabel(c)} case ${c.caseId}: ${c.title}`, ...body].join('\n\n');
}

/** An escalated case that is still overdue: the user should chase the escalation contact. */
export interface EscalationReminder {
  caseKey: string;
  level: string;
  contact: string;
  escalatedAt: string;
  /** The overdue alerts' reasons, e.g. "vendor quiet for 4 business days (limit 3 business days)". */
  reasons: string[];
}

/**
 * Reminders for open cases with a recorded escalation (dated) and at least one overdue alert.
 * Oldest escalation first. UI only: the sweep's alert rules (lib/alerts/staleness.ts) are not changed.
 */
export function findEscalationReminders(
  cases: Pick<StoredCase, 'key' | 'state'>[],
  workspaces: CaseWorkspace[],
  alertsByCase: Map<string, Alert[]>,
): EscalationReminder[] {
  const open = new Set(cases.filter(isOpen).map((c) => c.key));
  return workspaces
    .flatMap((ws) => {
      const esc = ws.escalation;
      const overdue = (alertsByCase.get(ws.caseKey) ?? []).filter((a) => a.level === 'overdue');
      if (!esc?.escalatedAt || !open.has(ws.caseKey) || overdue.length === 0) return [];
      return [
        {
          caseKey: ws.caseKey,
          level: esc.level,
          contact: esc.contact,
          escalatedAt: esc.escalatedAt,
          reasons: overdue.map((a) => a.reason),
        },
      ];
    })
    .sort((a, b) => Date.parse(a.escalatedAt) - Date.parse(b.escalatedAt));
}

/** "Escalated (level 2, Jane Doe) and still overdue" — the one wording used everywhere. */
export function describeReminder(r: Pick<EscalationReminder, 'level' | 'contact'>): string {
  const who = [r.level && `level ${r.level}`, r.contact].filter(Boolean).join(', ');
  return `Escalated${who ? ` (${who})` : ''} and still overdue`;
}
