import { checkPluginJson } from '../tests/contract/pluginSchema';
import pluginJson from './plugin.json';
import { PLUGIN_ID, ROUTES, prefixRoute } from './constants';

describe('src/plugin.json', () => {
  it("passes Grafana's plugin schema", () => {
    expect(checkPluginJson(pluginJson)).toEqual([]);
  });

  it('fails the schema when a required field is missing, so the check is real', () => {
    const { id: _id, ...withoutId } = pluginJson;
    expect(checkPluginJson(withoutId).join()).toMatch(/must have required property 'id'/);
  });

  it('has one nav page per route, at the same path', () => {
    const pagePaths = pluginJson.includes.filter((i) => i.path.startsWith('/a/')).map((i) => i.path);
    const routePaths = Object.values(ROUTES).map((r) => prefixRoute(r).replace(PLUGIN_ID, '%PLUGIN_ID%'));
    expect(pagePaths.sort()).toEqual(routePaths.sort());
  });

  it('declares the oldest Grafana the pinned @grafana packages support', () => {
    const pkg = require('../package.json');
    const pinned = pkg.dependencies['@grafana/data'] as string;
    // @grafana/scenes 9 peers on @grafana/data >=12.4; the SDK is pinned to a 12.4 patch release.
    expect(pinned.startsWith('12.4.')).toBe(true);
    expect(pluginJson.dependencies.grafanaDependency).toBe('>=12.4.0');
  });
});
