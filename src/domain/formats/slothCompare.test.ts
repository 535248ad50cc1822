/** @jest-environment node */
/**
 * Our error-ratio recording rules against Sloth's own output (tests/fixtures/external/sloth/_gen).
 *
 * Normalisation, applied to both sides before comparing:
 * - both expressions are parsed with Prometheus' Lezer grammar and compared as syntax trees, so whitespace and
 *   redundant parentheses do not count (Sloth writes `(a)\n/\n(b)`, we write `((a) / (b))`);
 * - rule labels are not compared: Sloth labels series sloth_id/sloth_service/sloth_slo/sloth_window, we label
 *   them slo_id/slo_service (DESIGN.md §5); the expressions themselves hold no such labels;
 * - for SLIs given as good/total (OpenSLO), Sloth records `1 - (good / total)` and we record
 *   `(total - good) / total`; the same number, so Sloth's tree is rewritten into ours before comparing.
 */
import { parser } from '@prometheus-io/lezer-promql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { generatePrometheusRules } from '../rules/prometheus';
import { importDocuments } from './import';

interface Node {
  name: string;
  text: string;
  kids: Node[];
}

function tree(expr: string): Node {
  const build = (n: { name: string; from: number; to: number; firstChild: unknown; nextSibling: unknown }): Node => {
    const kids: Node[] = [];
    for (let c = n.firstChild as typeof n | null; c; c = c.nextSibling as typeof n | null) {
      kids.push(build(c));
    }
    return { name: n.name, text: expr.slice(n.from, n.to), kids };
  };
  const strip = (n: Node): Node => (n.name === 'ParenExpr' ? strip(n.kids[0]) : { ...n, kids: n.kids.map(strip) });
  return strip(build(parser.parse(expr).topNode as never));
}

/** `1 - (G / T)` → `(T - G) / T`. */
function rewriteOneMinusRatio(n: Node): Node {
  const [one, sub, ratio] = n.kids;
  if (
    n.name === 'BinaryExpr' &&
    one?.text === '1' &&
    sub?.name === 'Sub' &&
    ratio?.name === 'BinaryExpr' &&
    ratio.kids[1]?.name === 'Div'
  ) {
    const [g, div, t] = ratio.kids;
    return { name: 'BinaryExpr', text: '', kids: [{ name: 'BinaryExpr', text: '', kids: [t, sub, g] }, div, t] };
  }
  return { ...n, kids: n.kids.map(rewriteOneMinusRatio) };
}

const show = (n: Node): string => (n.kids.length ? `${n.name}(${n.kids.map(show).join(' ')})` : `${n.name}:${n.text}`);
const canonical = (expr: string): string => show(rewriteOneMinusRatio(tree(expr)));

const dir = join(__dirname, '../../../tests/fixtures/external/sloth');
const WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'];
const EXAMPLES = [
  'getting-started.yml',
  'home-wifi.yml',
  'kubernetes-apiserver.yml',
  'multifile.yml',
  'no-alerts.yml',
  'k8s-getting-started.yml',
  'k8s-home-wifi.yml',
  'k8s-multifile.yml',
  'openslo-getting-started.yml',
  'openslo-kubernetes-apiserver.yml',
];

type SlothRule = { record?: string; expr: string; labels: Record<string, string> };

/** Sloth's rules per SLO (in order), from a plain rule file or PrometheusRule documents. */
function slothRules(file: string): Array<{ service: string; rules: Map<string, string> }> {
  const out = new Map<string, { service: string; rules: Map<string, string> }>();
  for (const doc of parseAllDocuments(readFileSync(join(dir, '_gen', file), 'utf8')).map((d) => d.toJS())) {
    const groups = doc?.groups ?? doc?.spec?.groups ?? [];
    for (const rule of groups.flatMap((g: { rules: SlothRule[] }) => g.rules) as SlothRule[]) {
      const id = rule.labels?.sloth_id;
      if (!rule.record || !id) {
        continue;
      }
      const entry = out.get(id) ?? { service: rule.labels.sloth_service, rules: new Map<string, string>() };
      entry.rules.set(rule.record, rule.expr);
      out.set(id, entry);
    }
  }
  return [...out.values()];
}

describe('comparison with Sloth', () => {
  it('normalisation still tells different queries apart', () => {
    expect(canonical('(sum(rate(a[5m])))\n/\n(sum(rate(b[5m])))')).toBe(
      canonical('((sum(rate(a[5m]))) / (sum(rate(b[5m]))))')
    );
    expect(canonical('sum(rate(a[5m])) / sum(rate(b[5m]))')).not.toBe(
      canonical('sum(rate(a[30m])) / sum(rate(b[30m]))')
    );
    expect(canonical('sum(rate(a{x="1"}[5m]))')).not.toBe(canonical('sum(rate(a{x="2"}[5m]))'));
    expect(canonical('1 - (g / t)')).toBe(canonical('(t - g) / t'));
  });

  it.each(EXAMPLES)('%s: our ratio_rate5m…3d use the same queries as Sloth', (file) => {
    const r = importDocuments(readFileSync(join(dir, file), 'utf8'));
    expect(r.problems).toEqual([]);
    const sloth = slothRules(file);
    expect(r.slos.map((s) => s.service)).toEqual(sloth.map((s) => s.service));
    const groups = generatePrometheusRules(r.slos).groups;
    r.slos.forEach((slo, i) => {
      const own = groups.find((g) => g.name === `sre-slo-${slo.id}`)!;
      const ours = new Map(
        own.rules.filter((x) => 'record' in x).map((x) => [(x as { record: string }).record, x.expr])
      );
      // With alerting off we record only the 5m and 1h ratios (no tier needs the others); Sloth records all.
      const expected = slo.alerting?.enabled === false ? ['5m', '1h'] : WINDOWS;
      const compared = WINDOWS.filter((w) => ours.has(`slo:sli_error:ratio_rate${w}`));
      expect(compared).toEqual(expected);
      for (const w of compared) {
        const name = `slo:sli_error:ratio_rate${w}`;
        expect({ w, q: canonical(ours.get(name)!) }).toEqual({ w, q: canonical(sloth[i].rules.get(name)!) });
      }
    });
  });

  it('differs on purpose for the period ratio: Sloth averages 5m ratios, ours weights by events', () => {
    const file = 'getting-started.yml';
    const sloth = slothRules(file)[0].rules.get('slo:sli_error:ratio_rate30d')!;
    expect(sloth.trim()).toMatch(
      /^sum_over_time\(slo:sli_error:ratio_rate5m\{.*\}\[30d\]\)\s*\/ ignoring \(sloth_window\)\s*count_over_time\(slo:sli_error:ratio_rate5m\{.*\}\[30d\]\)$/
    );
    const slo = importDocuments(readFileSync(join(dir, file), 'utf8')).slos[0];
    const rules = generatePrometheusRules([slo]).groups.flatMap((g) => g.rules) as Array<{
      record?: string;
      expr: string;
    }>;
    expect(rules.find((x) => x.record === 'slo:sli_error:ratio_rate30d')).toBeUndefined();
    expect(rules.find((x) => x.record === 'slo:sli_error:ratio_period_hourly')?.expr).toBe(
      `sum_over_time(slo:sli_bad:rate1h{slo_id="${slo.id}"}[29d23h59m59s999ms:1h] offset 1m) / sum_over_time(slo:sli_total:rate1h{slo_id="${slo.id}"}[29d23h59m59s999ms:1h] offset 1m)`
    );
  });
});
