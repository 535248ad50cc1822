/** @jest-environment node */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { importDocuments } from './import';

const dir = join(__dirname, '../../../tests/fixtures/external/slo-generator/prometheus');
const load = (f: string) => {
  const text = readFileSync(join(dir, f), 'utf8');
  return { raw: parse(text), r: importDocuments(text) };
};

describe('slo-generator', () => {
  it('maps good_bad_ratio filters to a ratio SLI and goal to the target', () => {
    const { raw, r } = load('slo_prom_metrics_availability_ratio.yaml');
    const sli = raw.spec.service_level_indicator;
    expect(r.slos[0]).toMatchObject({
      id: 'prom-metrics-availability',
      service: raw.metadata.labels.service_name,
      labels: { feature_name: raw.metadata.labels.feature_name, slo_name: raw.metadata.labels.slo_name },
      sli: { kind: 'ratio', good: sli.filter_good, total: sli.filter_valid },
      objective: { target: raw.spec.goal },
      window: { type: 'rolling', duration: '28d' },
    });
    expect(r.warnings[0].message).toMatch(/no window/);
  });

  it('maps distribution_cut to a latency SLI on the bucket threshold', () => {
    const { raw, r } = load('slo_prom_metrics_latency_distribution_cut.yaml');
    expect(r.slos[0].sli).toEqual({
      kind: 'latency',
      metric: 'http_request_duration_seconds',
      threshold: raw.spec.service_level_indicator.threshold_bucket,
      matchers: [
        { name: 'handler', op: '=', value: '/metrics' },
        { name: 'code', op: '=~', value: '2..' },
      ],
    });
  });

  it('maps query_sli to a freeform error ratio with [window] templated', () => {
    const { raw, r } = load('slo_prom_metrics_availability_query_sli.yaml');
    const expr: string = raw.spec.service_level_indicator.expression.trim();
    expect(r.slos[0].sli).toEqual({
      kind: 'freeform',
      errorRatio: `1 - (${expr.replace(/\[window\]/g, '[{{.window}}]')})`,
    });
    expect(r.problems).toEqual([]);
  });

  it('refuses other backends naming the backend', () => {
    const text = readFileSync(join(dir, 'slo_prom_metrics_availability_ratio.yaml'), 'utf8').replace(
      'backend: prometheus',
      'backend: cloud_monitoring'
    );
    expect(importDocuments(text).refused).toEqual([
      expect.objectContaining({
        path: 'spec.backend',
        line: 11,
        reason: expect.stringContaining('"cloud_monitoring" is not Prometheus'),
      }),
    ]);
  });

  it('reads goal as a fraction: 99.9 is refused, not taken as a percentage', () => {
    const text = readFileSync(join(dir, 'slo_prom_metrics_availability_ratio.yaml'), 'utf8').replace(
      /goal: .*/,
      'goal: 99.9'
    );
    const r = importDocuments(text);
    expect(r.slos).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ path: 'spec.goal', message: expect.stringMatching(/^goal must be a fraction/) }),
    ]);
  });
});
