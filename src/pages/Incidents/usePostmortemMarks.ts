import { useQuery } from '@tanstack/react-query';
import { fetchIncidentsBudgets } from '../../api/incidentBudget';
import type { LoadedIncident } from '../../api/incidents';
import { crossedSlos, incidentShareVerdict, type IncidentShareVerdict } from '../../domain/incident/budgetRule';
import { loadAppData } from '../data/appData';
import { errorMessage, queryClient } from '../data/queryClient';

export type CrossedSlo = Extract<IncidentShareVerdict, { kind: 'crossed' }>;

/** Per incident id, the linked SLOs whose budget the incident consumed more of than their policy allows. */
export type PostmortemMarks =
  | { loading: true }
  | { loading: false; error: string }
  | { loading: false; error?: undefined; crossed: Map<string, CrossedSlo[]> };

/**
 * The 20% rule for the incidents on the visible page only: one /api/ds/query request per data source for all of
 * them, after and apart from the list's own query, so the cards render first and the badges follow. A page whose
 * incidents link no SLO sends nothing (not even the settings read).
 */
export function usePostmortemMarks(shown: LoadedIncident[], now: number): PostmortemMarks {
  const linked = shown.filter((i) => i.sloIds.length > 0);
  const spans = linked.map((i) => ({
    id: i.id,
    startedAt: i.startedAt,
    endedAt: i.resolvedAt ?? now,
    sloIds: i.sloIds,
  }));
  const query = useQuery(
    {
      queryKey: ['incident-postmortem-marks', spans],
      enabled: spans.length > 0,
      queryFn: async () => {
        const app = await loadAppData();
        const slos = new Map(app.slos.items.map((s) => [s.id, s]));
        const withSlos = spans.map(({ sloIds, ...span }) => ({
          ...span,
          // An SLO deleted since it was linked has no budget to read.
          slos: sloIds.flatMap((id) => slos.get(id) ?? []),
        }));
        const budgets = await fetchIncidentsBudgets(withSlos, app.defaultUid);
        return new Map(
          withSlos.map((span) => [
            span.id,
            crossedSlos(
              span.slos.map((slo) =>
                incidentShareVerdict(slo, budgets.get(span.id)?.get(slo.id)?.consumed, app.policies.items)
              )
            ),
          ])
        );
      },
    },
    queryClient
  );
  if (spans.length === 0) {
    return { loading: false, crossed: new Map() };
  }
  if (query.isPending) {
    return { loading: true };
  }
  if (query.isError) {
    return { loading: false, error: errorMessage(query.error) };
  }
  return { loading: false, crossed: query.data };
}
