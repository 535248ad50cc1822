// Test-only (Node): runs the real promtool on generated rules and a `promtool test rules` document.
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { stringify } from 'yaml';
import type { Slo } from '../../slo/model';
import { generatePrometheusRules, toYaml } from '../prometheus';
import { type AlertTest, type ExprTest, type InputSeries, testDocument } from './promtoolHarness';

/**
 * Writes the SLOs' rules and a test document (evaluation `interval`, input series, expression and alert checks) to
 * a temp dir, then runs `promtool check rules` and `promtool test rules`; throws with promtool's output on failure.
 */
export function runPromtool(
  slos: Slo[],
  interval: string,
  input: InputSeries[],
  exprs: ExprTest[],
  alerts: AlertTest[] = []
): void {
  const dir = mkdtempSync(join(tmpdir(), 'slo-promtool-'));
  try {
    writeFileSync(join(dir, 'rules.yaml'), toYaml(generatePrometheusRules(slos, { grafanaUrl: 'https://grafana.example.com' })));
    writeFileSync(join(dir, 'test.yaml'), stringify(testDocument('rules.yaml', interval, input, exprs, alerts), { lineWidth: 0 }));
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
