/**
 * Google Cloud Support API v2: cases list / search / get and comments, as the console loads them.
 * Facts: docs/portals.md §9. caseId is the last segment of the resource name.
 */
import type { CaseMessage, CaseSnapshot, CaseState, Severity } from '../../../core/model';
import {
  cleanBody,
  cleanId,
  cleanLabel,
  cleanText,
  decodePathSegment,
  fitUrl,
  isRecord,
  lookup,
  preview,
  str,
  TEXT_LIMITS,
} from '../../../core/text';
import { toUtcIso } from '../../../core/time';
import { collectItems, problem } from '../../common';
import { GCP } from './family';
import { ProviderParseError, type Extraction, type PageKind, type ProviderAdapter } from '../../types';

const PROVIDER = 'gcp' as const;
const CONSOLE = 'https://console.cloud.google.com';

const STATES: Record<string, CaseState | null> = {
  STATE_UNSPECIFIED: null,
  NEW: 'new',
  IN_PROGRESS_GOOGLE_SUPPORT: 'open',
  ACTION_REQUIRED: 'waiting-on-customer',
  SOLUTION_PROVIDED: 'resolved',
  CLOSED: 'closed',
};
// P1 "critical impact, service unusable" counts as critical with P0 (docs/portals.md §9 proposal).
const PRIORITIES: Record<string, Severity | null> = {
  P0: 'critical',
  P1: 'critical',
  P2: 'high',
  P3: 'normal',
  P4: 'low',
  PRIORITY_UNSPECIFIED: null,
};
// Deprecated v2beta severity S0–S4, same ladder.
const SEVERITIES: Record<string, Severity> = { S0: 'critical', S1: 'critical', S2: 'high', S3: 'normal', S4: 'low' };

const CASE_NAME = /^(projects|organizations)\/([^/]+)\/cases\/([^/]+)$/;

function caseLink(parentKind: string, parentId: string, caseNumber: string): string {
  const scope =
    parentKind === 'projects'
      ? `project=${encodeURIComponent(parentId)}`
      : `organizationId=${encodeURIComponent(parentId)}`;
  return fitUrl(
    `${CONSOLE}/support/cases/detail/v2/${encodeURIComponent(caseNumber)}?${scope}`,
    `${CONSOLE}/support/cases`,
  );
}

function readCase(item: unknown, where: string): CaseSnapshot | ReturnType<typeof problem> {
  if (!isRecord(item)) return problem(where, `Expected a Case object, got ${typeof item}`);
  // The name is the vendor ref, and its last segment the case id: both must fit the store.
  const name = cleanId(item.name, TEXT_LIMITS.ref);
  const m = name ? CASE_NAME.exec(name) : null;
  const caseNumber = cleanId(m?.[3]);
  if (!m || !caseNumber)
    return problem(
      where,
      `Expected name projects|organizations/{id}/cases/{number}, got ${preview(item.name ?? null)}`,
    );
  const [, parentKind, parentId] = m as unknown as [string, string, string];
  const state = str(item.state);
  const priority = str(item.priority);
  const severity = str(item.severity);
  const snapshot: CaseSnapshot = {
    provider: PROVIDER,
    caseId: caseNumber,
    title: cleanText(str(item.displayName)) ?? `Case ${caseNumber}`,
    vendorStatus: cleanLabel(state),
    state: state ? (lookup(STATES, state.toUpperCase()) ?? null) : null,
    severity: priority
      ? (lookup(PRIORITIES, priority.toUpperCase()) ?? null)
      : severity
        ? (lookup(SEVERITIES, severity.toUpperCase()) ?? null)
        : null,
    vendorSeverity: cleanLabel(priority ?? severity),
    createdAt: toUtcIso(item.createTime),
    updatedAt: toUtcIso(item.updateTime),
    url: caseLink(parentKind, parentId, caseNumber),
    vendorRef: name,
  };
  return snapshot;
}

function readComment(item: unknown): CaseMessage | null {
  if (!isRecord(item)) return null;
  const at = toUtcIso(item.createTime);
  if (!at) return null;
  const creator = isRecord(item.creator) ? item.creator : {};
  return {
    at,
    author: cleanText(str(creator.displayName), 200),
    // Actor.googleSupport marks Google's own staff.
    side: creator.googleSupport === true ? 'vendor' : 'customer',
    text: cleanBody(str(item.body) ?? str(item.plainTextBody)),
  };
}

type Shape = 'cases' | 'case' | 'comments' | 'empty';
function shapeOf(body: unknown, url: URL): Shape | null {
  if (!isRecord(body)) return null;
  if (Array.isArray(body.cases)) return 'cases';
  if (Array.isArray(body.comments)) return 'comments';
  if (typeof body.name === 'string' && CASE_NAME.test(body.name)) return 'case';
  // An empty list or comment page is answered as {} (proto3 omits empty repeated fields).
  if (
    Object.keys(body).filter((k) => k !== 'nextPageToken').length === 0 &&
    /\/(?:cases(?::search)?|comments)\/?$/.test(url.pathname)
  )
    return 'empty';
  return null;
}

export const gcp: ProviderAdapter = {
  id: PROVIDER,
  matches: GCP.matches,
  api: {
    urlPatterns: GCP.apiUrlPatterns,
    detect(body, url): PageKind | null {
      const shape = shapeOf(body, url);
      if (!shape) return null;
      return shape === 'cases' || (shape === 'empty' && !url.pathname.endsWith('/comments')) ? 'list' : 'detail';
    },
    extract(body, url) {
      const shape = shapeOf(body, url);
      if (!shape || !isRecord(body)) {
        throw new ProviderParseError(
          PROVIDER,
          url.href,
          'unknown-shape',
          'Expected {cases: [...]}, one Case, {comments: [...]} or an empty list {}',
        );
      }
      if (shape === 'empty') {
        return url.pathname.endsWith('/comments')
          ? { kind: 'detail', cases: [], problems: [], messageUpdates: [] }
          : { kind: 'list', cases: [], problems: [] };
      }
      if (shape === 'comments') {
        const caseNumber = cleanId(decodePathSegment(/\/cases\/([^/]+)\/comments\/?$/.exec(url.pathname)?.[1]));
        if (!caseNumber)
          throw new ProviderParseError(PROVIDER, url.href, 'unknown-shape', 'Expected …/cases/{number}/comments');
        const result: Extraction = { kind: 'detail', cases: [], problems: [] };
        const messages: CaseMessage[] = [];
        (body.comments as unknown[]).forEach((c, i) => {
          const m = readComment(c);
          if (m) messages.push(m);
          else result.problems.push(problem(`comments[${i}]`, 'Expected a comment with createTime'));
        });
        result.messageUpdates = [{ caseId: caseNumber, messages }];
        return result;
      }
      const items = shape === 'cases' ? (body.cases as unknown[]) : [body];
      return collectItems(shape === 'cases' ? 'list' : 'detail', items, (item, i) =>
        readCase(item, shape === 'cases' ? `cases[${i}]` : 'case'),
      );
    },
  },
};
