/**
 * @jest-environment node
 */
/**
 * The hourly group at the cadence a real ruler runs it. `promtool test rules` evaluates every group at every step,
 * so here the hourly group is left out and its series is given as input, one sample an hour at an arbitrary offset
 * (as Prometheus staggers groups), with one run missed. The SLO's own group must forward the latest value every
 * minute, so instant queries of `slo:sli_error:ratio_period` and the budget never have gaps between runs.
 */
import { runPromtool } from './testing/runPromtool';
import { approx, counterValues, min, ratioSlo } from './testing/promtoolHarness';

/** One value at each of `runs` (minutes), nothing in between: `_` is "no sample" in promtool's input notation. */
function sparse(last: number, runs: Map<number, number>): string {
  const out: string[] = [];
  for (let m = 0; m <= last; m++) {
    out.push(runs.has(m) ? String(runs.get(m)) : '_');
  }
  return out.join(' ');
}

describe('the hourly period ratio, written once an hour', () => {
  it('is forwarded every minute, survives one missed run, and is gone two hours after the last', () => {
    const end = 6 * 60;
    // Runs at 17 minutes past each hour; the run at 2:17 is missed; the last is at 3:17.
    const runs = new Map([
      [17, 0.0001],
      [77, 0.0002],
      [197, 0.0004],
    ]);
    const slo = ratioSlo('hourly', 'api', 0.999);
    runPromtool(
      [slo],
      '1m',
      [
        { series: 'http_requests_total{job="api",code="200"}', values: counterValues(end, () => 100) },
        {
          series: 'slo:sli_error:ratio_period_hourly{slo_id="hourly",slo_service="api"}',
          values: sparse(end, runs),
        },
      ],
      [
        approx('slo:sli_error:ratio_period{slo_id="hourly"}', min(17), 0.0001, 1e-15),
        approx('slo:sli_error:ratio_period{slo_id="hourly"}', min(76), 0.0001, 1e-15),
        approx('slo:sli_error:ratio_period{slo_id="hourly"}', min(77), 0.0002, 1e-15),
        // 2:17 was missed: the value of 1:17 holds until the next run.
        approx('slo:sli_error:ratio_period{slo_id="hourly"}', min(196), 0.0002, 1e-15),
        approx('slo:error_budget_remaining:ratio{slo_id="hourly"}', min(150), 1 - 0.0002 / 0.001, 1e-12),
        approx('slo:sli_error:ratio_period{slo_id="hourly"}', min(197), 0.0004, 1e-15),
        // Prometheus 2.x ranges include their start, so the [2h] lookback still holds 3:17 at 5:17.
        approx('slo:error_budget_remaining:ratio{slo_id="hourly"}', min(317), 1 - 0.0004 / 0.001, 1e-12),
        // Past two hours after the last run (the group was removed), the forwarded series ends too.
        { expr: 'slo:sli_error:ratio_period{slo_id="hourly"}', eval_time: min(318), exp_samples: [] },
        { expr: 'slo:sli_error:ratio_period{slo_id="hourly"}', eval_time: min(16), exp_samples: [] },
      ],
      [],
      { hourlyGroups: false }
    );
  }, 60000);
});
