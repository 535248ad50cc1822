/**
 * Pure helpers for the promtool tests: synthetic counter series and `promtool test rules` documents.
 * Node I/O (writing files, running promtool) stays in the *.test.ts files.
 */
import type { Slo } from '../../slo/model';

/**
 * Values of a counter sampled every minute from t=0: v(0) = 0 and v(m) = v(m−1) + perMinute(m), i.e.
 * `perMinute(m)` events happen during minute (m−1, m]. Written out in full (promtool accepts plain lists).
 */
export function counterValues(minutes: number, perMinute: (m: number) => number): string {
  const out = [0];
  for (let m = 1; m <= minutes; m++) {
    out.push(out[m - 1] + perMinute(m));
  }
  return out.join(' ');
}

export interface InputSeries {
  series: string;
  values: string;
}

export interface ExprTest {
  expr: string;
  eval_time: string;
  exp_samples: Array<{ labels: string; value: number }>;
}

export interface AlertTest {
  eval_time: string;
  alertname: string;
  exp_alerts: Array<{ exp_labels: Record<string, string>; exp_annotations?: Record<string, string> }>;
}

/** A `promtool test rules` document for one rule file. */
export function testDocument(
  ruleFile: string,
  evaluationInterval: string,
  inputSeries: InputSeries[],
  exprTests: ExprTest[],
  alertTests: AlertTest[] = [],
  groupEvalOrder: string[] = []
): Record<string, unknown> {
  return {
    rule_files: [ruleFile],
    evaluation_interval: evaluationInterval,
    ...(groupEvalOrder.length ? { group_eval_order: groupEvalOrder } : {}),
    tests: [
      {
        interval: '1m',
        input_series: inputSeries,
        promql_expr_test: exprTests,
        alert_rule_test: alertTests,
      },
    ],
  };
}

/** `ALERTS` firing for an SLO at a time, counted per tier: `{burnrate_tier="fast"} 1`, ... (empty list = none). */
export function firingTiers(sloId: string, at: string, tiers: string[]): ExprTest {
  return {
    expr: `count by (burnrate_tier) (ALERTS{alertstate="firing",slo_id="${sloId}"})`,
    eval_time: at,
    exp_samples: tiers.map((t) => ({ labels: `{burnrate_tier="${t}"}`, value: 1 })),
  };
}

/** Asserts that `expr` (one series) is within `tolerance` of `expected`, labels dropped by sum(). */
export function approx(expr: string, at: string, expected: number, tolerance = 1e-9): ExprTest {
  return {
    expr: `sum(abs((${expr}) - ${expected}) < bool ${tolerance}) and count(${expr}) == 1`,
    eval_time: at,
    exp_samples: [{ labels: '{}', value: 1 }],
  };
}

/** A ratio SLO on `http_requests_total{job=<job>}` with 5xx as bad events. */
export function ratioSlo(id: string, job: string, target: number, extra: Partial<Slo> = {}): Slo {
  return {
    id,
    name: `Availability ${id}`,
    service: job,
    sli: {
      kind: 'ratio',
      bad: `http_requests_total{job="${job}",code=~"5.."}`,
      total: `http_requests_total{job="${job}"}`,
    },
    objective: { target },
    window: { type: 'rolling', duration: '30d' },
    ...extra,
  };
}

/** Minutes → promtool duration string. */
export const min = (m: number): string => `${m}m`;
