/**
 * @jest-environment node
 */
// Cross-checks checkPromQL against the real promtool: what it refuses, Prometheus refuses, and the other way round.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkPromQL } from './promql';
import { TYPE_ERRORS, TYPE_OK } from './testing/promqlCases';

/** Runs one `promtool check rules` over one file per expression; returns the expressions promtool refused. */
function refusedByPromtool(exprs: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'promql-types-'));
  try {
    const files = exprs.map((expr, i) => {
      const f = join(dir, `r${i}.yaml`);
      writeFileSync(f, stringify({ groups: [{ name: 'g', rules: [{ record: 'x:y', expr }] }] }));
      return f;
    });
    let out = '';
    try {
      out = execFileSync('promtool', ['check', 'rules', ...files], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
    }
    // promtool prints each refusal as `<file>: <line>:<col>: group ...` on stderr.
    return exprs.filter((_, i) => out.includes(`${files[i]}: `));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('checkPromQL agrees with promtool check rules', () => {
  it('promtool refuses every expression the checker refuses inside the query, and accepts the valid ones', () => {
    // promtool only parses a rule; a range-vector or string result fails later, when the rule is evaluated.
    const atEvaluation = TYPE_ERRORS.filter(([, m]) => m.startsWith('expression must give')).map(([e]) => e);
    const atLoad = TYPE_ERRORS.map(([e]) => e).filter((e) => !atEvaluation.includes(e));
    expect(atLoad.length).toBeGreaterThan(10);
    expect(refusedByPromtool([...atLoad, ...TYPE_OK])).toEqual(atLoad);
    for (const e of [...atLoad, ...atEvaluation]) {
      expect(checkPromQL(e)).not.toEqual([]);
    }
  });
});
