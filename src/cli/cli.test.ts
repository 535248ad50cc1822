/** @jest-environment node */
// Runs the real CLI in a child process, as CI would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

jest.setTimeout(60000);

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const EXT = 'tests/fixtures/external';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [TSX, 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('sre-reliability CLI', () => {
  it('validate: exit 0 for valid files, nothing but the summary on stdout', () => {
    const r = cli('validate', 'examples/slos.yaml', `${EXT}/sloth/getting-started.yml`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('5 SLOs, 1 policy and 2 SLAs valid in 2 files\n');
  });

  it('validate: exit 1 with every problem as file: path: message', () => {
    const r = cli('validate', 'tests/fixtures/native/invalid.yaml', `${EXT}/sloth/plugin-getting-started.yml`);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    // Each finding is file:line:column: path: message, in the user's file; the summary does not claim a write.
    expect(lines).toEqual([
      expect.stringMatching(/^tests\/fixtures\/native\/invalid\.yaml:13:15: slos\[0\]\.objective\.target: .*99\.9/),
      expect.stringMatching(/^tests\/fixtures\/native\/invalid\.yaml:21:13: slos\[1\]\.sli\.kind: must be one of/),
      expect.stringMatching(/^tests\/fixtures\/native\/invalid\.yaml:17:9: slos\[1\]\.id: duplicate id "api-errors"/),
      expect.stringMatching(
        /^tests\/fixtures\/external\/sloth\/plugin-getting-started\.yml:14:9: slos\[0\]\.sli\.plugin: refused: /
      ),
      '4 problems found.',
    ]);
    expect(r.stdout).toBe('');
  });

  it('validate: a missing file is reported, exit 1', () => {
    const r = cli('validate', 'nope.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('nope.yaml: cannot read: no such file or directory\n1 problem found.\n');
  });

  it('rules: prints a Prometheus rule file with one group per SLO on stdout', () => {
    const r = cli('rules', 'examples/slos.yaml', '--grafana-url', 'https://grafana.example.com');
    expect(r.code).toBe(0);
    const file = parse(r.stdout);
    const ids = parse(readFileSync(join(ROOT, 'examples/slos.yaml'), 'utf8')).slos.map((s: { id: string }) => s.id);
    const slaSloIds = [
      ...new Set(
        parse(readFileSync(join(ROOT, 'examples/slos.yaml'), 'utf8')).slas.map(
          (s: { indicator: { sloId: string } }) => s.indicator.sloId
        )
      ),
    ];
    // Per SLO its hourly group and its group, then one per SLO that SLAs measure (their exact calendar-period series).
    expect(file.groups.map((g: { name: string }) => g.name)).toEqual([
      ...ids.flatMap((id: string) => [`sre-slo-${id}.hourly`, `sre-slo-${id}`]),
      ...slaSloIds.map((id) => `sre-sla-slo-${id}`),
    ]);
    expect(r.stdout).toContain('https://grafana.example.com/a/sre-reliability-app/slos/demo-api-errors');
  });

  it('rules: writes -o FILE, and the Grafana format needs a data source uid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sre-cli-'));
    try {
      const out = join(dir, 'alerts.yaml');
      const r = cli(
        'rules',
        `${EXT}/pyrra/thanos-http.yaml`,
        '--format',
        'grafana',
        '--datasource-uid',
        'prom-uid',
        '-o',
        out
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      const file = parse(readFileSync(out, 'utf8'));
      expect(file.apiVersion).toBe(1);
      expect(JSON.stringify(file)).toContain('"datasourceUid":"prom-uid"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rules --format prometheus-operator -o FILE writes one PrometheusRule; a bad --name exits 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sre-cli-'));
    try {
      const out = join(dir, 'slos.yaml');
      const r = cli(
        'rules',
        'examples/slos.yaml',
        '--format',
        'prometheus-operator',
        '--label',
        'release=prom',
        '-o',
        out
      );
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      const resource = parse(readFileSync(out, 'utf8'));
      expect(resource).toMatchObject({
        apiVersion: 'monitoring.coreos.com/v1',
        kind: 'PrometheusRule',
        metadata: { name: 'slos', labels: { release: 'prom' } },
      });
      const bad = cli('rules', 'examples/slos.yaml', '--format', 'prometheus-operator', '--name', 'SLOs');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^error: --name "SLOs" is not a Kubernetes resource name: it must be lowercase/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rules: invalid input writes nothing and exits 1', () => {
    const r = cli('rules', 'tests/fixtures/native/invalid.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('rules: the same id in two files is an error', () => {
    const r = cli('rules', `${EXT}/sloth/getting-started.yml`, `${EXT}/sloth/k8s-getting-started.yml`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('duplicate id "myservice-requests-availability"');
  });

  it('convert --to json prints the stored form; --to openslo prints OpenSLO v1', () => {
    const json = cli('convert', `${EXT}/sloth/home-wifi.yml`, '--to', 'json');
    expect(json.code).toBe(0);
    const slos = JSON.parse(json.stdout);
    expect(slos.map((s: { objective: { target: number } }) => s.objective.target)).toEqual([0.95, 0.999]);
    const openslo = cli('convert', `${EXT}/sloth/home-wifi.yml`, '--to', 'openslo');
    expect(openslo.code).toBe(0);
    expect(parseAllDocuments(openslo.stdout).map((d) => d.toJS().kind)).toEqual(['SLO', 'SLO']);
  });

  it('usage errors exit 2 with help; --help exits 0', () => {
    const bad = cli('rules');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: rules needs at least one file\n\nUsage: sre-reliability/);
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: sre-reliability <command>/);
  });

  it('npx tsx src/cli/main.ts works', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'validate', 'examples/slos.yaml'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('4 SLOs, 1 policy and 2 SLAs valid in 1 file\n');
  });

  it('npm run --silent cli -- rules: stdout holds only the YAML', () => {
    const r = spawnSync('npm', ['run', '--silent', 'cli', '--', 'rules', `${EXT}/sloth/getting-started.yml`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('# Generated by sre-reliability')).toBe(true);
    // One SLO: its hourly group and its group.
    expect(parse(r.stdout).groups.map((g: { name: string }) => g.name)).toEqual([
      expect.stringMatching(/^sre-slo-.*\.hourly$/),
      expect.stringMatching(/^sre-slo-[^.]*$/),
    ]);
  });

  it('bin/sre-reliability.js runs the TypeScript entry without a build', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/sre-reliability.js'), 'validate', 'examples/slos.yaml'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('4 SLOs, 1 policy and 2 SLAs valid in 1 file\n');
  });
});
