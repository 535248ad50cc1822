import {
  EmbeddedScene,
  SceneFlexItem,
  SceneFlexLayout,
  SceneQueryRunner,
  SceneTimeRange,
  VizPanel,
} from '@grafana/scenes';

export interface IncidentLogsInput {
  lokiUid: string;
  /** LogQL queries, shown together in one logs panel. */
  exprs: string[];
  /** Epoch ms (incidentLogRange). */
  from: number;
  to: number;
}

/** A fresh scene per incident (a factory, not a singleton): one Loki logs panel over the incident's range. */
export function buildIncidentLogsScene({ lokiUid, exprs, from, to }: IncidentLogsInput): EmbeddedScene {
  const queryRunner = new SceneQueryRunner({
    datasource: { type: 'loki', uid: lokiUid },
    queries: exprs.map((expr, i) => ({ refId: `L${i}`, expr, queryType: 'range' })),
    maxDataPoints: 1000,
  });
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }),
    $data: queryRunner,
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        new SceneFlexItem({
          minHeight: 420,
          body: new VizPanel({
            pluginId: 'logs',
            title: 'Logs during the incident',
            options: { showTime: true, wrapLogMessage: true, sortOrder: 'Descending', enableLogDetails: true },
            fieldConfig: { defaults: {}, overrides: [] },
          }),
        }),
      ],
    }),
  });
}
