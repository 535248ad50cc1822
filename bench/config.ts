/**
 * Shape of the 30-day budget benchmark. Defaults are what the committed results were produced with; the
 * environment variables exist to shrink a run on a slow machine (the report records the shape actually used).
 */

export interface BenchConfig {
  /** BENCH_SMOKE=1: a tiny run for `npm test` (smoke defaults, results in a temporary directory). */
  smoke: boolean;
  /** Number of services, one SLO each. */
  services: number;
  /** Scrape resolution in seconds (one sample per series per step). */
  resolutionSec: number;
  /** Length of the measured window in days (the SLO window, 30d). */
  days: number;
  /** Data written before the measured window so 5m rates exist at its start, in minutes. */
  warmupMin: number;
  /** Rule evaluation interval (the rule groups' `interval`), in seconds. */
  evalIntervalSec: number;
  /** Runs per query; the report gives the median wall time. */
  runs: number;
  /** PRNG seed: the same seed gives byte-identical data and ground truth. */
  seed: number;
  /** Keep the temporary data directory (OpenMetrics files, TSDB) after the run. */
  keep: boolean;
  /** Also run the real `promtool tsdb create-blocks-from rules` on a short range and compare samples. */
  fidelityCheck: boolean;
  /** Hard limit for the whole run; the bench aborts (and stops Prometheus) beyond it. */
  timeoutSec: number;
}

/** An integer BENCH_* override within [min, max], or `def` when unset; anything else is an error naming the variable. */
export function envInt(name: string, def: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return def;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer in [${min}, ${max}], got ${raw}`);
  }
  return n;
}

/**
 * Reads BENCH_* overrides; every value is bounded so a typo cannot start an unbounded run. Under BENCH_SMOKE=1 the
 * defaults shrink to 2 SLOs, 1 day and 1 run (a few seconds), so `npm test` can run it; overrides still apply.
 */
export function loadConfig(): BenchConfig {
  const smoke = process.env.BENCH_SMOKE === '1';
  return {
    smoke,
    services: envInt('BENCH_SLOS', smoke ? 2 : 20, 1, 50),
    resolutionSec: envInt('BENCH_RESOLUTION_SEC', 60, 15, 300),
    days: envInt('BENCH_DAYS', smoke ? 1 : 30, 1, 30),
    warmupMin: 90,
    evalIntervalSec: envInt('BENCH_EVAL_INTERVAL_SEC', 60, 10, 300),
    runs: envInt('BENCH_RUNS', smoke ? 1 : 3, 1, 9),
    seed: envInt('BENCH_SEED', 20240601, 0, 2 ** 31 - 1),
    keep: process.env.BENCH_KEEP === '1',
    fidelityCheck: process.env.BENCH_FIDELITY !== '0',
    timeoutSec: envInt('BENCH_TIMEOUT_SEC', smoke ? 120 : 900, 60, 3600),
  };
}

/** Monday 2024-06-03 00:00:00 UTC: the start of the measured window, so weekdays fall where the model says. */
export const WINDOW_START_SEC = Date.UTC(2024, 5, 3) / 1000;
