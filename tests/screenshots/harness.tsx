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
  const answer = scenario.respond({ method, path: url.pathname, search: url.searchParams, body: options.data });
  return answer.status && answer.status >= 400
    ? rxjs.throwError(() => ({ status: answer.status, data: answer.data, statusText: 'error', config: options }))
    : rxjs.of({ data: answer.data, status: 200, ok: true } as grafanaRuntime.FetchResponse);
}
grafanaRuntime.setBackendSrv({ fetch: respond } as unknown as grafanaRuntime.BackendSrv);
grafanaRuntime.setAppEvents(new grafanaData.EventBusSrv());
grafanaRuntime.setDataSourceSrv(scenario.dataSourceSrv as unknown as grafanaRuntime.DataSourceSrv);
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
    (window as unknown as { define: unknown }).define = (deps: string[], factory: (...a: unknown[]) => { plugin: grafanaData.AppPlugin }) => {
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
  const meta = { id: PLUGIN_ID, name: 'SRE Reliability', type: grafanaData.PluginType.app, jsonData: {} } as grafanaData.AppPluginMeta;
  const history = grafanaRuntime.locationService.getHistory();
  createRoot(document.getElementById('root')!).render(
    <grafanaData.ThemeContext.Provider value={theme}>
      <grafanaUi.GlobalStyles />
      <HistoryRouter history={history as never}>
        <Routes>
          <Route
            path={`/a/${PLUGIN_ID}/*`}
            element={<Root meta={meta} basename={`/a/${PLUGIN_ID}`} query={{}} path="" onNavChanged={() => {}} />}
          />
        </Routes>
      </HistoryRouter>
    </grafanaData.ThemeContext.Provider>
  );
}

main().catch((e: Error) => {
  document.body.setAttribute('data-harness-error', e.message);
  document.body.textContent = `harness error: ${e.message}`;
});
