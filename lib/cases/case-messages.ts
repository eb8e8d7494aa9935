/**
 * One message added to a stored case by the user's hand, through the same ingest as a portal's: a call
 * logged on a manual case, a saved vendor email, text selected on a page. So it counts for whose move and
 * vendor quiet like any message, and a message already in the history is not added twice.
 */
import type { CaseMessage } from '../core/model';
import { isConsole } from '../core/portals';
import type { CaseradarDB } from '../store/db';
import { ingestSnapshot } from '../store/ingest';

/** Returns whether the message was new to the case's history. */
export async function addCaseMessage(
  db: CaseradarDB,
  key: string,
  message: CaseMessage,
  nowIso: string,
): Promise<boolean> {
  const stored = await db.cases.get(key);
  if (!stored) throw new Error(`Expected case ${key} in the store, found none`);
  // The page URL only names the case's portal: a tenant's host, a console's id; nothing is read there.
  const pageUrl = stored.provider === 'manual' || isConsole(stored.provider) ? stored.url : `https://${stored.portal}/`;
  const result = await ingestSnapshot(db, {
    provider: stored.provider,
    pageUrl,
    sourceUrl: pageUrl,
    capturedAt: nowIso,
    // Brought by the user, not read from the portal: says nothing of the portal's health.
    how: 'manual',
    extraction: {
      kind: 'detail',
      cases: [],
      problems: [],
      messageUpdates: [{ caseId: stored.caseId, messages: [message] }],
    },
  });
  return result.eventsAdded > 0;
}
