/**
 * @jest-environment node
 */
import type { Sla } from '../domain/sla/model';
import { parseCliArgs } from './args';
import { runCliAsync } from './run';
import { reportPeriods } from './slaReport';

const sla = (period: Sla['period']): Sla => ({
  id: 'acme',
  name: 'Acme',
  services: ['api'],
  indicator: { sloId: 'api' },
  target: 0.999,
  method: { kind: 'events' },
  period,
  credits: [],
});

const SPEC = JSON.stringify({
  apiVersion: 'sre-reliability/v1',
  kind: 'SLOList',
  slos: [
    {
      id: 'api',
      name: 'API',
      service: 'api',
      sli: { kind: 'ratio', bad: 'req_total{code="500"}', total: 'req_total' },
      objective: { target: 0.99 },
      window: { type: 'rolling', duration: '30d' },
    },
  ],
  slas: [sla({ unit: 'quarter', timeZone: 'Europe/Berlin' })],
});

async function run(argv: string[], files: Record<string, string> = { 'spec.json': SPEC }) {
  let stdout = '';
  let stderr = '';
  const written: Record<string, string> = {};
  const code = await runCliAsync(argv, {
    readFile: (p) => {
      if (!(p in files)) {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      }
      return files[p];
    },
    writeFile: (p, t) => {
      if (p.startsWith('/missing/')) {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      }
      written[p] = t;
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    fetch: () => Promise.reject(Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } })),
    now: () => Date.UTC(2026, 4, 1),
    env: {},
  });
  return { code, stdout, stderr, written };
}

const base = ['sla-report', 'spec.json', '--sla', 'acme', '--prometheus-url', 'http://prom:9090'];

describe('sla-report arguments', () => {
  it.each([
    [['sla-report', 'spec.json', '--period', '2026-03', '--prometheus-url', 'http://p'], 'sla-report needs --sla ID'],
    [
      ['sla-report', 'spec.json', '--sla', 'a', '--prometheus-url', 'http://p'],
      '--period must be a month (2026-03) or a quarter (2026-Q1)',
    ],
    [
      ['sla-report', 'f', '--sla', 'a', '--period', '2026-13', '--prometheus-url', 'http://p'],
      '--period must be a month (2026-03) or a quarter (2026-Q1), got "2026-13"',
    ],
    [['sla-report', 'f', '--sla', 'a', '--period', '2026-03'], 'sla-report needs --prometheus-url'],
    [
      ['sla-report', 'f', '--sla', 'a', '--period', '2026-03', '--prometheus-url', 'prom:9090'],
      '--prometheus-url must be an http(s) URL, got "prom:9090"',
    ],
    [
      [...base, '--period', '2026-03', '--format', 'pdf'],
      '--format must be markdown, csv or json for sla-report, got "pdf"',
    ],
    [[...base, '--period', '2026-03', '--service', 'x'], 'option --service does not apply to sla-report'],
  ])('%j is a usage error: %s', (argv, error) => {
    expect(parseCliArgs(argv)).toEqual({ ok: false, error, topic: 'sla-report' });
  });

  it('parses a full command', () => {
    expect(
      parseCliArgs([...base, '--period', '2026-Q1', '--format', 'csv', '-o', 'r.csv', '--grafana-url', 'https://g/'])
    ).toEqual({
      ok: true,
      command: {
        cmd: 'sla-report',
        files: ['spec.json'],
        slaId: 'acme',
        period: '2026-Q1',
        prometheusUrl: 'http://prom:9090',
        grafanaUrl: 'https://g',
        format: 'csv',
        output: 'r.csv',
        timeoutMs: 30_000,
      },
    });
  });
});

describe('reportPeriods', () => {
  it('a month in the SLA zone: March in Berlin is 31 days minus the DST hour, Kolkata starts at 18:30 UTC', () => {
    const [berlin] = reportPeriods(sla({ unit: 'month', timeZone: 'Europe/Berlin' }), '2026-03') as Array<{
      start: number;
      end: number;
    }>;
    expect(berlin.end - berlin.start).toBe((31 * 24 - 1) * 3_600_000);
    const [kolkata] = reportPeriods(sla({ unit: 'month', timeZone: 'Asia/Kolkata' }), '2026-03') as Array<{
      start: number;
    }>;
    expect(new Date(kolkata.start).toISOString()).toBe('2026-02-28T18:30:00.000Z');
  });

  it('a quarter of a monthly SLA is its three months; a month of a quarterly SLA is refused', () => {
    const months = reportPeriods(sla({ unit: 'month', timeZone: 'UTC' }), '2026-Q2') as Array<{ label: string }>;
    expect(months.map((p) => p.label)).toEqual(['2026-04', '2026-05', '2026-06']);
    const q = reportPeriods(sla({ unit: 'quarter', timeZone: 'UTC' }), '2026-Q2') as Array<{
      label: string;
      start: number;
      end: number;
    }>;
    expect(q).toEqual([{ label: '2026-Q2', start: Date.UTC(2026, 3, 1), end: Date.UTC(2026, 6, 1) }]);
    expect(reportPeriods(sla({ unit: 'quarter', timeZone: 'UTC' }), '2026-05')).toBe(
      'SLA "acme" is measured by quarter: give --period 2026-Q2'
    );
  });
});

describe('sla-report exit codes', () => {
  it('2: an SLA the files do not hold, naming those they do', async () => {
    const r = await run([...base.slice(0, 3), 'nope', ...base.slice(4), '--period', '2026-Q1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --sla: no SLA "nope" in the files (found: acme)\n');
  });

  it('2: a month of a quarterly SLA', async () => {
    const r = await run([...base, '--period', '2026-03']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give --period 2026-Q1');
  });

  it('2: --grafana-url without GRAFANA_TOKEN', async () => {
    const r = await run([...base, '--period', '2026-Q1', '--grafana-url', 'http://g']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('GRAFANA_TOKEN');
  });

  it('3: Prometheus unreachable: the report is written with no data and stderr names the URL', async () => {
    const r = await run([...base, '--period', '2026-Q1', '-o', 'out.md']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('error: http://prom:9090/api/v1/query: ECONNREFUSED');
    expect(r.written['out.md']).toContain('| 2026-Q1 | no data |');
  });

  it('1: invalid spec files, or an output that cannot be written', async () => {
    expect((await run([...base, '--period', '2026-Q1'], { 'spec.json': '{"apiVersion": 1' })).code).toBe(1);
    const r = await run([...base, '--period', '2026-Q1', '-o', '/missing/out.md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/missing/out.md: cannot write: directory /missing does not exist');
  });

  it('help lists the command and its options', async () => {
    expect((await run(['help', 'sla-report'])).stdout).toContain('--period YYYY-MM | YYYY-Qn');
    expect((await run(['--help'])).stdout).toContain('sla-report <files...> --sla ID');
  });
});
