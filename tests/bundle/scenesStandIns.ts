/**
 * What scenes needs from Grafana to mount panels outside it: a data source service, a request runner and panel
 * plugins (Grafana's own panels are in no npm package, so an empty one stands in), plus the standard
 * transformations (./standardTransformers). Shared by the bundle tests that render scenes pages.
 */
import './standardTransformers';
import { of } from 'rxjs';
import { LoadingState, PanelPlugin } from '@grafana/data';
import { setDataSourceSrv, setPluginImportUtils, setRunRequest, type DataSourceSrv } from '@grafana/runtime';

export function installScenesStandIns(): void {
  const dataSource = {
    uid: 'prom',
    type: 'prometheus',
    name: 'Prometheus',
    meta: { id: 'prometheus' },
    getRef: () => ({ uid: 'prom', type: 'prometheus' }),
    query: () => of({ data: [] }),
  };
  setDataSourceSrv({
    get: async () => dataSource,
    getInstanceSettings: () => dataSource,
    getList: () => [dataSource],
  } as unknown as DataSourceSrv);
  setRunRequest(((_ds: unknown, request: { range: unknown }) =>
    of({ state: LoadingState.Done, series: [], timeRange: request.range })) as never);
  const emptyPanel = new PanelPlugin(() => null);
  // Scenes reads the loaded plugin's version (meta.info.version) when a panel activates.
  emptyPanel.meta = { id: 'stand-in', name: 'Stand-in', info: { version: '0.0.0' } } as typeof emptyPanel.meta;
  setPluginImportUtils({ importPanelPlugin: async () => emptyPanel, getPanelPluginFromCache: () => emptyPanel });
}
