/**
 * Vitest global setup: fixes the property tests' seed for this run and says it once, so any failure
 * can be replayed with the same seed. Runs before the test workers start; they inherit the variable.
 */
import { propertyScale, propertySeed } from '../helpers/property-runs';

export default function setup(): void {
  if (process.env.CASERADAR_PROPERTY_SEED === 'random') {
    process.env.CASERADAR_PROPERTY_SEED = String((Math.random() * 2 ** 31) | 0);
  }
  const seed = propertySeed();
  const scale = propertyScale();
  console.log(
    `property tests: seed ${seed}, runs ×${scale} (replay: CASERADAR_PROPERTY_SEED=${seed} CASERADAR_PROPERTY_SCALE=${scale})`,
  );
}
