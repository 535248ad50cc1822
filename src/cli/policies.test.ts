/** @jest-environment node */
// Policies in spec files, across files, for every command: duplicates and SLOs naming a policy that is not there.
import { runCli } from './run';

const head = 'apiVersion: sre-reliability/v1\nkind: SLOList\n';
const slo = (id: string, policy?: string) => `
  - id: ${id}
    name: ${id}
    service: api
    sli: { kind: freeform, errorRatio: 'sum(rate(e[{{.window}}])) / sum(rate(r[{{.window}}]))' }
    objective: { target: 0.999 }
    window: { type: rolling, duration: 30d }${policy ? `\n    policy: ${policy}` : ''}`;
const policy = (id: string) => `
  - id: ${id}
    name: ${id}
    exhaustedAtOrBelow: 0
    atRiskBelow: 0.25
    fastBurn: { rate: 6, window: 1h }
    actions: { healthy: ship, at_risk: ship, fast_burn: ship_with_approval, exhausted: freeze }
    incidentBudgetShare: 0.2`;

function run(argv: string[], files: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    readFile: (p) => files[p],
    writeFile: () => undefined,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

const files = {
  'policies.yaml': `${head}policies:${policy('strict')}\nslos: []\n`,
  'slos.yaml': `${head}slos:${slo('a', 'strict')}${slo('b', 'workbook')}${slo('c')}\n`,
  'bad.yaml': `${head}slos:${slo('d', 'gone')}\n`,
  'again.yaml': `${head}policies:${policy('strict')}\nslos: []\n`,
};

describe('policies across spec files', () => {
  it('an SLO may name a policy of another file, the built-in workbook, or none', () => {
    expect(run(['validate', 'policies.yaml', 'slos.yaml'], files)).toEqual({
      code: 0,
      stdout: '3 SLOs and 1 policy valid in 2 files\n',
      stderr: '',
    });
  });

  it.each(['validate', 'rules'])('%s: an SLO naming no loaded policy is an error at its policy field', (cmd) => {
    const r = run([cmd, 'slos.yaml', 'bad.yaml'], files);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      'slos.yaml:10:13: slos[0].policy: no policy "strict" (known: workbook)',
      'bad.yaml:10:13: slos[0].policy: no policy "gone" (known: workbook)',
      cmd === 'validate' ? '2 problems found.' : '2 problems found; nothing written.',
      '',
    ]);
  });

  it('a policy id defined in two files is a duplicate', () => {
    const r = run(['validate', 'policies.yaml', 'again.yaml'], files);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'again.yaml:4:5: policies[0].id: duplicate policy id "strict" (also used at policies.yaml:4:5: policies[0])\n1 problem found.\n'
    );
  });
});
