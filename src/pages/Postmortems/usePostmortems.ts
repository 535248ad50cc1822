import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { getPluginSettings } from '../../api/pluginSettings';
import { readPostmortemConfig } from '../../api/postmortemConfig';
import { appendPostmortemEvent, getPostmortem, listPostmortems, type PostmortemCommand } from '../../api/postmortems';
import {
  DEFAULT_POSTMORTEM_POLICY,
  DEFAULT_SECTIONS,
  type Postmortem,
  type PostmortemProblem,
} from '../../domain/postmortem';
import { errorMessage, queryClient } from '../data/queryClient';

/** The postmortems started in [from, to]. */
export function usePostmortemList(from: number, to: number) {
  return useQuery({ queryKey: ['postmortems', from, to], queryFn: () => listPostmortems({ from, to }) }, queryClient);
}

const key = (incidentId: string) => ['postmortem', incidentId];

export interface LoadedPostmortem {
  postmortem: Postmortem | undefined;
  problems: PostmortemProblem[];
}

/** One postmortem, and `append` to record an event: the answer (the re-read postmortem) replaces the cached one. */
export function usePostmortem(incidentId: string) {
  const query = useQuery({ queryKey: key(incidentId), queryFn: () => getPostmortem(incidentId) }, queryClient);
  const set = useCallback(
    (value: LoadedPostmortem) => queryClient.setQueryData<LoadedPostmortem>(key(incidentId), value),
    [incidentId]
  );
  const append = useCallback(
    async (pm: Postmortem, command: PostmortemCommand): Promise<Postmortem> => {
      const next = await appendPostmortemEvent(pm, command);
      set(next);
      return next.postmortem;
    },
    [set]
  );
  return { query, append, set };
}

/**
 * The section template and policy in force. A failed settings read must not stop anyone writing: the defaults
 * are used and the reason is shown.
 */
export function usePostmortemConfig() {
  const query = useQuery(
    {
      queryKey: ['postmortem-config'],
      queryFn: async () => readPostmortemConfig((await getPluginSettings()).jsonData ?? {}),
      staleTime: 30_000,
    },
    queryClient
  );
  if (query.data) {
    return { sections: query.data.sections, policy: query.data.policy, problems: query.data.problems, loading: false };
  }
  return {
    sections: DEFAULT_SECTIONS,
    policy: DEFAULT_POSTMORTEM_POLICY,
    problems: query.error
      ? [`Could not read the postmortem settings, using the defaults: ${errorMessage(query.error)}`]
      : [],
    loading: query.isPending,
  };
}
