/**
 * Reads the gate's recorded series over HTTP, from Prometheus' API or through Grafana's /api/ds/query, with one
 * request per data source whatever the number of SLOs. A failed request is one line naming the URL and the status;
 * its SLOs then have no data, so --on-no-data decides, never a stack trace.
 */
import type { FastBurnWindow } from '../domain/policy/model';
import { errorRatioSeries, SERIES } from '../domain/rules/names';
import { escapeLabelValue } from '../domain/slo/promql';

/** The values read for one SLO: null when the series is absent or not a number (0/0 without traffic). */
export interface SloReading {
  period: number | null;
  rate: Partial<Record<FastBurnWindow, number | null>>;
  /** Why this SLO's request failed, when it did. */
  error?: string;
}

export interface ReadTarget {
  sloId: string;
  window: FastBurnWindow;
  /** Grafana data source uid (and type) of the SLO; unused when reading Prometheus directly. */
  datasource?: { uid: string; type?: string };
}

export interface HttpOptions {
  fetch: typeof fetch;
  /** Epoch ms: the instant the series are read at. */
  now: number;
  timeoutMs: number;
  /** Grafana service-account token, for the Grafana path. */
  token?: string;
}

type Values = Map<string, SloReading>;

/** Ids are slugs, but escape anyway: a regex metacharacter would match other SLOs' series. */
function idMatcher(ids: string[]): string {
  return escapeLabelValue(ids.map((id) => id.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')).join('|'));
}

function seriesQueries(targets: ReadTarget[]): Array<{ refId: string; metric: string; expr: string }> {
  const matcher = `{slo_id=~"${idMatcher([...new Set(targets.map((t) => t.sloId))])}"}`;
  const windows = [...new Set(targets.map((t) => t.window))].sort();
  return [
    { refId: 'period', metric: SERIES.periodErrorRatio, expr: `${SERIES.periodErrorRatio}${matcher}` },
    ...windows.map((w) => ({
      refId: `rate${w}`,
      metric: errorRatioSeries(w),
      expr: `${errorRatioSeries(w)}${matcher}`,
    })),
  ];
}

function oneSelector(targets: ReadTarget[], queries: Array<{ metric: string }>): string {
  const names = escapeLabelValue(queries.map((q) => q.metric).join('|'));
  return `{__name__=~"${names}",slo_id=~"${idMatcher([...new Set(targets.map((t) => t.sloId))])}"}`;
}

function toNumber(v: unknown): number | null {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function emptyReadings(targets: ReadTarget[], error?: string): Values {
  return new Map(targets.map((t) => [t.sloId, { period: null, rate: {}, ...(error ? { error } : {}) }]));
}

/** Wraps fetch with the timeout, and turns every failure into one line that names the URL. */
async function send(
  url: string,
  init: RequestInit,
  o: HttpOptions
): Promise<
  { ok: true; status: number; body: unknown } | { ok: false; error: string; status?: number; body?: unknown }
> {
  let res: Response;
  try {
    res = await o.fetch(url, { ...init, signal: AbortSignal.timeout(o.timeoutMs) });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      return { ok: false, error: `${url}: no answer within ${o.timeoutMs / 1000}s (timeout)` };
    }
    const reason = err.cause?.code ?? err.cause?.message ?? err.message;
    return { ok: false, error: `${url}: cannot connect: ${reason}` };
  }
  const text = await res.text().catch(() => '');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // A proxy's HTML error page: keep the status, the body says nothing useful.
  }
  if (res.ok) {
    return { ok: true, status: res.status, body };
  }
  const message = (body as { message?: string; error?: string } | undefined) ?? {};
  const detail = typeof body === 'object' ? (message.message ?? message.error) : undefined;
  return { ok: false, status: res.status, body, error: `${url}: HTTP ${res.status}${detail ? `: ${detail}` : ''}` };
}

/**
 * One instant query at `now` for every SLO and series: one selector with a regex on __name__. Not `a or b`: `or`
 * drops the series of b whose labels, name aside, equal a series of a, and the recorded series share their labels.
 */
export async function readFromPrometheus(baseUrl: string, targets: ReadTarget[], o: HttpOptions): Promise<Values> {
  const queries = seriesQueries(targets);
  const url = `${baseUrl}/api/v1/query`;
  // POST, so a gate over many SLOs never hits a URL length limit.
  const r = await send(
    url,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: oneSelector(targets, queries), time: String(o.now / 1000) }).toString(),
    },
    o
  );
  if (!r.ok) {
    return emptyReadings(targets, r.error);
  }
  const body = r.body as { status?: string; data?: { resultType?: string; result?: unknown } };
  if (body?.status !== 'success' || body.data?.resultType !== 'vector' || !Array.isArray(body.data.result)) {
    return emptyReadings(targets, `${url}: not a Prometheus instant-vector answer`);
  }
  const out = emptyReadings(targets);
  for (const s of body.data.result as Array<{ metric?: Record<string, string>; value?: [number, string] }>) {
    const reading = out.get(s.metric?.slo_id ?? '');
    const q = queries.find((x) => x.metric === s.metric?.__name__);
    if (reading && q) {
      store(reading, q.refId, toNumber(s.value?.[1]));
    }
  }
  return out;
}

function store(reading: SloReading, refId: string, value: number | null): void {
  if (refId === 'period') {
    reading.period = value;
  } else {
    reading.rate[refId.slice('rate'.length) as FastBurnWindow] = value;
  }
}

interface FrameJson {
  schema?: { fields?: Array<{ type?: string; labels?: Record<string, string> }> };
  data?: { values?: unknown[][] };
}

/** The last numeric value of each frame's number field, by its slo_id label (Grafana's Prometheus frames). */
function frameValues(frames: FrameJson[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const f of frames) {
    const fields = f.schema?.fields ?? [];
    fields.forEach((field, i) => {
      const id = field.labels?.slo_id;
      if (field.type !== 'number' || id === undefined) {
        return;
      }
      const values = f.data?.values?.[i] ?? [];
      out.set(id, toNumber(values[values.length - 1]));
    });
  }
  return out;
}

/**
 * One POST /api/ds/query per data source with a query per series (refIds period, rate5m, rate1h); Grafana runs them
 * on the user's Prometheus, Mimir or Thanos data source with its own auth. A 400/207 with per-query results keeps
 * the good ones, as the app does.
 */
export async function readThroughGrafana(baseUrl: string, targets: ReadTarget[], o: HttpOptions): Promise<Values> {
  const groups = new Map<string, ReadTarget[]>();
  targets.forEach((t) => groups.set(t.datasource!.uid, [...(groups.get(t.datasource!.uid) ?? []), t]));
  const out: Values = new Map();
  const url = `${baseUrl}/api/ds/query`;
  await Promise.all(
    [...groups.values()].map(async (group) => {
      const ds = { uid: group[0].datasource!.uid, type: group[0].datasource!.type ?? 'prometheus' };
      const queries = seriesQueries(group);
      const body = {
        from: String(o.now - 60_000),
        to: String(o.now),
        queries: queries.map((q) => ({
          refId: q.refId,
          datasource: ds,
          expr: q.expr,
          instant: true,
          range: false,
          format: 'time_series',
        })),
      };
      const r = await send(
        url,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            Authorization: `Bearer ${o.token}`,
          },
          body: JSON.stringify(body),
        },
        o
      );
      const results = (r.body as { results?: Record<string, { error?: string; frames?: FrameJson[] }> } | undefined)
        ?.results;
      if (!r.ok && (r.status === 401 || r.status === 403)) {
        const why =
          r.status === 401
            ? 'the token is refused (invalid or expired)'
            : 'the token lacks permission to query the data source';
        emptyReadings(group, `${r.error}: ${why}`).forEach((v, k) => out.set(k, v));
        return;
      }
      if (!results || typeof results !== 'object') {
        const error = r.ok ? `${url}: answer without results` : r.error;
        emptyReadings(group, error).forEach((v, k) => out.set(k, v));
        return;
      }
      const readings = emptyReadings(group);
      const failed: string[] = [];
      for (const q of queries) {
        const res = results[q.refId];
        if (res?.error) {
          failed.push(`${q.metric}: ${res.error}`);
        }
        frameValues(res?.frames ?? []).forEach((v, id) => {
          const reading = readings.get(id);
          if (reading) {
            store(reading, q.refId, v);
          }
        });
      }
      readings.forEach((v, k) => {
        // Said even when only a burn-rate query failed: the budget still decides, but nobody should think the
        // fast-burn check ran. Without the period the SLO has no data, and the error says why.
        out.set(k, failed.length ? { ...v, error: `${url}: ${failed.join('; ')}` } : v);
      });
    })
  );
  return out;
}
