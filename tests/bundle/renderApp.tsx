/** Rendering the built app's root at a route, shared by the bundle smoke tests. */
import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import { render } from '@testing-library/react';
import { PluginType, type AppPlugin, type AppPluginMeta } from '@grafana/data';
import { LocationServiceProvider, locationService } from '@grafana/runtime';
import { DIST } from './loadBundle';

const { MemoryRouter, Route, Routes, useLocation } = require('react-router');

/** dist/plugin.json: what Grafana reads. */
export const pluginJson = JSON.parse(fs.readFileSync(path.join(DIST, 'plugin.json'), 'utf8'));

/** Grafana's PluginPage as a heading (the page's nav title, else the include's name) above the page. */
function PluginPageStandIn({ children, pageNav }: { children: React.ReactNode; pageNav?: { text: string } }) {
  const { pathname } = useLocation();
  const include = pluginJson.includes.find((i: { path: string }) => pathname.startsWith(i.path));
  return (
    <div>
      <h1>{pageNav?.text ?? include?.name}</h1>
      {children}
    </div>
  );
}

/** Makes @grafana/runtime's PluginPage render PluginPageStandIn (before the bundle is loaded). */
export function installPluginPageStandIn(): void {
  require(require.resolve('@grafana/runtime').replace(/index\.cjs$/, 'components/PluginPage.cjs')).setPluginPage(
    PluginPageStandIn
  );
}

/** Renders the plugin's root at `/a/<id>/<route>`, as Grafana mounts an app. */
export function renderAppRoute(plugin: AppPlugin, route: string) {
  const Root = plugin.root!;
  const meta = { id: pluginJson.id, name: pluginJson.name, type: PluginType.app, jsonData: {} } as AppPluginMeta;
  return render(
    <LocationServiceProvider service={locationService}>
      <MemoryRouter initialEntries={[`/a/${pluginJson.id}/${route}`]}>
        <Routes>
          <Route
            path={`/a/${pluginJson.id}/*`}
            element={<Root meta={meta} basename={`/a/${pluginJson.id}`} query={{}} path="" onNavChanged={() => {}} />}
          />
        </Routes>
      </MemoryRouter>
    </LocationServiceProvider>
  );
}
