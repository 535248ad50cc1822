/** @jest-environment node */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { exportOpenSLO } from './exportOpenSlo';
import { importDocuments } from './import';

const ROOT = join(__dirname, '../../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const importable = [...walk(join(ROOT, 'tests/fixtures')), join(ROOT, 'examples/slos.yaml')]
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => relative(ROOT, f))
  .filter((f) => {
    const r = importDocuments(readFileSync(join(ROOT, f), 'utf8'));
    return r.slos.length > 0 && r.problems.length === 0;
  })
  .sort();

const exportDocs = (file: string) => {
  const slos = importDocuments(readFileSync(join(ROOT, file), 'utf8')).slos;
  return { slos, docs: parseAllDocuments(exportOpenSLO(slos)).map((d) => d.toJS()) };
};

describe('exportOpenSLO', () => {
  it('has a wide set of importable fixtures to round-trip', () => {
    expect(importable.length).toBeGreaterThanOrEqual(60);
  });

  it.each(importable)('%s: import → export → import gives the same model', (file) => {
    const first = importDocuments(readFileSync(join(ROOT, file), 'utf8')).slos;
    const again = importDocuments(exportOpenSLO(first));
    expect(again.problems).toEqual([]);
    expect(again.refused).toEqual([]);
    expect(again.slos).toEqual(first);
  });

  it('writes plain OpenSLO for what OpenSLO can say, without the model annotation', () => {
    const file = 'tests/fixtures/external/sloth/openslo-getting-started.yml';
    const src = parse(readFileSync(join(ROOT, file), 'utf8'));
    const { docs } = exportDocs(file);
    expect(docs).toHaveLength(1);
    const [doc] = docs;
    expect(doc.apiVersion).toBe('openslo/v1');
    expect(doc.metadata.annotations).toBeUndefined();
    expect(doc.spec.service).toBe(src.spec.service);
    const rm = doc.spec.indicator.spec.ratioMetric;
    expect(rm.good.metricSource).toEqual({
      type: 'Prometheus',
      spec: { query: src.spec.objectives[0].ratioMetrics.good.query },
    });
    expect(rm.total.metricSource.spec.query).toBe(src.spec.objectives[0].ratioMetrics.total.query);
    expect(doc.spec.objectives).toEqual([{ target: src.spec.objectives[0].target }]);
    expect(doc.spec.timeWindow).toEqual([{ duration: '30d', isRolling: true }]);
    expect(doc.spec.budgetingMethod).toBe('Occurrences');
  });

  it('writes latency SLIs as bucket/count selectors and calendar windows as 1M', () => {
    const file = 'examples/slos.yaml';
    const src = parse(readFileSync(join(ROOT, file), 'utf8')).slos;
    const { docs } = exportDocs(file);
    const latency = docs.find((d) => d.metadata.name === 'demo-api-latency');
    expect(latency.spec.indicator.spec.ratioMetric.good.metricSource.spec.query).toBe(
      `http_server_requests_seconds_bucket{service="demo-api",uri!~"/actuator.*",le="${src[2].sli.threshold}"}`
    );
    const monthly = docs.find((d) => d.metadata.name === 'demo-api-orders-latency-monthly');
    expect(monthly.spec.timeWindow[0]).toMatchObject({
      duration: '1M',
      isRolling: false,
      calendar: { timeZone: src[3].window.timeZone },
    });
  });

  it('writes burn-rate tiers as an AlertPolicy document with AlertConditions', () => {
    const { slos, docs } = exportDocs('tests/fixtures/openslo-v1/checkout-with-refs.yaml');
    const policy = docs.find((d) => d.kind === 'AlertPolicy');
    const sloDoc = docs.find((d) => d.kind === 'SLO');
    expect(sloDoc.spec.alertPolicies).toEqual([{ alertPolicyRef: policy.metadata.name }]);
    const enabled = slos[0].alerting!.tiers!.filter((t) => t.enabled !== false);
    expect(
      policy.spec.conditions.map((c: { metadata: { name: string }; spec: { condition: unknown } }) => [
        c.metadata.name,
        c.spec.condition,
      ])
    ).toEqual(
      enabled.map((t) => [
        `checkout-availability-${t.tier}`,
        { kind: 'burnrate', op: 'gte', threshold: t.factor, lookbackWindow: t.longWindow, alertAfter: t.for },
      ])
    );
  });

  it('carries what OpenSLO cannot express in the model annotation, and only that', () => {
    const { docs } = exportDocs('tests/fixtures/external/sloth/no-alerts.yml');
    expect(JSON.parse(docs[0].metadata.annotations['sre-reliability/model'])).toEqual({ alerting: { enabled: false } });
  });
});
