import { LoadingState, type DataFrame, dateTime } from '@grafana/data';
import {
  EmbeddedScene,
  SceneDataNode,
  SceneFlexItem,
  SceneFlexLayout,
  SceneTimeRange,
  VizPanel,
} from '@grafana/scenes';
import { GraphDrawStyle } from '@grafana/schema';

/**
 * The weekly toil trend as a real Grafana time series panel: a VizPanel fed by a SceneDataNode holding the frame
 * built from the entries (no data source query: the entries are already loaded), over the page's range.
 */
export function makeToilTrendScene(frame: DataFrame, range: { from: number; to: number }): EmbeddedScene {
  const from = dateTime(range.from);
  const to = dateTime(range.to);
  const timeRange = { from, to, raw: { from, to } };
  return new EmbeddedScene({
    $timeRange: new SceneTimeRange({ from: from.toISOString(), to: to.toISOString() }),
    body: new SceneFlexLayout({
      direction: 'column',
      children: [
        new SceneFlexItem({
          height: 280,
          body: new VizPanel({
            key: 'toil-trend',
            pluginId: 'timeseries',
            title: 'Toil share of capacity per week',
            description:
              'Hours logged ÷ the team’s capacity, per whole UTC week that has ended; the dashed line is the team’s budget',
            $data: new SceneDataNode({ data: { state: LoadingState.Done, series: [frame], timeRange } }),
            fieldConfig: {
              defaults: {
                unit: 'percentunit',
                min: 0,
                custom: {
                  drawStyle: GraphDrawStyle.Line,
                  showPoints: 'always',
                  spanNulls: false,
                  thresholdsStyle: { mode: 'line' },
                },
              },
              overrides: [],
            },
            options: {
              legend: { showLegend: true, displayMode: 'list', placement: 'bottom' },
              tooltip: { mode: 'multi' },
            },
          }),
        }),
      ],
    }),
  });
}
