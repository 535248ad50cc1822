/**
 * How much of each linked SLO's error budget an incident consumed. Counts come from Prometheus through Grafana's
 * data source layer (one /api/ds/query request per data source, instant queries at the incident's end); the
 * arithmetic is domain/incident/budget.ts.
 */
import { incidentBudgetConsumed } from '../domain/incident/budget';
import { windowDuration } from '../domain/slo/defaults';
import { durationSeconds } from '../domain/slo/durations';
import type { DataSourceRef, Slo } from '../domain/slo/model';
import { badRateQuery, totalRateQuery } from '../domain/slo/sli';
import { NO_DATASOURCE, queryPrometheus, type PromQuery, type QueryResults } from './dsQuery';

/** The budget one incident consumed of one SLO: a fraction (0.25 = a quarter), or why it is unknown. */
export interface IncidentBudget {
  /** Undefined: no data (no traffic, no series, or an error). */
  consumed?: number;
  /** The SLO window the budget belongs to, e.g. `30d`. */
  window: string;
  error?: string;
}

/** Seconds between two epoch-ms times, at least 1 (Prometheus ranges must be positive). */
export function incidentWindowSeconds(startedAt: number, endedAt: number): number {
  return Math.max(1, Math.round((endedAt - startedAt) / 1000));
}

/**
 * The two PromQL expressions for one SLO and incident, evaluated as instant queries at `endedAt`:
 * - bad: bad events during the incident = bad-event rate over the incident window × its length in seconds;
 * - total: all events over the SLO window ending at `endedAt` = total rate over that window × its seconds.
 */
export function incidentBudgetQueries(slo: Slo, startedAt: number, endedAt: number): { bad: string; total: string } {
  const incidentSeconds = incidentWindowSeconds(startedAt, endedAt);
  const window = windowDuration(slo);
  return {
    bad: `${badRateQuery(slo, `${incidentSeconds}s`)} * ${incidentSeconds}`,
    total: `${totalRateQuery(slo, window)} * ${durationSeconds(window)}`,
  };
}

/** Sum of the latest value of every series of a query; undefined when it returned no series. */
function sumLatest(results: QueryResults, refId: string): number | undefined {
  const series = results[refId]?.series ?? [];
  const values = series.map((s) => s.points[s.points.length - 1]?.[1]).filter((v): v is number => v !== undefined);
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0);
}

/**
 * The budget share from the answers to a bad-events and a total-events query (refIds `badRef` and `totalRef`), or
 * the error either query gave, or no data. Shared by incidents and releases (the budget burned since a release).
 */
export function budgetFromResults(slo: Slo, results: QueryResults, badRef: string, totalRef: string): IncidentBudget {
  const window = windowDuration(slo);
  const error = results[badRef]?.error ?? results[totalRef]?.error;
  if (error) {
    return { window, error };
  }
  const bad = sumLatest(results, badRef);
  const total = sumLatest(results, totalRef);
  if (bad === undefined || total === undefined) {
    return { window };
  }
  // total − good can come out a hair below zero in floating point.
  const consumed = incidentBudgetConsumed({
    badEvents: Math.max(0, bad),
    totalEvents: Math.max(0, total),
    objective: slo.objective.target,
  });
  return consumed === undefined ? { window } : { window, consumed };
}

/** One incident for fetchIncidentsBudgets: its span and the SLOs it is linked to. */
export interface IncidentSpan {
  id: string;
  startedAt: number;
  endedAt: number;
  slos: Slo[];
}

/**
 * `expr` evaluated at `atMs` instead of the request's evaluation time, so incidents that ended at different times
 * share one instant-query request. The `@` modifier attaches only to selectors and subqueries, hence the 1ms
 * subquery: its last (and at most second) point is at exactly `atMs`. Needs the `@` modifier (on by default since
 * Prometheus 2.33); where it is missing, only these pinned queries fail, with the store's error.
 */
export function evaluatedAt(expr: string, atMs: number): string {
  return `last_over_time((${expr})[1ms:1ms] @ ${(atMs / 1000).toFixed(3)})`;
}

/**
 * The budget each incident consumed of each of its SLOs: incident id → SLO id → budget. ONE /api/ds/query request
 * per data source for all the incidents and SLOs together: the request is evaluated at the latest end of its
 * incidents, and an incident that ended earlier has its queries pinned to its own end (evaluatedAt). A failed
 * request marks its SLOs with the error instead of throwing.
 */
export async function fetchIncidentsBudgets(
  incidents: IncidentSpan[],
  defaultUid: string | undefined
): Promise<Map<string, Map<string, IncidentBudget>>> {
  const out = new Map(incidents.map((i) => [i.id, new Map<string, IncidentBudget>()]));
  const byDatasource = new Map<string, Array<{ incident: IncidentSpan; slo: Slo }>>();
  const refs = new Map<string, DataSourceRef>();
  for (const incident of incidents) {
    for (const slo of incident.slos) {
      const uid = slo.datasource?.uid || defaultUid;
      if (!uid) {
        out.get(incident.id)!.set(slo.id, {
          window: windowDuration(slo),
          error: NO_DATASOURCE,
        });
        continue;
      }
      byDatasource.set(uid, [...(byDatasource.get(uid) ?? []), { incident, slo }]);
      // The SLO's own ref carries the data source's plugin type; the default uid alone does not.
      refs.set(uid, slo.datasource?.uid === uid ? slo.datasource : (refs.get(uid) ?? { uid }));
    }
  }
  await Promise.all(
    [...byDatasource].map(async ([uid, group]) => {
      const to = Math.max(...group.map((g) => g.incident.endedAt));
      const from = Math.min(...group.map((g) => g.incident.startedAt));
      const queries: PromQuery[] = group.flatMap(({ incident, slo }, i) => {
        const q = incidentBudgetQueries(slo, incident.startedAt, incident.endedAt);
        const at = (expr: string) => (incident.endedAt === to ? expr : evaluatedAt(expr, incident.endedAt));
        return [
          { refId: `bad${i}`, expr: at(q.bad) },
          { refId: `total${i}`, expr: at(q.total) },
        ];
      });
      try {
        const results = await queryPrometheus(refs.get(uid) ?? uid, queries, { from, to, instant: true });
        group.forEach(({ incident, slo }, i) => out.get(incident.id)!.set(slo.id, budgetFromResults(slo, results, `bad${i}`, `total${i}`)));
      } catch (e) {
        group.forEach(({ incident, slo }) =>
          out.get(incident.id)!.set(slo.id, { window: windowDuration(slo), error: (e as Error).message })
        );
      }
    })
  );
  return out;
}

/**
 * The budget the incident [startedAt, endedAt] consumed of every SLO, keyed by SLO id. One request per data
 * source whatever the number of SLOs; a failed request marks its SLOs with the error instead of throwing.
 */
export async function fetchIncidentBudgets(
  slos: Slo[],
  incident: { startedAt: number; endedAt: number },
  defaultUid: string | undefined
): Promise<Map<string, IncidentBudget>> {
  const budgets = await fetchIncidentsBudgets([{ id: '', ...incident, slos }], defaultUid);
  return budgets.get('')!;
}
