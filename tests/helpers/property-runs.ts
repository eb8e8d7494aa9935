/**
 * How many cases each property test draws, and from which seed. `npm test` runs every property with
 * one fixed seed, so a commit always gives the same result; `npm run test:explore` draws fresh seeds
 * and many more runs to look for new counterexamples (each one it finds becomes a regression test).
 *
 * CASERADAR_PROPERTY_SEED  the seed (default 20261201; `random` for a fresh one, printed at start)
 * CASERADAR_PROPERTY_SCALE multiplies every property's run count (default 1; 0.1 for a fast local loop)
 */
export const DEFAULT_PROPERTY_SEED = 20261201;

/** The seed every property of this run uses (set by tests/setup/global.ts before the workers start). */
export function propertySeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CASERADAR_PROPERTY_SEED;
  if (raw === undefined || raw === '') return DEFAULT_PROPERTY_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed))
    throw new Error(`CASERADAR_PROPERTY_SEED must be an integer or "random", got "${raw}"`);
  return seed;
}

export function propertyScale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CASERADAR_PROPERTY_SCALE;
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new Error(`CASERADAR_PROPERTY_SCALE must be a positive number, got "${raw}"`);
  return scale;
}

/** A property's run count at this run's scale: never fewer than one. */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * propertyScale()));
}
