/**
 * An SLA's results for a set of periods, read from the SLA recording rules in ONE /api/ds/query request (every
 * period's queries batched), whatever the number of periods and exclusions.
 */
import type { Sla } from '../domain/sla/model';
import type { SlaPeriod } from '../domain/sla/period';
import { planSlaResults } from '../domain/sla/queries';
import type { SlaExclusion, SlaPeriodResult } from '../domain/sla/report';
import { slaIndicatorSlo } from '../domain/rules/slaRecording';
import type { DataSourceRef, Slo } from '../domain/slo/model';
import { NO_DATASOURCE, queryPrometheus, type QueryResults } from './dsQuery';

/** The fields of a maintenance window (src/api/maintenance.ts) that exclusions need. */
export interface MaintenanceLike {
  id: string;
  title: string;
  services: string[];
  start: number;
  end: number;
  cancelled?: boolean;
}

/** Why a period has no figure although the request worked. */
export class SlaQueryError extends Error {}

/**
 * The maintenance windows that apply to the SLA: not cancelled, and sharing a service with it. Callers pass
 * excludingWindows() (domain/sla/maintenance.ts), which turns a window cancelled while running into the part that ran.
 */
export function slaExclusions(sla: Pick<Sla, 'services'>, maintenance: readonly MaintenanceLike[]): SlaExclusion[] {
  const services = new Set(sla.services);
  return maintenance
    .filter((w) => !w.cancelled && w.end > w.start && w.services.some((s) => services.has(s)))
    .map((w) => ({ start: w.start, end: w.end, title: w.title, id: w.id }));
}

function value(results: QueryResults, refId: string): number | undefined {
  const r = results[refId];
  if (!r) {
    return undefined;
  }
  if (r.error) {
    throw new SlaQueryError(r.error);
  }
  const points = r.series.flatMap((s) => s.points);
  return points.length ? points[points.length - 1][1] : undefined;
}

/**
 * Each period's result for one SLA. The data source is the SLO's (or the SLA's own), else `defaultDatasource`;
 * maintenance is filtered to the SLA's services and clipped to each period.
 */
export async function fetchSlaResults(
  sla: Sla,
  slos: Slo[],
  periods: SlaPeriod[],
  maintenance: MaintenanceLike[],
  now: number,
  defaultDatasource?: string
): Promise<SlaPeriodResult[]> {
  const slo = slaIndicatorSlo(sla, slos);
  if (!slo) {
    throw new Error(`indicator.sloId: no SLO "${'sloId' in sla.indicator ? sla.indicator.sloId : ''}"`);
  }
  const ref: DataSourceRef | undefined = slo.datasource?.uid
    ? slo.datasource
    : defaultDatasource
      ? { uid: defaultDatasource }
      : undefined;
  if (!ref) {
    throw new Error(NO_DATASOURCE);
  }
  const plan = planSlaResults(sla, slo.id, periods, slaExclusions(sla, maintenance), now);
  const results = plan.queries.length
    ? await queryPrometheus(ref, plan.queries, { from: now - 60_000, to: now, instant: true })
    : {};
  return plan.results((refId) => value(results, refId));
}
