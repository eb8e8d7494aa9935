/**
 * A case's history as lines a person reads: state, severity, owner and title changes, messages from
 * either side, and the escalations the user recorded in the case workspace. Pure; portal text stays
 * plain text.
 */
import type { CaseWorkspace } from '../store/db';
import { isLearned, type CaseEvent, type CaseEventType, type MessageSide } from '../core/model';

export type HistoryKind = CaseEventType | 'escalation';

/** One entry of a drawn timeline. */
export interface HistoryItem {
  /** Unique within one timeline (several cases included). */
  id: string;
  caseKey: string;
  kind: HistoryKind;
  /** When it happened (UTC ISO). */
  at: string;
  /** Short plain-text heading, e.g. `Status "Open" → "Pending"` or `Vendor replied (Sam)`. */
  heading: string;
  /** Message text, when there is one. */
  text: string | null;
  side: MessageSide | null;
}

const quoted = (v: string | null | undefined) => (v ? `"${v}"` : 'none');

function headingOf(e: CaseEvent): string {
  switch (e.type) {
    case 'created':
      return e.to ? `Case opened (${quoted(e.to)})` : 'Case opened';
    case 'state':
      return isLearned(e) ? `Status read: ${quoted(e.to)}` : `Status ${quoted(e.from)} → ${quoted(e.to)}`;
    case 'severity':
      return isLearned(e) ? `Severity read: ${quoted(e.to)}` : `Severity ${quoted(e.from)} → ${quoted(e.to)}`;
    case 'owner':
      return isLearned(e) ? `Owner read: ${quoted(e.to)}` : `Owner ${quoted(e.from)} → ${quoted(e.to)}`;
    case 'title':
      return `Title ${quoted(e.from)} → ${quoted(e.to)}`;
    case 'message': {
      const who = e.message?.author ? ` (${e.message.author})` : '';
      // Where it came from when not from the portal: the user may want to find the original.
      const via =
        e.message?.via === 'email' ? ', by email' : e.message?.via === 'selection' ? ', added from a page' : '';
      return e.message?.side === 'customer' ? `You wrote${who}${via}` : `Vendor wrote${who}${via}`;
    }
  }
}

/** One stored event as a timeline entry. */
export function describeEvent(e: CaseEvent): HistoryItem {
  return {
    id: `${e.caseKey}#${e.id ?? e.dedupKey}`,
    caseKey: e.caseKey,
    kind: e.type,
    at: e.at,
    heading: headingOf(e),
    text: e.type === 'message' ? (e.message?.text ?? null) : null,
    side: e.type === 'message' ? (e.message?.side ?? null) : null,
  };
}

/** The escalation recorded in a workspace as a timeline entry, or null when none has a date. */
export function describeEscalation(ws: Pick<CaseWorkspace, 'caseKey' | 'escalation'> | undefined): HistoryItem | null {
  const esc = ws?.escalation;
  if (!ws || !esc?.escalatedAt) return null;
  const parts = [esc.level && `level ${esc.level}`, esc.contact && `with ${esc.contact}`].filter(Boolean);
  return {
    id: `${ws.caseKey}#escalation`,
    caseKey: ws.caseKey,
    kind: 'escalation',
    at: esc.escalatedAt,
    heading: parts.length ? `Escalated: ${parts.join(', ')}` : 'Escalated',
    text: null,
    side: null,
  };
}

export const byTime = (a: HistoryItem, b: HistoryItem) => Date.parse(a.at) - Date.parse(b.at);

/** Oldest first: the case's events with its recorded escalation placed at its date. */
export function buildCaseHistory(
  events: CaseEvent[],
  workspace?: Pick<CaseWorkspace, 'caseKey' | 'escalation'>,
): HistoryItem[] {
  const items = events.map(describeEvent);
  const escalation = describeEscalation(workspace);
  if (escalation) items.push(escalation);
  // Array.prototype.sort is stable: same-instant entries keep the order they were recorded in.
  return items.sort(byTime);
}
