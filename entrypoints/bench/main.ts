// Benchmark harness page (bench builds only): exposes the measurements to scripts/bench.ts.
import { installBenchHarness } from '../../tests/bench/harness';

installBenchHarness();
