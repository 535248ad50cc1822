/** @jest-environment node */
// The gate in-process with a fake Prometheus / Grafana behind an injected fetch: exit codes, options, output.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from './gate-output.schema.json';
import { parseCliArgs } from './args';
import { readFromPrometheus } from './gateData';
import { NOW, RECORDED, runGateCli, SPEC } from './testing/gateFixture';

const PROM = 'http://prom.test:9090';
const GRAFANA = 'https://grafana.test';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Answers Prometheus' /api/v1/query from RECORDED, for the SLO ids and series names the query's matchers select. */
function fakePrometheus(values = RECORDED) {
  const calls: Call[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    const body = String(init.body ?? '');
    calls.push({ url, method: String(init.method), headers: init.headers as Record<string, string>, body });
    const query = new URLSearchParams(body).get('query') ?? '';
    const result: unknown[] = [];
    const m = /^\{__name__=~"([^"]*)",slo_id=~"([^"]*)"\}$/.exec(query)!;
    for (const name of m[1].split('|')) {
      for (const id of m[2].split('|')) {
        const v = values[id]?.[name];
        if (v !== undefined) {
          result.push({ metric: { __name__: name, slo_id: id }, value: [NOW / 1000, String(v)] });
        }
      }
    }
    return json(200, { status: 'success', data: { resultType: 'vector', result } });
  }) as unknown as typeof fetch;
  return { calls, fetch: fetchFn };
}

const run = (argv: string[], fetchFn: typeof fetch, env: Record<string, string> = {}) =>
  runGateCli(['gate', 'slos.yaml', ...argv], { fetch: fetchFn, env });

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validateOutput = ajv.compile(schema);

describe('gate exit codes', () => {
  it('0: a healthy SLO ships, and the table says budget, burn, decision and rule', async () => {
    const r = await run(['--slo', 'healthy', '--prometheus-url', PROM], fakePrometheus().fetch);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SLO\s+POLICY\s+BUDGET LEFT\s+BURN \(WINDOW\)\s+DECISION\s+RULE$/);
    expect(lines[1]).toMatch(/^healthy\s+workbook\s+80%\s+0\.5× \(1h\)\s+ship\s+Ship: remaining budget 80% ≥ 25%$/);
    expect(lines[2]).toBe('Result: SHIP: 1 SLO allow the release (exit 0)');
  });

  it('1: an exhausted budget blocks; the whole service is blocked by it', async () => {
    const r = await run(['--slo', 'exhausted', '--prometheus-url', PROM], fakePrometheus().fetch);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/exhausted\s+workbook\s+-20%\s+1× \(1h\)\s+BLOCKED\s+Freeze: remaining budget -20% ≤ 0%/);
    const all = await run(['--service', 'checkout', '--prometheus-url', PROM], fakePrometheus().fetch);
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/Result: BLOCKED: 3 of 5 SLOs block the release \(exit 1\)/);
  });

  it('3: an SLO whose series are absent is no data, and --on-no-data ship lets it through', async () => {
    const r = await run(['--slo', 'no-data', '--prometheus-url', PROM], fakePrometheus().fetch);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      /no-data\s+workbook\s+–\s+– \(1h\)\s+NO DATA\s+No data: no data for the remaining error budget/
    );
    const shipped = await run(
      ['--slo', 'no-data', '--on-no-data', 'ship', '--prometheus-url', PROM],
      fakePrometheus().fetch
    );
    expect(shipped.code).toBe(0);
    expect(shipped.stdout).toMatch(/no data, ship\s+.*\(--on-no-data ship\)/);
  });

  it.each([
    [[], /gate needs a selection/],
    [['--slo', 'healthy'], /gate needs a data source/],
    [
      ['--slo', 'healthy', '--prometheus-url', PROM, '--grafana-url', GRAFANA, '--datasource-uid', 'p'],
      /choose one data source/,
    ],
    [['--slo', 'healthy', '--grafana-url', GRAFANA], /--grafana-url needs --datasource-uid/],
    [['--slo', 'healthy', '--prometheus-url', PROM, '--exception', 'CVE'], /--exception needs --approver/],
    [
      ['--slo', 'healthy', '--prometheus-url', PROM, '--on-no-data', 'maybe'],
      /--on-no-data must be ship or block, got "maybe"/,
    ],
    [['--slo', 'healthy', '--prometheus-url', PROM, '--output', 'xml'], /--output must be text or json/],
    [['--slo', 'healthy', '--prometheus-url', PROM, '--annotate'], /--annotate needs --grafana-url/],
    [
      ['--slo', 'healthy', '--prometheus-url', PROM, '--grafana-url', GRAFANA, '--annotate'],
      /--annotate needs --version/,
    ],
    [['--label', 'team'], /--label must be KEY=VALUE, got "team"/],
    [['--slo', 'healthy', '--prometheus-url', 'prom:9090'], /--prometheus-url must be an http\(s\) URL/],
  ])('2: usage error for %j, with the gate usage after it', async (argv, message) => {
    const r = await run(argv, fakePrometheus().fetch);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('Usage: sre-reliability gate');
    expect(r.stdout).toBe('');
  });

  it('2: a selection that matches no SLO, or a spec that does not load, is never a decision', async () => {
    const fake = fakePrometheus();
    const none = await run(['--service', 'cart', '--slo', 'healthy', '--prometheus-url', PROM], fake.fetch);
    expect(none).toEqual({ code: 2, stdout: '', stderr: 'error: no SLO of service "cart" in the given files\n' });
    const apart = await run(['--label', 'team=payments', '--slo', 'nope', '--prometheus-url', PROM], fake.fetch);
    expect(apart.stderr).toBe('error: no SLO with id "nope" in the given files\n');
    const broken = await runGateCli(['gate', 'slos.yaml', '--slo', 'healthy', '--prometheus-url', PROM], {
      fetch: fake.fetch,
      files: { 'slos.yaml': SPEC.replace('policy: strict', 'policy: gone') },
    });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /^slos\.yaml:\d+:13: slos\[1\]\.policy: no policy "gone" \(known: strict, workbook\)\n1 problem found; no decision \(exit 2\)\.\n$/
    );
    expect(fake.calls).toEqual([]);
  });

  it('2: reading through Grafana or annotating needs GRAFANA_TOKEN', async () => {
    const r = await run(
      ['--slo', 'healthy', '--grafana-url', GRAFANA, '--datasource-uid', 'prom'],
      fakePrometheus().fetch
    );
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: --grafana-url needs a Grafana service-account token in the environment variable GRAFANA_TOKEN\n',
    });
  });
});

describe('approvals and exceptions', () => {
  it('a fast burn needs an approver; with one it ships as approved', async () => {
    const blocked = await run(['--slo', 'fast-burn', '--prometheus-url', PROM], fakePrometheus().fetch);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(
      /8× \(1h\)\s+BLOCKED\s+Ship with approval: burn rate \(1h\) 8× ≥ 6×; needs --approver/
    );
    const approved = await run(
      ['--slo', 'fast-burn', '--approver', 'carol', '--prometheus-url', PROM],
      fakePrometheus().fetch
    );
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(/approved\s+.*approved by carol/);
  });

  it('reads the burn rate over the window of the SLO’s own policy (strict: 5m, 1×), not the Workbook’s 1h (10×)', async () => {
    const r = await run(['--slo', 'at-risk', '--approver', 'alice', '--prometheus-url', PROM], fakePrometheus().fetch);
    expect(r.stdout).toMatch(
      /at-risk\s+strict\s+30%\s+1× \(5m\)\s+approved\s+Ship with approval: remaining budget 30% < 50%/
    );
    expect(r.code).toBe(0);
  });

  it('an approver who is not among the policy’s approvers approves nothing', async () => {
    const r = await run(
      ['--slo', 'at-risk', '--approver', 'mallory', '--prometheus-url', PROM],
      fakePrometheus().fetch
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/needs --approver; mallory is not an approver of policy "strict"/);
  });

  it('an exception with an approver lets one release through a freeze, and says so', async () => {
    const argv = ['--slo', 'exhausted', '--slo', 'healthy', '--prometheus-url', PROM, '--output', 'json'];
    const r = await run([...argv, '--exception', 'CVE-2024-1 fix', '--approver', 'bob'], fakePrometheus().fetch);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ decision: 'ship', exceptionUsed: true, approver: 'bob', exception: 'CVE-2024-1 fix' });
    expect(out.slos.map((s: { verdict: string }) => s.verdict)).toEqual(['ship', 'exception']);
    const text = await run(
      ['--slo', 'exhausted', '--prometheus-url', PROM, '--exception', 'CVE', '--approver', 'bob'],
      fakePrometheus().fetch
    );
    expect(text.stdout).toMatch(/Result: SHIP by exception \(approved by bob: CVE\) over 1 SLO \(exit 0\)/);
  });

  it('an exception by someone who may not approve it does not lift the freeze', async () => {
    const files = { 'slos.yaml': SPEC.replace('exhaustedAtOrBelow: 0.1', 'exhaustedAtOrBelow: 0.4') };
    const r = await runGateCli(
      ['gate', 'slos.yaml', '--slo', 'at-risk', '--prometheus-url', PROM, '--exception', 'hotfix', '--approver', 'bob'],
      { fetch: fakePrometheus().fetch, files }
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Freeze: remaining budget 30% ≤ 40%; bob is not an approver of policy "strict"/);
  });
});

describe('--output json', () => {
  it('is one object that the schema in the repo accepts, for every outcome', async () => {
    const outcomes: string[] = [];
    for (const slo of ['healthy', 'exhausted', 'no-data', 'at-risk', 'fast-burn']) {
      const r = await run(['--slo', slo, '--prometheus-url', PROM, '--output', 'json'], fakePrometheus().fetch);
      const out = JSON.parse(r.stdout);
      expect(validateOutput(out) ? [] : validateOutput.errors).toEqual([]);
      expect(out.exitCode).toBe(r.code);
      outcomes.push(out.decision);
    }
    expect(outcomes).toEqual(['ship', 'blocked', 'no_data', 'blocked', 'blocked']);
  });

  it('gives each SLO its numbers, state, verdict and rule', async () => {
    const r = await run(
      ['--service', 'checkout', '--prometheus-url', `${PROM}/`, '--output', 'json', '--on-no-data', 'ship'],
      fakePrometheus().fetch
    );
    const out = JSON.parse(r.stdout);
    expect(validateOutput(out) ? [] : validateOutput.errors).toEqual([]);
    expect(out).toMatchObject({
      decision: 'blocked',
      exitCode: 1,
      time: '2024-06-03T12:00:00.000Z',
      source: { kind: 'prometheus', url: PROM },
      selection: { services: ['checkout'], labels: {}, slos: [] },
      onNoData: 'ship',
      approver: null,
      version: null,
      errors: [],
    });
    const fast = out.slos.find((s: { id: string }) => s.id === 'fast-burn');
    expect(fast).toMatchObject({
      policy: 'workbook',
      state: 'fast_burn',
      action: 'ship_with_approval',
      burnWindow: '1h',
      verdict: 'blocked',
    });
    expect(fast.remainingBudget).toBeCloseTo(0.7, 10);
    expect(fast.burnRate).toBeCloseTo(8, 10);
    expect(out.slos.find((s: { id: string }) => s.id === 'no-data')).toMatchObject({
      state: null,
      remainingBudget: null,
      burnRate: null,
      verdict: 'no_data_ship',
    });
  });

  it('the schema refuses what the gate never prints', () => {
    expect(validateOutput({ decision: 'maybe' })).toBe(false);
  });
});

describe('reading the series', () => {
  it('makes ONE Prometheus request for all SLOs and series, at the gate’s instant', async () => {
    const fake = fakePrometheus();
    await run(['--service', 'checkout', '--prometheus-url', PROM], fake.fetch);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({ url: `${PROM}/api/v1/query`, method: 'POST' });
    const params = new URLSearchParams(fake.calls[0].body);
    expect(params.get('time')).toBe(String(NOW / 1000));
    const ids = 'healthy|at-risk|exhausted|fast-burn|no-data';
    expect(params.get('query')).toBe(
      `{__name__=~"slo:sli_error:ratio_period|slo:sli_error:ratio_rate1h|slo:sli_error:ratio_rate5m",slo_id=~"${ids}"}`
    );
  });

  it.each([
    [
      'a refused connection',
      () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })),
      `${PROM}/api/v1/query: cannot connect: ECONNREFUSED`,
    ],
    [
      'an HTTP error',
      () => Promise.resolve(json(503, { status: 'error', error: 'overloaded' })),
      `${PROM}/api/v1/query: HTTP 503: overloaded`,
    ],
    [
      'a timeout',
      () => Promise.reject(Object.assign(new Error('aborted'), { name: 'TimeoutError' })),
      `${PROM}/api/v1/query: no answer within 30s (timeout)`,
    ],
    [
      'a non-Prometheus answer',
      () => Promise.resolve(new Response('<html>proxy</html>', { status: 200 })),
      `${PROM}/api/v1/query: not a Prometheus instant-vector answer`,
    ],
  ])('%s is one line on stderr and no data (exit 3), never a stack trace', async (_name, answer, line) => {
    const r = await run(['--slo', 'healthy', '--prometheus-url', PROM], answer as unknown as typeof fetch);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`error: ${line}\n`);
    expect(r.stdout).toMatch(/NO DATA\s+No data: data source failed: /);
  });

  it('a real timeout: a server that never answers is given up after --timeout', async () => {
    const hang = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal!.addEventListener('abort', () => reject(init.signal!.reason))
      )) as unknown as typeof fetch;
    const t0 = Date.now();
    const r = await run(['--slo', 'healthy', '--prometheus-url', PROM, '--timeout', '1s'], hang);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`error: ${PROM}/api/v1/query: no answer within 1s (timeout)\n`);
  });

  it('an impossible ratio (bad > total) is no data with the reason, never a budget state', async () => {
    const fake = fakePrometheus({ healthy: { 'slo:sli_error:ratio_period': 1.5 } });
    const r = await run(['--slo', 'healthy', '--prometheus-url', PROM], fake.fetch);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/No data: impossible data: bad exceeds total/);
  });
});

describe('parseCliArgs gate', () => {
  it('collects repeated selectors and defaults', () => {
    expect(
      parseCliArgs([
        'gate',
        'a.yaml',
        '--service',
        'a',
        '--service',
        'b',
        '--label',
        'tier=1',
        '--prometheus-url',
        'http://p/',
      ])
    ).toEqual({
      ok: true,
      command: {
        cmd: 'gate',
        files: ['a.yaml'],
        services: ['a', 'b'],
        labels: [{ name: 'tier', value: '1' }],
        sloIds: [],
        source: { kind: 'prometheus', url: 'http://p' },
        onNoData: 'block',
        output: 'text',
        annotate: false,
        timeoutMs: 30_000,
      },
    });
  });

  it('shows the gate usage for gate --help', () => {
    const parsed = parseCliArgs(['gate', '--help']);
    expect(parsed).toEqual({ ok: true, command: { cmd: 'help', topic: 'gate' } });
  });
});

describe('matchers', () => {
  it('escape regex metacharacters of ids, then the PromQL string, so one SLO never reads another’s series', async () => {
    const fake = fakePrometheus();
    await readFromPrometheus(PROM, [{ sloId: 'a.b"c', window: '5m' }], {
      fetch: fake.fetch,
      now: NOW,
      timeoutMs: 1000,
    });
    expect(new URLSearchParams(fake.calls[0].body).get('query')).toBe(
      '{__name__=~"slo:sli_error:ratio_period|slo:sli_error:ratio_rate5m",slo_id=~"a\\\\.b\\"c"}'
    );
  });
});
