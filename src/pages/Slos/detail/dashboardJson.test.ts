import { makeSlo } from '../__fixtures__/slos';
import { buildSloDashboard, sliPanelJson } from './dashboardJson';

const slo = makeSlo('checkout', { name: 'Checkout availability' });

describe('buildSloDashboard', () => {
  const dash = buildSloDashboard(slo, 'prom');

  it('is a new dashboard (no uid) named after the SLO', () => {
    expect(dash).not.toHaveProperty('uid');
    expect(dash.title).toBe('SLO: Checkout availability');
    expect(dash.tags).toContain('slo:checkout');
  });

  it('uses standard panels on the SLO data source, every query reading this SLO', () => {
    expect(dash.panels.map((p) => p.type)).toEqual([
      'stat',
      'gauge',
      'stat',
      'timeseries',
      'timeseries',
      'timeseries',
      'table',
    ]);
    for (const panel of dash.panels) {
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: 'prom' });
      for (const t of panel.targets) {
        expect(t.expr).toContain('slo_id="checkout"');
        expect(t.datasource).toEqual({ type: 'prometheus', uid: 'prom' });
      }
    }
    expect(new Set(dash.panels.map((p) => p.id)).size).toBe(dash.panels.length);
  });

  it('lays panels out on the 24-column grid without overlap', () => {
    const cells = new Set<string>();
    for (const { gridPos: g } of dash.panels) {
      expect(g.x + g.w).toBeLessThanOrEqual(24);
      for (let x = g.x; x < g.x + g.w; x++) {
        for (let y = g.y; y < g.y + g.h; y++) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
    }
  });

  it('draws the objective on the SLI panel and the tier factors on the burn-rate panel', () => {
    const sli = dash.panels.find((p) => p.title === 'SLI');
    expect(sli?.fieldConfig.defaults).toMatchObject({
      custom: { thresholdsStyle: { mode: 'line' } },
      thresholds: { steps: [{ value: null }, { value: 0.999 }] },
    });
    const burn = dash.panels.find((p) => p.title === 'Burn rate per alert window');
    expect(burn?.targets).toHaveLength(4);
    expect(
      (burn?.fieldConfig.defaults.thresholds as { steps: Array<{ value: number | null }> }).steps.map((s) => s.value)
    ).toEqual([null, 1, 3, 6, 14.4]);
  });

  it('shows incidents of this SLO as annotations from the built-in Grafana data source', () => {
    expect(dash.annotations.list[1]).toEqual({
      datasource: { type: 'grafana', uid: '-- Grafana --' },
      enable: true,
      iconColor: 'red',
      name: 'Incidents',
      target: { type: 'tags', tags: ['sre-incident', 'slo:checkout'], matchAny: false, limit: 100 },
    });
  });
});

describe('sliPanelJson', () => {
  it('is a time-series panel with the SLI query and the objective threshold, without a fixed id', () => {
    const panel = sliPanelJson(slo, 'prom');
    expect(panel).not.toHaveProperty('id');
    expect(panel).toMatchObject({
      type: 'timeseries',
      title: 'SLI: Checkout availability',
      targets: [{ expr: '1 - slo:sli_error:ratio_period{slo_id="checkout"}' }],
    });
  });
});
