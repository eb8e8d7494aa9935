/**
 * Structural readers for portals whose markup is not public (Freshdesk, Jira Service Management
 * portals): they read by document structure (headings, label/value pairs, leaf text), never by class
 * names that are not established.
 */
import type { CaseSnapshot, CaseState, ProviderId } from '../core/model';
import { cleanText, safeCaseUrl, textOf } from '../core/text';
import { foldLabel } from './common';
import { ProviderParseError, type Extraction } from './types';

// Never case content: form controls (filter and sort menus) and non-rendered text.
const NOT_CONTENT = 'option, select, button, input, textarea, script, style, template, noscript';
// Site chrome around a case page's own heading.
const CHROME = 'nav, footer, [role="banner"], [role="navigation"], [role="contentinfo"], body > header';

/** Rendered leaf elements of a scope (no element children, not form controls or scripts). */
export function leafElements(scope: Element): Element[] {
  return Array.from(scope.querySelectorAll('*')).filter((el) => el.children.length === 0 && !el.closest(NOT_CONTENT));
}

/**
 * Labels a case's own property panel carries beside Status (Freshdesk's ticket details, JSM's request
 * details); folded like foldLabel.
 */
const PANEL_LABELS = new Set([
  'priority',
  'type',
  'requester',
  'request type',
  'shared with',
  'group',
  'agent',
  'assigned to',
  'assignee',
  'created',
  'source',
  'severity',
  'category',
  'reporter',
  'organization',
  'product',
  'due by',
  'raised by',
]);
/** A panel holds short values; a message holds prose. Longer text than this in a "panel" is a conversation. */
const PANEL_MAX_TEXT = 160;

/** The value beside a label leaf: dt → dd, label → next sibling, "Status: Open" in one element, or the parent's next sibling. */
function valueBeside(el: Element, scope: Element): string | null {
  const usable = (v: Element | null | undefined) => (v && !v.matches(`th, ${NOT_CONTENT}`) ? textOf(v) : null);
  const parent = el.parentElement && el.parentElement !== scope ? el.parentElement : null;
  const inline =
    parent?.children.length === 1 ? cleanText(parent.textContent?.replace(el.textContent ?? '', '')) : null;
  return usable(el.nextElementSibling) ?? inline ?? usable(parent?.nextElementSibling);
}

/**
 * How much a label looks like it sits in the case's own property panel: the number of other panel
 * labels in the smallest container around it that has any, or 0 when that container holds prose (a
 * conversation) or there is none.
 */
function panelScore(label: Element, scope: Element, labels: Map<Element, string>): number {
  for (let box = label.parentElement; box && box !== scope.parentElement; box = box.parentElement) {
    const others = new Set(
      [...labels].filter(([el, text]) => el !== label && box.contains(el) && PANEL_LABELS.has(text)).map(([, t]) => t),
    );
    if (others.size === 0) continue;
    const prose =
      leafElements(box).some((leaf) => (leaf.textContent ?? '').trim().length > PANEL_MAX_TEXT) ||
      !!box.querySelector('p, blockquote, pre');
    return prose ? 0 : others.size;
  }
  return 0;
}

/**
 * The value of a case field labelled such as "Status", from the case's own property panel. A page's
 * conversation can hold the same words (a pasted monitoring mail with a row "Status | RESOLVED"), so
 * among every labelled value the one whose surroundings look most like a panel wins: most other panel
 * labels close by, no prose; the last of equals.
 */
function findLabelledText(scope: Element, label: string): string | null {
  const leaves = leafElements(scope);
  const labels = new Map(
    leaves.map((el) => [el, foldLabel(el.textContent)] as const).filter(([, t]) => t.length <= 40),
  );
  let best: { text: string; score: number } | null = null;
  for (const [el, text] of labels) {
    if (text !== label) continue;
    const value = valueBeside(el, scope);
    if (!value) continue;
    const score = panelScore(el, scope, labels);
    if (!best || score >= best.score) best = { text: value, score };
  }
  return best?.text ?? null;
}

/**
 * A case page's title and status: the first heading outside the site chrome, and the value beside a
 * "Status" label. Only a labelled status counts: a case page's conversation is full of words like "Open".
 */
export function findDetailParts(root: Element, headings: string): { title: string | null; status: string | null } {
  const heading = Array.from(root.querySelectorAll(headings)).find((h) => !h.closest(CHROME) && textOf(h));
  return { title: textOf(heading), status: findLabelledText(root, 'status') };
}

/** Reads a case page by findDetailParts (no dates or severity); layout-changed when either part is missing. */
export function extractDetailByLabels(
  provider: ProviderId,
  root: Element,
  url: URL,
  caseId: string,
  headings: string,
  stateOf: (label: string) => CaseState | null,
): Extraction {
  const { title, status } = findDetailParts(root, headings);
  if (!title || !status) {
    throw new ProviderParseError(
      provider,
      url.href,
      'layout-changed',
      `Expected a heading (${headings}) and a "Status" label on the case page, found ${title ? 'no status label' : 'no heading'}`,
    );
  }
  const snapshot: CaseSnapshot = {
    provider,
    caseId,
    title,
    vendorStatus: status,
    state: stateOf(status),
    severity: null,
    vendorSeverity: null,
    createdAt: null,
    updatedAt: null,
    url: safeCaseUrl(url.pathname, url),
  };
  return { kind: 'detail', cases: [snapshot], problems: [] };
}
