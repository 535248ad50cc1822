/**
 * Recorded series (what the generated rules would have written) backfilled straight into a test Prometheus, for
 * tests that read `slo:*` series without running the rules: one gauge sample per step with a constant value.
 */
import { labelText, OpenMetricsWriter } from '../../bench/openmetrics';
import { startPrometheusFromOpenMetrics, type PromFixture } from './fixture';

export interface RecordedSeries {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Writes every series with a sample each `stepSec` over [startSec, endSec], backfills them and starts the server. */
export async function startRecordedPrometheus(
  name: string,
  series: RecordedSeries[],
  startSec: number,
  endSec: number,
  stepSec = 60
): Promise<PromFixture> {
  return startPrometheusFromOpenMetrics(name, async (file) => {
    const w = new OpenMetricsWriter(file);
    for (const family of [...new Set(series.map((s) => s.name))]) {
      await w.family(family, 'gauge');
      for (const s of series.filter((x) => x.name === family)) {
        for (let t = startSec; t <= endSec; t += stepSec) {
          w.sample(family + labelText(s.labels), s.value, t);
        }
      }
      await w.flushIfFull();
    }
    await w.close();
  });
}
