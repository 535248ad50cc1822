/** @jest-environment node */
// Every request the gate makes to Grafana, checked against Grafana's published HTTP API (tests/contract), with the
// service-account token; and how the gate reads Grafana's answers (frames per refId, partial failures, 401/403).
import spec from '../../tests/contract/api-merged.json';
import { checkRequest } from '../../tests/contract/openapi';
import { NOW, RECORDED, runGateCli } from './testing/gateFixture';

const GRAFANA = 'https://grafana.test/';
const TOKEN = 'glsa_test_token';
const env = { GRAFANA_TOKEN: TOKEN };

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

interface DsQuery {
  refId: string;
  expr: string;
  datasource: { uid: string; type: string };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** One frame per series as Grafana's Prometheus data source sends it for an instant query. */
function frame(refId: string, name: string, sloId: string, value: number) {
  return {
    schema: {
      refId,
      fields: [
        { name: 'Time', type: 'time' },
        { name: 'Value', type: 'number', labels: { __name__: name, slo_id: sloId } },
      ],
    },
    data: { values: [[NOW], [value]] },
  };
}

/** A Grafana that answers /api/ds/query from RECORDED and accepts annotations; `override` replaces an answer. */
function fakeGrafana(override?: (call: Call) => Response | undefined) {
  const calls: Call[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    const call = {
      url,
      method: String(init.method),
      headers: init.headers as Record<string, string>,
      body: String(init.body).startsWith('{') ? JSON.parse(String(init.body)) : String(init.body),
    };
    calls.push(call);
    const custom = override?.(call);
    if (custom) {
      return custom;
    }
    if (url.endsWith('/api/annotations')) {
      return json(200, { id: 42, message: 'Annotation added' });
    }
    const results: Record<string, unknown> = {};
    for (const q of (call.body as { queries: DsQuery[] }).queries) {
      const m = /^([a-z_:0-9]+)\{slo_id=~"([^"]*)"\}$/.exec(q.expr)!;
      const frames = m[2]
        .split('|')
        .filter((id) => RECORDED[id]?.[m[1]] !== undefined)
        .map((id) => frame(q.refId, m[1], id, RECORDED[id][m[1]]));
      results[q.refId] = { status: 200, frames };
    }
    return json(200, { results });
  }) as unknown as typeof fetch;
  return { calls, fetch: fetchFn };
}

const grafanaArgs = ['--grafana-url', GRAFANA, '--datasource-uid', 'prom-uid'];
const run = (argv: string[], f: typeof fetch, e: Record<string, string> = env) =>
  runGateCli(['gate', 'slos.yaml', ...argv], { fetch: f, env: e });

function contractProblems(c: Call): string[] {
  const url = new URL(c.url);
  return checkRequest({ method: c.method, url: url.pathname + url.search, body: c.body });
}

describe('POST /api/ds/query', () => {
  it('is one request for all SLOs, matches the spec, and carries the token as a Bearer Authorization header', async () => {
    const g = fakeGrafana();
    const r = await run(
      ['--service', 'checkout', ...grafanaArgs, '--on-no-data', 'ship', '--approver', 'alice'],
      g.fetch
    );
    expect(g.calls).toHaveLength(1);
    const [call] = g.calls;
    expect(call.url).toBe('https://grafana.test/api/ds/query');
    expect(contractProblems(call)).toEqual([]);
    // The spec's security: an api_key in the Authorization header (service-account tokens are sent as Bearer).
    expect((spec as { securityDefinitions: Record<string, unknown> }).securityDefinitions.api_key).toEqual({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
    });
    expect(call.headers.Authorization).toBe(`Bearer ${TOKEN}`);
    const body = call.body as { from: string; to: string; queries: Array<DsQuery & Record<string, unknown>> };
    expect(body).toMatchObject({ from: String(NOW - 60_000), to: String(NOW) });
    expect(body.queries.map((q) => q.refId)).toEqual(['period', 'rate1h', 'rate5m']);
    expect(body.queries[0]).toEqual({
      refId: 'period',
      datasource: { uid: 'prom-uid', type: 'prometheus' },
      expr: 'slo:sli_error:ratio_period{slo_id=~"healthy|at-risk|exhausted|fast-burn|no-data"}',
      instant: true,
      range: false,
      format: 'time_series',
    });
    // Same decisions as through Prometheus: the frames are read per refId and slo_id.
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/healthy\s+workbook\s+80%\s+0\.5× \(1h\)\s+ship/);
    expect(r.stdout).toMatch(/at-risk\s+strict\s+30%\s+1× \(5m\)\s+approved/);
    expect(r.stdout).toMatch(/exhausted\s+workbook\s+-20%.*BLOCKED/);
    expect(r.stdout).toMatch(/fast-burn\s+workbook\s+70%\s+8× \(1h\)\s+approved/);
    expect(r.stdout).toMatch(/no-data\s+workbook\s+–\s+– \(1h\)\s+no data, ship/);
  });

  it('asks each SLO’s own data source, one request per data source', async () => {
    const g = fakeGrafana();
    const files = {
      'slos.yaml': (await import('./testing/gateFixture')).SPEC.replace(
        '  - id: exhausted\n',
        '  - id: exhausted\n    datasource: { uid: mimir, type: prometheus }\n'
      ),
    };
    await runGateCli(['gate', 'slos.yaml', '--service', 'checkout', ...grafanaArgs], { fetch: g.fetch, env, files });
    expect(g.calls).toHaveLength(2);
    g.calls.forEach((c) => expect(contractProblems(c)).toEqual([]));
    const uids = g.calls.map((c) => (c.body as { queries: DsQuery[] }).queries[0]);
    expect(uids.map((q) => q.datasource.uid).sort()).toEqual(['mimir', 'prom-uid']);
    expect(uids.find((q) => q.datasource.uid === 'mimir')!.expr).toBe(
      'slo:sli_error:ratio_period{slo_id=~"exhausted"}'
    );
  });

  it.each([
    [401, 'the token is refused (invalid or expired)'],
    [403, 'the token lacks permission to query the data source'],
  ])('%i: says the token is refused, on one line; the SLOs have no data', async (status, why) => {
    const g = fakeGrafana(() => json(status, { message: 'Unauthorized' }));
    const r = await run(['--slo', 'healthy', ...grafanaArgs], g.fetch);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`error: https://grafana.test/api/ds/query: HTTP ${status}: Unauthorized: ${why}\n`);
  });

  it('a 400 with per-query results keeps the good ones and names the failed query', async () => {
    const g = fakeGrafana((c) => {
      if (!c.url.endsWith('/api/ds/query')) {
        return undefined;
      }
      return json(400, {
        results: {
          period: { status: 400, error: 'bad_data: parse error', frames: [] },
          rate1h: { status: 200, frames: [frame('rate1h', 'slo:sli_error:ratio_rate1h', 'healthy', 0.0005)] },
        },
      });
    });
    const r = await run(['--slo', 'healthy', ...grafanaArgs, '--output', 'json'], g.fetch);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.slos[0]).toMatchObject({ burnRate: 0.5, remainingBudget: null, verdict: 'no_data' });
    expect(out.errors).toEqual([
      'https://grafana.test/api/ds/query: slo:sli_error:ratio_period: bad_data: parse error',
    ]);
  });
  it('a failed burn-rate query is said on stderr; the budget still decides', async () => {
    const g = fakeGrafana((c) =>
      c.url.endsWith('/api/ds/query')
        ? json(400, {
            results: {
              period: { status: 200, frames: [frame('period', 'slo:sli_error:ratio_period', 'healthy', 0.0002)] },
              rate1h: { status: 400, error: 'query timed out', frames: [] },
            },
          })
        : undefined
    );
    const r = await run(['--slo', 'healthy', ...grafanaArgs], g.fetch);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('error: https://grafana.test/api/ds/query: slo:sli_error:ratio_rate1h: query timed out\n');
    expect(r.stdout).toMatch(/healthy\s+workbook\s+80%\s+– \(1h\)\s+ship/);
  });
});

describe('POST /api/annotations (--annotate)', () => {
  it('records the decision with the tags dashboards query, and the body matches the spec', async () => {
    const g = fakeGrafana();
    const r = await run(
      [
        '--slo',
        'exhausted',
        '--slo',
        'healthy',
        ...grafanaArgs,
        '--annotate',
        '--version',
        '1.4.2',
        '--exception',
        'CVE fix',
        '--approver',
        'bob',
      ],
      g.fetch
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const post = g.calls.find((c) => c.url === 'https://grafana.test/api/annotations')!;
    expect(post.method).toBe('POST');
    expect(post.headers.Authorization).toBe(`Bearer ${TOKEN}`);
    expect(contractProblems(post)).toEqual([]);
    const body = post.body as { time: number; tags: string[]; text: string; data: Record<string, unknown> };
    expect(body.time).toBe(NOW);
    expect(body.tags).toEqual(['sre-release', 'service:checkout', 'version:1.4.2', 'decision:ship', 'exception']);
    expect(body.text).toMatch(/^Release 1\.4\.2 of checkout: SHIP by exception \(approved by bob: CVE fix\)/);
    expect(body.data).toMatchObject({ decision: 'ship', exceptionUsed: true, version: '1.4.2', approver: 'bob' });
  });

  it('a blocked release is recorded too, and a failed write changes nothing but stderr', async () => {
    const g = fakeGrafana((c) =>
      c.url.endsWith('/api/annotations') ? json(403, { message: 'Forbidden' }) : undefined
    );
    const r = await run(['--slo', 'exhausted', ...grafanaArgs, '--annotate', '--version', 'v2'], g.fetch);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: annotation not written: https://grafana.test/api/annotations: HTTP 403: the token is refused\n'
    );
    const post = g.calls.find((c) => c.url.endsWith('/api/annotations'))!;
    expect((post.body as { tags: string[] }).tags).toEqual([
      'sre-release',
      'service:checkout',
      'version:v2',
      'decision:blocked',
    ]);
    expect((post.body as { text: string }).text).toMatch(/\nexhausted: Freeze: remaining budget -20% ≤ 0%/);
  });

  it('annotates a no-data decision read from Prometheus, in Grafana; an unreachable Grafana is one line', async () => {
    const prom = (async (url: string) =>
      url.startsWith('http://prom')
        ? json(200, { status: 'success', data: { resultType: 'vector', result: [] } })
        : Promise.reject(
            Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } })
          )) as unknown as typeof fetch;
    const argv = [
      '--slo',
      'no-data',
      '--prometheus-url',
      'http://prom:9090',
      '--grafana-url',
      GRAFANA,
      '--annotate',
      '--version',
      '3',
    ];
    const r = await run(argv, prom);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('error: annotation not written: https://grafana.test/api/annotations: ENOTFOUND\n');
    const g = fakeGrafana((c) =>
      c.url.startsWith('http://prom')
        ? json(200, { status: 'success', data: { resultType: 'vector', result: [] } })
        : undefined
    );
    await run(argv, g.fetch);
    const post = g.calls.find((c) => c.url.endsWith('/api/annotations'))!;
    expect(contractProblems(post)).toEqual([]);
    expect((post.body as { tags: string[] }).tags).toContain('decision:no_data');
  });
});
