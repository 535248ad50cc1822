/**
 * @jest-environment node
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parse } from 'yaml';
import { importDocuments } from '../formats/import';
import type { Slo } from '../slo/model';
import { parsePromQL } from '../slo/promql';
import { generatePrometheusRules, toYaml } from './prometheus';
import type { AlertingRule, RecordingRule } from './types';

const base: Slo = {
  id: 'checkout',
  name: 'Checkout {{ risky }}',
  service: 'shop',
  labels: { team: 'payments' },
  sli: { kind: 'ratio', bad: 'http_requests_total{job="shop",code=~"5.."}', total: 'http_requests_total{job="shop"}' },
  objective: { target: 0.999 },
  window: { type: 'rolling', duration: '30d' },
};
const variety: Slo[] = [
  base,
  {
    ...base,
    id: 'lat',
    sli: { kind: 'latency', metric: 'h_seconds', threshold: 1, matchers: [{ name: 'path', op: '=', value: 'a"b\\c' }] },
  },
  {
    ...base,
    id: 'avail',
    sli: { kind: 'availability', metric: 'probe_success', matchers: [] },
    window: { type: 'calendar', unit: 'quarter', timeZone: 'UTC' },
  },
  {
    ...base,
    id: 'ff',
    sli: { kind: 'freeform', errorRatio: '1 - avg_over_time(up[{{.window}}])' },
    alerting: { absentAlert: true, minEvents: 10 },
  },
  { ...base, id: 'ts', budgeting: { method: 'timeslices', sliceDuration: '1m30s', sliceTarget: 0.9 } },
];

/** The rules of the SLO's own group (`sre-slo-<id>`), evaluated every interval. */
const rulesOf = (slo: Slo) => generatePrometheusRules([slo]).groups.find((g) => g.name === `sre-slo-${slo.id}`)!.rules;
const records = (slo: Slo) => rulesOf(slo).filter((r): r is RecordingRule => 'record' in r);
const alerts = (slo: Slo) => rulesOf(slo).filter((r): r is AlertingRule => 'alert' in r);

describe('generatePrometheusRules', () => {
  it('makes a group per SLO (and an hourly one for occurrences SLOs), every series labelled with slo_id, slo_service and the SLO labels', () => {
    const file = generatePrometheusRules(variety, { interval: '30s' });
    expect(file.groups.map((g) => [g.name, g.interval])).toEqual(
      variety.flatMap((s) => [
        ...(s.budgeting?.method === 'timeslices' ? [] : [[`sre-slo-${s.id}.hourly`, '1h']]),
        [`sre-slo-${s.id}`, '30s'],
      ])
    );
    for (const g of file.groups) {
      for (const r of g.rules) {
        expect(r.labels).toMatchObject({
          slo_id: g.name.replace('sre-slo-', '').replace(/\.hourly$/, ''),
          slo_service: 'shop',
          team: 'payments',
        });
        expect(parsePromQL(r.expr)).toEqual([]);
      }
    }
  });

  it('records the contract series', () => {
    expect(records(base).map((r) => r.record)).toEqual([
      'slo:sli_error:ratio_rate5m',
      'slo:sli_error:ratio_rate30m',
      'slo:sli_error:ratio_rate1h',
      'slo:sli_error:ratio_rate2h',
      'slo:sli_error:ratio_rate6h',
      'slo:sli_error:ratio_rate1d',
      'slo:sli_error:ratio_rate3d',
      'slo:sli_total:rate5m',
      'slo:sli_bad:rate5m',
      'slo:sli_total:rate1h',
      'slo:sli_bad:rate1h',
      'slo:sli_error:ratio_period',
      'slo:objective:ratio',
      'slo:error_budget:ratio',
      'slo:error_budget_remaining:ratio',
      'slo:burn_rate:ratio_rate1h',
    ]);
    // The period ratio is computed once an hour (its value changes only at whole hours) and forwarded.
    const hourly = generatePrometheusRules([base]).groups.find((g) => g.name === 'sre-slo-checkout.hourly')!;
    expect(hourly.interval).toBe('1h');
    expect(hourly.rules).toEqual([
      {
        record: 'slo:sli_error:ratio_period_hourly',
        expr: 'sum_over_time(slo:sli_bad:rate1h{slo_id="checkout"}[29d23h59m59s999ms:1h] offset 1m) / sum_over_time(slo:sli_total:rate1h{slo_id="checkout"}[29d23h59m59s999ms:1h] offset 1m)',
        labels: { slo_id: 'checkout', slo_service: 'shop', team: 'payments' },
      },
    ]);
    const period = records(base).find((r) => r.record === 'slo:sli_error:ratio_period')!;
    expect(period.expr).toBe('last_over_time(slo:sli_error:ratio_period_hourly{slo_id="checkout"}[2h])');
    expect(hourly.rules[0].expr).not.toMatch(/increase|http_requests_total/);
  });

  it('fires on both windows above factor × budget, one rule per enabled tier', () => {
    const a = alerts(base);
    expect(
      a.map((r) => [r.labels?.burnrate_tier, r.labels?.severity, r.labels?.long_window, r.labels?.short_window, r.for])
    ).toEqual([
      ['fast', 'page', '1h', '5m', '2m'],
      ['medium', 'page', '6h', '30m', '15m'],
      ['slow', 'ticket', '1d', '2h', '1h'],
      ['long', 'ticket', '3d', '6h', '3h'],
    ]);
    expect(a[0].expr).toBe(
      'slo:sli_error:ratio_rate1h{slo_id="checkout"} / 0.001 > 14.4\nand\nslo:sli_error:ratio_rate5m{slo_id="checkout"} / 0.001 > 14.4'
    );
    expect(a[0].annotations?.slo_url).toBe('/a/sre-reliability-app/slos/checkout');
    // The SLO name is text, not a template: braces are emitted as literals.
    expect(a[0].annotations?.summary).toBe(
      'SLO "Checkout {{ "{{" }} risky {{ "}}" }}" (shop) is burning its error budget too fast'
    );
  });

  it('honours alerting options', () => {
    const slo: Slo = {
      ...base,
      alerting: {
        name: 'CheckoutBurn',
        minEvents: 500,
        labels: { route: 'pager' },
        annotations: { dashboard: 'https://g/d/x' },
        tiers: [
          { tier: 'long', enabled: false },
          { tier: 'slow', enabled: false },
        ],
        absentAlert: true,
      },
    };
    const a = alerts(slo);
    expect(a.map((r) => r.alert)).toEqual(['CheckoutBurn', 'CheckoutBurn', 'SLOMetricAbsent']);
    expect(a[0].expr).toMatch(
      /\nand\nsum_over_time\(slo:sli_total:rate5m\{slo_id="checkout"\}\[59m59s999ms:5m\]\) \* 300 >= 500$/
    );
    expect(a[0].labels).toMatchObject({ route: 'pager' });
    expect(a[0].annotations).toMatchObject({ dashboard: 'https://g/d/x' });
    expect(a[2].expr).toBe('absent(slo:sli_total:rate5m{slo_id="checkout"})');
    // Disabled tiers' windows (1d/2h, 3d/6h) are not recorded.
    expect(
      records(slo)
        .map((r) => r.record)
        .filter((n) => n.startsWith('slo:sli_error:ratio_rate'))
    ).toEqual([
      'slo:sli_error:ratio_rate5m',
      'slo:sli_error:ratio_rate30m',
      'slo:sli_error:ratio_rate1h',
      'slo:sli_error:ratio_rate6h',
    ]);
  });

  it('generates no alerts when alerting is disabled, but keeps recording rules', () => {
    const slo: Slo = { ...base, alerting: { enabled: false, absentAlert: true } };
    expect(alerts(slo)).toEqual([]);
    expect(records(slo).length).toBeGreaterThan(5);
  });

  it('round-trips through YAML and passes promtool check rules', () => {
    const file = generatePrometheusRules(variety, { grafanaUrl: 'https://grafana.example.com/' });
    const text = toYaml(file);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(file)));
    const dir = mkdtempSync(join(tmpdir(), 'slo-rules-'));
    try {
      writeFileSync(join(dir, 'rules.yaml'), text);
      const out = execFileSync('promtool', ['check', 'rules', join(dir, 'rules.yaml')], { encoding: 'utf8' });
      const count = file.groups.reduce((n, g) => n + g.rules.length, 0);
      expect(out).toContain(`SUCCESS: ${count} rules found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('imported alert labels', () => {
  it("keeps a Sloth spec's page and ticket alert labels and annotations on the generated alerts", () => {
    const text = readFileSync(join(__dirname, '../../../tests/fixtures/external/sloth/home-wifi.yml'), 'utf8');
    const raw = parse(text) as {
      slos: Array<{
        alerting: {
          page_alert: { labels?: Record<string, string> };
          ticket_alert: { labels?: Record<string, string> };
        };
      }>;
    };
    const r = importDocuments(text, 'home-wifi.yml');
    expect(r.slos.length).toBeGreaterThan(0);
    const rules = rulesOf(r.slos[0]).filter((x): x is AlertingRule => 'alert' in x);
    const byTier = (t: string) => rules.find((x) => x.labels?.burnrate_tier === t)!;
    const page = raw.slos[0].alerting.page_alert.labels ?? {};
    const ticket = raw.slos[0].alerting.ticket_alert.labels ?? {};
    expect(Object.keys(page).length + Object.keys(ticket).length).toBeGreaterThan(0);
    for (const t of ['fast', 'medium']) {
      expect(byTier(t).labels).toMatchObject(page);
    }
    for (const t of ['slow', 'long']) {
      expect(byTier(t).labels).toMatchObject(ticket);
    }
  });
});
