/**
 * @jest-environment node
 */
/**
 * Every rule the CLI writes must pass `promtool check rules`: the rules generated (through the CLI's `rules` path)
 * from every importable external fixture, and from each SLI kind over windows from 1d to 90d, are type-checked by
 * checkPromQL and then checked by the real promtool in one call.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCli } from '../../cli/run';
import type { Slo } from '../slo/model';
import { checkPromQL } from '../slo/promql';
import { generatePrometheusRules, toYaml } from './prometheus';
import { ratioSlo } from './testing/promtoolHarness';

const ROOT = join(__dirname, '../../..');
const EXT = join(ROOT, 'tests/fixtures/external');

function specFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      return specFiles(p);
    }
    return /\.(ya?ml|json)$/.test(name) ? [p] : [];
  });
}

/** Runs `sre-reliability rules <file>` in-process; the rule file on success, undefined when the file is refused. */
function cliRules(file: string): string | undefined {
  let out = '';
  const code = runCli(['rules', file], {
    readFile: (p) => readFileSync(p, 'utf8'),
    writeFile: () => {
      throw new Error('not expected: no -o given');
    },
    stdout: (t) => (out += t),
    stderr: () => undefined,
  });
  return code === 0 ? out : undefined;
}

/** One `promtool check rules` over all files; throws with promtool's output when any is refused. */
function promtoolCheck(files: Record<string, string>): void {
  const dir = mkdtempSync(join(tmpdir(), 'slo-fixture-rules-'));
  try {
    const paths = Object.entries(files).map(([name, text]) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    });
    try {
      execFileSync('promtool', ['check', 'rules', ...paths], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      throw new Error(`promtool check rules failed:\n${err.stderr ?? ''}\n${err.stdout ?? ''}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('rules generated from real-world specs pass promtool', () => {
  it('every importable file under tests/fixtures/external', () => {
    const files = specFiles(EXT);
    const generated: Record<string, string> = {};
    files.forEach((f, i) => {
      const rules = cliRules(f);
      if (rules !== undefined) {
        generated[`${i}-${relative(EXT, f).replace(/[/\\]/g, '_')}`] = rules;
      }
    });
    // Most fixtures import; a change that made the importer refuse them all must not pass silently.
    expect(Object.keys(generated).length).toBeGreaterThanOrEqual(60);
    promtoolCheck(generated);
  });

  it('each SLI kind over 1d, 7d, 28d, 30d and 90d: checkPromQL and promtool accept every query', () => {
    const kinds: Array<Pick<Slo, 'sli'>> = [
      { sli: ratioSlo('r', 'api', 0.99).sli },
      {
        sli: {
          kind: 'ratio',
          good: 'sum(rate(ok_total{job="api"}[{{.window}}]))',
          total: 'sum(rate(all_total[{{.window}}]))',
        },
      },
      {
        sli: {
          kind: 'latency',
          metric: 'http_request_duration_seconds',
          threshold: 0.3,
          matchers: [{ name: 'job', op: '=', value: 'api' }],
        },
      },
      { sli: { kind: 'availability', metric: 'up', matchers: [{ name: 'job', op: '=', value: 'api' }] } },
      { sli: { kind: 'freeform', errorRatio: '1 - avg(avg_over_time(probe_success{job="api"}[{{.window}}]))' } },
    ];
    const slos = ['1d', '7d', '28d', '30d', '90d'].flatMap((duration) =>
      kinds.map((k, i) =>
        ratioSlo(`k${i}-${duration}`, 'api', 0.99, { sli: k.sli, window: { type: 'rolling', duration } })
      )
    );
    const file = generatePrometheusRules(slos);
    const exprs = file.groups.flatMap((g) => g.rules.map((r) => r.expr));
    expect(exprs.length).toBeGreaterThan(slos.length * 5);
    expect(exprs.flatMap((e) => checkPromQL(e).map((p) => `${p.message}: ${e}`))).toEqual([]);
    promtoolCheck({ 'kinds.yaml': toYaml(file) });
  });
});
