import { ApiError, request } from './client';

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

interface Frame {
  schema?: { fields: Array<{ name: string; labels?: Record<string, string> }> };
  data?: { values: Array<Array<number | null>> };
}

interface DsQueryResponse {
  results?: Record<string, { status?: number; error?: string; frames?: Frame[] }>;
}

/**
 * Runs PromQL queries through Grafana's data source layer in ONE request, so auth and proxying of the user's
 * Prometheus, Mimir or Thanos data source just work, and the request count does not grow with the query count.
 */
export async function queryPrometheus(
  datasourceUid: string,
  queries: PromQuery[],
  range: { from: number; to: number; stepMs?: number; instant?: boolean }
): Promise<QueryResults> {
  const instant = range.instant ?? false;
  const body = {
    from: String(range.from),
    to: String(range.to),
    queries: queries.map((q) => ({
      refId: q.refId,
      datasource: { uid: datasourceUid, type: 'prometheus' },
      expr: q.expr,
      instant,
      range: !instant,
      format: 'time_series',
      ...(range.stepMs ? { intervalMs: range.stepMs, interval: `${Math.round(range.stepMs / 1000)}s` } : {}),
    })),
  };
  try {
    const response = await request<DsQueryResponse>({ method: 'POST', url: '/api/ds/query', data: body });
    return parseResults(response, queries);
  } catch (e) {
    // Grafana answers 400 when ANY query of the batch fails, with every query's result in the body. Keep the
    // good results and the per-query errors, so one broken SLO query does not blank every SLO of the source.
    const results = e instanceof ApiError ? (e.body as DsQueryResponse | undefined)?.results : undefined;
    if (results) {
      return parseResults({ results }, queries);
    }
    throw e;
  }
}

/** Turns Grafana's data frames into plain series; a query with no frames is an empty (no data) result. */
export function parseResults(response: DsQueryResponse, queries: PromQuery[]): QueryResults {
  const out: QueryResults = {};
  for (const { refId } of queries) {
    const result = response.results?.[refId];
    const series: Sample[] = [];
    for (const frame of result?.frames ?? []) {
      const fields = frame.schema?.fields ?? [];
      const values = frame.data?.values ?? [];
      const timeIndex = fields.findIndex((f) => f.name === 'Time' || f.name === 'time');
      fields.forEach((field, i) => {
        if (i === timeIndex) {
          return;
        }
        const times = values[timeIndex] ?? [];
        const vals = values[i] ?? [];
        const points: Array<[number, number]> = [];
        times.forEach((t, j) => {
          const v = vals[j];
          if (t !== null && v !== null && v !== undefined && Number.isFinite(v)) {
            points.push([t, v]);
          }
        });
        series.push({ labels: field.labels ?? {}, points });
      });
    }
    out[refId] = { series, ...(result?.error ? { error: result.error } : {}) };
  }
  return out;
}
