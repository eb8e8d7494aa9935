/**
 * Structural readers for portals whose markup is not public (Freshdesk, Jira Service Management
 * portals): they read by document structure (headings, label/value pairs, leaf text), never by class
 * names that are not established.
 */
import type { CaseSnapshot, CaseState, ProviderId } from '../model';
import { cleanText, safeCaseUrl, textOf } from '../text';
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
 * The text beside a label such as "Status": dt → dd, th → td, label → next sibling, "Status: Open" in
 * one element, or the label's parent's next sibling.
 */
function findLabelledText(scope: Element, label: string): string | null {
  const usable = (el: Element | null | undefined) => (el && !el.matches(`th, ${NOT_CONTENT}`) ? textOf(el) : null);
  for (const el of leafElements(scope)) {
    if (foldLabel(el.textContent) !== label) continue;
    const parent = el.parentElement && el.parentElement !== scope ? el.parentElement : null;
    const inline = parent?.children.length === 1 ? cleanText(parent.textContent?.replace(el.textContent ?? '', '')) : null;
    const text = usable(el.nextElementSibling) ?? inline ?? usable(parent?.nextElementSibling);
    if (text) return text;
  }
  return null;
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
    throw new ProviderParseError(provider, url.href, 'layout-changed',
      `Expected a heading (${headings}) and a "Status" label on the case page, found ${title ? 'no status label' : 'no heading'}`);
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

