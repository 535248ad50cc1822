// Test-only (Node): runs the real promtool on generated rules and a `promtool test rules` document.
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { stringify } from 'yaml';
import type { Slo } from '../../slo/model';
import { hourlyGroupName } from '../names';
import { generatePrometheusRules, toYaml } from '../prometheus';
import { type AlertTest, type ExprTest, type InputSeries, testDocument } from './promtoolHarness';

/**
 * Writes the SLOs' rules (without the hourly groups when `hourlyGroups` is false) and a test document (evaluation
 * `interval`, input series, expression and alert checks) to a temp dir, then runs `promtool check rules` and
 * `promtool test rules`; throws with promtool's output on failure.
 */
export function runPromtool(
  slos: Slo[],
  interval: string,
  input: InputSeries[],
  exprs: ExprTest[],
  alerts: AlertTest[] = [],
  opts: { hourlyGroups?: boolean } = {}
): void {
  const dir = mkdtempSync(join(tmpdir(), 'slo-promtool-'));
  try {
    const file = generatePrometheusRules(slos, { grafanaUrl: 'https://grafana.example.com' });
    if (opts.hourlyGroups === false) {
      // The test gives the hourly groups' series as input, at the cadence a real ruler writes them.
      const hourly = new Set(slos.map((s) => hourlyGroupName(s.id)));
      file.groups = file.groups.filter((g) => !hourly.has(g.name));
    }
    writeFileSync(join(dir, 'rules.yaml'), toYaml(file));
    // promtool evaluates every group at every step, ignoring each group's interval, in an order of its own unless
    // told. File order puts each hourly group before the group that forwards its value, as after a whole hour the
    // hourly group's run precedes the reads of it.
    const order = file.groups.map((g) => g.name);
    writeFileSync(
      join(dir, 'test.yaml'),
      stringify(testDocument('rules.yaml', interval, input, exprs, alerts, order), { lineWidth: 0 })
    );
    for (const args of [
      ['check', 'rules', 'rules.yaml'],
      ['test', 'rules', 'test.yaml'],
    ]) {
      try {
        execFileSync('promtool', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        const err = e as { stdout?: string; stderr?: string };
        throw new Error(`promtool ${args.join(' ')} failed:\n${err.stdout ?? ''}\n${err.stderr ?? ''}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
