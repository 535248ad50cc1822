import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { appendEvent, getIncident, type IncidentProblem, type LoadedIncident } from '../../../api/incidents';
import { currentLogin } from '../../../api/permissions';
import { type AppSettings, DEFAULT_SETTINGS } from '../../../api/types';
import { useAppData } from '../../data/appData';
import { errorMessage, queryClient } from '../../data/queryClient';
import { newEventId, nextEventAt } from '../../../domain/incident/ids';
import type { ErrorBudgetPolicy } from '../../../domain/policy/model';
import type { Slo } from '../../../domain/slo/model';
import { type EventPayload, stamp } from './commands';

export interface DetailContext {
  settings: Required<AppSettings>;
  slos: Slo[];
  /** The valid stored policies; an SLO that names none follows the built-in Workbook policy. */
  policies: ErrorBudgetPolicy[];
  /** Set when the plugin settings could not be read; the incident still shows. */
  settingsError?: string;
}

export type DetailState =
  | { loading: true }
  | { loading: false; error: string }
  | {
      loading: false;
      error?: undefined;
      incident?: LoadedIncident;
      problems: IncidentProblem[];
      context: DetailContext;
    };

/**
 * The incident page's state: the folded incident plus the app settings, and `run` to append one event.
 * `run` resolves to true when the event was stored; a refusal or HTTP error lands in `actionError`.
 * Both reads go through the app's query cache: the settings and SLOs are the ones the other pages read.
 */
export function useIncidentDetail(id: string) {
  const [pending, setPending] = useState(false);
  const [actionError, setActionError] = useState<string>();
  const incidentKey = useMemo(() => ['incident', id], [id]);
  const incidentQuery = useQuery({ queryKey: incidentKey, queryFn: () => getIncident(id) }, queryClient);
  const app = useAppData();

  let state: DetailState;
  if (incidentQuery.isPending || app.isPending) {
    state = { loading: true };
  } else if (incidentQuery.isError) {
    state = { loading: false, error: errorMessage(incidentQuery.error) };
  } else {
    // Without the settings the incident still shows; the sections that need them say why they are empty.
    const context: DetailContext = app.isError
      ? { settings: DEFAULT_SETTINGS, slos: [], policies: [], settingsError: errorMessage(app.error) }
      : { settings: app.data.settings, slos: app.data.slos.items, policies: app.data.policies.items };
    state = { loading: false, incident: incidentQuery.data.incident, problems: incidentQuery.data.problems, context };
  }

  const incident = !state.loading && state.error === undefined ? state.incident : undefined;

  const run = useCallback(
    async (payload: EventPayload): Promise<boolean> => {
      if (!incident) {
        return false;
      }
      const at = nextEventAt(incident, Date.now());
      const event = stamp(incident, payload, { id: newEventId(at, Math.random), at, author: currentLogin() });
      setPending(true);
      setActionError(undefined);
      try {
        const next = await appendEvent(incident, event);
        queryClient.setQueryData<Awaited<ReturnType<typeof getIncident>>>(incidentKey, (old) =>
          old ? { ...old, incident: next } : old
        );
        return true;
      } catch (e) {
        setActionError(e instanceof Error ? e.message : String(e));
        return false;
      } finally {
        setPending(false);
      }
    },
    [incident, incidentKey]
  );

  return { state, run, pending, actionError, clearError: () => setActionError(undefined) };
}
