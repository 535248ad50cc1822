/**
 * @jest-environment node
 *
 * (A node environment; see that file for why it is not plain `node`.)
 * Starts the real demo service (`node --import tsx demo/src/server.ts`) and checks its HTTP API, metrics,
 * chaos endpoint and logs. Uses the real promtool for the exposition format.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  type DemoProcess,
  http,
  isAlive,
  parseMetrics,
  type Sample,
  spawnDemo,
  startDemo,
  sum,
  waitForExit,
} from './test/demoProcess';

jest.setTimeout(30_000);

const H = 'http_server_requests_seconds';
async function until(condition: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

const LOG_FIELDS = ['ts', 'level', 'service', 'method', 'uri', 'status', 'outcome', 'duration_ms', 'trace_id', 'msg'];

describe('demo service (no load generator, exact counts)', () => {
  let demo: DemoProcess;
  let tmp: string;
  let logFile: string;
  /** Requests this test sent that the service must log (everything except /healthz and /metrics). */
  let loggedRequests = 0;

  const call = (path: string, options: Parameters<typeof http>[1] = {}) => {
    if (path !== '/healthz' && path !== '/metrics') {
      loggedRequests++;
    }
    return http(demo.baseUrl + path, options);
  };
  const scrape = async (): Promise<Sample[]> => parseMetrics((await call('/metrics')).text);
  const postChaos = (body: unknown) =>
    call('/admin/chaos', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'demo-test-'));
    logFile = join(tmp, 'logs', 'demo-api.log');
    demo = await startDemo({ LOAD_RPS: '0', ERROR_RATE: '0', LATENCY_MS: '0', LOG_FILE: logFile });
  });

  afterAll(async () => {
    if (demo) {
      const code = await demo.stop();
      expect(code).toBe(0); // graceful SIGTERM shutdown
      expect(isAlive(demo.pid)).toBe(false);
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  test('GET /healthz answers 200', async () => {
    const res = await call('/healthz');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  test('exposes the Micrometer-style histogram with uri/method/status/outcome labels and SLO buckets', async () => {
    expect((await call('/api/cart')).status).toBe(200);
    const text = (await call('/metrics')).text;
    expect(text).toContain(`# TYPE ${H} histogram`);

    const buckets = parseMetrics(text).filter((s) => s.name === `${H}_bucket` && s.labels.uri === '/api/cart');
    expect(buckets.length).toBeGreaterThan(0);
    for (const b of buckets) {
      // Exactly these labels: the `service` label is added by Prometheus's scrape config, not by the app.
      expect(Object.keys(b.labels).sort()).toEqual(['le', 'method', 'outcome', 'status', 'uri']);
    }
    expect(buckets.map((b) => b.labels.le)).toEqual(['0.05', '0.1', '0.2', '0.3', '0.5', '1', '2', '5', '+Inf']);
    expect(buckets[0].labels).toMatchObject({ method: 'GET', status: '200', outcome: 'SUCCESS' });
    // Default process metrics are there too.
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes /m);
  });

  test('request counts grow by exactly the requests sent, per uri/method/status/outcome', async () => {
    const before = await scrape();
    const sent = [
      ...Array.from({ length: 5 }, () => call('/api/products/5')),
      ...Array.from({ length: 3 }, () => call('/api/cart')),
      ...Array.from({ length: 2 }, () => call('/api/checkout', { method: 'POST', body: '{}' })),
      ...Array.from({ length: 2 }, () => call('/api/products/999')),
      call('/no/such/path'),
      call('/api/cart', { method: 'DELETE' }),
    ];
    const statuses = (await Promise.all(sent)).map((r) => r.status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 404, 404, 404, 405]);
    const after = await scrape();

    const delta = (labels: Record<string, string>) =>
      sum(after, `${H}_count`, labels) - sum(before, `${H}_count`, labels);
    expect(delta({ uri: '/api/products/{id}', method: 'GET', status: '200', outcome: 'SUCCESS' })).toBe(5);
    expect(delta({ uri: '/api/cart', method: 'GET', status: '200', outcome: 'SUCCESS' })).toBe(3);
    expect(delta({ uri: '/api/checkout', method: 'POST', status: '200', outcome: 'SUCCESS' })).toBe(2);
    expect(delta({ uri: '/api/products/{id}', status: '404', outcome: 'CLIENT_ERROR' })).toBe(2);
    expect(delta({ uri: 'NOT_FOUND', status: '404', outcome: 'CLIENT_ERROR' })).toBe(1);
    expect(delta({ uri: '/api/cart', method: 'DELETE', status: '405', outcome: 'CLIENT_ERROR' })).toBe(1);
    // /metrics and /healthz are not measured: the total moved by exactly the 14 requests above.
    expect(delta({})).toBe(14);
    // Histogram consistency: +Inf bucket equals count, buckets are cumulative.
    expect(sum(after, `${H}_bucket`, { le: '+Inf' })).toBe(sum(after, `${H}_count`));
    expect(sum(after, `${H}_bucket`, { le: '0.1' })).toBeLessThanOrEqual(sum(after, `${H}_bucket`, { le: '0.3' }));
  });

  test('chaos errorRate=1 makes every API request fail with 500 and SERVER_ERROR counts grow', async () => {
    expect((await call('/admin/chaos')).json()).toEqual({ errorRate: 0, latencyMs: 0 });
    const set = await postChaos({ errorRate: 1 });
    expect(set.status).toBe(200);
    expect(set.json()).toEqual({ errorRate: 1, latencyMs: 0 });
    expect((await call('/admin/chaos')).json()).toEqual({ errorRate: 1, latencyMs: 0 });

    const before = await scrape();
    expect(sum(before, 'demo_chaos_error_rate')).toBe(1);
    const results = await Promise.all([
      call('/api/cart'),
      call('/api/cart'),
      call('/api/products/3'),
      call('/api/checkout', { method: 'POST' }),
    ]);
    for (const r of results) {
      expect(r.status).toBe(500);
      expect(r.json().error).toMatch(/injected failure/);
    }
    const after = await scrape();
    const serverErrors = (s: Sample[]) => sum(s, `${H}_count`, { outcome: 'SERVER_ERROR', status: '500' });
    expect(serverErrors(after) - serverErrors(before)).toBe(4);
    expect(sum(after, `${H}_count`, { uri: '/api/cart', outcome: 'SERVER_ERROR' })).toBe(2);

    // DELETE restores the start-up settings and traffic recovers.
    expect((await call('/admin/chaos', { method: 'DELETE' })).json()).toEqual({ errorRate: 0, latencyMs: 0 });
    expect((await call('/api/cart')).status).toBe(200);
  });

  test('chaos latencyMs slows requests and moves them past the 0.3 s bucket', async () => {
    expect((await postChaos({ latencyMs: 400 })).json()).toEqual({ errorRate: 0, latencyMs: 400 });
    const before = await scrape();
    const res = await call('/api/products/1');
    expect(res.status).toBe(200);
    expect(res.ms).toBeGreaterThanOrEqual(400);
    const after = await scrape();
    const d = (le: string) =>
      sum(after, `${H}_bucket`, { uri: '/api/products/{id}', le }) -
      sum(before, `${H}_bucket`, { uri: '/api/products/{id}', le });
    expect(d('0.3')).toBe(0);
    expect(d('+Inf')).toBe(1);
    expect(sum(after, 'demo_chaos_latency_seconds')).toBe(0.4);
    expect((await postChaos({ latencyMs: 0 })).status).toBe(200);
  });

  test.each([
    [{ errorRate: 2 }, 'errorRate'],
    [{ errorRate: -0.1 }, 'errorRate'],
    [{ errorRate: '0.5' }, 'errorRate'],
    [{ errorRate: null }, 'errorRate'],
    [{ latencyMs: -1 }, 'latencyMs'],
    [{ latencyMs: 10_000_000 }, 'latencyMs'],
    [{ errorRate: 0.5, latencyMs: 'slow' }, 'latencyMs'],
    [{ errorRat: 0.5 }, 'errorRat'],
    [{}, 'body'],
    [[0.5], 'body'],
    ['{not json', 'body'],
  ])('bad chaos input %j is rejected with 400 naming %s, settings unchanged', async (body, field) => {
    const res = await postChaos(body);
    expect(res.status).toBe(400);
    expect(res.json().field).toBe(field);
    expect(res.json().error).toContain(field === 'body' ? 'body' : field);
    expect((await call('/admin/chaos')).json()).toEqual({ errorRate: 0, latencyMs: 0 });
  });

  test('promtool check metrics accepts the exposition (only lint warnings about prom-client defaults)', async () => {
    const text = (await call('/metrics')).text;
    const run = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`.trim();
    // promtool exits 0 when clean, 3 for lint problems only, 1 for a parse error.
    expect([0, 3]).toContain(run.status);
    if (run.status === 3) {
      const problems = output.split('\n');
      for (const p of problems) {
        expect(p).toMatch(/^[a-zA-Z_:][\w:]* .+/); // "<metric> <lint problem>"
      }
      expect(problems.filter((p) => p.startsWith(H))).toEqual([]); // our histogram is lint-clean
    }
    // And promtool really parses: a corrupted copy is a hard failure.
    const broken = spawnSync('promtool', ['check', 'metrics'], {
      input: text.replace(/ \d+(\n|$)/, ' {oops\n'),
      encoding: 'utf8',
    });
    expect(broken.status).toBe(1);
  });

  test('traceparent is honoured and echoed as x-trace-id', async () => {
    const traceId = '4bf92f3577b34da6a3ce929dd0e0e736';
    const res = await call('/api/cart', { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    expect(res.headers['x-trace-id']).toBe(traceId);
  });

  // Runs last: checks the log lines of every request above.
  test('writes one valid JSON log line per request to stdout and LOG_FILE', async () => {
    // A response can arrive before its log line has crossed the stdout pipe: wait for the lines.
    const requestLinesOf = (lines: string[]) => lines.map((l) => JSON.parse(l)).filter((l) => 'uri' in l);
    await until(() => requestLinesOf(demo.stdout).length >= loggedRequests);
    await new Promise((r) => setTimeout(r, 200)); // and make sure no extra line follows
    const lines = [...demo.stdout];
    const requestLines = requestLinesOf(lines); // every line is JSON, or this throws
    expect(requestLines).toHaveLength(loggedRequests);
    for (const l of requestLines) {
      expect(Object.keys(l)).toEqual(expect.arrayContaining(LOG_FIELDS));
      expect(l.service).toBe('demo-api');
      expect(new Date(l.ts).toISOString()).toBe(l.ts);
      expect(typeof l.status).toBe('number');
      expect(typeof l.duration_ms).toBe('number');
      expect(l.trace_id).toMatch(/^[\da-f]{32}$/);
      expect(l.level).toBe(
        l.status >= 500
          ? 'error'
          : l.status >= 400
            ? 'warn'
            : l.uri === '/admin/chaos' && l.method !== 'GET'
              ? 'warn'
              : 'info'
      );
      if (l.status >= 400) {
        expect(typeof l.error).toBe('string');
      }
    }
    const errors = requestLines.filter((l) => l.outcome === 'SERVER_ERROR');
    expect(errors).toHaveLength(4);
    expect(errors.every((l) => l.level === 'error' && /injected failure/.test(l.error))).toBe(true);
    expect(requestLines.filter((l) => l.uri === '/api/products/{id}' && l.status === 404)).toHaveLength(2);
    expect(requestLines.filter((l) => l.trace_id === '4bf92f3577b34da6a3ce929dd0e0e736')).toHaveLength(1);
    const chaosChange = requestLines.find((l) => l.msg === 'chaos settings changed');
    expect(chaosChange).toMatchObject({ method: 'POST', uri: '/admin/chaos', chaos: { errorRate: 1, latencyMs: 0 } });

    // LOG_FILE gets the same lines (file writes are asynchronous, so wait for them).
    const fileLines = () => readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
    await until(() => fileLines().length >= lines.length);
    expect(fileLines()).toEqual(lines);
  });
});

describe('demo service with its load generator', () => {
  let demo: DemoProcess;
  afterAll(async () => {
    await demo?.stop();
    expect(isAlive(demo.pid)).toBe(false);
  });

  test('generates traffic, turns chaos into server errors, and shuts down gracefully on SIGTERM', async () => {
    demo = await startDemo({ LOAD_RPS: '20', ERROR_RATE: '0', LATENCY_MS: '0' });
    const total = async () => sum(parseMetrics((await http(`${demo.baseUrl}/metrics`)).text), `${H}_count`);
    const serverErrors = async () =>
      sum(parseMetrics((await http(`${demo.baseUrl}/metrics`)).text), `${H}_count`, { outcome: 'SERVER_ERROR' });

    await new Promise((r) => setTimeout(r, 1_500));
    expect(await total()).toBeGreaterThanOrEqual(10); // ~30 expected at 20 rps; lenient for a busy machine
    expect(await serverErrors()).toBe(0);
    const uris = new Set(demo.stdout.map((l) => JSON.parse(l).uri).filter(Boolean));
    expect(uris.has('/api/products/{id}')).toBe(true);

    // Trigger an "incident" the way a user would.
    await http(`${demo.baseUrl}/admin/chaos`, { method: 'POST', body: JSON.stringify({ errorRate: 1 }) });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await serverErrors()).toBeGreaterThanOrEqual(5);

    const code = await demo.stop(8_000);
    expect(code).toBe(0);
    const tail = demo.stdout.slice(-2).map((l) => JSON.parse(l).msg);
    expect(tail).toEqual(['shutting down', 'stopped']);
  });
});

describe('demo service start-up validation', () => {
  test.each([
    [{ ERROR_RATE: '2' }, 'ERROR_RATE'],
    [{ LATENCY_MS: 'slow' }, 'LATENCY_MS'],
    [{ LOAD_RPS: '-1' }, 'LOAD_RPS'],
    [{ PORT: '70000' }, 'PORT'],
  ])('%j exits 1 naming %s', async (env, name) => {
    const child = spawnDemo(env);
    let stderr = '';
    child.stderr!.on('data', (c) => (stderr += c));
    child.stdout!.resume();
    const code = await waitForExit(child, 15_000);
    if (code === 'timeout') {
      child.kill('SIGKILL');
    }
    expect(code).toBe(1);
    expect(JSON.parse(stderr.trim())).toMatchObject({
      level: 'error',
      field: name,
      msg: expect.stringContaining(name),
    });
  });
});
