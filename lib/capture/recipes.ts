/**
 * Recipes: reading rules for portals no adapter knows, made by the user clicking on the page itself
 * (a case row, then the id, title, status and updated fields in it). This file holds the pure parts:
 * turning clicks into selectors, and applying a stored recipe to a page. A recipe that stops matching
 * throws "layout changed" — it never reads as "no cases".
 */
import type { Recipe } from '../store/db';
import type { CaseSnapshot, CaseState } from '../core/model';
import { cleanText } from '../core/text';
import { toUtcIso } from '../core/time';
import { collectItems, foldLabel, problem } from './common';
import { ProviderParseError, type Extraction } from './types';

/** Words portals use for states, in a few languages; anything else keeps its label with state null. */
const STATE_WORDS: [RegExp, CaseState][] = [
  [
    /waiting (?:on|for) (?:you|customer|requester|reporter)|awaiting (?:your|customer|reply|response|info)|action required|needs? (?:your )?(?:info|response|reply)|pending|wartet auf|en attente de (?:votre|vous)/,
    'waiting-on-customer',
  ],
  [/on hold|hold|paused|zuruckgestellt|en pause/, 'on-hold'],
  [/resolved|solved|fixed|gelost|resolu/, 'resolved'],
  [/closed|cancell?ed|done|completed|geschlossen|ferme|clos/, 'closed'],
  [/^(?:new|submitted|received|neu|nouveau)$/, 'new'],
  [/open|in progress|working|assigned|investigating|escalated|offen|in bearbeitung|ouvert|en cours/, 'open'],
];

export function guessState(label: string | null): CaseState | null {
  const folded = foldLabel(label);
  if (!folded) return null;
  return STATE_WORDS.find(([re]) => re.test(folded))?.[1] ?? null;
}

/** Classes that name what an element is, not its momentary state or a build hash. */
function stableClasses(el: Element): string[] {
  return [...el.classList].filter(
    (c) =>
      /^[a-z][a-z0-9_-]*$/i.test(c) &&
      !/\d{3,}|^(?:css|sc|jsx|svelte|ng|ember)-|^(?:active|selected|hover|focus|odd|even|is-|has-)/i.test(c),
  );
}

const esc = (s: string) =>
  typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(s) : s.replace(/[^a-zA-Z0-9_-]/g, (ch) => `\\${ch}`);

/**
 * A selector matching the clicked row and the rows like it: the path from the nearest ancestor with
 * a stable id (or the body), by tag and stable classes, without positions on the row itself.
 */
export function rowSelectorFor(row: Element): string {
  const parts: string[] = [];
  let el: Element | null = row;
  while (el && el.tagName !== 'BODY' && el.tagName !== 'HTML') {
    if (el !== row && el.id && /^[a-z][\w-]*$/i.test(el.id) && !/\d{3,}/.test(el.id)) {
      parts.unshift(`#${esc(el.id)}`);
      break;
    }
    const classes = stableClasses(el)
      .slice(0, 2)
      .map((c) => `.${esc(c)}`)
      .join('');
    parts.unshift(`${el.tagName.toLowerCase()}${classes}`);
    el = el.parentElement;
  }
  return parts.join(' > ');
}

/** A selector for `target` relative to `row`, by child positions (rows share their structure). */
export function fieldSelectorFor(row: Element, target: Element): string {
  if (target === row) return ':scope';
  const parts: string[] = [];
  let el: Element | null = target;
  while (el && el !== row) {
    const parent: Element | null = el.parentElement;
    if (!parent) return '';
    const index = [...parent.children].indexOf(el) + 1;
    parts.unshift(`${el.tagName.toLowerCase()}:nth-child(${index})`);
    el = parent;
  }
  return el === row ? `:scope > ${parts.join(' > ')}` : '';
}

function pick(row: Element, sel: string): Element | null {
  if (!sel) return null;
  if (sel === ':scope') return row;
  try {
    return row.querySelector(sel);
  } catch {
    return null;
  }
}

/** An instant only from a machine attribute or ISO-looking text with a zone; never "3 days ago". */
function readInstant(el: Element | null): string | null {
  if (!el) return null;
  const time = el.matches('time[datetime]') ? el : el.querySelector('time[datetime]');
  const attr = time?.getAttribute('datetime') ?? el.getAttribute('datetime') ?? el.getAttribute('data-datetime');
  if (attr) return toUtcIso(attr);
  const text = el.textContent?.trim() ?? '';
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/.test(text)
    ? toUtcIso(text)
    : null;
}

/** The case link: the picked link field, else a link around the id, else the row's first link; same origin only. */
function readLink(row: Element, recipe: Pick<Recipe, 'fields'>, idEl: Element | null, url: URL): string {
  const candidates = [
    pick(row, recipe.fields.link),
    idEl?.closest('a[href]'),
    idEl?.querySelector('a[href]'),
    row.querySelector('a[href]'),
  ];
  for (const c of candidates) {
    const href = c?.getAttribute('href');
    if (!href) continue;
    try {
      const abs = new URL(href, url);
      if ((abs.protocol === 'https:' || abs.protocol === 'http:') && abs.origin === url.origin) return abs.href;
    } catch {
      /* not a URL: try the next */
    }
  }
  return `${url.origin}${url.pathname}`;
}

/** The case id of a recipe row as stored: unique across portals because it names the host. */
export const recipeCaseId = (id: string, url: URL) => `${id}@${url.host}`;

export function applyRecipe(
  doc: Document,
  url: URL,
  recipe: Pick<Recipe, 'name' | 'rowSelector' | 'fields'>,
): Extraction {
  let rows: Element[];
  try {
    rows = [...doc.querySelectorAll(recipe.rowSelector)];
  } catch {
    throw new ProviderParseError(
      'custom',
      url.href,
      'layout-changed',
      `Recipe "${recipe.name}" has an invalid row selector`,
    );
  }
  if (rows.length === 0) {
    throw new ProviderParseError(
      'custom',
      url.href,
      'layout-changed',
      `Recipe "${recipe.name}" found no case rows: the page may have changed (edit the recipe or pick again)`,
    );
  }
  return collectItems('list', rows, (row, i): CaseSnapshot | ReturnType<typeof problem> => {
    const idEl = pick(row, recipe.fields.id);
    const id = cleanText(idEl?.textContent, 100)?.replace(/^#\s*/, '');
    if (!id)
      return problem(
        `row ${i + 1}`,
        `Expected a case id at ${recipe.fields.id}, found ${idEl ? 'empty text' : 'nothing'}`,
      );
    const title = cleanText(pick(row, recipe.fields.title)?.textContent, 500);
    if (!title) return problem(`row ${i + 1}`, `Expected a title at ${recipe.fields.title}`, id);
    const status = cleanText(pick(row, recipe.fields.status)?.textContent, 200);
    return {
      provider: 'custom',
      caseId: recipeCaseId(id, url),
      title,
      vendorStatus: status,
      state: guessState(status),
      severity: null,
      vendorSeverity: null,
      createdAt: null,
      updatedAt: readInstant(pick(row, recipe.fields.updated)),
      url: readLink(row, recipe, idEl, url),
      vendorName: recipe.name,
    };
  });
}

/** The stored recipes that apply to a page (longest path prefix first). */
export function recipesForPage(recipes: Recipe[], url: URL): Recipe[] {
  return recipes
    .filter((r) => r.origin === url.origin && url.pathname.startsWith(r.pathPrefix))
    .sort((a, b) => b.pathPrefix.length - a.pathPrefix.length);
}
