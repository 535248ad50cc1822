import { useQuery } from '@tanstack/react-query';
import { fetchIncidentsBudgets, type IncidentBudget } from '../../api/incidentBudget';
import type { LoadedIncident } from '../../api/incidents';
import { listPostmortems } from '../../api/postmortems';
import { crossedSlos, incidentShareVerdict, type IncidentShareVerdict } from '../../domain/incident/budgetRule';
import type { PostmortemStatus } from '../../domain/postmortem/model';
import { loadAppData } from '../data/appData';
import { errorMessage, queryClient } from '../data/queryClient';
import { budgetConsumption, type PostmortemDue, postmortemDue } from './postmortemDue';

export type CrossedSlo = Extract<IncidentShareVerdict, { kind: 'crossed' }>;

/** What the list shows about one incident's postmortem. */
export interface PostmortemMark {
  /** The linked SLOs whose budget the incident consumed more of than their policy allows (the 20% rule). */
  crossed: CrossedSlo[];
  /** Set once the policy, the budgets and the postmortems are read, for a resolved incident that needs one. */
  due?: PostmortemDue;
  /** The status of its postmortem, when one was started. */
  status?: PostmortemStatus;
}

export interface PostmortemMarks {
  marks: Map<string, PostmortemMark>;
  /** The budgets or the settings could not be read: no 20% badges, and due marks only by severity. */
  budgetError?: string;
  /** The postmortems could not be read: no due marks and no statuses (a published one must not show overdue). */
  postmortemsError?: string;
  /** The postmortems of the range were read, so a missing status means none was started. */
  postmortemsRead: boolean;
}

type Budgets = Map<string, Map<string, IncidentBudget>>;

/**
 * The postmortem marks of the incidents on the visible page, read after and apart from the list's own query, so
 * the cards render first and the marks follow:
 * - budgets: one /api/ds/query request per data source for all the page's incidents that link an SLO;
 * - the postmortems of the list's range: ONE annotations request (listPostmortems), only when the page shows a
 *   resolved incident, shared through the cache with the Postmortems page;
 * - the settings (SLOs, policies, postmortem policy): the app's one cached read.
 * A page of open incidents that link no SLO sends nothing (not even the settings read).
 */
export function usePostmortemMarks(shown: LoadedIncident[], range: { from: number; to: number }): PostmortemMarks {
  const now = range.to;
  const linked = shown.filter((i) => i.sloIds.length > 0);
  const anyResolved = shown.some((i) => i.status === 'resolved');
  const spans = linked.map((i) => ({
    id: i.id,
    startedAt: i.startedAt,
    endedAt: i.resolvedAt ?? now,
    sloIds: i.sloIds,
  }));
  const budgets = useQuery(
    {
      queryKey: ['incident-postmortem-marks', spans],
      enabled: spans.length > 0,
      queryFn: async (): Promise<Budgets> => {
        const app = await loadAppData();
        const slos = new Map(app.slos.items.map((s) => [s.id, s]));
        const withSlos = spans.map(({ sloIds, ...span }) => ({
          ...span,
          // An SLO deleted since it was linked has no budget to read.
          slos: sloIds.flatMap((id) => slos.get(id) ?? []),
        }));
        return fetchIncidentsBudgets(withSlos, app.defaultUid);
      },
    },
    queryClient
  );
  const app = useQuery(
    {
      queryKey: ['incident-postmortem-marks', 'settings'],
      enabled: anyResolved || spans.length > 0,
      queryFn: loadAppData,
    },
    queryClient
  );
  // The Postmortems page's key for the same range: opening it right after shows this answer at once.
  const postmortems = useQuery(
    {
      queryKey: ['postmortems', range.from, range.to],
      enabled: anyResolved,
      queryFn: () => listPostmortems(range),
    },
    queryClient
  );

  const statuses = new Map((postmortems.data?.postmortems ?? []).map((pm) => [pm.incidentId, pm.status]));
  const marks = new Map<string, PostmortemMark>();
  for (const incident of shown) {
    const read = budgets.data?.get(incident.id);
    const mark: PostmortemMark = {
      crossed:
        read && app.data
          ? crossedSlos(
              incident.sloIds.flatMap((id) => {
                const slo = app.data.slos.items.find((s) => s.id === id);
                return slo ? [incidentShareVerdict(slo, read.get(id)?.consumed, app.data.policies.items)] : [];
              })
            )
          : [],
      status: statuses.get(incident.id),
    };
    // Due marks wait for everything they depend on, so an incident required only by its budget does not flicker.
    const budgetsSettled = incident.sloIds.length === 0 || budgets.isSuccess || budgets.isError;
    if (incident.status === 'resolved' && app.data && postmortems.isSuccess && budgetsSettled) {
      const consumption = budgetConsumption(incident.sloIds, app.data.slos.items, read, app.data.policies.items);
      mark.due = postmortemDue(incident, consumption, app.data.postmortems.policy, mark.status, now);
    }
    marks.set(incident.id, mark);
  }
  const failed = budgets.isError ? budgets.error : app.isError ? app.error : undefined;
  return {
    marks,
    budgetError: failed === undefined ? undefined : errorMessage(failed),
    postmortemsError: postmortems.isError ? errorMessage(postmortems.error) : undefined,
    postmortemsRead: postmortems.isSuccess,
  };
}
