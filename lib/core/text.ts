/** Plain-text helpers for untrusted portal content. Nothing here ever produces HTML. */

/** At most `maxLength` UTF-16 units, ending in "…" when cut; never cuts an emoji's surrogate pair in half. */
function clip(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = maxLength - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

/** Collapses whitespace and trims; returns null for empty. */
export function cleanText(value: string | null | undefined, maxLength = 500): string | null {
  if (value == null) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return clip(text, maxLength);
}

/** Like cleanText but keeps line breaks (message bodies). */
export function cleanBody(value: string | null | undefined, maxLength = 4000): string | null {
  if (value == null) return null;
  const text = value
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!text) return null;
  return clip(text, maxLength);
}

/** Elements that start a new line of text when a browser renders them. */
const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'TR',
  'TABLE',
  'PRE',
  'BLOCKQUOTE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'SECTION',
  'ARTICLE',
  'HR',
]);

/**
 * The text of a message body as a person reads it: paragraphs, list items and line breaks become new
 * lines ("flapping.\n\nCircuit ID", not "flapping.Circuit ID"). textContent runs them together, and
 * innerText needs a layout that content scripts' parsers and tests do not have. Text only, never HTML.
 */
export function blockText(el: Element | null | undefined): string | null {
  if (!el) return null;
  let out = '';
  // HTML's own white space (not NBSP and the like, which are text) collapses, except inside <pre>.
  const walk = (node: Node, inPre: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        const text = (child.nodeValue ?? '').replace(/[\uE000\uE001]/g, '');
        // <pre> keeps its lines and spaces: marked so that the clean-up below leaves them alone.
        out += inPre ? text.replace(/\n/g, '\uE000').replace(/ /g, '\uE001') : text.replace(/[ \t\n\r\f]+/g, ' ');
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (tag === 'BR') out += '\n';
        else if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
        else if (BLOCKS.has(tag)) {
          out += '\n\n';
          walk(child, inPre || tag === 'PRE');
          out += '\n\n';
        } else walk(child, inPre);
      }
    }
  };
  walk(el, false);
  // Spaces around line breaks come from the markup's indentation, not from the writer.
  const text = out
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replace(/\uE000/g, '\n')
    .replace(/\uE001/g, ' ');
  return text || null;
}

/** Text content of an element, entities already decoded by the parser. */
export function textOf(el: Element | null | undefined, maxLength?: number): string | null {
  return cleanText(el?.textContent, maxLength);
}

/** The longest link the store keeps (lib/core/schema.ts). */
export const MAX_URL_LENGTH = 2048;

/**
 * A case link we are willing to show: http(s) only, on the portal's own origin, and short enough to
 * store. Anything else (javascript:, data:, another host, a 10 kB link) falls back to the page we read
 * it from.
 */
export function safeCaseUrl(href: string | null | undefined, base: URL): string {
  if (href) {
    try {
      const u = new URL(href, base);
      const ok =
        (u.protocol === 'https:' || u.protocol === 'http:') &&
        u.origin === base.origin &&
        u.href.length <= MAX_URL_LENGTH;
      if (ok) return u.href;
    } catch {
      // Malformed href: fall through to the page URL.
    }
  }
  return base.href;
}

/** The origin of a URL ("https://host:port"), or null when it is not a URL. */
export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function sameOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin;
}

/** Value as a trimmed non-empty string, or null. Numbers become decimal strings. */
export function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The store's length limits for snapshot text (they mirror lib/core/schema.ts): a longer value gets the
 * whole snapshot rejected, so adapters clip labels and refuse over-long ids.
 */
export const TEXT_LIMITS = { id: 100, label: 200, ref: 300 } as const;

/** A link built from vendor values, or the fallback when it would be too long to store. */
export function fitUrl(url: string, fallback: string): string {
  return url.length <= MAX_URL_LENGTH ? url : fallback;
}

/**
 * An identifier as the portal shows it: trimmed, at most `max` characters of well-formed text without
 * control characters; null otherwise. Never clipped: a clipped id would name another case.
 */
export function cleanId(value: unknown, max: number = TEXT_LIMITS.id): string | null {
  const text = str(value);
  return text && text.length <= max && text.isWellFormed() && !/\p{Cc}/u.test(text) ? text : null;
}

/** A short label (vendor status, severity, a person): like cleanText, clipped to the store's label limit. */
export function cleanLabel(value: unknown): string | null {
  return cleanText(str(value), TEXT_LIMITS.label);
}

/** A value quoted in a problem report: short JSON that never throws, whatever the value (deep, huge, cyclic). */
export function preview(value: unknown, max = 60): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Array.isArray(value) ? 'an array' : typeof value; // Too deep or cyclic to print.
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A lookup-table entry by own key only: a vendor label such as "constructor" never reaches Object.prototype. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A URL path segment, percent-decoded; null when absent or its escapes are malformed ("%E0%A4%A"). */
export function decodePathSegment(segment: string | null | undefined): string | null {
  if (!segment) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // decodeURIComponent throws URIError on a malformed escape: not a name we can use.
  }
}
