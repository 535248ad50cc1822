import {
  EmbeddedScene,
  SceneDataLayerSet,
  SceneDataTransformer,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneRefreshPicker,
  SceneTimePicker,
  SceneTimeRange,
  VizPanel,
  dataLayers,
} from '@grafana/scenes';
import type { DataQuery } from '@grafana/schema';
import type { Slo } from '../../../domain/slo/model';
import { windowMs } from '../../../domain/slo/defaults';
import { BudgetForecastScene } from './BudgetForecastScene';
import { alertsSpec, seriesSpecs, tileSpecs, type PanelSpec } from './panels';
import { incidentTags, sloQueries } from './queries';
import { freezesLayer, releasesLayer } from './ReleaseLayers';

export const DEFAULT_RANGE = { from: 'now-7d', to: 'now' };

function runner(spec: PanelSpec, datasource: { type: string; uid: string }) {
  const queries = new SceneQueryRunner({ datasource, queries: spec.targets, maxDataPoints: 500 });
  return spec.transformations
    ? new SceneDataTransformer({ $data: queries, transformations: spec.transformations })
    : queries;
}

function panel(spec: PanelSpec, datasource: { type: string; uid: string }) {
  return new VizPanel({
    key: spec.key,
    pluginId: spec.type,
    title: spec.title,
    description: spec.description,
    options: spec.options,
    // The specs are plain JSON shared with the dashboard builder; VizPanel's typings want enum-typed thresholds.
    fieldConfig: { defaults: spec.defaults as VizPanel['state']['fieldConfig']['defaults'], overrides: [] },
    $data: runner(spec, datasource),
  });
}

const item = (body: VizPanel | BudgetForecastScene, height: number, minWidth = 220) =>
  new SceneFlexItem({ body, height, minWidth });

/** Incident regions of this SLO from Grafana's annotation store, drawn on every time series. */
export function incidentsLayer(slo: Slo) {
  // Grafana's tags query; DataQuery only types refId, so the target is built outside the literal.
  const target: DataQuery & Record<string, unknown> = {
    refId: 'Anno',
    type: 'tags',
    tags: incidentTags(slo),
    matchAny: false,
    limit: 100,
  };
  return new dataLayers.AnnotationsDataLayer({
    name: 'Incidents',
    isEnabled: true,
    query: {
      datasource: { type: 'datasource', uid: 'grafana' },
      enable: true,
      iconColor: 'red',
      name: 'Incidents',
      target,
    },
  });
}

/**
 * The SLO detail scene: tiles, SLI/budget/burn-rate series, alert states and incident annotations, all on the
 * SLO's Prometheus data source over a time range (default last 7 days) that is kept in the URL by the caller.
 */
export function makeSloDetailScene(slo: Slo, datasourceUid: string): EmbeddedScene {
  const datasource = { type: 'prometheus', uid: datasourceUid };
  const q = sloQueries(slo);
  const forecast = new BudgetForecastScene({
    key: 'forecast',
    windowMs: windowMs(slo),
    $data: new SceneQueryRunner({
      datasource,
      queries: [q.budgetRemaining, q.burnRate1h, q.burnRate6h].map((t) => ({ ...t, instant: true, range: false })),
    }),
  });
  const [sli, budget, burn] = seriesSpecs(slo).map((spec) => panel(spec, datasource));
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ ...DEFAULT_RANGE }),
    $data: new SceneDataLayerSet({ layers: [incidentsLayer(slo), releasesLayer(slo), freezesLayer(slo)] }),
    controls: [new SceneTimePicker({}), new SceneRefreshPicker({ refresh: '' })],
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        new SceneFlexLayout({
          direction: 'row',
          wrap: 'wrap',
          children: [...tileSpecs(slo).map((spec) => item(panel(spec, datasource), 160)), item(forecast, 160)],
        }),
        new SceneFlexLayout({
          direction: 'row',
          wrap: 'wrap',
          children: [item(sli, 300, 360), item(budget, 300, 360)],
        }),
        item(burn, 300),
        item(panel(alertsSpec(slo), datasource), 220),
      ],
    }),
  });
}
