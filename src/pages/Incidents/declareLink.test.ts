import fs from 'node:fs';
import path from 'node:path';
import { dateTime, type PluginExtensionPanelContext, PluginExtensionPoints } from '@grafana/data';
import pluginJson from '../../plugin.json';
import { prefixRoute, ROUTES } from '../../constants';
import {
  buildDeclarePath,
  configureDeclareLink,
  DECLARE_LINK_TITLE,
  DECLARE_PATH,
  declareIncidentLink,
  parseDeclareParams,
} from './declareLink';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

const panel = (
  timeRange: PluginExtensionPanelContext['timeRange'],
  title = 'Error ratio'
): PluginExtensionPanelContext =>
  ({
    pluginId: 'timeseries',
    id: 3,
    title,
    timeRange,
    timeZone: 'utc',
    dashboard: { uid: 'd', title: 'API', tags: [] },
    targets: [],
  }) as PluginExtensionPanelContext;

const query = (path: string) => new URLSearchParams(path.split('?')[1] ?? '');

describe('configureDeclareLink', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  it('puts the panel title and its relative time range, resolved to epoch ms, into the form URL', () => {
    const { path: target } = configureDeclareLink(panel({ from: 'now-6h', to: 'now' }));
    expect(target.startsWith(`${DECLARE_PATH}?`)).toBe(true);
    expect(Object.fromEntries(query(target))).toEqual({
      title: 'Error ratio',
      from: String(NOW - 6 * 3_600_000),
      to: String(NOW),
    });
  });

  it('reads absolute ranges given as DateTime objects or ISO strings', () => {
    const from = Date.UTC(2026, 10, 28, 9, 0, 0);
    const to = Date.UTC(2026, 10, 28, 10, 30, 0);
    const fromDt = configureDeclareLink(panel({ from: dateTime(from), to: dateTime(to) }));
    expect(parseDeclareParams(query(fromDt.path))).toMatchObject({ from, to });
    const fromIso = configureDeclareLink(panel({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }));
    expect(parseDeclareParams(query(fromIso.path))).toMatchObject({ from, to });
  });

  it('drops what it cannot read and survives a missing context', () => {
    const { path: target } = configureDeclareLink(panel({ from: 'garbage', to: 'now' }, ''));
    expect(Object.fromEntries(query(target))).toEqual({ to: String(NOW) });
    expect(configureDeclareLink(undefined)).toEqual({ path: DECLARE_PATH });
  });

  it('escapes a hostile panel title into one parameter', () => {
    const title = 'a&title=b?<script>#x';
    expect(
      parseDeclareParams(query(configureDeclareLink(panel({ from: 'now-1h', to: 'now' }, title)).path)).title
    ).toBe(title);
  });
});

describe('parseDeclareParams / buildDeclarePath', () => {
  it('round-trips repeatable services and SLOs and keeps only epoch-ms times', () => {
    const prefill = {
      title: 'Checkout down',
      services: ['checkout', 'cart'],
      sloIds: ['a', 'b'],
      from: 1000,
      to: 2000,
    };
    expect(parseDeclareParams(query(buildDeclarePath(prefill)))).toEqual(prefill);
    expect(parseDeclareParams(new URLSearchParams('from=-5&to=1e3&service=%20&slo=a&slo=a'))).toEqual({
      services: [],
      sloIds: ['a'],
    });
  });
});

describe('the registered link', () => {
  it('targets the panel menu at the declare route and is declared in plugin.json with the same title', () => {
    expect(DECLARE_PATH).toBe(`${prefixRoute(ROUTES.Incidents)}/new`);
    expect(declareIncidentLink).toMatchObject({
      title: DECLARE_LINK_TITLE,
      targets: [PluginExtensionPoints.DashboardPanelMenu],
      path: DECLARE_PATH,
    });
    expect(pluginJson.extensions.addedLinks).toContainEqual(
      expect.objectContaining({ title: DECLARE_LINK_TITLE, targets: [PluginExtensionPoints.DashboardPanelMenu] })
    );
  });

  it('keeps module.tsx tiny: its static imports reach only declareLink.ts and Grafana-provided packages', () => {
    const src = path.resolve(__dirname, '../..');
    const staticImports = (file: string): string[] =>
      [...fs.readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)';/gms)].map((m) => m[1]);
    const seen = new Set<string>();
    const externals = new Set<string>();
    const walk = (file: string) => {
      for (const spec of staticImports(file)) {
        if (!spec.startsWith('.')) {
          externals.add(spec);
          continue;
        }
        const base = path.resolve(path.dirname(file), spec);
        const resolved = ['.ts', '.tsx'].map((ext) => base + ext).find((f) => fs.existsSync(f))!;
        if (!seen.has(resolved)) {
          seen.add(resolved);
          walk(resolved);
        }
      }
    };
    walk(path.join(src, 'module.tsx'));
    expect([...seen].map((f) => path.relative(src, f))).toEqual([
      'pages/Incidents/declareLink.ts',
      'pages/Toil/toilLink.ts',
    ]);
    expect([...externals].sort()).toEqual(['@grafana/data', '@grafana/ui', 'react']);
  });
});
