/** @jest-environment node */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { importDocuments } from './import';

const dir = join(__dirname, '../../../tests/fixtures/external/pyrra');
const load = (f: string) => {
  const text = readFileSync(join(dir, f), 'utf8');
  return { raw: parse(text), r: importDocuments(text) };
};

describe('Pyrra ServiceLevelObjective', () => {
  it('maps a ratio indicator to bad/total selectors, the string target and the window', () => {
    const { raw, r } = load('thanos-http.yaml');
    const slo = r.slos[0];
    expect(slo.sli).toEqual({
      kind: 'ratio',
      bad: raw.spec.indicator.ratio.errors.metric,
      total: raw.spec.indicator.ratio.total.metric,
    });
    expect(raw.spec.target).toBe('99');
    expect(slo.objective.target).toBe(0.99);
    expect(slo.window).toEqual({ type: 'rolling', duration: raw.spec.window });
    expect(slo.service).toBe(raw.metadata.namespace);
    expect(slo.id).toBe(`${raw.metadata.namespace}-${raw.metadata.name}`);
    // Pyrra generates an absent alert by default.
    expect(slo.alerting).toEqual({ absentAlert: true });
  });

  it('maps a histogram latency indicator to a latency SLI', () => {
    const { r } = load('caddy-response-latency.yaml');
    // From the file: ..._bucket{job="caddy",handler="subroute",code!~"5..",le="0.05"} over ..._count{same}.
    expect(r.slos[0].sli).toEqual({
      kind: 'latency',
      metric: 'caddy_http_response_duration_seconds',
      threshold: 0.05,
      matchers: [
        { name: 'job', op: '=', value: 'caddy' },
        { name: 'handler', op: '=', value: 'subroute' },
        { name: 'code', op: '!~', value: '5..' },
      ],
    });
    expect(r.slos[0].objective.target).toBe(0.9);
  });

  it('reads le="5.0" as threshold 5', () => {
    const { r } = load('kubernetes/manifests/slos/slo-apiserver-read-cluster-latency.yaml');
    expect(r.slos[0].sli).toMatchObject({
      kind: 'latency',
      metric: 'apiserver_request_sli_duration_seconds',
      threshold: 5,
    });
  });

  it('keeps a latency indicator as a ratio when success and total select different series', () => {
    const text = readFileSync(join(dir, 'nginx.yaml'), 'utf8');
    const latency = parseAllDocuments(text)[1].toJS().spec.indicator.latency;
    // success has status=~"5.." but total does not: a latency SLI would change what is counted.
    expect(importDocuments(text).slos[1].sli).toEqual({
      kind: 'ratio',
      good: latency.success.metric,
      total: latency.total.metric,
    });
  });

  it('keeps grouping as sum by (...) templates', () => {
    const { r } = load('prometheus-http.yaml');
    expect(r.slos[0].sli).toEqual({
      kind: 'ratio',
      bad: 'sum by (handler) (rate(prometheus_http_requests_total{handler=~"/api.*",code=~"5.."}[{{.window}}]))',
      total: 'sum by (handler) (rate(prometheus_http_requests_total{handler=~"/api.*"}[{{.window}}]))',
    });
    expect(r.warnings[0]).toEqual({
      path: 'spec.indicator.ratio.grouping',
      doc: 0,
      line: 18,
      column: 9,
      message: expect.stringContaining('[handler]'),
    });
  });

  it('maps bool_gauge to availability, or to a grouped freeform ratio', () => {
    const grouped = load('prometheus-probe-success.yaml').r.slos[0].sli;
    expect(grouped).toEqual({
      kind: 'freeform',
      errorRatio: '1 - avg by (target) (avg_over_time(probe_success[{{.window}}]))',
    });
    const r = importDocuments(
      `apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata: {name: up}\nspec:\n  target: "99.5"\n  window: 2w\n  indicator: {bool_gauge: {metric: 'up{job="api"}'}}\n`
    );
    expect(r.slos[0].sli).toEqual({
      kind: 'availability',
      metric: 'up',
      matchers: [{ name: 'job', op: '=', value: 'api' }],
    });
    expect(r.slos[0].objective.target).toBe(0.995);
  });

  it('maps latencyNative to histogram_fraction with a warning', () => {
    const { r } = load('pyrra-connect-latency.yaml');
    expect(r.slos[0].sli).toEqual({
      kind: 'freeform',
      errorRatio:
        '1 - histogram_fraction(0, 0.2, sum by (service, method) (rate(connect_server_requests_duration_seconds{job="pyrra",code="ok"}[{{.window}}])))',
    });
    expect(r.warnings.map((w) => w.message).join()).toMatch(/latencyNative/);
    expect(r.problems).toEqual([]);
  });

  it('maps alerting settings', () => {
    const base =
      'apiVersion: pyrra.dev/v1alpha1\nkind: ServiceLevelObjective\nmetadata: {name: a, namespace: n}\nspec:\n  target: "99"\n  window: 4w\n  indicator: {ratio: {errors: {metric: e_total}, total: {metric: t_total}}}\n';
    expect(importDocuments(`${base}  alerting: {disabled: true}\n`).slos[0].alerting).toEqual({ enabled: false });
    expect(
      importDocuments(
        `${base}  alerting: {name: MyBurn, absent: false, severities: {fastBurn: critical, longTermBurn: info}}\n`
      ).slos[0].alerting
    ).toEqual({
      name: 'MyBurn',
      tiers: [
        { tier: 'fast', severity: 'page' },
        { tier: 'long', severity: 'ticket' },
      ],
    });
  });

  it('carries pyrra.dev/ labels and drops operator-selection labels', () => {
    const { r } = load('parca-grpc-queryrange-errors.yaml');
    expect(r.slos[0].labels).toEqual({ team: 'parca' });
  });

  it('accepts apiVersion v1alpha1 without a group, as Pyrra filesystem mode does', () => {
    const text = readFileSync(join(dir, 'thanos-http.yaml'), 'utf8').replace('pyrra.dev/v1alpha1', 'v1alpha1');
    expect(text).toMatch(/^apiVersion: v1alpha1$/m);
    const r = importDocuments(text);
    expect(r.refused).toEqual([]);
    expect(r.slos.map((s) => s.id)).toEqual(load('thanos-http.yaml').r.slos.map((s) => s.id));
  });

  it('reads the target as a percentage, even a small one, and warns on burnRateType dynamic', () => {
    const text = readFileSync(join(dir, 'thanos-http.yaml'), 'utf8')
      .replace(/target: .*/, 'target: "1.5"')
      .replace(/^spec:$/m, 'spec:\n  alerting:\n    burnRateType: dynamic');
    const r = importDocuments(text);
    expect(r.slos[0].objective.target).toBe(0.015);
    expect(r.warnings.map((w) => w.path)).toEqual(['spec.alerting.burnRateType', 'spec.target']);
    expect(r.warnings[0].message).toMatch(/"dynamic".*static/);
  });

  it('refuses a target of 100 or more naming the field', () => {
    const text = readFileSync(join(dir, 'thanos-http.yaml'), 'utf8').replace(/target: .*/, 'target: "150"');
    const r = importDocuments(text);
    expect(r.slos).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ path: 'spec.target', message: expect.stringContaining('percentage') }),
    ]);
  });
});
