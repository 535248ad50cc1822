/**
 * @jest-environment node
 */
import { logqlErrors } from './__fixtures__/lezer';
import { buildExploreUrl, incidentLogRange } from './explore';
import { buildLogSelector } from './logql';

const MIN = 60_000;

function decode(url: string): { path: string; params: Record<string, string>; panes: unknown } {
  const [path, query] = url.split('?');
  const params = Object.fromEntries(new URLSearchParams(query));
  return { path, params, panes: JSON.parse(params.panes) };
}

describe('buildExploreUrl', () => {
  const expr = buildLogSelector([String.raw`a.b"c\d|e`, 'cart & co'], 'service', 'timeout #1 ?x=1');
  const input = { datasourceUid: 'loki-uid', expr, from: 1_795_860_000_000, to: 1_795_863_600_000, orgId: 3 };

  it('writes schema v1 with one Loki pane, and decodes back to the input', () => {
    const url = buildExploreUrl(input);
    expect(url.startsWith('/explore?schemaVersion=1&panes=')).toBe(true);
    expect(url.endsWith('&orgId=3')).toBe(true);
    const { path, params, panes } = decode(url);
    expect(path).toBe('/explore');
    expect(Object.keys(params)).toEqual(['schemaVersion', 'panes', 'orgId']);
    expect(panes).toEqual({
      sre: {
        datasource: 'loki-uid',
        queries: [{ refId: 'A', expr, queryType: 'range', datasource: { type: 'loki', uid: 'loki-uid' } }],
        range: { from: '1795860000000', to: '1795863600000' },
      },
    });
    expect(logqlErrors((panes as { sre: { queries: Array<{ expr: string }> } }).sre.queries[0].expr)).toEqual([]);
  });

  it('leaves no raw character in the query string that could split or end a parameter', () => {
    const query = buildExploreUrl(input).split('?')[1];
    expect(query.split('&')).toHaveLength(3);
    expect(query).not.toMatch(/[ "#{}|\\]/);
  });

  it('uses a pane id Grafana keeps: 3 characters of [0-9a-z], not all digits', () => {
    const id = Object.keys(decode(buildExploreUrl(input)).panes as object)[0];
    expect(id).toMatch(/^(?!\d+$)[0-9a-z]{3}$/);
  });

  it.each([
    [{ datasourceUid: ' ' }, 'a Loki data source uid is required'],
    [{ expr: '' }, 'an Explore link needs a query'],
    [{ from: 10, to: 5 }, 'invalid time range 10..5'],
    [{ from: 1.5 }, 'invalid time range 1.5..1795863600000'],
    [{ orgId: 0 }, 'invalid org id 0'],
  ])('refuses %j', (override, msg) => {
    expect(() => buildExploreUrl({ ...input, ...override })).toThrow(new RangeError(msg));
  });
});

describe('incidentLogRange', () => {
  it('runs from 5 minutes before the start to 5 minutes after resolution', () => {
    expect(incidentLogRange(100 * MIN, 160 * MIN, 999 * MIN)).toEqual({ from: 95 * MIN, to: 165 * MIN });
  });
  it('runs to now while the incident is open', () => {
    expect(incidentLogRange(100 * MIN, undefined, 130 * MIN)).toEqual({ from: 95 * MIN, to: 130 * MIN });
  });
});
