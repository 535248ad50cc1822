/**
 * @jest-environment node
 *
 * A real Prometheus (the local 2.42 binary) scrapes the real demo service with the stack's own
 * provisioning/prometheus/prometheus.yml, only the targets pointed at 127.0.0.1. Checks the labels
 * Grafana and the SLO rules rely on, and that a chaos "incident" shows up in an error-ratio query.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';

import { freePort, PrometheusServer } from '../tests/prometheus/server';
import { type DemoProcess, http, isAlive, REPO_ROOT, startDemo } from './test/demoProcess';

jest.setTimeout(60_000);

describe('Prometheus scraping the demo service with the stack config', () => {
  let demo: DemoProcess;
  let prometheus: PrometheusServer | undefined;
  let promUrl: string;
  let tmp: string;

  async function query(q: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>> {
    const res = await http(`${promUrl}/api/v1/query?query=${encodeURIComponent(q)}`);
    const body = res.json();
    if (body.status !== 'success') {
      throw new Error(`${q}: ${res.text}`);
    }
    return body.data.result;
  }

  async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T = await fn();
    while (!ok(last) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      last = await fn();
    }
    return last;
  }

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'demo-prom-'));
    demo = await startDemo({ LOAD_RPS: '30', ERROR_RATE: '0', LATENCY_MS: '0' });
    const promPort = await freePort();

    // The stack's config, with container addresses replaced by local ones and a 1 s scrape interval.
    const config = YAML.parse(readFileSync(join(REPO_ROOT, 'provisioning/prometheus/prometheus.yml'), 'utf8'));
    config.global = { ...config.global, scrape_interval: '1s', evaluation_interval: '1s' };
    config.rule_files = config.rule_files.map((f: string) =>
      f.replace('/etc/prometheus/rules/', join(REPO_ROOT, 'provisioning/prometheus/rules') + '/')
    );
    const targets: Record<string, string> = {
      'demo:8080': `127.0.0.1:${demo.port}`,
      'localhost:9090': `127.0.0.1:${promPort}`,
    };
    for (const job of config.scrape_configs) {
      for (const sc of job.static_configs) {
        sc.targets = sc.targets.map((t: string) => targets[t] ?? t);
      }
    }
    // The shared server class: started with a pidfile (log in tmp/prometheus.log), stopped by PID.
    prometheus = new PrometheusServer(tmp, join(tmp, 'data'), promPort, { config: YAML.stringify(config) });
    promUrl = prometheus.url;
    await prometheus.start(20_000);
  });

  afterAll(async () => {
    const pid = prometheus?.pid;
    if (prometheus && pid !== undefined) {
      await prometheus.stop();
      expect(isAlive(pid)).toBe(false);
    }
    if (demo) {
      await demo.stop();
      expect(isAlive(demo.pid)).toBe(false);
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  test('both jobs are up, and the demo series carry job="demo-api" and service="demo-api"', async () => {
    const up = await eventually(
      () => query('up == 1'),
      (r) => r.length === 2
    );
    expect(up.map((r) => r.metric.job).sort()).toEqual(['demo-api', 'prometheus']);
    expect(up.find((r) => r.metric.job === 'demo-api')!.metric.service).toBe('demo-api');

    const series = await query('count by (job, service, uri, outcome) (http_server_requests_seconds_count)');
    expect(series.length).toBeGreaterThan(0);
    for (const s of series) {
      expect(s.metric).toMatchObject({ job: 'demo-api', service: 'demo-api' });
      expect(s.metric.exported_service).toBeUndefined(); // no clash between app and target labels
    }
    expect(series.map((s) => s.metric.uri)).toEqual(expect.arrayContaining(['/api/products/{id}', '/api/cart']));
  });

  test('SLI queries work: latency ratio under 0.3 s and error ratio, and chaos raises the error ratio', async () => {
    const sel = '{job="demo-api",service="demo-api"}';
    const latencyOk = `sum(rate(http_server_requests_seconds_bucket{job="demo-api",service="demo-api",le="0.3"}[10s])) / sum(rate(http_server_requests_seconds_count${sel}[10s]))`;
    const errorRatio = `(sum(rate(http_server_requests_seconds_count{job="demo-api",service="demo-api",outcome="SERVER_ERROR"}[5s])) or vector(0)) / sum(rate(http_server_requests_seconds_count${sel}[5s]))`;

    const latency = await eventually(
      () => query(latencyOk),
      (r) => r.length === 1
    );
    expect(Number(latency[0].value[1])).toBeGreaterThan(0.8);
    expect(Number((await query(errorRatio))[0].value[1])).toBe(0);

    // Incident: every request fails.
    const set = await http(`${demo.baseUrl}/admin/chaos`, { method: 'POST', body: JSON.stringify({ errorRate: 1 }) });
    expect(set.status).toBe(200);
    const during = await eventually(
      () => query(errorRatio),
      (r) => r.length === 1 && Number(r[0].value[1]) > 0.5
    );
    expect(Number(during[0].value[1])).toBeGreaterThan(0.5);
    expect(Number((await query('demo_chaos_error_rate{job="demo-api"}'))[0].value[1])).toBe(1);
  });

  test('Prometheus loads every rule group in provisioning/prometheus/rules and none fails to evaluate', async () => {
    // Vacuous until the CLI writes slos.yaml there; from then on it proves the generated rules load and run.
    const dir = join(REPO_ROOT, 'provisioning/prometheus/rules');
    const expectedGroups = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) =>
        (YAML.parse(readFileSync(join(dir, f), 'utf8'))?.groups ?? []).map((g: { name: string }) => g.name)
      );
    const loaded = async () =>
      (await http(`${promUrl}/api/v1/rules`)).json().data.groups as Array<{ name: string; rules: any[] }>;
    const groups = await loaded();
    expect(groups.map((g) => g.name).sort()).toEqual([...expectedGroups].sort());
    if (expectedGroups.length > 0) {
      await new Promise((r) => setTimeout(r, 2_500)); // a couple of 1 s evaluation cycles
      const bad = (await loaded()).flatMap((g) => g.rules).filter((r) => r.health === 'err');
      expect(bad.map((r) => `${r.name}: ${r.lastError}`)).toEqual([]);
    }
  });
});
