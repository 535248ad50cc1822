/** A standalone Grafana dashboard for one SLO, built from the same panel specs as the app's page. Pure. */
import type { Slo } from '../../../domain/slo/model';
import { alertsSpec, seriesSpecs, sliSpec, tileSpecs, type PanelSpec } from './panels';
import { incidentTags } from './queries';

const GRID_WIDTH = 24;

/** Grafana's built-in data source as dashboards reference it in annotation queries. */
const GRAFANA_DS = { type: 'grafana', uid: '-- Grafana --' };

/** One panel's dashboard JSON at a grid position. */
export function panelJson(spec: PanelSpec, datasourceUid: string, id: number, pos: { x: number; y: number }) {
  const datasource = { type: 'prometheus', uid: datasourceUid };
  return {
    id,
    type: spec.type,
    title: spec.title,
    ...(spec.description ? { description: spec.description } : {}),
    gridPos: { ...pos, ...spec.size },
    datasource,
    targets: spec.targets.map((t) => ({ ...t, datasource })),
    fieldConfig: { defaults: spec.defaults, overrides: [] },
    options: spec.options,
    ...(spec.transformations ? { transformations: spec.transformations } : {}),
  };
}

/** The incident annotation query: regions tagged `sre-incident` and `slo:<id>` (both, not either). */
export function incidentAnnotation(slo: Pick<Slo, 'id'>) {
  return {
    datasource: GRAFANA_DS,
    enable: true,
    iconColor: 'red',
    name: 'Incidents',
    target: { type: 'tags', tags: incidentTags(slo), matchAny: false, limit: 100 },
  };
}

/** Lays panels out left to right, wrapping at the grid width. */
function layout(specs: PanelSpec[]) {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return specs.map((spec) => {
    if (x + spec.size.w > GRID_WIDTH) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const pos = { x, y };
    x += spec.size.w;
    rowHeight = Math.max(rowHeight, spec.size.h);
    return { spec, pos };
  });
}

/** A new dashboard (no uid: Grafana assigns one) with the SLO's tiles, series, alerts and incident annotations. */
export function buildSloDashboard(slo: Slo, datasourceUid: string) {
  const specs = [...tileSpecs(slo), ...seriesSpecs(slo), alertsSpec(slo)];
  return {
    title: `SLO: ${slo.name}`,
    description: slo.description ?? `Service level objective ${slo.id} of ${slo.service}`,
    tags: ['slo', `slo:${slo.id}`, `service:${slo.service}`],
    editable: true,
    schemaVersion: 39,
    time: { from: 'now-7d', to: 'now' },
    refresh: '1m',
    annotations: {
      list: [
        {
          builtIn: 1,
          datasource: GRAFANA_DS,
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          name: 'Annotations & Alerts',
          type: 'dashboard',
        },
        incidentAnnotation(slo),
      ],
    },
    panels: layout(specs).map(({ spec, pos }, i) => panelJson(spec, datasourceUid, i + 1, pos)),
  };
}

/** One time-series panel with the SLI, for pasting into (or adding to) an existing dashboard. */
export function sliPanelJson(slo: Slo, datasourceUid: string) {
  const { id: _id, ...panel } = panelJson(sliSpec(slo), datasourceUid, 1, { x: 0, y: 0 });
  return { ...panel, title: `SLI: ${slo.name}` };
}
