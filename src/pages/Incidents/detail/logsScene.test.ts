// @grafana/scenes creates an IntersectionObserver when it loads (jsdom has none): polyfill first.
import '../../../components/testing/jsdomPolyfills';
import {
  EmbeddedScene,
  SceneFlexLayout,
  type SceneFlexItem,
  SceneQueryRunner,
  type SceneTimeRange,
  VizPanel,
} from '@grafana/scenes';
import { incidentLogQueries } from './logsQuery';
import { buildIncidentLogsScene } from './logsScene';

/**
 * The scene's structure, not its rendering: jest has no panel plugins, so a rendered logs panel would only
 * show "plugin not found". What matters is the data source, the queries, the range and the panel type.
 */
describe('buildIncidentLogsScene', () => {
  const from = Date.UTC(2026, 10, 28, 9, 55);
  const to = Date.UTC(2026, 10, 28, 11, 5);
  const scene = buildIncidentLogsScene({ lokiUid: 'loki-1', exprs: ['{service="a"}', '{ns="prod"}'], from, to });

  it('runs every query on the Loki data source over the incident range', () => {
    expect(scene).toBeInstanceOf(EmbeddedScene);
    const runner = scene.state.$data as InstanceType<typeof SceneQueryRunner>;
    expect(runner).toBeInstanceOf(SceneQueryRunner);
    expect(runner.state.datasource).toEqual({ type: 'loki', uid: 'loki-1' });
    expect(runner.state.queries).toEqual([
      { refId: 'L0', expr: '{service="a"}', queryType: 'range' },
      { refId: 'L1', expr: '{ns="prod"}', queryType: 'range' },
    ]);
    const range = scene.state.$timeRange as SceneTimeRange;
    expect(range.state.value.from.valueOf()).toBe(from);
    expect(range.state.value.to.valueOf()).toBe(to);
  });

  it('shows them in one logs panel', () => {
    const layout = scene.state.body as InstanceType<typeof SceneFlexLayout>;
    expect(layout).toBeInstanceOf(SceneFlexLayout);
    const item = layout.state.children[0] as SceneFlexItem;
    const panel = item.state.body as InstanceType<typeof VizPanel>;
    expect(panel).toBeInstanceOf(VizPanel);
    expect(panel.state.pluginId).toBe('logs');
  });

  it('is a new scene per call (a factory, no shared state)', () => {
    expect(buildIncidentLogsScene({ lokiUid: 'x', exprs: ['{a="b"}'], from, to })).not.toBe(scene);
  });
});

describe('incidentLogQueries', () => {
  it('selects the services by the configured label, then each added selector once', () => {
    expect(
      incidentLogQueries({ services: ['checkout', 'cart'], logSelectors: ['{ns="prod"}', '{ns="prod"}'] }, 'app')
    ).toEqual({
      exprs: ['{app=~"checkout|cart"}', '{ns="prod"}'],
    });
    expect(incidentLogQueries({ services: ['a"b'], logSelectors: [] }, 'service')).toEqual({
      exprs: ['{service="a\\"b"}'],
    });
  });

  it('explains an invalid label setting or an incident with nothing to select', () => {
    expect(incidentLogQueries({ services: ['a'], logSelectors: [] }, 'bad-label')).toEqual({
      error: '"bad-label" is not a valid Loki label name',
    });
    expect(incidentLogQueries({ services: [], logSelectors: [] }, 'service')).toEqual({
      error: 'The incident names no service and no log selector.',
    });
  });
});
