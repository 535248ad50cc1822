/**
 * @jest-environment node
 */
// The gate against a REAL Prometheus holding backfilled recorded series for five SLOs (healthy, at risk, exhausted,
// fast burn, no data), through both paths: Prometheus' own API, and Grafana's /api/ds/query (a stand-in over HTTP
// that translates to the same Prometheus, as Grafana's Prometheus data source does, and checks the Bearer token).
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  freePort,
  startGrafanaHttp,
  startRecordedPrometheus,
  type GrafanaHttp,
  type PromFixture,
  type RecordedSeries,
} from '../../tests/prometheus';
import { checkRequest } from '../../tests/contract/openapi';
import schema from './gate-output.schema.json';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOW, RECORDED, runGateCli, SPEC } from './testing/gateFixture';

jest.setTimeout(120_000);

const TOKEN = 'glsa_prom_test';
let prom: PromFixture;
let grafana: GrafanaHttp;

const series: RecordedSeries[] = Object.entries(RECORDED).flatMap(([sloId, values]) =>
  Object.entries(values).map(([name, value]) => ({ name, labels: { slo_id: sloId, slo_service: 'checkout' }, value }))
);

beforeAll(async () => {
  const end = NOW / 1000;
  // Samples up to the gate's instant; a decoy SLO whose id the regex must not confuse with "healthy".
  prom = await startRecordedPrometheus(
    'gate',
    [
      ...series,
      { name: 'slo:sli_error:ratio_period', labels: { slo_id: 'healthy-x', slo_service: 'other' }, value: 0.9 },
    ],
    end - 1800,
    end
  );
  grafana = await startGrafanaHttp(prom.server.url, TOKEN);
});

afterAll(async () => {
  await grafana?.close();
  await prom?.close();
});

const paths = () => ({
  prometheus: { argv: ['--prometheus-url', prom.server.url], env: {} },
  grafana: { argv: ['--grafana-url', grafana.url, '--datasource-uid', 'prom'], env: { GRAFANA_TOKEN: TOKEN } },
});

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const validateOutput = ajv.compile(schema);

async function gate(path: 'prometheus' | 'grafana', argv: string[]) {
  const p = paths()[path];
  const r = await runGateCli(['gate', 'slos.yaml', ...argv, ...p.argv, '--output', 'json'], { fetch, env: p.env });
  const out = r.stdout ? JSON.parse(r.stdout) : undefined;
  if (out) {
    expect(validateOutput(out) ? [] : validateOutput.errors).toEqual([]);
  }
  return { ...r, out };
}

describe.each(['prometheus', 'grafana'] as const)('through %s', (path) => {
  it('healthy ships (exit 0) with the backfilled numbers', async () => {
    const r = await gate(path, ['--slo', 'healthy']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.slos[0]).toMatchObject({ state: 'healthy', verdict: 'ship', burnWindow: '1h' });
    expect(r.out.slos[0].remainingBudget).toBeCloseTo(0.8, 9);
    expect(r.out.slos[0].burnRate).toBeCloseTo(0.5, 9);
  });

  it('at risk under the strict policy reads the 5m burn and needs an approver (1), an approver of the policy ships (0)', async () => {
    const blocked = await gate(path, ['--slo', 'at-risk']);
    expect(blocked.code).toBe(1);
    expect(blocked.out.slos[0]).toMatchObject({
      policy: 'strict',
      state: 'at_risk',
      burnWindow: '5m',
      verdict: 'blocked',
    });
    expect(blocked.out.slos[0].remainingBudget).toBeCloseTo(0.3, 9);
    expect(blocked.out.slos[0].burnRate).toBeCloseTo(1, 9);
    expect((await gate(path, ['--slo', 'at-risk', '--approver', 'alice'])).code).toBe(0);
    expect((await gate(path, ['--slo', 'at-risk', '--approver', 'bob'])).code).toBe(1);
  });

  it('exhausted blocks (1); an exception with an approver lets it through (0)', async () => {
    const r = await gate(path, ['--slo', 'exhausted']);
    expect(r.code).toBe(1);
    expect(r.out.slos[0]).toMatchObject({ state: 'exhausted', action: 'freeze', verdict: 'blocked' });
    expect(r.out.slos[0].remainingBudget).toBeCloseTo(-0.2, 9);
    const ex = await gate(path, ['--slo', 'exhausted', '--exception', 'security fix', '--approver', 'bob']);
    expect(ex).toMatchObject({ code: 0, out: { decision: 'ship', exceptionUsed: true } });
  });

  it('a fast burn blocks without an approver (1)', async () => {
    const r = await gate(path, ['--slo', 'fast-burn']);
    expect(r.code).toBe(1);
    expect(r.out.slos[0]).toMatchObject({ state: 'fast_burn', action: 'ship_with_approval', verdict: 'blocked' });
    expect(r.out.slos[0].burnRate).toBeCloseTo(8, 9);
  });

  it('no data is exit 3, or 0 with --on-no-data ship', async () => {
    const r = await gate(path, ['--slo', 'no-data']);
    expect(r.code).toBe(3);
    expect(r.out).toMatchObject({ decision: 'no_data', errors: [], slos: [{ verdict: 'no_data', state: null }] });
    expect((await gate(path, ['--slo', 'no-data', '--on-no-data', 'ship'])).code).toBe(0);
  });

  it('the whole service in one read: blocked (1), each SLO as above', async () => {
    const r = await gate(path, ['--service', 'checkout', '--approver', 'alice']);
    expect(r.code).toBe(1);
    expect(r.out.slos.map((s: { id: string; verdict: string }) => [s.id, s.verdict])).toEqual([
      ['healthy', 'ship'],
      ['at-risk', 'approved'],
      ['exhausted', 'blocked'],
      ['fast-burn', 'approved'],
      ['no-data', 'no_data'],
    ]);
  });
});

describe('the Grafana path', () => {
  it('sends the token as Bearer, one spec-conforming /api/ds/query per run, and writes the annotation', async () => {
    grafana.requests.length = 0;
    const r = await runGateCli(
      [
        'gate',
        'slos.yaml',
        '--service',
        'checkout',
        '--grafana-url',
        grafana.url,
        '--datasource-uid',
        'prom',
        '--annotate',
        '--version',
        '9.9.9',
        '--on-no-data',
        'ship',
        '--approver',
        'alice',
      ],
      { fetch, env: { GRAFANA_TOKEN: TOKEN } }
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(grafana.requests.map((q) => `${q.method} ${q.url}`)).toEqual([
      'POST /api/ds/query',
      'POST /api/annotations',
    ]);
    for (const q of grafana.requests) {
      expect(q.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(checkRequest({ method: q.method, url: q.url, body: q.body })).toEqual([]);
    }
    expect((grafana.annotations[0] as { tags: string[] }).tags).toEqual([
      'sre-release',
      'service:checkout',
      'version:9.9.9',
      'decision:blocked',
    ]);
  });

  it('a wrong token is refused by Grafana: one line, no data (3)', async () => {
    const r = await runGateCli(
      ['gate', 'slos.yaml', '--slo', 'healthy', '--grafana-url', grafana.url, '--datasource-uid', 'prom'],
      {
        fetch,
        env: { GRAFANA_TOKEN: 'wrong' },
      }
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `error: ${grafana.url}/api/ds/query: HTTP 401: Unauthorized: the token is refused (invalid or expired)\n`
    );
  });

  it('a Prometheus that is down: one line naming the URL, no data (3)', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const r = await runGateCli(['gate', 'slos.yaml', '--slo', 'healthy', '--prometheus-url', down], { fetch });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`error: ${down}/api/v1/query: cannot connect: ECONNREFUSED\n`);
  });
});

describe('the installed command', () => {
  it('bin/sre-reliability.js exits with the gate’s code (the async path of main.ts)', () => {
    const spec = join(prom.workDir, 'slos.yaml');
    writeFileSync(spec, SPEC);
    const root = join(__dirname, '../..');
    // Real time: the backfilled samples are years old, so every SLO has no data now, which is exit 3.
    const r = spawnSync(
      process.execPath,
      ['bin/sre-reliability.js', 'gate', spec, '--slo', 'healthy', '--prometheus-url', prom.server.url],
      {
        cwd: root,
        encoding: 'utf8',
      }
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/Result: NO DATA: 1 of 1 SLO without data/);
  });
});
