import '../../components/testing/jsdomPolyfills';
import { FieldType, toDataFrame } from '@grafana/data';
import {
  SceneDataNode,
  type SceneFlexItem,
  type SceneFlexLayout,
  type SceneTimeRange,
  VizPanel,
} from '@grafana/scenes';
import { makeToilTrendScene } from './trendScene';

describe('makeToilTrendScene', () => {
  const frame = toDataFrame({
    fields: [
      { name: 'Time', type: FieldType.time, values: [1, 2] },
      { name: 'Payments', type: FieldType.number, values: [0.2, null] },
    ],
  });
  const range = { from: Date.UTC(2026, 9, 1), to: Date.UTC(2027, 0, 1) };
  const scene = makeToilTrendScene(frame, range);
  const item = (scene.state.body as SceneFlexLayout).state.children[0] as SceneFlexItem;
  const panel = item.state.body as VizPanel;

  it('is a Grafana time series panel fed with the frame, no data source query', () => {
    expect(panel).toBeInstanceOf(VizPanel);
    expect(panel.state.pluginId).toBe('timeseries');
    const data = panel.state.$data as SceneDataNode;
    expect(data).toBeInstanceOf(SceneDataNode);
    expect(data.state.data.series).toEqual([frame]);
    expect(data.state.data.state).toBe('Done');
  });

  it('spans the page range, shows shares with gaps and the budgets as threshold lines', () => {
    const timeRange = scene.state.$timeRange as SceneTimeRange;
    expect(timeRange.state.from).toBe('2026-10-01T00:00:00.000Z');
    expect(timeRange.state.to).toBe('2027-01-01T00:00:00.000Z');
    expect(panel.state.fieldConfig.defaults).toMatchObject({
      unit: 'percentunit',
      custom: { spanNulls: false, thresholdsStyle: { mode: 'line' } },
    });
  });
});
