/** @jest-environment node */
/**
 * Issue 15: every format `rules` writes is checked by the real promtool (the groups of a PrometheusRule and of a
 * Mimir namespace are a Prometheus rule file once unwrapped; the Grafana file's queries are PromQL), and every
 * PrometheusRule against the operator's CRD schema, for every example and external fixture spec.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { checkPrometheusRule } from '../../tests/contract/prometheusrule';
import { toYaml } from '../domain/rules/prometheus';
import { runCli } from './run';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '../..');
const EXT = 'tests/fixtures/external';

function specFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const p = `${dir}/${name}`;
    if (statSync(join(ROOT, p)).isDirectory()) {
      return specFiles(p);
    }
    return /\.(ya?ml|json)$/.test(name) ? [p] : [];
  });
}

/** Runs the CLI in-process with paths relative to the repository root. */
function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    readFile: (p) => readFileSync(join(ROOT, p), 'utf8'),
    writeFile: () => {
      throw new Error('not expected: no -o given');
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

/** `promtool check rules` over all files in one call; the combined output, and whether promtool accepted them. */
function promtoolCheck(files: Record<string, string>): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'slo-format-rules-'));
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    });
    try {
      return {
        ok: true,
        output: execFileSync('promtool', ['check', 'rules', ...paths], { encoding: 'utf8', stdio: 'pipe' }),
      };
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      return { ok: false, output: `${err.stderr ?? ''}\n${err.stdout ?? ''}` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Grafana {
  groups: Array<{
    name: string;
    rules: Array<{ uid: string; data: Array<{ refId: string; datasourceUid: string; model: { expr?: string } }> }>;
  }>;
}

/** The Grafana file's PromQL queries as alerting rules, so promtool parses each of them. */
function grafanaQueries(text: string): string {
  const file = parse(text) as Grafana;
  const groups = file.groups.map((g) => ({
    name: g.name,
    rules: g.rules.flatMap((r) =>
      r.data
        .filter((q) => q.datasourceUid !== '__expr__')
        .map((q) => ({ alert: `${r.uid}-${q.refId}`, expr: q.model.expr! }))
    ),
  }));
  return toYaml({ groups });
}

describe('rules: every format for every example and fixture spec', () => {
  it('PrometheusRule passes the CRD schema; every format passes promtool check rules', () => {
    const files = ['examples/slos.yaml', ...specFiles(EXT)];
    const checked: Record<string, string> = {};
    let accepted = 0;
    files.forEach((f, i) => {
      const prom = run('rules', f, '--interval', '1m');
      if (prom.code !== 0) {
        return; // refused on import: tests/fixtures/external/SOURCES.md says which and why
      }
      accepted++;
      const key = `${i}-${relative(EXT, f).replace(/[/\\.]/g, '_')}`;
      const groups = parse(prom.stdout).groups;

      const op = run('rules', f, '--interval', '1m', '--format', 'prometheus-operator', '--namespace', 'monitoring');
      expect(op).toMatchObject({ code: 0 });
      const resource = parse(op.stdout);
      expect({ file: f, problems: checkPrometheusRule(resource) }).toEqual({ file: f, problems: [] });
      expect(resource.metadata.namespace).toBe('monitoring');
      expect(resource.spec.groups).toEqual(groups);

      const mimir = run('rules', f, '--interval', '1m', '--format', 'mimir');
      expect(mimir).toMatchObject({ code: 0 });
      const ns = parse(mimir.stdout);
      // mimirtool decodes with unknown fields refused: a namespace file has exactly these two keys.
      expect(Object.keys(ns)).toEqual(['namespace', 'groups']);
      expect(ns.namespace).toBe('sre-reliability');
      expect(ns.groups).toEqual(groups);

      const grafana = run('rules', f, '--interval', '1m', '--format', 'grafana', '--datasource-uid', 'prom');
      expect(grafana).toMatchObject({ code: 0 });

      checked[`${key}-prometheus.yaml`] = prom.stdout;
      checked[`${key}-operator.yaml`] = toYaml({ groups: resource.spec.groups });
      const { namespace, ...ruleFile } = ns;
      checked[`${key}-mimir.yaml`] = toYaml(ruleFile);
      checked[`${key}-grafana.yaml`] = grafanaQueries(grafana.stdout);
    });
    // Most fixtures import; a change that made the importer refuse them all must not pass silently.
    expect(accepted).toBeGreaterThanOrEqual(60);
    const grafanaQueryCount = Object.entries(checked)
      .filter(([name]) => name.endsWith('-grafana.yaml'))
      .reduce((n, [, text]) => n + (text.match(/^ {6}- alert: /gm) ?? []).length, 0);
    expect(grafanaQueryCount).toBeGreaterThan(accepted);
    const r = promtoolCheck(checked);
    expect(r.output).not.toMatch(/FAILED/);
    expect(r.ok).toBe(true);
  });

  it('promtool refuses a Mimir namespace file left as is, so the check above is not vacuous', () => {
    const mimir = run('rules', 'examples/slos.yaml', '--format', 'mimir');
    const r = promtoolCheck({ 'mimir.yaml': mimir.stdout });
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/field namespace not found/);
  });
});

describe('rules --format prometheus-operator and mimir output', () => {
  it('is byte-stable: the same input gives the same bytes, whatever the order of --label flags', () => {
    const a = run(
      'rules',
      'examples/slos.yaml',
      '--format',
      'prometheus-operator',
      '--label',
      'team=sre',
      '--label',
      'release=prometheus'
    );
    const b = run(
      'rules',
      'examples/slos.yaml',
      '--format',
      'prometheus-operator',
      '--label',
      'release=prometheus',
      '--label',
      'team=sre'
    );
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).toMatch(
      /^# Generated by sre-reliability[^\n]*\napiVersion: monitoring\.coreos\.com\/v1\nkind: PrometheusRule\nmetadata:\n  name: slos\n  labels:\n    release: prometheus\n    team: sre\nspec:\n  groups:\n/
    );
    const m1 = run('rules', 'examples/slos.yaml', '--format', 'cortex', '--namespace', 'team-a');
    const m2 = run('rules', 'examples/slos.yaml', '--format', 'mimir', '--namespace', 'team-a');
    expect(m1.code).toBe(0);
    expect(m2.stdout).toBe(m1.stdout);
    expect(m1.stdout).toMatch(/^# Generated by sre-reliability[^\n]*\nnamespace: team-a\ngroups:\n/);
  });

  it('says which tiers are left out, on stderr and as comments, in both formats', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sre-cli-formats-'));
    try {
      const spec = join(dir, 'low.yaml');
      writeFileSync(
        spec,
        [
          'apiVersion: sre-reliability/v1',
          'kind: SLOList',
          'slos:',
          '  - id: batch',
          '    name: batch jobs',
          '    service: batch',
          '    sli: { kind: ratio, bad: \'jobs_total{result="fail"}\', total: jobs_total }',
          '    objective: { target: 0.9 }',
          '    window: { type: rolling, duration: 7d }',
          '',
        ].join('\n')
      );
      for (const format of ['prometheus-operator', 'mimir']) {
        let stdout = '';
        let stderr = '';
        const code = runCli(['rules', spec, '--format', format], {
          readFile: (p) => readFileSync(p, 'utf8'),
          writeFile: () => undefined,
          stdout: (t) => (stdout += t),
          stderr: (t) => (stderr += t),
        });
        expect(code).toBe(0);
        expect(stderr).toMatch(/^note: SLO "batch": the fast tier's threshold .*left out\.$/m);
        expect(stdout).toMatch(/^# Note: SLO "batch": the fast tier's threshold .*left out\.$/m);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a bad option value exits 2 before any file is read, naming the flag and the reason, with the usage', () => {
    const r = run('rules', 'missing.yaml', '--format', 'prometheus-operator', '--label', 'team=a b');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: --label team: value "a b" is not a Kubernetes label value: it must be /);
    expect(r.stderr).toContain('Usage: sre-reliability rules');
    expect(r.stderr).not.toContain('cannot read');
  });
});
