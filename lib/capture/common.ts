/** Small helpers shared by adapters. Pure; no browser APIs beyond the DOM passed in. */
import type { CaseSnapshot } from '../core/model';
import { toUtcIso } from '../core/time';
import type { Extraction, ExtractProblem, PageKind } from './types';

/** UTC instant from a `<time datetime>` (the machine attribute, never the localized text). */
export function readTimeAttr(el: Element | null | undefined): string | null {
  const time = el?.matches('time[datetime]') ? el : el?.querySelector('time[datetime]');
  return toUtcIso(time?.getAttribute('datetime'));
}

/** Lower-cases and strips accents so that header and label words compare across languages. */
export function foldLabel(text: string | null | undefined): string {
  return (
    (text ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      // Recompose what NFKD split but we keep (Japanese voiced marks): "プ" must still equal "プ".
      .normalize('NFC')
      .replace(/[\s:：]+/g, ' ')
      .trim()
      .toLowerCase()
  );
}

export function problem(where: string, reason: string, caseId?: string): ExtractProblem {
  return caseId ? { where, reason, caseId } : { where, reason };
}

/** Keeps only the first snapshot per caseId (a page may repeat a row in a mobile block). */
export function uniqueByCaseId(cases: CaseSnapshot[]): CaseSnapshot[] {
  const seen = new Set<string>();
  return cases.filter((c) => (seen.has(c.caseId) ? false : (seen.add(c.caseId), true)));
}

/**
 * Reads every item into a case or a problem (never dropping one), then keeps the first snapshot per
 * caseId. The one loop every adapter shares.
 */
export function collectItems<T>(
  kind: PageKind,
  items: readonly T[],
  read: (item: T, index: number) => CaseSnapshot | ExtractProblem,
): Extraction {
  const result: Extraction = { kind, cases: [], problems: [] };
  items.forEach((item, i) => {
    const outcome = read(item, i);
    if ('provider' in outcome) result.cases.push(outcome);
    else result.problems.push(outcome);
  });
  result.cases = uniqueByCaseId(result.cases);
  return result;
}
