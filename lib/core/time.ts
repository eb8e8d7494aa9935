/**
 * Timestamp normalisation: every vendor offset style in, ISO-8601 UTC out.
 * Never parses human text ("3 days ago"): only machine formats.
 */

// 2024-03-05T13:22:10Z, 2024-03-05T13:22:10.123456+00:00, 2024-02-01T09:30:00+0100, 2024-03-05 13:22:10.
// RFC 3339 (section 5.6, NOTE) also allows a lower-case "t" and "z": 2026-10-01t08:00:00z.
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

export interface ParseTimeOptions {
  /** How to read a value with no zone. Default: null (refuse), because guessing a zone shifts times silently. */
  assumeZoneless?: 'utc';
}

/** Parses a machine timestamp to ISO-8601 UTC with milliseconds (years 0000–9999), or null when it is not one. */
export function toUtcIso(value: unknown, options: ParseTimeOptions = {}): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? isoOf(value) : null;
  if (typeof value !== 'string') return null;
  const m = ISO_LIKE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  if (!zone && options.assumeZoneless !== 'utc') return null;
  const ms = Number((frac + '000').slice(0, 3));
  let offsetMinutes = 0;
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4) || '0');
    if (oh > 23 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const [Y, M, D, H, Mi, S] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (M < 1 || M > 12 || D < 1 || D > 31 || H > 23 || Mi > 59 || S > 60) return null;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999 ("0001-01-01" would become 1901).
  const local = new Date(0);
  local.setUTCFullYear(Y, M - 1, D);
  // Reject dates like Feb 30 that would silently roll over.
  if (local.getUTCMonth() !== M - 1 || local.getUTCDate() !== D) return null;
  local.setUTCHours(H, Mi, Math.min(S, 59), ms);
  return isoOf(local.getTime() - offsetMinutes * 60_000);
}

// Years 0000–9999 only: beyond them toISOString writes "+033658-…" or "-000001-…", which is not the
// ISO form the rest of the extension (and lib/core/schema.ts) reads, so a snapshot carrying it is rejected.
const MIN_MS = -62_167_219_200_000; // 0000-01-01T00:00:00.000Z
const MAX_MS = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

function isoOf(ms: number): string | null {
  return Number.isFinite(ms) && ms >= MIN_MS && ms <= MAX_MS ? new Date(ms).toISOString() : null;
}

/** The later of two ISO instants (nulls ignored). */
export function laterOf(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
