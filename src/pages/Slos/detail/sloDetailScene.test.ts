/**
 * The scene FACTORY is tested as an object graph. Rendering real VizPanels needs Grafana's panel plugins and
 * runtime services (data source service, plugin loader) that do not exist in jest, so the page tests mock the
 * scene renderer at the module boundary instead.
 */
import '../../../components/testing/jsdomPolyfills';
import {
  type SceneDataLayerSet,
  type SceneObject,
  SceneDataTransformer,
  SceneQueryRunner,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  VizPanel,
  dataLayers,
} from '@grafana/scenes';
import { makeSlo } from '../__fixtures__/slos';
import { BudgetForecastScene } from './BudgetForecastScene';
import { makeSloDetailScene } from './sloDetailScene';

const slo = makeSlo('checkout', { datasource: { uid: 'slo-prom' } });
const scene = makeSloDetailScene(slo, 'prom-1');

function all(root: SceneObject): SceneObject[] {
  const out: SceneObject[] = [];
  root.forEachChild((child) => {
    out.push(child, ...all(child));
  });
  return out;
}

const panels = all(scene).filter((o): o is VizPanel => o instanceof VizPanel);
const byTitle = (title: string) => panels.find((p) => p.state.title === title)!;

function queriesOf(p: VizPanel | BudgetForecastScene) {
  let data = p.state.$data;
  if (data instanceof SceneDataTransformer) {
    data = data.state.$data;
  }
  expect(data).toBeInstanceOf(SceneQueryRunner);
  return (data as SceneQueryRunner).state;
}

describe('makeSloDetailScene', () => {
  it('defaults to the last 7 days, with a time picker and a refresh picker', () => {
    expect(scene.state.$timeRange).toBeInstanceOf(SceneTimeRange);
    expect(scene.state.$timeRange?.state).toMatchObject({ from: 'now-7d', to: 'now' });
    expect(scene.state.controls?.map((c) => c.constructor)).toEqual([SceneTimePicker, SceneRefreshPicker]);
  });

  it('uses stat, gauge, time-series and table panels', () => {
    expect(panels.map((p) => p.state.pluginId)).toEqual([
      'stat',
      'gauge',
      'stat',
      'timeseries',
      'timeseries',
      'timeseries',
      'table',
    ]);
  });

  it('queries the recording rules of this SLO on the given data source', () => {
    for (const p of panels) {
      const state = queriesOf(p);
      expect(state.datasource).toEqual({ type: 'prometheus', uid: 'prom-1' });
      for (const query of state.queries) {
        expect(query.expr).toContain('slo_id="checkout"');
      }
    }
    expect(queriesOf(byTitle('SLI over the window')).queries[0]).toMatchObject({
      expr: '1 - slo:sli_error:ratio_period{slo_id="checkout"}',
      instant: true,
    });
    expect(queriesOf(byTitle('Error budget remaining')).queries[0].expr).toBe(
      'slo:error_budget_remaining:ratio{slo_id="checkout"}'
    );
    expect(queriesOf(byTitle('Burn rate (1h)')).queries[0].expr).toBe('slo:burn_rate:ratio_rate1h{slo_id="checkout"}');
    expect(queriesOf(byTitle('Burn rate per alert window')).queries.map((q) => q.expr)).toEqual([
      'slo:sli_error:ratio_rate1h{slo_id="checkout"} / 0.001',
      'slo:sli_error:ratio_rate6h{slo_id="checkout"} / 0.001',
      'slo:sli_error:ratio_rate1d{slo_id="checkout"} / 0.001',
      'slo:sli_error:ratio_rate3d{slo_id="checkout"} / 0.001',
    ]);
  });

  it('draws the objective as a threshold line on the SLI series', () => {
    expect(byTitle('SLI').state.fieldConfig.defaults).toMatchObject({
      custom: { thresholdsStyle: { mode: 'line' } },
      thresholds: {
        steps: [
          { value: null, color: 'red' },
          { value: 0.999, color: 'green' },
        ],
      },
    });
  });

  it('shows the burn-rate alerts of this SLO as a table with an empty message', () => {
    const alerts = byTitle('Burn-rate alerts');
    expect(queriesOf(alerts).queries[0]).toMatchObject({
      expr: 'ALERTS{alertname="SLOErrorBudgetBurn", slo_id="checkout"}',
      format: 'table',
      instant: true,
    });
    expect(alerts.state.fieldConfig.defaults.noValue).toMatch(/No alerts firing/);
  });

  it('forecasts from the remaining budget and the 1h and 6h burn rates over the SLO window', () => {
    const forecast = all(scene).find((o): o is BudgetForecastScene => o instanceof BudgetForecastScene)!;
    expect(forecast.state.windowMs).toBe(30 * 86_400_000);
    expect(queriesOf(forecast).queries.map((q) => q.refId)).toEqual(['remaining', 'burn1h', 'burn6h']);
  });

  it('draws incidents tagged sre-incident and slo:<id> (both) from the built-in Grafana data source', () => {
    const layers = (scene.state.$data as SceneDataLayerSet).state.layers;
    expect(layers.map((l) => l.state.name)).toEqual(['Incidents', 'Releases', 'Freezes']);
    expect(layers[0]).toBeInstanceOf(dataLayers.AnnotationsDataLayer);
    expect((layers[0] as InstanceType<typeof dataLayers.AnnotationsDataLayer>).state.query).toMatchObject({
      datasource: { type: 'datasource', uid: 'grafana' },
      enable: true,
      target: { type: 'tags', tags: ['sre-incident', 'slo:checkout'], matchAny: false },
    });
  });

  it('draws the releases and freezes of the SLO service (sre-release / sre-freeze AND service:<name>)', () => {
    const [, releases, freezes] = (scene.state.$data as SceneDataLayerSet).state.layers as Array<
      InstanceType<typeof dataLayers.AnnotationsDataLayer>
    >;
    expect(releases.state.query).toMatchObject({
      datasource: { type: 'datasource', uid: 'grafana' },
      enable: true,
      target: { type: 'tags', tags: ['sre-release', `service:${slo.service}`], matchAny: false },
    });
    expect(freezes.state.query.target).toMatchObject({ tags: ['sre-freeze', `service:${slo.service}`], matchAny: false });
  });

  it('builds a fresh scene on every call (no module-level singletons)', () => {
    expect(makeSloDetailScene(slo, 'prom-1')).not.toBe(scene);
  });
});
