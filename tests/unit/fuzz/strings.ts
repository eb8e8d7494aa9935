/** Values fuzzed inputs are made of: the hostile corpus, prototype keys, near-miss timestamps, edge numbers. */
import fc from 'fast-check';
import { HOSTILE } from '../../helpers/hostile';

const SHORT_HOSTILE = HOSTILE.filter((h) => h.value.length <= 1000).map((h) => h.value);
const LONG_HOSTILE = HOSTILE.filter((h) => h.value.length > 1000).map((h) => h.value);

/** Keys that name Object.prototype members: a vendor label equal to one must not reach a lookup table's prototype. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  'isPrototypeOf',
];

/** Timestamps that are almost right, or right in an unusual way. */
export const TIME_STRINGS = [
  '2024-03-05T13:22:10Z',
  '2024-03-05T13:22:10.123456789Z',
  '2024-03-05T13:22:10+0530',
  '2024-03-05T13:22:10-12:00',
  '2024-02-30T10:00:00Z',
  '2024-13-01T00:00:00Z',
  '2024-01-01T24:00:00Z',
  '2024-12-31T23:59:60Z',
  '2024-03-05T13:22:10+2400',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00',
  '0001-01-01T00:30:00+01:00',
  '0099-12-31T23:59:59Z',
  '9999-12-31T23:59:59-05:00',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '2024-03-05',
  '2024-03-05T13:22:10',
  '2024-03-05 13:22:10',
  '2024-03-05T13:22:10ZZ',
  ' 2024-03-05T13:22:10Z ',
  '2024-03-05T13:22:10.Z',
  '3 days ago',
  'Today at 13:52',
  '1706776200000',
  '',
];

/** Numbers at the edges of what JSON carries and JS reads. */
export const EDGE_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  1e21,
  -1e21,
  8.64e15,
  8.64e15 + 1,
  -8.64e15,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  123456789012345,
  2610010040001234,
  4.9e-324,
];

/** Short text: the corpus, prototype keys, timestamps, or random unicode (lone surrogates included). */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SHORT_HOSTILE) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...TIME_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^\d{1,30}$/) },
);

/** A string of 1,000 to 100,000 UTF-16 units (a corpus string or a repeated random one). */
export const hugeTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...LONG_HOSTILE),
  fc
    .tuple(
      textArb.filter((t) => t.length > 0),
      fc.integer({ min: 1_000, max: 100_000 }),
    )
    .map(([t, n]) => t.repeat(Math.ceil(n / t.length)).slice(0, n)),
);
