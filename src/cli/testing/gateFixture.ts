/**
 * Shared by the gate's tests: a spec file with five SLOs of one service (one per budget state, and one whose series
 * never exist) and a stricter policy, and an in-process runner with injected fetch, clock and environment.
 */
import { runCliAsync } from '../run';

/** 2024-06-03T12:00:00Z: the instant the gate reads at. */
export const NOW = Date.UTC(2024, 5, 3, 12);

const slo = (id: string, extra = '') => `
  - id: ${id}
    name: ${id} requests succeed
    service: checkout
    labels: { team: payments }
    sli:
      kind: ratio
      bad: http_requests_total{service="checkout",code=~"5.."}
      total: http_requests_total{service="checkout"}
    objective: { target: 0.999 }
    window: { type: rolling, duration: 30d }${extra}`;

/**
 * Budget 0.001 for every SLO. The values each test backfills or fakes (ratio over the period / over the window):
 * healthy 0.0002 / 1h 0.0005 → 80% left, 0.5×: ship. at-risk (policy strict: at risk below 50%, fast burn 2× over
 * 5m) 0.0007 / 5m 0.001, 1h 0.01 → 30% left, 1× over 5m: needs approval (a 1h read would say fast burn: freeze).
 * exhausted 0.0012 → −20%: freeze. fast-burn 0.0003 / 1h 0.008 → 70% left, 8×: Workbook needs approval. no-data:
 * nothing.
 */
export const SPEC = `apiVersion: sre-reliability/v1
kind: SLOList
policies:
  - id: strict
    name: Strict
    exhaustedAtOrBelow: 0.1
    atRiskBelow: 0.5
    fastBurn: { rate: 2, window: 5m }
    actions: { healthy: ship, at_risk: ship_with_approval, fast_burn: freeze, exhausted: freeze }
    approvers: [alice]
    incidentBudgetShare: 0.2
slos:${slo('healthy')}${slo('at-risk', '\n    policy: strict')}${slo('exhausted')}${slo('fast-burn')}${slo('no-data')}
`;

/** The recorded values per SLO (see SPEC): series name → value. */
export const RECORDED: Record<string, Record<string, number>> = {
  healthy: {
    'slo:sli_error:ratio_period': 0.0002,
    'slo:sli_error:ratio_rate1h': 0.0005,
    'slo:sli_error:ratio_rate5m': 0.0004,
  },
  'at-risk': {
    'slo:sli_error:ratio_period': 0.0007,
    'slo:sli_error:ratio_rate5m': 0.001,
    'slo:sli_error:ratio_rate1h': 0.01,
  },
  exhausted: {
    'slo:sli_error:ratio_period': 0.0012,
    'slo:sli_error:ratio_rate1h': 0.001,
    'slo:sli_error:ratio_rate5m': 0.001,
  },
  'fast-burn': {
    'slo:sli_error:ratio_period': 0.0003,
    'slo:sli_error:ratio_rate1h': 0.008,
    'slo:sli_error:ratio_rate5m': 0.009,
  },
};

export interface GateRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process; `files` maps the names given on the command line to their text. */
export async function runGateCli(
  argv: string[],
  options: { fetch?: typeof fetch; env?: Record<string, string>; files?: Record<string, string> } = {}
): Promise<GateRun> {
  let stdout = '';
  let stderr = '';
  const files = options.files ?? { 'slos.yaml': SPEC };
  const code = await runCliAsync(argv, {
    readFile: (p) => {
      if (!(p in files)) {
        throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      }
      return files[p];
    },
    writeFile: () => {
      throw new Error('the gate writes no file');
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    fetch: options.fetch ?? (() => Promise.reject(new Error('no fetch in this test'))),
    now: () => NOW,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}
