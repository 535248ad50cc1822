import { useCallback, useEffect, useState } from 'react';
import { appendEvent, getIncident, type IncidentProblem, type LoadedIncident } from '../../../api/incidents';
import { currentLogin } from '../../../api/permissions';
import { getPluginSettings } from '../../../api/pluginSettings';
import { type AppSettings, DEFAULT_SETTINGS } from '../../../api/types';
import { newEventId, nextEventAt } from '../../../domain/incident/ids';
import type { Slo } from '../../../domain/slo/model';
import { type EventPayload, stamp } from './commands';

export interface DetailContext {
  settings: Required<AppSettings>;
  slos: Slo[];
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

async function loadContext(): Promise<DetailContext> {
  try {
    // One settings read gives both the app settings and the SLOs (what listSlos() returns).
    const { jsonData } = await getPluginSettings();
    return { settings: { ...DEFAULT_SETTINGS, ...jsonData?.settings }, slos: jsonData?.slos ?? [] };
  } catch (e) {
    return { settings: DEFAULT_SETTINGS, slos: [], settingsError: (e as Error).message };
  }
}

/**
 * The incident page's state: the folded incident plus the app settings, and `run` to append one event.
 * `run` resolves to true when the event was stored; a refusal or HTTP error lands in `actionError`.
 */
export function useIncidentDetail(id: string) {
  const [state, setState] = useState<DetailState>({ loading: true });
  const [pending, setPending] = useState(false);
  const [actionError, setActionError] = useState<string>();

  useEffect(() => {
    let live = true;
    setState({ loading: true });
    Promise.all([getIncident(id), loadContext()]).then(
      ([{ incident, problems }, context]) => live && setState({ loading: false, incident, problems, context }),
      (e: unknown) => live && setState({ loading: false, error: e instanceof Error ? e.message : String(e) })
    );
    return () => {
      live = false;
    };
  }, [id]);

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
        setState((s) => (s.loading || s.error !== undefined ? s : { ...s, incident: next }));
        return true;
      } catch (e) {
        setActionError(e instanceof Error ? e.message : String(e));
        return false;
      } finally {
        setPending(false);
      }
    },
    [incident]
  );

  return { state, run, pending, actionError, clearError: () => setActionError(undefined) };
}
