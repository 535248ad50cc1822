import { dateTime, type PluginExtensionPanelContext, PluginExtensionPoints } from '@grafana/data';
import pluginJson from '../../plugin.json';
import { prefixRoute, ROUTES } from '../../constants';
import { buildQuickLogPath, configureToilLink, logToilLink, TOIL_LINK_TITLE, TOIL_PATH } from './toilLink';
import { parseQuickLogParams, prefillToFields } from './toilLinkParams';

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const panel = (timeRange: PluginExtensionPanelContext['timeRange']): PluginExtensionPanelContext =>
  ({
    pluginId: 'timeseries',
    id: 3,
    title: 'Error ratio',
    timeRange,
    timeZone: 'utc',
    dashboard: { uid: 'd', title: 'API', tags: [] },
    targets: [],
  }) as PluginExtensionPanelContext;
const query = (path: string) => new URLSearchParams(path.split('?')[1] ?? '');

describe('configureToilLink (panel menu)', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  it("prefills the dashboard's time range as when the work started and how long it took", () => {
    const { path } = configureToilLink(panel({ from: 'now-90m', to: 'now' }));
    expect(path.startsWith(`${TOIL_PATH}?`)).toBe(true);
    expect(Object.fromEntries(query(path))).toEqual({ log: '1', at: String(NOW - 90 * 60_000), minutes: '90' });
    const abs = configureToilLink(panel({ from: dateTime(NOW - 3_600_000), to: dateTime(NOW) }));
    expect(parseQuickLogParams(query(abs.path)).prefill).toEqual({ at: NOW - 3_600_000, minutes: 60 });
  });

  it('prefills nothing from a range longer than a day, an unreadable one, or no context', () => {
    for (const context of [panel({ from: 'now-7d', to: 'now' }), panel({ from: 'garbage', to: 'now' }), undefined]) {
      expect(configureToilLink(context)).toEqual({ path: `${TOIL_PATH}?log=1` });
    }
  });
});

describe('parseQuickLogParams / buildQuickLogPath', () => {
  it('round-trips every prefill field and opens only with log=1', () => {
    const prefill = {
      task: 'Restart pod & <b>x</b>',
      team: 'Payments',
      link: 'https://t.example/OPS-1?a=b',
      at: 1000,
      minutes: 45,
    };
    expect(parseQuickLogParams(query(buildQuickLogPath(prefill)))).toEqual({ open: true, prefill });
    expect(parseQuickLogParams(new URLSearchParams('task=x')).open).toBe(false);
    expect(prefillToFields(prefill)).toEqual({
      task: prefill.task,
      team: 'Payments',
      link: prefill.link,
      at: 1000,
      durationMinutes: 45,
    });
  });

  it('drops malformed values: script links, bad times, impossible durations, blank or overlong text', () => {
    const params = new URLSearchParams({
      log: '1',
      task: ' ',
      team: 'x'.repeat(101),
      link: 'javascript:alert(1)',
      at: '-5',
      minutes: '1441',
    });
    expect(parseQuickLogParams(params)).toEqual({ open: true, prefill: {} });
    expect(parseQuickLogParams(new URLSearchParams('log=1&at=1e3&minutes=0&link=INC-20261128-ab12')).prefill).toEqual({
      link: 'INC-20261128-ab12',
    });
  });
});

describe('the registered link', () => {
  it('targets the panel menu at the Toil page and is declared in plugin.json with the same title', () => {
    expect(TOIL_PATH).toBe(prefixRoute(ROUTES.Toil));
    expect(logToilLink).toMatchObject({
      title: TOIL_LINK_TITLE,
      targets: [PluginExtensionPoints.DashboardPanelMenu],
      path: `${TOIL_PATH}?log=1`,
    });
    expect(pluginJson.extensions.addedLinks).toContainEqual(
      expect.objectContaining({ title: TOIL_LINK_TITLE, targets: [PluginExtensionPoints.DashboardPanelMenu] })
    );
  });
});
