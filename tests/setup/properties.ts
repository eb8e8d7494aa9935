/** Every fast-check property in this worker draws from the run's seed (see tests/helpers/property-runs.ts). */
import fc from 'fast-check';
import { propertySeed } from '../helpers/property-runs';

fc.configureGlobal({ seed: propertySeed() });
