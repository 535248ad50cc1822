import { type IncidentProblem, listIncidents, type LoadedIncident } from '../../api/incidents';
import { type LoadState, useLoad } from './useLoad';

/** Loads the incidents of [from, to]; reloads when the range changes. */
export function useIncidents(
  from: number,
  to: number
): LoadState<{ incidents: LoadedIncident[]; problems: IncidentProblem[] }> {
  return useLoad(['incidents', from, to], () => listIncidents({ from, to }));
}
