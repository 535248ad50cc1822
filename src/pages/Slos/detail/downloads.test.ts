import { parse } from 'yaml';
import { makeSlo } from '../__fixtures__/slos';
import { rulesDownload } from './downloads';

const slo = makeSlo('checkout');

describe('rulesDownload', () => {
  it('writes Prometheus rules: the group sre-slo-<id> with recording and alerting rules, and its hourly group', () => {
    const d = rulesDownload(slo, 'prometheus', { grafanaUrl: 'https://g.example' });
    expect(d.filename).toBe('slo-checkout.rules.yaml');
    const file = parse(d.text);
    expect(file.groups.map((g: { name: string }) => g.name)).toEqual(['sre-slo-checkout.hourly', 'sre-slo-checkout']);
    const rules = file.groups[1].rules as Array<{
      record?: string;
      alert?: string;
      annotations?: Record<string, string>;
    }>;
    expect(rules.some((r) => r.record === 'slo:error_budget_remaining:ratio')).toBe(true);
    const alert = rules.find((r) => r.alert === 'SLOErrorBudgetBurn');
    expect(alert?.annotations?.slo_url).toBe('https://g.example/a/sre-reliability-app/slos/checkout');
  });

  it('writes a Grafana alerting provisioning file on the SLO data source', () => {
    const d = rulesDownload(slo, 'grafana', { datasourceUid: 'prom' });
    expect(d.filename).toBe('slo-checkout.grafana-alerting.yaml');
    const file = parse(d.text);
    expect(file.apiVersion).toBe(1);
    expect(file.groups[0].name).toBe('sre-slo-checkout');
    expect(file.groups[0].rules[0].data[0].datasourceUid).toBe('prom');
  });
});
