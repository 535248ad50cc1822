/**
 * Links into Grafana Explore for an incident's logs.
 *
 * URL format (Explore URL schema v1, Grafana 10+): `/explore?schemaVersion=1&panes=<JSON>&orgId=N`, where
 * panes maps a pane id to `{ datasource, queries, range }`. Checked against Grafana's own parser,
 * grafana/grafana public/app/features/explore/hooks/useStateSync/migrators/v1.ts (`v1Migrator.parse`):
 * - a pane id that is not exactly 3 characters of [0-9a-z] (and not all digits) is replaced by a random one,
 *   so ours is the fixed 'sre';
 * - `range.from` and `range.to` must be STRINGS or the whole range is dropped for the default; epoch
 *   milliseconds as strings are accepted as absolute times;
 * - `datasource` is the data source uid; each query also carries `{ type, uid }` like Explore writes itself.
 */

export const EXPLORE_PANE_ID = 'sre';
const FIVE_MINUTES = 5 * 60 * 1000;

export interface ExploreUrlInput {
  datasourceUid: string;
  expr: string;
  /** Epoch milliseconds. */
  from: number;
  to: number;
  orgId: number;
}

export interface ExploreQuery {
  refId: string;
  expr: string;
  queryType: 'range';
  datasource: { type: 'loki'; uid: string };
}

export interface ExplorePane {
  datasource: string;
  queries: ExploreQuery[];
  range: { from: string; to: string };
}

/** The `panes` object of an Explore URL with one Loki query over an absolute range. */
export function explorePanes(input: ExploreUrlInput): Record<string, ExplorePane> {
  const { datasourceUid, expr, from, to } = input;
  return {
    [EXPLORE_PANE_ID]: {
      datasource: datasourceUid,
      queries: [{ refId: 'A', expr, queryType: 'range', datasource: { type: 'loki', uid: datasourceUid } }],
      range: { from: String(from), to: String(to) },
    },
  };
}

/**
 * An Explore URL, relative to Grafana's root (callers prefix a sub-path). Throws RangeError on a missing data
 * source, an empty query, a reversed or non-integer range, or a bad org id: all are caller bugs.
 */
export function buildExploreUrl(input: ExploreUrlInput): string {
  const { datasourceUid, expr, from, to, orgId } = input;
  if (datasourceUid.trim() === '') {
    throw new RangeError('a Loki data source uid is required');
  }
  if (expr.trim() === '') {
    throw new RangeError('an Explore link needs a query');
  }
  if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
    throw new RangeError(`invalid time range ${from}..${to}`);
  }
  if (!Number.isInteger(orgId) || orgId < 1) {
    throw new RangeError(`invalid org id ${orgId}`);
  }
  // encodeURIComponent, not URLSearchParams: it writes spaces as %20, which every decoder reads the same way.
  const panes = encodeURIComponent(JSON.stringify(explorePanes(input)));
  return `/explore?schemaVersion=1&panes=${panes}&orgId=${orgId}`;
}

/**
 * The log range worth reading for an incident: from 5 minutes before impact started (the lead-up often holds
 * the cause) to 5 minutes after resolution, or to `now` while it is still open.
 */
export function incidentLogRange(startedAt: number, resolvedAt: number | undefined, now: number): { from: number; to: number } {
  return {
    from: startedAt - FIVE_MINUTES,
    to: resolvedAt === undefined ? now : resolvedAt + FIVE_MINUTES,
  };
}
