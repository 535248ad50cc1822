import { fetchIncidentBudgets, type IncidentBudget } from '../../../api/incidentBudget';
import type { LoadedIncident } from '../../../api/incidents';
import type { Slo } from '../../../domain/slo/model';
import { type LoadState, useLoad } from '../useLoad';

/**
 * The budget the incident consumed of each of `slos` (its linked SLOs that still exist), by SLO id. The Linked SLOs
 * section and the postmortem mark share this one cached read: one /api/ds/query per data source.
 */
export function useIncidentBudgets(
  incident: LoadedIncident,
  slos: readonly Slo[],
  defaultPrometheusUid: string,
  now: number
): LoadState<Map<string, IncidentBudget>> {
  const endedAt = incident.resolvedAt ?? now;
  return useLoad(`${slos.map((s) => s.id).join(',')}:${incident.startedAt}:${endedAt}`, () =>
    fetchIncidentBudgets([...slos], { startedAt: incident.startedAt, endedAt }, defaultPrometheusUid)
  );
}
