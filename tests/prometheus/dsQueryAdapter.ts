/**
 * A fake `getBackendSrv()` whose `/api/ds/query` is answered by a REAL Prometheus.
 *
 * It stands in for Grafana's Prometheus data source backend, which does the same translation: each query of the
 * POST body becomes `/api/v1/query` (instant, at `to`) or `/api/v1/query_range` (range, step = intervalMs, with
 * start and end aligned down to multiples of the step, as Grafana's promlib `AlignTimeRange` does), and each result
 * series comes back as one data frame `{schema: {fields: [Time, Value{labels}]}, data: {values: [[t...], [v...]]}}`
 * under its refId. NaN and ±Inf are sent as null with `entities`, as Grafana's frame JSON does. A query that
 * Prometheus rejects gives `{error, frames: []}` for its refId, and then, like Grafana's `toJsonStreamingResponse`,
 * the whole response has HTTP status 400 (207 only with the `datasourceQueryMultiStatus` feature toggle; pass
 * `errorStatus` to choose).
 *
 * GET/POST `/api/plugins/sre-reliability-app/settings` are answered from an in-memory settings object, so the
 * api/ functions that read the SLOs from plugin settings work unchanged. Every request is recorded.
 *
 * Install it with
 * `jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => adapter.srv }))`.
 */
import { from, type Observable } from 'rxjs';
import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { getJson } from './server';

export interface RecordedRequest {
  method: string;
  url: string;
  body?: unknown;
}

interface DsQuery {
  refId: string;
  expr: string;
  instant?: boolean;
  range?: boolean;
  intervalMs?: number;
}

interface DsQueryBody {
  from: string;
  to: string;
  queries: DsQuery[];
}

interface Frame {
  schema: { refId: string; fields: Array<{ name: string; type: string; labels?: Record<string, string> }> };
  data: { values: Array<Array<number | null>>; entities?: Array<null | Record<string, number[]>> };
}

type Result = { status: number; frames: Frame[]; error?: string };

/** Grafana's default step when the query has no intervalMs: 15 s (the Prometheus scrape-interval default). */
const DEFAULT_STEP_MS = 15_000;

export interface AdapterOptions {
  promUrl: string;
  /** The plugin settings DTO served for GET /api/plugins/<id>/settings (mutated by POST). */
  settings: { enabled: boolean; pinned: boolean; jsonData: Record<string, unknown> };
  /** HTTP status when any query failed: 400 (Grafana's default) or 207 (multi-status toggle). */
  errorStatus?: 400 | 207;
  /** Extra latency per request in ms (0 by default), e.g. to model a network round trip in a benchmark. */
  latencyMs?: number;
}

type PromVector = Array<{ metric: Record<string, string>; value: [number, string] }>;
type PromMatrix = Array<{ metric: Record<string, string>; values: Array<[number, string]> }>;

function toNumber(v: string): { value: number | null; entity?: 'NaN' | 'Inf' | 'NegInf' } {
  const n = Number(v);
  if (Number.isFinite(n)) {
    return { value: n };
  }
  return { value: null, entity: Number.isNaN(n) ? 'NaN' : n > 0 ? 'Inf' : 'NegInf' };
}

function frame(refId: string, metric: Record<string, string>, points: Array<[number, string]>): Frame {
  const { __name__: name, ...labels } = metric;
  const times: number[] = [];
  const values: Array<number | null> = [];
  const entities: Record<string, number[]> = {};
  points.forEach(([t, v], i) => {
    times.push(Math.round(t * 1000));
    const { value, entity } = toNumber(v);
    values.push(value);
    if (entity) {
      (entities[entity] ??= []).push(i);
    }
  });
  const valueLabels = name ? { __name__: name, ...labels } : labels;
  return {
    schema: {
      refId,
      fields: [
        { name: 'Time', type: 'time' },
        { name: 'Value', type: 'number', ...(Object.keys(valueLabels).length ? { labels: valueLabels } : {}) },
      ],
    },
    data: { values: [times, values], ...(Object.keys(entities).length ? { entities: [null, entities] } : {}) },
  };
}

async function runQuery(promUrl: string, body: DsQueryBody, q: DsQuery): Promise<Result> {
  const fromMs = Number(body.from);
  const toMs = Number(body.to);
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
    return { status: 400, frames: [], error: `invalid time range ${body.from}..${body.to}` };
  }
  const instant = q.instant === true && q.range !== true;
  let path: string;
  let params: Record<string, string>;
  if (instant) {
    path = '/api/v1/query';
    params = { query: q.expr, time: String(toMs / 1000) };
  } else {
    const stepMs = q.intervalMs && q.intervalMs > 0 ? q.intervalMs : DEFAULT_STEP_MS;
    const start = Math.floor(fromMs / stepMs) * stepMs;
    const end = Math.floor(toMs / stepMs) * stepMs;
    path = '/api/v1/query_range';
    params = { query: q.expr, start: String(start / 1000), end: String(end / 1000), step: String(stepMs / 1000) };
  }
  const { status, body: res } = await getJson<{
    status: string;
    error?: string;
    data?: { resultType: string; result: unknown };
  }>(`${promUrl}${path}?${new URLSearchParams(params)}`);
  if (status !== 200 || res.status !== 'success' || !res.data) {
    return { status: status || 500, frames: [], error: res.error ?? `Prometheus answered ${status}` };
  }
  const { resultType, result } = res.data;
  if (resultType === 'scalar') {
    return { status: 200, frames: [frame(q.refId, {}, [result as [number, string]])] };
  }
  if (resultType === 'vector') {
    return { status: 200, frames: (result as PromVector).map((s) => frame(q.refId, s.metric, [s.value])) };
  }
  if (resultType === 'matrix') {
    return { status: 200, frames: (result as PromMatrix).map((s) => frame(q.refId, s.metric, s.values)) };
  }
  return { status: 400, frames: [], error: `unsupported result type ${resultType}` };
}

export function createPrometheusBackend(options: AdapterOptions) {
  const requests: RecordedRequest[] = [];
  const settingsUrl = '/api/plugins/sre-reliability-app/settings';
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

  async function answer(req: RecordedRequest): Promise<{ status: number; data: unknown }> {
    if (options.latencyMs) {
      await sleep(options.latencyMs);
    }
    if (req.url === settingsUrl && req.method === 'GET') {
      return { status: 200, data: structuredClone(options.settings) };
    }
    if (req.url === settingsUrl && req.method === 'POST') {
      const next = req.body as AdapterOptions['settings'];
      options.settings = { enabled: next.enabled, pinned: next.pinned, jsonData: next.jsonData ?? {} };
      return { status: 200, data: { message: 'Plugin settings updated' } };
    }
    if (req.url === '/api/ds/query' && req.method === 'POST') {
      const body = req.body as DsQueryBody;
      const results: Record<string, Result> = {};
      const answers = await Promise.all(body.queries.map((q) => runQuery(options.promUrl, body, q)));
      body.queries.forEach((q, i) => (results[q.refId] = answers[i]));
      const failed = answers.some((a) => a.error !== undefined);
      return { status: failed ? (options.errorStatus ?? 400) : 200, data: { results } };
    }
    return { status: 404, data: { message: `not found: ${req.method} ${req.url}` } };
  }

  const fetch = <T>(o: BackendSrvRequest): Observable<FetchResponse<T>> => {
    const req: RecordedRequest = { method: (o.method ?? 'GET').toUpperCase(), url: o.url, body: o.data };
    requests.push(req);
    return from(
      answer(req).then(({ status, data }) => {
        if (status >= 400) {
          // What getBackendSrv().fetch throws for an HTTP error: a FetchError-shaped object.
          throw { status, data, statusText: status === 404 ? 'Not Found' : 'Bad Request', config: o };
        }
        return { data, status, ok: true, statusText: 'OK', url: o.url, config: o } as unknown as FetchResponse<T>;
      })
    );
  };
  return { requests, srv: { fetch }, options };
}
