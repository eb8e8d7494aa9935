/**
 * Timestamp normalisation: every vendor offset style in, ISO-8601 UTC out.
 * Never parses human text ("3 days ago"): only machine formats.
 */

// 2024-03-05T13:22:10Z, 2024-03-05T13:22:10.123456+00:00, 2024-02-01T09:30:00+0100, 2024-03-05 13:22:10
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

export interface ParseTimeOptions {
  /** How to read a value with no zone. Default: null (refuse), because guessing a zone shifts times silently. */
  assumeZoneless?: 'utc';
}

/** Parses a machine timestamp to ISO-8601 UTC with milliseconds, or null when it is not one. */
export function toUtcIso(value: unknown, options: ParseTimeOptions = {}): string | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) && Math.abs(value) < 8.64e15 ? new Date(value).toISOString() : null;
  }
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
  const local = Date.UTC(Y, M - 1, D, H, Mi, Math.min(S, 59), ms);
  // Reject dates like Feb 30 that Date.UTC would silently roll over.
  const check = new Date(Date.UTC(Y, M - 1, D));
  if (check.getUTCMonth() !== M - 1 || check.getUTCDate() !== D) return null;
  const instant = local - offsetMinutes * 60_000;
  if (!Number.isFinite(instant)) return null;
  return new Date(instant).toISOString();
}

/** The later of two ISO instants (nulls ignored). */
export function laterOf(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
