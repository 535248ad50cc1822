/**
 * What makes a budget-30d run a broken measurement rather than a result: checks on exactness, never on speed or on
 * the cost goal. A run that fails one of them still writes its report, then exits non-zero.
 */
import type { FidelityCheck } from './rules';
import type { Measurement, MethodId } from './methods';

/**
 * Bounds, each far above what a sound run gives (measured at 30 days: raw error 0, emulation gaps ≤ 6e-14, ours
 * 8e-5 off the truth, fidelity identical) and far below what a bug in the data, rules or emulation gives.
 */
export const EXACTNESS = {
  /** Raw increase() over a range starting on a sample is the counters' difference: only float rounding is left. */
  rawRelError: 1e-9,
  /** Each answer against Prometheus' arithmetic replayed on the exact counts (emulate.ts). */
  emulationGap: 1e-9,
  /**
   * Ours against the exact tally of the whole hours it covers (up to the last full hour before its hourly run): it
   * is event-weighted, what is left is the 5m-rate fuzz at both ends (bench/README.md).
   */
  oursRelError: 1e-2,
};

const METHODS: MethodId[] = ['raw', 'sloth', 'ours'];

/** Every way the run's measurements are wrong, as messages naming the SLO, method and bound; empty when sound. */
export function exactnessProblems(
  measurements: Measurement[],
  sloIds: string[],
  fidelity: FidelityCheck | undefined
): string[] {
  const problems: string[] = [];
  for (const id of sloIds) {
    for (const method of METHODS) {
      const found = measurements.filter((m) => m.sloId === id && m.method === method);
      if (found.length !== 1) {
        problems.push(`${id} ${method}: ${found.length} measurements, expected 1`);
        continue;
      }
      const m = found[0];
      if (!Number.isFinite(m.relError) || !Number.isFinite(m.emulationGap)) {
        problems.push(`${id} ${method}: answer ${m.answer}, truth ${m.truth}, emulated ${m.emulated}: not a number`);
        continue;
      }
      if (Math.abs(m.emulationGap) > EXACTNESS.emulationGap) {
        problems.push(
          `${id} ${method}: answer ${m.answer} differs from its emulation ${m.emulated} by ${m.emulationGap.toExponential(2)} of the truth (bound ${EXACTNESS.emulationGap})`
        );
      }
      const bound = method === 'raw' ? EXACTNESS.rawRelError : method === 'ours' ? EXACTNESS.oursRelError : Infinity;
      if (Math.abs(m.relError) > bound) {
        problems.push(
          `${id} ${method}: answer ${m.answer} is ${m.relError.toExponential(2)} off the truth ${m.truth} (bound ${bound})`
        );
      }
    }
  }
  const extra = measurements.filter((m) => !sloIds.includes(m.sloId));
  if (extra.length > 0) {
    problems.push(`${extra.length} measurements of unknown SLOs (${extra[0].sloId})`);
  }
  if (fidelity && (!fidelity.identical || fidelity.comparedSamples === 0)) {
    problems.push(
      `fidelity: promtool create-blocks-from rules and query_range differ (${fidelity.comparedSamples} samples compared, max |diff| ${fidelity.maxAbsDiff})`
    );
  }
  return problems;
}
