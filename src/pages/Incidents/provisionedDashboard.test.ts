/**
 * @jest-environment node
 *
 * The demo stack's provisioned dashboard (provisioning/dashboards/). It lives here because what it pins is the
 * incidents contract: the annotation query that shows incidents on any dashboard.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { INCIDENT_TAG } from '../../domain/incident/annotations';
import { parsePromQL } from '../../domain/slo/promql';
import { parseSelector } from '../../domain/logs/parseSelector';

const DIR = path.resolve(__dirname, '../../../provisioning/dashboards');
const dashboard = JSON.parse(fs.readFileSync(path.join(DIR, 'demo-api.json'), 'utf8'));
const datasources = parse(fs.readFileSync(path.resolve(DIR, '../datasources/datasources.yaml'), 'utf8'))
  .datasources as Array<{
  uid: string;
  type: string;
}>;

interface Target {
  expr: string;
  datasource: { uid: string; type: string };
}
interface Panel {
  type: string;
  title: string;
  datasource: { uid: string; type: string };
  targets: Target[];
}
const panels = dashboard.panels as Panel[];
/** Grafana replaces its macros before the query reaches Prometheus; parse what Prometheus would get. */
const interpolate = (expr: string) => expr.replace(/\$__rate_interval|\$__interval|\$__range/g, '5m');

describe('provisioning/dashboards', () => {
  it('has a file provider for the SRE Reliability folder reading the mounted directory', () => {
    const provider = parse(fs.readFileSync(path.join(DIR, 'dashboards.yaml'), 'utf8'));
    expect(provider.apiVersion).toBe(1);
    expect(provider.providers).toEqual([
      expect.objectContaining({
        folder: 'SRE Reliability',
        type: 'file',
        options: expect.objectContaining({ path: '/etc/grafana/provisioning/dashboards' }),
      }),
    ]);
  });

  it('shows incidents with a built-in annotation query on the sre-incident tag', () => {
    const incidents = dashboard.annotations.list.find((a: { name: string }) => a.name === 'Incidents');
    expect(incidents).toMatchObject({
      datasource: { type: 'grafana', uid: '-- Grafana --' },
      enable: true,
      target: { type: 'tags', tags: [INCIDENT_TAG], matchAny: false },
    });
  });

  it('queries only the provisioned data sources, by uid and matching type', () => {
    const known = new Map(datasources.map((d) => [d.uid, d.type]));
    expect(known.get('prometheus')).toBe('prometheus');
    expect(known.get('loki')).toBe('loki');
    for (const panel of panels) {
      for (const ref of [panel.datasource, ...panel.targets.map((t) => t.datasource)]) {
        expect(known.get(ref.uid)).toBe(ref.type);
      }
    }
  });

  it('has request rate, error ratio and p95 latency over http_server_requests_seconds, each valid PromQL', () => {
    const prom = panels.filter((p) => p.datasource.type === 'prometheus');
    expect(prom.map((p) => p.title)).toEqual(['Request rate', 'Error ratio (5xx)', 'Latency p95']);
    for (const panel of prom) {
      for (const { expr } of panel.targets) {
        expect(expr).toContain('http_server_requests_seconds');
        expect(parsePromQL(interpolate(expr))).toEqual([]);
      }
    }
    expect(prom[2].targets[0].expr).toMatch(/^histogram_quantile\(0\.95,/);
  });

  it('has a Loki logs panel on the demo service', () => {
    const logs = panels.find((p) => p.type === 'logs')!;
    expect(logs.datasource).toEqual({ type: 'loki', uid: 'loki' });
    expect(logs.targets[0].expr).toBe('{service="demo-api"}');
    expect(parseSelector(logs.targets[0].expr).ok).toBe(true);
  });

  it('would catch a broken expression', () => {
    expect(parsePromQL(interpolate('sum(rate(x[$__rate_interval])'))).not.toEqual([]);
  });
});
