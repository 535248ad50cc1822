/** @jest-environment node */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { importDocuments } from './import';

const fixtures = join(__dirname, '../../../tests/fixtures');
const read = (f: string) => readFileSync(join(fixtures, f), 'utf8');

describe('OpenSLO v1', () => {
  it('resolves indicatorRef, metricSourceRef (Mimir data source) and alert policies across documents', () => {
    const text = read('openslo-v1/checkout-with-refs.yaml');
    const docs = parseAllDocuments(text).map((d) => d.toJS());
    const sli = docs.find((d) => d.kind === 'SLI').spec.ratioMetric;
    const r = importDocuments(text);
    expect(r.problems).toEqual([]);
    expect(r.refused).toEqual([]);
    expect(r.slos).toHaveLength(1);
    const slo = r.slos[0];
    expect(slo).toMatchObject({
      id: 'checkout-availability',
      name: 'Checkout availability',
      service: 'checkout',
      labels: { team: 'payments' },
      sli: { kind: 'ratio', bad: sli.bad.metricSource.spec.query, total: sli.total.metricSource.spec.query },
      objective: { target: 0.999 },
      window: { type: 'rolling', duration: '28d' },
    });
    // 1h/14.4 (a referenced AlertCondition) is the fast tier; 1d/3 (inline) the slow one; the rest are off.
    expect(slo.alerting?.tiers).toEqual([
      { tier: 'fast', longWindow: '1h', factor: 14.4, for: '2m', severity: 'page' },
      { tier: 'slow', longWindow: '1d', factor: 3, for: '1h', severity: 'ticket' },
      { tier: 'medium', enabled: false },
      { tier: 'long', enabled: false },
    ]);
    // Service, DataSource and AlertNotificationTarget are listed; the used SLI, policy and condition are not.
    expect(r.ignored.map((i) => [i.path, i.kind])).toEqual([
      ['doc[0]', 'Service'],
      ['doc[1]', 'DataSource'],
      ['doc[5]', 'AlertNotificationTarget'],
    ]);
    expect(r.warnings.map((w) => w.message).join()).toMatch(/alert policy "checkout-burn": notification targets/);
  });

  it('refuses percentages in target, which OpenSLO v1 defines as a fraction, naming the field and line', () => {
    const r = importDocuments(read('openslo-v1/calendar-timeslices.yaml'));
    expect(r.slos).toEqual([]);
    expect(r.problems.map((p) => [p.path, p.line, p.message])).toEqual([
      [
        'spec.objectives[0].target',
        33,
        expect.stringMatching(/^target must be a fraction .* got 99\.5;.*targetPercent/),
      ],
      ['spec.objectives[1].target', 37, expect.stringMatching(/^target must be a fraction .* got "99";/)],
    ]);
  });

  it('reads target: 1.5 as out of range, never as 1.5%', () => {
    const text = read('openslo-v1/bad-target.yaml').replace('target: 100', 'target: 1.5');
    const r = importDocuments(text);
    expect(r.slos).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ path: 'spec.objectives[0].target', message: expect.stringContaining('got 1.5') }),
    ]);
  });

  it('reads targetPercent as a percentage, and refuses target with targetPercent', () => {
    const base = read('openslo-v1/bad-target.yaml');
    expect(importDocuments(base.replace('target: 100', 'targetPercent: 99.5')).slos[0].objective.target).toBe(0.995);
    expect(importDocuments(base.replace('target: 100', 'targetPercent: 1.5')).slos[0].objective.target).toBe(0.015);
    const both = importDocuments(base.replace('target: 100', 'target: 0.99\n      targetPercent: 99'));
    expect(both.slos).toEqual([]);
    expect(both.problems[0].message).toContain('not both');
  });

  it('maps a calendar month, Timeslices and one SLO per objective with ids from the objective names', () => {
    const text = read('openslo-v1/calendar-timeslices.yaml')
      .replace('target: 99.5', 'targetPercent: 99.5')
      .replace('target: "99"', 'target: 0.99');
    const raw = parse(text);
    const r = importDocuments(text);
    expect(r.problems).toEqual([]);
    expect(r.slos.map((s) => s.id)).toEqual(['search-latency-internal', 'search-latency-sla']);
    expect(r.origins.map((o) => o.path)).toEqual(['spec.objectives[0]', 'spec.objectives[1]']);
    expect(r.slos.map((s) => s.objective.target)).toEqual([0.995, 0.99]);
    expect(r.slos[0].window).toEqual({
      type: 'calendar',
      unit: 'month',
      timeZone: raw.spec.timeWindow[0].calendar.timeZone,
    });
    expect(r.slos.map((s) => s.budgeting)).toEqual(
      raw.spec.objectives.map((o: { timeSliceTarget: number; timeSliceWindow: string }) => ({
        method: 'timeslices',
        sliceDuration: o.timeSliceWindow,
        sliceTarget: o.timeSliceTarget,
      }))
    );
    // good = <h>_bucket{job="search",le="0.5"}, total = <h>_count{job="search"}: a latency SLI.
    expect(r.slos[0].sli).toEqual({
      kind: 'latency',
      metric: 'search_request_duration_seconds',
      threshold: 0.5,
      matchers: [{ name: 'job', op: '=', value: 'search' }],
    });
  });

  it('refuses RatioTimeslices by name', () => {
    const r = importDocuments(read('openslo-v1/ratio-timeslices-prometheus.yaml'));
    expect(r.slos).toEqual([]);
    expect(r.refused).toEqual([
      expect.objectContaining({
        path: 'doc[0]',
        reason: expect.stringMatching(/^OpenSLO SLO "login": budgetingMethod RatioTimeslices/),
      }),
    ]);
  });

  it('reports an out-of-range target with the path into the document', () => {
    const r = importDocuments(read('openslo-v1/bad-target.yaml'));
    expect(r.slos).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        path: 'spec.objectives[0].target',
        line: 28,
        message: expect.stringContaining('got 100'),
      }),
    ]);
  });

  it('refuses non-Prometheus sources naming the source type', () => {
    const text = read('external/openslo/openslo-readme-slo-1.yaml');
    const type = parse(text).spec.indicator.spec.ratioMetric.good.metricSource.type;
    expect(importDocuments(text).refused[0].reason).toContain(`metricSource type ${type} is not Prometheus-compatible`);
  });

  it('refuses a rolling month, which is not a fixed duration', () => {
    const text = read('openslo-v1/bad-target.yaml')
      .replace('duration: 30d', 'duration: 1M')
      .replace('target: 100', 'target: 0.99');
    expect(importDocuments(text).refused[0].reason).toContain('rolling window of 1M');
  });
});

describe('OpenSLO v1: problems point into the file', () => {
  it('points a bad alertAfter at the AlertCondition it came from, inline or referenced', () => {
    const text = read('openslo-v1/checkout-with-refs.yaml')
      .replace('alertAfter: 2m', 'alertAfter: 2 minutes')
      .replace('alertAfter: 1h', 'alertAfter: soon');
    const lines = text.split('\n');
    const r = importDocuments(text);
    expect(r.slos).toHaveLength(1);
    expect(r.problems.map((p) => [p.path, p.line])).toEqual([
      ['doc[3].spec.condition.alertAfter', lines.findIndex((l) => l.includes('2 minutes')) + 1],
      ['doc[4].spec.conditions[1].spec.condition.alertAfter', lines.findIndex((l) => l.includes('soon')) + 1],
    ]);
  });
});

describe('OpenSLO v1: names and unknown keys', () => {
  it('keeps metadata.name as the name and warns naming the id it had to choose', () => {
    const text = read('openslo-v1/bad-target.yaml')
      .replace('target: 100', 'target: 0.99')
      .replace(/^  name: api$/m, '  name: checkout.v2-availability');
    const r = importDocuments(text);
    expect(r.problems).toEqual([]);
    expect(r.slos[0].name).toBe('checkout.v2-availability');
    expect(r.warnings).toEqual([
      expect.objectContaining({
        path: 'metadata.name',
        line: 4,
        message: expect.stringContaining(`"checkout.v2-availability" is not a valid SLO id`),
      }),
    ]);
    expect(r.warnings[0].message).toContain(`"${r.slos[0].id}"`);
  });

  it('warns on unknown keys of the SLO spec and objectives', () => {
    const text = read('openslo-v1/bad-target.yaml').replace('- target: 100', '- target: 0.99\n      targt: 1');
    const r = importDocuments(text);
    expect(r.slos).toHaveLength(1);
    expect(r.warnings.map((w) => w.path)).toEqual(['spec.objectives[0].targt']);
  });
});

describe('OpenSLO v1alpha (Sloth flavour)', () => {
  it('reads target as a fraction and refuses a percentage', () => {
    const text = read('external/sloth/openslo-getting-started.yml').replace('target: 0.999', 'target: 99.9');
    const r = importDocuments(text);
    expect(r.slos).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        path: 'spec.objectives[0].target',
        message: expect.stringMatching(/^target must be a fraction.*got 99\.9/),
      }),
    ]);
  });

  it('maps ratioMetrics good/total and one SLO per objective', () => {
    const text = read('external/sloth/openslo-kubernetes-apiserver.yml');
    const docs = parseAllDocuments(text).map((d) => d.toJS());
    const r = importDocuments(text);
    expect(r.problems).toEqual([]);
    expect(r.slos.map((s) => s.id)).toEqual([
      'k8s-apiserver-requests-availability-openslo',
      'k8s-apiserver-requests-latency-openslo-0',
      'k8s-apiserver-requests-latency-openslo-1',
    ]);
    const objectives = docs.flatMap((d) => d.spec.objectives);
    expect(r.slos.map((s) => s.sli)).toEqual(
      objectives.map((o: { ratioMetrics: { good: { query: string }; total: { query: string } } }) => ({
        kind: 'ratio',
        good: o.ratioMetrics.good.query,
        total: o.ratioMetrics.total.query,
      }))
    );
    expect(r.slos.map((s) => s.objective.target)).toEqual(objectives.map((o: { target: number }) => o.target));
    expect(r.slos[0].window).toEqual({ type: 'rolling', duration: `${docs[0].spec.timeWindows[0].count}d` });
  });
});
