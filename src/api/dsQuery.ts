import { FieldType, type DataFrame } from '@grafana/data';
import { getDataSourceSrv, toDataQueryResponse, type BackendDataSourceResponse } from '@grafana/runtime';
import type { DataSourceRef } from '../domain/slo/model';
import { ApiError, request } from './client';

/** Why an SLO's data cannot be read when neither it nor the app names a data source. */
export const NO_DATASOURCE = 'No data source: set one on the SLO or a default on the Admin page.';

/** One PromQL query for POST /api/ds/query. */
export interface PromQuery {
  refId: string;
  expr: string;
}

export interface Sample {
  labels: Record<string, string>;
  /** [epoch ms, value] pairs, oldest first; an instant query has one. */
  points: Array<[number, number]>;
}

/** Per refId: the series, or the error Prometheus gave for that query alone. */
export type QueryResults = Record<string, { series: Sample[]; error?: string }>;

/** The plugin type Grafana routes a query by when neither the SLO nor Grafana's data source list says otherwise. */
const DEFAULT_TYPE = 'prometheus';

/**
 * The data source as /api/ds/query wants it: uid AND its real plugin type. Mimir and Thanos use the Prometheus
 * plugin (`prometheus`), but Amazon Managed Prometheus and VictoriaMetrics have their own plugin types, so the
 * type is the SLO's own when it has one, else the one Grafana's data source service knows for the uid.
 */
export function resolveDatasource(datasource: string | DataSourceRef): { uid: string; type: string } {
  const ref = typeof datasource === 'string' ? { uid: datasource } : datasource;
  if (ref.type) {
    return { uid: ref.uid, type: ref.type };
  }
  let type: string | undefined;
  try {
    type = getDataSourceSrv().getInstanceSettings(ref.uid)?.type;
  } catch {
    // Outside Grafana (CLI-like tests, the screenshot harness without a data source service) there is no list.
  }
  return { uid: ref.uid, type: type ?? DEFAULT_TYPE };
}

/**
 * Runs PromQL queries through Grafana's data source layer in ONE request, so auth and proxying of the user's
 * Prometheus-compatible data source just work, and the request count does not grow with the query count.
 */
export async function queryPrometheus(
  datasource: string | DataSourceRef,
  queries: PromQuery[],
  range: { from: number; to: number; stepMs?: number; instant?: boolean }
): Promise<QueryResults> {
  const instant = range.instant ?? false;
  const ds = resolveDatasource(datasource);
  const body = {
    from: String(range.from),
    to: String(range.to),
    queries: queries.map((q) => ({
      refId: q.refId,
      datasource: ds,
      expr: q.expr,
      instant,
      range: !instant,
      format: 'time_series',
      ...(range.stepMs ? { intervalMs: range.stepMs, interval: `${Math.round(range.stepMs / 1000)}s` } : {}),
    })),
  };
  try {
    const response = await request<BackendDataSourceResponse>({ method: 'POST', url: '/api/ds/query', data: body });
    return parseResults(response, queries);
  } catch (e) {
    // Grafana answers 400 when ANY query of the batch fails, with every query's result in the body. Keep the
    // good results and the per-query errors, so one broken SLO query does not blank every SLO of the source.
    const results = e instanceof ApiError ? (e.body as BackendDataSourceResponse | undefined)?.results : undefined;
    if (results) {
      return parseResults({ results }, queries);
    }
    throw e;
  }
}

/** Every numeric field of a frame as a series against the frame's time field. */
function frameSeries(frame: DataFrame): Sample[] {
  const time = frame.fields.find((f) => f.type === FieldType.time);
  if (!time) {
    return [];
  }
  return frame.fields
    .filter((f) => f.type === FieldType.number)
    .map((field) => {
      const points: Array<[number, number]> = [];
      field.values.forEach((v: unknown, i: number) => {
        const t: unknown = time.values[i];
        if (typeof t === 'number' && typeof v === 'number' && Number.isFinite(v)) {
          points.push([t, v]);
        }
      });
      return { labels: { ...field.labels }, points };
    });
}

/**
 * Turns Grafana's /api/ds/query answer into plain series with Grafana's own decoder (toDataQueryResponse, which
 * also restores NaN and ±Inf that the wire format carries as entities); a query with no frames is no data.
 */
export function parseResults(response: BackendDataSourceResponse, queries: PromQuery[]): QueryResults {
  const decoded = toDataQueryResponse({ data: response }, queries);
  const out: QueryResults = {};
  for (const { refId } of queries) {
    const frames = (decoded.data as DataFrame[]).filter((f) => f.refId === refId);
    const error = decoded.errors?.find((e) => e.refId === refId)?.message;
    out[refId] = { series: frames.flatMap(frameSeries), ...(error ? { error } : {}) };
  }
  return out;
}
