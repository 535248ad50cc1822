/** @jest-environment node */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { generateDemoProvisioning } from './provisionDemo';
import { validateSlos } from '../src/domain/slo/validate';
import { execFileSync } from 'node:child_process';

const root = path.resolve(__dirname, '..');

describe('demo provisioning (SLOs as code)', () => {
  const generated = generateDemoProvisioning();

  it.each(Object.keys(generated))('%s is in sync with examples/slos.yaml', (file) => {
    expect(fs.readFileSync(path.join(root, file), 'utf8')).toBe(generated[file]);
  });

  it('stores each SLO exactly as `sre-reliability convert --to json` prints it', () => {
    const printed = execFileSync(
      path.join(root, 'bin/sre-reliability.js'),
      ['convert', 'examples/slos.yaml', '--to', 'json'],
      {
        cwd: root,
        encoding: 'utf8',
      }
    );
    const app = parse(fs.readFileSync(path.join(root, 'provisioning/plugins/app.yaml'), 'utf8')).apps[0];
    expect(app.jsonData.slos).toEqual(JSON.parse(printed));
  });

  it('provisions the app enabled, with valid SLOs and the stack data source UIDs', () => {
    const app = parse(fs.readFileSync(path.join(root, 'provisioning/plugins/app.yaml'), 'utf8')).apps[0];
    expect(app).toMatchObject({ type: 'sre-reliability-app', disabled: false });
    expect(validateSlos(app.jsonData.slos)).toEqual([]);
    expect(app.jsonData.slos.map((s: { id: string }) => s.id)).toContain('demo-api-errors');
    const datasources = parse(fs.readFileSync(path.join(root, 'provisioning/datasources/datasources.yaml'), 'utf8'));
    const uids = datasources.datasources.map((d: { uid: string }) => d.uid);
    expect(uids).toEqual(
      expect.arrayContaining([app.jsonData.settings.defaultPrometheusUid, app.jsonData.settings.lokiUid])
    );
  });
});
