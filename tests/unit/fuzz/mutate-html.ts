/**
 * Random mutations of a parsed portal page: remove, duplicate, move, retag or deeply wrap an element,
 * drop or rewrite attributes and classes, replace text with hostile or huge strings, and insert random
 * markup. Pages are parsed with the test environment's DOMParser (happy-dom): a happy-dom Window per
 * page, as scripts/parse-html.ts makes, is never freed.
 */
import fc from 'fast-check';
import { escapeHtml } from '../../helpers/hostile';
import { hugeTextArb, PROTOTYPE_KEYS, textArb, TIME_STRINGS } from './strings';

const OPS = [
  'remove',
  'duplicate',
  'move',
  'retag',
  'wrap',
  'drop-attr',
  'set-attr',
  'class',
  'text',
  'insert',
] as const;

export interface HtmlOp {
  kind: (typeof OPS)[number];
  at: number;
  pick: number;
  text: string;
  markup: string;
}

/** Attribute names adapters read or that carry code. */
const ATTRS = [
  'class',
  'href',
  'title',
  'datetime',
  'data-datetime',
  'data-value',
  'data-side',
  'role',
  'aria-colindex',
  'aria-label',
  'aria-rowcount',
  'id',
  'data-test-id',
  'data-testid',
  'onerror',
  'onclick',
  'style',
  'dir',
];
const URLS = [
  'javascript:window.__pwned=1',
  ' JAVASCRIPT:alert(1)',
  'data:text/html,x',
  'vbscript:x',
  '//evil.example/x',
  'https://evil.example/hc/requests/1',
  '/hc/en-us/requests/00',
  '/hc/en-us/requests/99999999999999999999',
  '#',
  '',
  '?a=1',
  'http://[::1',
  'https://a b',
  '\u0000/x',
];
const CLASSES = [
  'status-label',
  'status-label-open',
  'status-label-closed',
  'status-label-solved',
  'status-label-constructor',
  'status-label-__proto__',
  'status-label-',
  'requests-table',
  'my-activities-table',
  'no-activities',
  'striped-list-title',
  'request-title',
  'request-details',
  'comment',
  'comment-list',
  'comment-body',
  'icon-agent',
  'ms-Panel',
  'empty',
];
const TAGS = [
  'div',
  'span',
  'table',
  'tbody',
  'thead',
  'tr',
  'td',
  'th',
  'a',
  'time',
  'p',
  'dl',
  'dt',
  'dd',
  'ul',
  'li',
  'h1',
  'h2',
  'section',
  'aside',
  'article',
  'main',
  'strong',
  'img',
  'svg',
  'template',
  'script',
  'noscript',
];
const ROLES = [
  'grid',
  'row',
  'columnheader',
  'gridcell',
  'rowheader',
  'dialog',
  'complementary',
  'region',
  'list',
  'listitem',
  'treegrid',
];

const attrValueArb = fc.oneof(
  { weight: 3, arbitrary: textArb },
  { weight: 2, arbitrary: fc.constantFrom(...URLS) },
  { weight: 2, arbitrary: fc.constantFrom(...TIME_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...ROLES, ...CLASSES, ...PROTOTYPE_KEYS) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 40 }).map(String) },
);

/** Tag soup: random open/close tags, attributes and text; unbalanced on purpose. */
export const markupArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            fc.constantFrom(...TAGS),
            fc.array(fc.tuple(fc.constantFrom(...ATTRS), attrValueArb), { maxLength: 3 }),
          )
          .map(([tag, attrs]) => `<${tag}${attrs.map(([n, v]) => ` ${n}="${escapeHtml(v)}"`).join('')}>`),
      },
      { weight: 2, arbitrary: fc.constantFrom(...TAGS).map((t) => `</${t}>`) },
      { weight: 3, arbitrary: textArb.map(escapeHtml) },
      { weight: 1, arbitrary: textArb },
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const opArb: fc.Arbitrary<HtmlOp> = fc.record({
  kind: fc.constantFrom(...OPS),
  at: fc.nat(),
  pick: fc.nat(),
  text: fc.oneof({ weight: 9, arbitrary: fc.oneof(textArb, attrValueArb) }, { weight: 1, arbitrary: hugeTextArb }),
  markup: markupArb,
});

export const htmlOpsArb: fc.Arbitrary<HtmlOp[]> = fc.array(opArb, { minLength: 1, maxLength: 8 });

function apply(doc: Document, op: HtmlOp): void {
  const all = Array.from(doc.body?.querySelectorAll('*') ?? []);
  if (all.length === 0) {
    doc.body?.insertAdjacentHTML('beforeend', op.markup);
    return;
  }
  const el = all[op.at % all.length]!;
  const other = all[op.pick % all.length]!;
  switch (op.kind) {
    case 'remove':
      el.remove();
      return;
    case 'duplicate':
      el.after(el.cloneNode(true));
      return;
    case 'move':
      if (!el.contains(other)) other.append(el);
      return;
    case 'retag': {
      const next = doc.createElement(TAGS[op.pick % TAGS.length]!);
      for (const a of Array.from(el.attributes)) next.setAttribute(a.name, a.value);
      next.append(...Array.from(el.childNodes));
      el.replaceWith(next);
      return;
    }
    case 'wrap': {
      let outer: Element = el;
      const depth = 5 + (op.pick % 250);
      const parent = el.parentNode;
      const before = el.nextSibling;
      for (let i = 0; i < depth; i++) {
        const div = doc.createElement(i % 3 ? 'div' : 'span');
        div.append(outer);
        outer = div;
      }
      parent?.insertBefore(outer, before);
      return;
    }
    case 'drop-attr': {
      const attrs = Array.from(el.attributes);
      if (attrs.length) el.removeAttribute(attrs[op.pick % attrs.length]!.name);
      return;
    }
    case 'set-attr': {
      const own = Array.from(el.attributes).map((a) => a.name);
      const names = [...own, ...ATTRS];
      const name = names[op.pick % names.length]!;
      el.setAttribute(
        name,
        name === 'class'
          ? CLASSES[op.pick % CLASSES.length]!
          : name === 'role'
            ? ROLES[op.pick % ROLES.length]!
            : op.text,
      );
      return;
    }
    case 'class':
      if (op.pick % 2) el.classList.add(CLASSES[op.pick % CLASSES.length]!);
      else el.className = CLASSES[op.pick % CLASSES.length]!;
      return;
    case 'text':
      if (op.pick % 2) el.textContent = op.text;
      else el.append(op.text);
      return;
    case 'insert':
      el.insertAdjacentHTML((['beforebegin', 'afterbegin', 'beforeend', 'afterend'] as const)[op.pick % 4]!, op.markup);
      return;
  }
}

export function parsePage(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The page parsed, then mutated in place. */
export function mutatePage(html: string, ops: HtmlOp[]): Document {
  const doc = parsePage(html);
  for (const op of ops) apply(doc, op);
  return doc;
}

/** A random page: tag soup inside a body, sometimes around a table or grid skeleton. */
export const randomPageArb: fc.Arbitrary<string> = fc
  .tuple(
    markupArb,
    markupArb,
    fc.constantFrom('', '<table><thead><tr><th>Title</th><th>Status</th></tr></thead><tbody>', '<div role="grid">'),
  )
  .map(([a, b, skeleton]) => `<!DOCTYPE html><html><body>${a}${skeleton}${b}</body></html>`);
