import fs from 'node:fs';
import path from 'node:path';
import { checkPluginJson } from '../contract/pluginSchema';
import { DIST } from './loadBundle';

describe('dist/plugin.json', () => {
  const built = JSON.parse(fs.readFileSync(path.join(DIST, 'plugin.json'), 'utf8'));

  it("passes Grafana's plugin schema", () => {
    expect(checkPluginJson(built)).toEqual([]);
  });

  it('has its build placeholders filled in', () => {
    const text = JSON.stringify(built);
    expect(text).not.toMatch(/%(VERSION|TODAY|PLUGIN_ID)%/);
    expect(built.info.version).toBe(require('../../package.json').version);
  });

  it('ships every image plugin.json names (logos and catalog screenshots)', () => {
    const images = [
      built.info.logos.small,
      built.info.logos.large,
      ...built.info.screenshots.map((s: { path: string }) => s.path),
    ];
    expect(images.filter((p: string) => !fs.existsSync(path.join(DIST, p)))).toEqual([]);
  });
});
