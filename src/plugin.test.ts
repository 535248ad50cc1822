import fs from 'node:fs';
import path from 'node:path';
import { checkPluginJson } from '../tests/contract/pluginSchema';
import pluginJson from './plugin.json';

// required, not imported: .config/ is built by webpack's own TypeScript settings (it imports '.ts' paths).
const { copyFilePatterns } = require('../.config/bundler/copyFiles');
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

  it('points $schema at the schema file the contract test validates against', () => {
    const sources = fs.readFileSync(path.join(__dirname, '../tests/contract/SOURCES.md'), 'utf8');
    const schemaPath = /\| plugin\.schema\.json \| (\S+) \|/.exec(sources)?.[1];
    expect(schemaPath).toBeDefined();
    expect(pluginJson.$schema).toBe(`https://raw.githubusercontent.com/grafana/grafana/main/${schemaPath}`);
  });

  it('links the catalog page to the docs, the source, the issues and the license', () => {
    // The names are the special ones the schema documents for the plugin details page.
    expect(pluginJson.info.links.map((l) => l.name)).toEqual(['documentation', 'repository', 'raise issue', 'license']);
    for (const link of pluginJson.info.links) {
      expect(link.url).toMatch(/^https:\/\/github\.com\/[\w.-]+\/sre-reliability-app(\/|#|$)/);
    }
  });

  it('fails the schema for a link without a URL, so links are really checked', () => {
    const broken = { ...pluginJson, info: { ...pluginJson.info, links: [{ name: 'docs', url: 'not a url' }] } };
    expect(checkPluginJson(broken).join()).toMatch(/\/info\/links\/0\/url must match format "uri"/);
  });

  describe.each(pluginJson.info.screenshots)('screenshot $name', ({ path: shot }) => {
    it('is a PNG under src/, where the build copies it from', () => {
      const file = path.join(__dirname, shot);
      expect(fs.existsSync(file)).toBe(true);
      expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
      // .config/bundler/copyFiles.ts copies each info.screenshots path from src/ to the same path in dist/.
      expect(copyFilePatterns).toContainEqual({ from: shot, to: shot });
    });

    it('is the current picture from docs/screenshots (npm run screenshots writes there; copy it here)', () => {
      const docs = path.join(__dirname, '../docs/screenshots', path.basename(shot));
      expect(fs.readFileSync(path.join(__dirname, shot)).equals(fs.readFileSync(docs))).toBe(true);
    });
  });
});
