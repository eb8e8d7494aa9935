/** Plain-text helpers for untrusted portal content. Nothing here ever produces HTML. */

/** Collapses whitespace and trims; returns null for empty. */
export function cleanText(value: string | null | undefined, maxLength = 500): string | null {
  if (value == null) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
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
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** Text content of an element, entities already decoded by the parser. */
export function textOf(el: Element | null | undefined, maxLength?: number): string | null {
  return cleanText(el?.textContent, maxLength);
}

/**
 * A case link we are willing to show: http(s) only and on the portal's own origin.
 * Anything else (javascript:, data:, another host) falls back to the page we read it from.
 */
export function safeCaseUrl(href: string | null | undefined, base: URL): string {
  if (href) {
    try {
      const u = new URL(href, base);
      if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === base.origin) return u.href;
    } catch {
      // Malformed href: fall through to the page URL.
    }
  }
  return base.href;
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
