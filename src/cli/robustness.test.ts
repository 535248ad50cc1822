/** @jest-environment node */
// Issue 9 item 7: file errors, duplicate files and ids, per-command help and exit codes, with the real file system.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runCli } from './run';

jest.setTimeout(60000);

const ROOT = join(__dirname, '../..');
const EXT = 'tests/fixtures/external';
let dir: string;

/** Runs the CLI in-process with paths relative to the repository root, as CI would pass them. */
function run(...argv: string[]) {
  return runWith((p) => join(ROOT, p), argv);
}

/** Runs the CLI in-process on absolute paths (temp files). */
function runAbs(...argv: string[]) {
  return runWith((p) => p, argv);
}

function runWith(at: (p: string) => string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    readFile: (p) => readFileSync(at(p), 'utf8'),
    writeFile: (p, t) => writeFileSync(p, t),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sre-cli-robust-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CLI robustness', () => {
  it('-o into a missing directory: file: message, exit 1, no stack trace (real process)', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/sre-reliability.js'), 'rules', 'examples/slos.yaml', '-o', '/nonexistent/dir/x.yaml'],
      { cwd: ROOT, encoding: 'utf8' }
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('/nonexistent/dir/x.yaml: cannot write: directory /nonexistent/dir does not exist\n');
    expect(r.stdout).toBe('');
  });

  it('-o on a directory, for rules and convert: exit 1', () => {
    expect(run('rules', 'examples/slos.yaml', '-o', dir)).toEqual({
      code: 1,
      stdout: '',
      stderr: `${dir}: cannot write: is a directory\n`,
    });
    expect(run('convert', 'examples/slos.yaml', '--to', 'json', '-o', dir).code).toBe(1);
  });

  it('a directory as input: cannot read, exit 1', () => {
    const r = run('validate', 'examples');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('examples: cannot read: is a directory\n1 problem found.\n');
  });

  it('the same file twice is read once: rules writes each group once, validate agrees', () => {
    const r = run('rules', 'examples/slos.yaml', './examples/slos.yaml');
    expect(r.code).toBe(0);
    const names = parse(r.stdout).groups.map((g: { name: string }) => g.name);
    expect(new Set(names).size).toBe(names.length);
    // The example's 4 SLOs (each its group and hourly group) and the group of the SLO its 2 SLAs measure.
    expect(names).toHaveLength(9);
    expect(r.stderr).toBe(
      './examples/slos.yaml: note: given more than once (first as examples/slos.yaml); read once\n'
    );
    const v = run('validate', 'examples/slos.yaml', 'examples/slos.yaml');
    expect([v.code, v.stdout]).toEqual([0, '4 SLOs, 1 policy and 2 SLAs valid in 2 files\n']);
  });

  it('ids duplicated across files: validate and rules both refuse, exit 1', () => {
    const files = [`${EXT}/sloth/getting-started.yml`, `${EXT}/sloth/k8s-getting-started.yml`];
    for (const cmd of ['validate', 'rules']) {
      const r = run(cmd, ...files);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        new RegExp(
          `^${files[1]}:\\d+:\\d+: \\S+: duplicate id "myservice-requests-availability" \\(also used at ${files[0]}`,
          'm'
        )
      );
    }
    expect(run('validate', ...files).stderr).toMatch(/1 problem found\.\n$/);
    expect(run('rules', ...files).stderr).toMatch(/1 problem found; nothing written\.\n$/);
  });

  it('validate never says "nothing written"', () => {
    const r = run('validate', 'tests/fixtures/native/invalid.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('nothing written');
    expect(r.stderr).toMatch(/\d+ problems? found\.\n$/);
  });

  it('a YAML syntax error shows file:line:col and the offending line', () => {
    const f = join(dir, 'broken.yaml');
    writeFileSync(f, 'slos:\n  - id: a\n    name: [x\n  sli: {}\n');
    const r = runAbs('validate', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:4:3: `);
    expect(r.stderr).toContain('"  sli: {}"');
    expect(r.stderr).not.toMatch(/column \d+:\s*$/m);
  });

  it('a query Prometheus would refuse fails validate and rules with the field and position', () => {
    const f = join(dir, 'types.yaml');
    writeFileSync(
      f,
      [
        'apiVersion: sre-reliability/v1',
        'kind: SLOList',
        'slos:',
        '  - id: up',
        '    name: Up',
        '    service: api',
        '    sli: { kind: freeform, errorRatio: "sum_over_time(up == 0[{{.window}}])" }',
        '    objective: { target: 0.99 }',
        '    window: { type: rolling, duration: 30d }',
        '',
      ].join('\n')
    );
    for (const cmd of ['validate', 'rules']) {
      const r = runAbs(cmd, f);
      expect([r.code, r.stdout]).toEqual([1, '']);
      expect(r.stderr).toContain(
        'errorRatio: PromQL type error: ranges only allowed for vector selectors at 1:15 (offset 14)'
      );
    }
  });

  it.each(['validate', 'rules', 'convert'])('%s --help prints its own usage, exit 0', (cmd) => {
    for (const argv of [
      [cmd, '--help'],
      [cmd, '-h'],
      ['help', cmd],
    ]) {
      const r = run(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: sre-reliability ${cmd} `));
      expect(r.stdout).toContain('Exit codes: 0 success');
      expect(r.stderr).toBe('');
    }
  });

  it.each([
    [['validate'], 'validate needs at least one file', 'validate'],
    [['rules', 'a.yaml', '--to', 'json'], 'option --to does not apply to rules', 'rules'],
    [['rules', 'a.yaml', '--format', 'grafana'], '--format grafana needs --datasource-uid', 'rules'],
    [['convert', 'a.yaml'], 'convert needs --to openslo or --to json', 'convert'],
    [['convert', 'a.yaml', 'b.yaml', '--to', 'json'], 'convert takes exactly one file', 'convert'],
  ])("usage error %j: exit 2, message and that command's usage", (argv, message, cmd) => {
    const r = run(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(`^error: ${message.replace(/[-]/g, '\\-')}\\n\\nUsage: sre-reliability ${cmd} `)
    );
  });

  it('unknown command and no command: exit 2 with the general help', () => {
    expect(run('lint', 'a.yaml')).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^error: unknown command "lint"\n\nUsage: sre-reliability <command>/),
    });
    expect(run()).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: missing command/) });
    expect(run('--help')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Usage: sre-reliability <command>/),
    });
  });

  it('exit 0 for each command on valid input', () => {
    expect(run('validate', 'examples/slos.yaml').code).toBe(0);
    const out = join(dir, 'rules.yaml');
    expect(run('rules', 'examples/slos.yaml', '-o', out)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(parse(readFileSync(out, 'utf8')).groups).toHaveLength(9);
    expect(run('convert', 'examples/slos.yaml', '--to', 'openslo').code).toBe(0);
  });
});

describe('CLI notes on tiers left out', () => {
  it('says on stderr and in the rule file which tier an SLO cannot use, and why', () => {
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
    const r = runAbs('rules', spec);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^note: SLO "batch": the fast tier's threshold .* error ratio of 144% .*left out\.$/m);
    expect(r.stdout).toMatch(/^# Note: SLO "batch": the fast tier's threshold /m);
    const tiers = (
      parse(r.stdout) as { groups: Array<{ rules: Array<{ labels?: Record<string, string> }> }> }
    ).groups[1].rules
      .map((x) => x.labels?.burnrate_tier)
      .filter(Boolean);
    expect(tiers).toEqual(['medium', 'slow', 'long']);
  });
});
