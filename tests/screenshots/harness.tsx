/**
 * A page that plays Grafana's part for the built plugin, so README screenshots show the real dist/ bundle:
 * the shared packages Grafana provides to plugins (the AMD externals of dist/module.js), boot data, a theme,
 * Grafana's global styles, page chrome, and a backend that answers from the scenario's fixtures.
 * Built by run.ts with webpack; never shipped.
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { createRoot } from 'react-dom/client';
import * as jsxRuntime from 'react/jsx-runtime';
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaRuntimeUnstable from '@grafana/runtime/unstable';
import * as grafanaUi from '@grafana/ui';
import * as rxjs from 'rxjs';
import * as reactRouter from 'react-router';
import { unstable_HistoryRouter as HistoryRouter, Route, Routes } from 'react-router-dom';
import lodash from 'lodash';
import i18next from 'i18next';
import { initPluginTranslations } from '@grafana/i18n';
// Not exported by @grafana/runtime; run.ts aliases this name to the module Grafana itself calls setPluginPage on.
import { setPluginPage } from 'grafana-plugin-page-internal';
import { PluginPageStandIn } from './pluginPageStandIn';
import { STAND_IN_PANELS } from './standInPanels';
import { SCENARIOS, type Scenario } from './scenarios';

const PLUGIN_ID = 'sre-reliability-app';
const params = new URLSearchParams(window.location.search);
const scenario: Scenario = SCENARIOS[params.get('scenario') ?? ''];
const mode = params.get('theme') === 'light' ? 'light' : 'dark';

const theme = grafanaData.createTheme({ colors: { mode } });
grafanaRuntime.config.theme2 = theme;
grafanaRuntime.config.bootData.user = {
  ...grafanaRuntime.config.bootData.user,
  ...scenario.user,
  orgRole: scenario.user.orgRole as grafanaData.OrgRole,
};

function respond(options: grafanaRuntime.BackendSrvRequest) {
  const method = (options.method ?? 'GET').toUpperCase();
  const url = new URL(options.url, window.location.origin);
  // Grafana's fetch appends `params` to the URL; do the same so fixtures see them.
  for (const [key, value] of Object.entries(options.params ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined) {
        url.searchParams.append(key, String(v));
      }
    }
  }
  const answer = scenario.respond({ method, path: url.pathname, search: url.searchParams, body: options.data });
  return answer.status && answer.status >= 400
    ? rxjs.throwError(() => ({ status: answer.status, data: answer.data, statusText: 'error', config: options }))
    : rxjs.of({ data: answer.data, status: 200, ok: true } as grafanaRuntime.FetchResponse);
}
grafanaRuntime.setBackendSrv({ fetch: respond } as unknown as grafanaRuntime.BackendSrv);
grafanaRuntime.setAppEvents(new grafanaData.EventBusSrv());

/** Query results as data frames, from the scenario's series generator. */
function framesFor(target: { refId: string; expr?: string }, from: number, to: number, stepMs: number) {
  const out = scenario.series?.(target.expr ?? '', from, to, stepMs) ?? [];
  return out.map((s) =>
    'logs' in s
      ? grafanaData.toDataFrame({
          refId: target.refId,
          fields: [
            { name: 'Time', type: grafanaData.FieldType.time, values: s.logs.map((l) => l.t) },
            { name: 'Line', type: grafanaData.FieldType.string, values: s.logs.map((l) => l.line) },
          ],
        })
      : grafanaData.toDataFrame({
          refId: target.refId,
          name: s.name,
          fields: [
            { name: 'Time', type: grafanaData.FieldType.time, values: s.points.map((p) => p[0]) },
            {
              name: 'Value',
              type: grafanaData.FieldType.number,
              values: s.points.map((p) => p[1]),
              config: { displayNameFromDS: s.name },
            },
          ],
        })
  );
}

/** A data source object for scenes' query runners: answers every query from framesFor. */
function fakeDataSource(settings: { uid: string; type: string; name: string }) {
  return {
    ...settings,
    meta: { id: settings.type, info: { logos: {} } },
    getRef: () => ({ uid: settings.uid, type: settings.type }),
    interpolateVariablesInQueries: (queries: unknown[]) => queries,
    query: (req: grafanaData.DataQueryRequest<{ refId: string; expr?: string }>) =>
      rxjs.of({
        data: req.targets.flatMap((t) =>
          framesFor(t, req.range.from.valueOf(), req.range.to.valueOf(), req.intervalMs || 60_000)
        ),
      }),
  };
}

const sources = scenario.dataSources.map(fakeDataSource);
grafanaRuntime.setDataSourceSrv({
  getList: (filters?: { type?: string }) => sources.filter((d) => !filters?.type || d.type === filters.type),
  getInstanceSettings: (ref?: string | { uid?: string } | null) =>
    sources.find((d) => d.uid === (typeof ref === 'string' ? ref : ref?.uid)) ?? sources[0],
  get: async (ref?: string | { uid?: string } | null) =>
    sources.find((d) => d.uid === (typeof ref === 'string' ? ref : ref?.uid)) ?? sources[0],
  reload: async () => {},
} as unknown as grafanaRuntime.DataSourceSrv);
grafanaRuntime.setRunRequest(((ds: ReturnType<typeof fakeDataSource>, request: grafanaData.DataQueryRequest) =>
  ds
    .query(request as never)
    .pipe(
      rxjs.map((res) => ({ state: grafanaData.LoadingState.Done, series: res.data, timeRange: request.range }))
    )) as unknown as Parameters<typeof grafanaRuntime.setRunRequest>[0]);
grafanaRuntime.setPluginImportUtils({
  importPanelPlugin: async (id: string) => STAND_IN_PANELS[id] ?? STAND_IN_PANELS.text,
  getPanelPluginFromCache: (id: string) => STAND_IN_PANELS[id],
});
setPluginPage(PluginPageStandIn);

const shared: Record<string, unknown> = {
  react: React,
  'react-dom': ReactDOM,
  'react/jsx-runtime': jsxRuntime,
  '@emotion/css': emotionCss,
  '@emotion/react': emotionReact,
  '@grafana/data': grafanaData,
  '@grafana/runtime': grafanaRuntime,
  '@grafana/runtime/unstable': grafanaRuntimeUnstable,
  '@grafana/ui': grafanaUi,
  rxjs,
  'react-router': reactRouter,
  lodash,
  i18next,
  module: { uri: `${window.location.origin}/public/plugins/${PLUGIN_ID}/module.js` },
};

/** Loads dist/module.js the way Grafana's loader does: an AMD define() whose dependencies are the shared packages. */
function loadPlugin(): Promise<grafanaData.AppPlugin> {
  return new Promise((resolve, reject) => {
    (window as unknown as { define: unknown }).define = (
      deps: string[],
      factory: (...a: unknown[]) => { plugin: grafanaData.AppPlugin }
    ) => {
      const missing = deps.filter((d) => !(d in shared));
      if (missing.length) {
        reject(new Error(`harness lacks shared packages: ${missing.join(', ')}`));
        return;
      }
      resolve(factory(...deps.map((d) => shared[d])).plugin);
    };
    const script = document.createElement('script');
    script.src = `/public/plugins/${PLUGIN_ID}/module.js`;
    script.onerror = () => reject(new Error('module.js failed to load'));
    document.head.appendChild(script);
  });
}

async function main() {
  await initPluginTranslations('grafana');
  const plugin = await loadPlugin();
  const Root = plugin.root!;
  const meta = {
    id: PLUGIN_ID,
    name: 'SRE Reliability',
    type: grafanaData.PluginType.app,
    jsonData: {},
  } as grafanaData.AppPluginMeta;
  // Grafana's locationService holds a history v4 object; react-router 6 wants the v5 listener shape.
  const h = grafanaRuntime.locationService.getHistory();
  const history = {
    get action() {
      return h.action;
    },
    get location() {
      return h.location;
    },
    createHref: h.createHref,
    push: h.push,
    replace: h.replace,
    go: h.go,
    back: h.goBack,
    forward: h.goForward,
    listen: (fn: (update: { location: typeof h.location; action: typeof h.action }) => void) =>
      h.listen((location: typeof h.location, action: typeof h.action) => fn({ location, action })),
    block: () => () => undefined,
  };
  createRoot(document.getElementById('root')!).render(
    <grafanaData.ThemeContext.Provider value={theme}>
      <grafanaUi.GlobalStyles />
      <grafanaRuntime.LocationServiceProvider service={grafanaRuntime.locationService}>
        <HistoryRouter history={history as never}>
          <Routes>
            <Route
              path={`/a/${PLUGIN_ID}/*`}
              element={<Root meta={meta} basename={`/a/${PLUGIN_ID}`} query={{}} path="" onNavChanged={() => {}} />}
            />
          </Routes>
        </HistoryRouter>
      </grafanaRuntime.LocationServiceProvider>
    </grafanaData.ThemeContext.Provider>
  );
}

main().catch((e: Error) => {
  document.body.setAttribute('data-harness-error', e.message);
  document.body.textContent = `harness error: ${e.message}`;
});
