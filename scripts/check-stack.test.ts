/**
 * @jest-environment node
 *
 * Runs scripts/check-stack.sh (real docker-compose and promtool) on the repository and on broken copies.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

jest.setTimeout(60_000);

const REPO = resolve(__dirname, '..');
const SCRIPT = join(REPO, 'scripts', 'check-stack.sh');

function run(root?: string) {
  const r = spawnSync('bash', [SCRIPT, ...(root ? [root] : [])], { cwd: REPO, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** A copy of just what the stack needs, so a test can break it without touching the repository. */
function copyStack(): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-stack-'));
  for (const p of [
    'docker-compose.yaml',
    '.config/docker-compose-base.yaml',
    '.config/Dockerfile',
    'provisioning',
    'demo/Dockerfile',
  ]) {
    cpSync(join(REPO, p), join(dir, p), { recursive: true });
  }
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string) {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before); // the breakage really happened
  writeFileSync(path, after);
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test('passes on the repository and prints one line per check', () => {
  const { code, out } = run();
  expect(code).toBe(0);
  expect(out).toMatch(/^PASS {2}compose: docker-compose.yaml is valid \(5 services\)$/m);
  expect(out).toMatch(/^PASS {2}prometheus: /m);
  expect(out).toMatch(/^(PASS|NOTE) {2}rules: /m);
  expect(out).toMatch(/^PASS {2}promtail: .*job="demo-api" service="demo-api"/m);
  expect(out).toMatch(/^PASS {2}datasources: /m);
  expect(out).toMatch(/^PASS {2}app: sre-reliability-app enabled/m);
  expect(out).toMatch(/^NOTE {2}loki: /m);
  expect(out).toMatch(/all checks passed\s*$/);
});

test('passes on an intact copy (the copy itself is valid)', () => {
  const dir = copyStack();
  dirs.push(dir);
  const { code, out } = run(dir);
  expect(out).not.toContain('FAIL');
  expect(code).toBe(0);
});

test.each<[string, string, (t: string) => string, RegExp]>([
  [
    'an unknown compose key',
    'docker-compose.yaml',
    (t) => t.replace('  loki:\n', '  loki:\n    imagee: nope\n'),
    /^FAIL {2}compose:/m,
  ],
  [
    'a bad Prometheus duration',
    'provisioning/prometheus/prometheus.yml',
    (t) => t.replace('scrape_interval: 15s', 'scrape_interval: soon'),
    /^FAIL {2}prometheus:/m,
  ],
  [
    'rule_files not pointing at the mount',
    'provisioning/prometheus/prometheus.yml',
    (t) => t.replace('/etc/prometheus/rules/', '/rules/'),
    /^FAIL {2}prometheus: rule_files/m,
  ],
  [
    'Promtail labels that differ from the metrics',
    'provisioning/promtail/config.yaml',
    (t) => t.replace('service: demo-api', 'service: demo'),
    /^FAIL {2}promtail: label service="demo"/m,
  ],
  [
    'Promtail YAML that does not parse',
    'provisioning/promtail/config.yaml',
    (t) => t.replace('clients:', 'clients: [\n'),
    /^FAIL {2}promtail:/m,
  ],
  [
    'a changed data source UID',
    'provisioning/datasources/datasources.yaml',
    (t) => t.replace('uid: loki', 'uid: loki-1'),
    /^FAIL {2}datasources:/m,
  ],
  [
    'a disabled app',
    'provisioning/plugins/app.yaml',
    (t) => t.replace('disabled: false', 'disabled: true'),
    /^FAIL {2}app:/m,
  ],
])('fails on %s', (_name, file, change, expected) => {
  const dir = copyStack();
  dirs.push(dir);
  edit(dir, file, change);
  const { code, out } = run(dir);
  expect(out).toMatch(expected);
  expect(out).toMatch(/check-stack: \d+ check\(s\) FAILED/);
  expect(code).toBe(1);
});

test('fails on an invalid rule file', () => {
  const dir = copyStack();
  dirs.push(dir);
  writeFileSync(
    join(dir, 'provisioning/prometheus/rules/broken.yaml'),
    'groups:\n  - name: broken\n    rules:\n      - record: job:errors:rate5m\n        expr: sum(rate(errors_total[5m])\n'
  );
  const { code, out } = run(dir);
  expect(out).toMatch(/^FAIL {2}rules: promtool check rules/m);
  expect(code).toBe(1);
});

test('passes with a valid rule file and counts its rules', () => {
  const dir = copyStack();
  dirs.push(dir);
  // Only the file written here, so the counts below are known.
  rmSync(join(dir, 'provisioning/prometheus/rules/slos.yaml'));
  writeFileSync(
    join(dir, 'provisioning/prometheus/rules/ok.yaml'),
    'groups:\n  - name: ok\n    rules:\n      - record: job:http_requests:rate5m\n        expr: sum by (job) (rate(http_server_requests_seconds_count[5m]))\n'
  );
  const { code, out } = run(dir);
  expect(out).toMatch(/^PASS {2}rules: 1 file\(s\) valid \(1 rules\)$/m);
  expect(out).toMatch(/^PASS {2}prometheus: .*1 rule files found/m);
  expect(code).toBe(0);
});

test('fails when a mounted provisioning file is missing', () => {
  const dir = copyStack();
  dirs.push(dir);
  rmSync(join(dir, 'provisioning/promtail'), { recursive: true });
  const { code, out } = run(dir);
  expect(out).toMatch(/^FAIL {2}compose mounts: bind-mount sources missing: promtail:/m);
  expect(code).toBe(1);
});
