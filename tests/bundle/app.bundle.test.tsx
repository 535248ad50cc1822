// Combobox measures text on a canvas and scenes creates an IntersectionObserver; jsdom has neither.
import '../../src/components/testing/jsdomPolyfills';
import './standardTransformers';
import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import { render, screen } from '@testing-library/react';
import { AppPlugin, PluginType, type AppPluginMeta } from '@grafana/data';
import { DIST, declaredDependencies, loadPluginFromDist } from './loadBundle';
import { testIds } from '../../src/components/testIds';

// Grafana's packages, resolved from node_modules, are what the bundle's externals bind to.
const { MemoryRouter, Route, Routes, useLocation } = require('react-router');

const pluginJson = JSON.parse(fs.readFileSync(path.join(DIST, 'plugin.json'), 'utf8'));

/**
 * Inside Grafana, PluginPage draws the page title from the nav node that plugin.json's `includes` create for the
 * current URL (or from `pageNav` for sub-pages). Outside Grafana it is a bare <div>, so install a stand-in that
 * does the same lookup in dist/plugin.json: a page whose route and include disagree then shows no heading.
 */
function PluginPageStandIn({
  children,
  pageNav,
  subTitle,
}: {
  children: React.ReactNode;
  pageNav?: { text: string };
  subTitle?: string;
}) {
  const { pathname } = useLocation();
  const include = pluginJson.includes.find((i: { path: string }) => i.path !== '' && pathname.startsWith(i.path));
  return (
    <div>
      <h1>{pageNav?.text ?? include?.name}</h1>
      {subTitle && <div>{subTitle}</div>}
      {children}
    </div>
  );
}
require(require.resolve('@grafana/runtime').replace(/index\.cjs$/, 'components/PluginPage.cjs')).setPluginPage(
  PluginPageStandIn
);

const plugin = loadPluginFromDist();

function renderRoute(route: string) {
  const Root = plugin.root!;
  const meta = { id: pluginJson.id, name: pluginJson.name, type: PluginType.app, jsonData: {} } as AppPluginMeta;
  return render(
    <MemoryRouter initialEntries={[`/a/${pluginJson.id}/${route}`]}>
      <Routes>
        <Route
          path={`/a/${pluginJson.id}/*`}
          element={<Root meta={meta} basename={`/a/${pluginJson.id}`} query={{}} path="" onNavChanged={() => {}} />}
        />
      </Routes>
    </MemoryRouter>
  );
}

describe('dist/module.js, loaded as Grafana loads it', () => {
  jest.setTimeout(30_000);

  it('declares Grafana-provided packages as AMD dependencies and exports an AppPlugin', () => {
    const deps = declaredDependencies();
    expect(deps).toEqual(expect.arrayContaining(['react', '@grafana/data', '@grafana/ui', '@grafana/runtime']));
    expect(plugin).toBeInstanceOf(AppPlugin);
    expect(plugin.root).toBeDefined();
    expect(plugin.configPages?.map((p) => p.id)).toEqual(['configuration']);
  });

  it.each([
    ['overview', 'Overview', testIds.pages.overview],
    ['slos', 'SLOs', testIds.pages.slos],
    ['incidents', 'Incidents', testIds.pages.incidents],
    ['postmortems', 'Postmortems', testIds.pages.postmortems],
    ['slas', 'SLAs', testIds.pages.slas],
    ['toil', 'Toil', testIds.pages.toil],
  ])('renders the %s page (lazy chunk) with its heading', async (route, heading, testId) => {
    renderRoute(route);
    expect(await screen.findByTestId(testId, {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(heading);
  });

  it('sends the app root to the overview and unknown routes to "not found"', async () => {
    const { unmount } = renderRoute('');
    expect(await screen.findByTestId(testIds.pages.overview, {}, { timeout: 15_000 })).toBeInTheDocument();
    unmount();
    renderRoute('no-such-page');
    expect(await screen.findByTestId(testIds.app.notFound, {}, { timeout: 15_000 })).toBeInTheDocument();
  });
});
