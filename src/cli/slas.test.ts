/** @jest-environment node */
// SLAs in spec files, for every command that reads them: ids across files, the SLO they measure, the rules' interval.
import { parse } from 'yaml';
import { runCli } from './run';

const head = 'apiVersion: sre-reliability/v1\nkind: SLOList\n';
const slo = (id: string) => `
  - id: ${id}
    name: ${id}
    service: api
    sli: { kind: freeform, errorRatio: 'sum(rate(e[{{.window}}])) / sum(rate(r[{{.window}}]))' }
    objective: { target: 0.999 }
    window: { type: rolling, duration: 30d }`;
const sla = (id: string, sloId: string) => `
  - id: ${id}
    name: ${id}
    customer: Acme
    services: [api]
    indicator: { sloId: ${sloId} }
    target: 0.99
    method: { kind: events }
    period: { unit: month, timeZone: UTC }
    credits: [{ below: 0.99, creditPercent: 10 }]
    effective: { from: '2026-01-01' }`;

const files: Record<string, string> = {
  'a.yaml': `${head}slos:${slo('api-a')}\nslas:${sla('acme', 'api-a')}\n`,
  'b.yaml': `${head}slos:${slo('api-b')}\nslas:${sla('acme', 'api-b')}\n`,
  'elsewhere.yaml': `${head}slos:${slo('api-c')}\nslas:${sla('globex', 'api-a')}\n`,
};

function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    readFile: (p) => {
      if (!(p in files)) {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      }
      return files[p];
    },
    writeFile: () => undefined,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('CLI: SLAs in spec files', () => {
  it.each(['validate', 'rules'])('%s: an SLA id defined in two files is a duplicate at its id', (cmd) => {
    const r = run(cmd, 'a.yaml', 'b.yaml');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^b\.yaml:\d+:\d+: slas\[0\]\.id: duplicate SLA id "acme" \(also used at a\.yaml:\d+:\d+: slas\[0\]\)$/m
    );
  });

  it('an SLA must measure an SLO of its own file, even if another file defines that SLO', () => {
    const r = run('validate', 'a.yaml', 'elsewhere.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^elsewhere\.yaml:\d+:\d+: slas\[0\]\.indicator\.sloId: .*"api-a"/m);
  });

  it('rules: one SLA group per measured SLO, evaluated at the scrape interval given', () => {
    const r = run('rules', 'a.yaml', '--interval', '15s');
    expect(r.code).toBe(0);
    const groups = parse(r.stdout).groups as Array<{ name: string; interval?: string }>;
    expect(groups.map((g) => g.name)).toEqual(['sre-slo-api-a.hourly', 'sre-slo-api-a', 'sre-sla-slo-api-a']);
    expect(r.stdout).toContain('sla:sli_error:ratio5m');
  });

  it('rules: an --interval that does not divide a minute is refused when SLAs need per-minute counts', () => {
    const r = run('rules', 'a.yaml', '--interval', '45s');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--interval 45s does not divide 1m.*nothing written/);
    // Without SLAs the same interval is fine: only the SLA rules count minutes.
    files['plain.yaml'] = `${head}slos:${slo('api-p')}\n`;
    expect(run('rules', 'plain.yaml', '--interval', '45s').code).toBe(0);
  });

  it('rules --format grafana says the SLA recording rules are not in the file', () => {
    const r = run('rules', 'a.yaml', '--format', 'grafana', '--datasource-uid', 'prom');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('sla:sli_error');
    expect(r.stderr).toMatch(/note: the SLAs' recording rules .* --format prometheus, mimir or prometheus-operator/);
  });
});
