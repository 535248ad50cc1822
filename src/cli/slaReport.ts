/**
 * `sla-report`: an SLA's report for a calendar month or quarter, read from Prometheus' HTTP API with the same
 * domain code as the app (planSlaResults, slaReportMarkdown/Csv). One query request whatever the number of periods,
 * plus two Grafana annotation reads for maintenance when --grafana-url is given.
 */
import {
  excludingWindows,
  foldMaintenance,
  MAINTENANCE_EVENT_TAG,
  MAINTENANCE_TAG,
  MAX_MAINTENANCE_MS,
  type MaintenanceWindow,
  type StoredAnnotation,
} from '../domain/sla/maintenance';
import type { Sla } from '../domain/sla/model';
import { startOfLocalMonth, type SlaPeriod } from '../domain/sla/period';
import { planSlaResults } from '../domain/sla/queries';
import { slaReportCsv, slaReportMarkdown, type SlaPeriodResult } from '../domain/sla/report';
import { slaIndicatorSlo } from '../domain/rules/slaRecording';
import type { Slo } from '../domain/slo/model';
import type { SlaReportCommand } from './args';
import type { GateIo } from './gate';

/** `2026-03` or `2026-Q1`, checked by the argument parser. */
export const PERIOD_RE = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

/**
 * The SLA's periods that make up `--period` in its zone: one month, one quarter, or a quarter's three months for a
 * monthly SLA. A month asked of a quarterly SLA is an error (its figure is not defined on part of a quarter).
 */
export function reportPeriods(sla: Sla, period: string): SlaPeriod[] | string {
  const m = PERIOD_RE.exec(period)!;
  const year = Number(m[1]);
  const tz = sla.period.timeZone;
  const month = (mo: number): SlaPeriod => ({
    label: `${year}-${String(mo).padStart(2, '0')}`,
    start: startOfLocalMonth(year, mo, tz),
    end: startOfLocalMonth(year, mo + 1, tz),
  });
  if (m[2]) {
    if (sla.period.unit === 'quarter') {
      return `SLA "${sla.id}" is measured by quarter: give --period ${year}-Q${Math.floor((Number(m[2]) - 1) / 3) + 1}`;
    }
    return [month(Number(m[2]))];
  }
  const first = (Number(m[3]) - 1) * 3 + 1;
  if (sla.period.unit === 'quarter') {
    return [{ label: period, start: startOfLocalMonth(year, first, tz), end: startOfLocalMonth(year, first + 3, tz) }];
  }
  return [month(first), month(first + 1), month(first + 2)];
}

type Fetched<T> = { ok: true; value: T } | { ok: false; error: string };

async function getJson(
  c: SlaReportCommand,
  io: GateIo,
  url: string,
  init: RequestInit = {}
): Promise<Fetched<unknown>> {
  try {
    const res = await io.fetch(url, { ...init, signal: AbortSignal.timeout(c.timeoutMs) });
    if (!res.ok) {
      const why = res.status === 401 || res.status === 403 ? ': the token is refused' : '';
      return { ok: false, error: `${url.split('?')[0]}: HTTP ${res.status}${why}` };
    }
    return { ok: true, value: await res.json() };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const reason =
      err.name === 'TimeoutError' ? `no answer within ${c.timeoutMs / 1000}s` : (err.cause?.code ?? err.message);
    return { ok: false, error: `${url.split('?')[0]}: ${reason}` };
  }
}

/**
 * Every query in ONE instant query: each as `label_replace(<query>, "sla_ref", "<refId>", "", "")`, joined with
 * `or`. Each query is a label-less vector, so the ref label alone tells them apart and `or` drops none.
 */
async function readValues(
  c: SlaReportCommand,
  io: GateIo,
  queries: Array<{ refId: string; expr: string }>,
  now: number
): Promise<Fetched<Map<string, number>>> {
  const out = new Map<string, number>();
  if (!queries.length) {
    return { ok: true, value: out };
  }
  const query = queries.map((q) => `label_replace(${q.expr}, "sla_ref", "${q.refId}", "", "")`).join(' or ');
  const r = await getJson(c, io, `${c.prometheusUrl}/api/v1/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ query, time: String(now / 1000) }).toString(),
  });
  if (!r.ok) {
    return r;
  }
  const body = r.value as { status?: string; data?: { resultType?: string; result?: unknown } };
  if (body?.status !== 'success' || body.data?.resultType !== 'vector' || !Array.isArray(body.data.result)) {
    return { ok: false, error: `${c.prometheusUrl}/api/v1/query: not a Prometheus instant-vector answer` };
  }
  for (const s of body.data.result as Array<{ metric?: Record<string, string>; value?: [number, string] }>) {
    const v = Number(s.value?.[1]);
    if (s.metric?.sla_ref && Number.isFinite(v)) {
      out.set(s.metric.sla_ref, v);
    }
  }
  return { ok: true, value: out };
}

/** Maintenance windows overlapping [from, to] from Grafana's annotations (regions and cancellations: 2 requests). */
async function readMaintenance(
  c: SlaReportCommand,
  io: GateIo,
  token: string,
  from: number,
  to: number
): Promise<Fetched<MaintenanceWindow[]>> {
  const read = (tag: string, since: number) => {
    const q = new URLSearchParams({
      tags: tag,
      from: String(since),
      to: String(to),
      limit: '5000',
      type: 'annotation',
    });
    return getJson(c, io, `${c.grafanaUrl}/api/annotations?${q}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
    });
  };
  const [regions, events] = await Promise.all([
    read(MAINTENANCE_TAG, from),
    read(MAINTENANCE_EVENT_TAG, from - MAX_MAINTENANCE_MS),
  ]);
  if (!regions.ok) {
    return regions;
  }
  if (!events.ok) {
    return events;
  }
  const folded = foldMaintenance(regions.value as StoredAnnotation[], events.value as StoredAnnotation[]);
  folded.problems.forEach((p) => io.stderr(`note: ${p.message}\n`));
  return { ok: true, value: excludingWindows(folded.windows) };
}

function render(c: SlaReportCommand, sla: Sla, results: SlaPeriodResult[]): string {
  switch (c.format) {
    case 'csv':
      return slaReportCsv(sla, results);
    case 'json':
      return `${JSON.stringify({ sla: { id: sla.id, name: sla.name, customer: sla.customer, target: sla.target, method: sla.method }, results }, null, 2)}\n`;
    default:
      return slaReportMarkdown(sla, results);
  }
}

/**
 * Runs the report; returns its exit code: 0 written, 1 the output cannot be written, 2 usage (an unknown SLA, a
 * period the SLA cannot be reported by, a missing token), 3 written but a period has no data (also when Prometheus
 * or Grafana could not be read: the report says "no data" and stderr says why).
 */
export async function runSlaReport(
  c: SlaReportCommand,
  loaded: { slos: Slo[]; slas: Sla[] },
  io: GateIo,
  emit: (text: string) => number
): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`error: ${message}\n`);
    return 2;
  };
  const sla = loaded.slas.find((s) => s.id === c.slaId);
  if (!sla) {
    const known = loaded.slas.map((s) => s.id);
    return usage(
      `--sla: no SLA "${c.slaId}" in the files${known.length ? ` (found: ${known.join(', ')})` : ' (they hold no slas:)'}`
    );
  }
  const slo = slaIndicatorSlo(sla, loaded.slos);
  if (!slo) {
    return usage(`SLA "${sla.id}": its indicator names no SLO of the files`);
  }
  const periods = reportPeriods(sla, c.period);
  if (typeof periods === 'string') {
    return usage(periods);
  }
  let token: string | undefined;
  if (c.grafanaUrl) {
    token = io.env.GRAFANA_TOKEN?.trim();
    if (!token) {
      return usage('--grafana-url needs a Grafana service-account token in the environment variable GRAFANA_TOKEN');
    }
  }
  const now = io.now();
  let failed = false;
  let windows: MaintenanceWindow[] = [];
  const from = periods[0].start;
  const to = periods[periods.length - 1].end;
  if (c.grafanaUrl && token) {
    const m = await readMaintenance(c, io, token, from, to);
    if (m.ok) {
      windows = m.value;
    } else {
      io.stderr(`error: maintenance not read: ${m.error}\n`);
      failed = true;
    }
  } else {
    io.stderr('note: no --grafana-url: no maintenance is excluded\n');
  }
  const exclusions = windows
    .filter((w) => w.services.some((s) => sla.services.includes(s)))
    .map((w) => ({ start: w.start, end: w.end, title: w.title, id: w.id }));
  const plan = planSlaResults(sla, slo.id, periods, exclusions, now);
  let results: SlaPeriodResult[];
  if (failed) {
    results = plan.results(() => undefined);
  } else {
    const values = await readValues(c, io, plan.queries, now);
    if (!values.ok) {
      io.stderr(`error: ${values.error}\n`);
    }
    results = plan.results((refId) => (values.ok ? values.value.get(refId) : undefined));
  }
  const code = emit(render(c, sla, results));
  if (code !== 0) {
    return code;
  }
  return results.some((r) => r.standing === 'no_data') ? 3 : 0;
}
