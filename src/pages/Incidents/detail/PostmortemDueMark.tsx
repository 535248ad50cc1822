import React from 'react';
import { useQuery } from '@tanstack/react-query';
import { Stack, Text } from '@grafana/ui';
import type { LoadedIncident } from '../../../api/incidents';
import { getPostmortem } from '../../../api/postmortems';
import { testIds } from '../../../components/testIds';
import type { ErrorBudgetPolicy } from '../../../domain/policy/model';
import type { Slo } from '../../../domain/slo/model';
import { useAppData } from '../../data/appData';
import { errorMessage, queryClient } from '../../data/queryClient';
import { PostmortemDueBadge } from '../PostmortemDueBadge';
import { budgetConsumption, postmortemDue } from '../postmortemDue';
import { useIncidentBudgets } from './useIncidentBudgets';

interface Props {
  incident: LoadedIncident;
  slos: Slo[];
  policies: ErrorBudgetPolicy[];
  defaultPrometheusUid: string;
  now: number;
}

/**
 * Beside "Write postmortem" on a resolved incident's page: "Postmortem due <date>" or "Postmortem overdue" with the
 * policy's reason, while the postmortem the policy requires is not published. It reads the incident's postmortem
 * (one request, cached under the postmortem page's key) and shares the Linked SLOs section's budget read.
 */
export function PostmortemDueMark({ incident, slos, policies, defaultPrometheusUid, now }: Props) {
  const app = useAppData();
  const linked = slos.filter((s) => incident.sloIds.includes(s.id));
  const budgets = useIncidentBudgets(incident, linked, defaultPrometheusUid, now);
  const postmortem = useQuery(
    { queryKey: ['postmortem', incident.id], queryFn: () => getPostmortem(incident.id) },
    queryClient
  );
  if (postmortem.isError) {
    return (
      <Text color="warning" variant="bodySmall" data-testid={testIds.incidents.postmortemsError}>
        {`Could not read this incident's postmortem, so whether one is due is not shown: ${errorMessage(postmortem.error)}`}
      </Text>
    );
  }
  // A failed settings read is reported by the page; the policy is not guessed.
  if (!app.data || !postmortem.data || (linked.length > 0 && budgets.loading)) {
    return null;
  }
  const read = !budgets.loading && budgets.error === undefined ? budgets.value : undefined;
  const due = postmortemDue(
    incident,
    budgetConsumption(incident.sloIds, linked, read, policies),
    app.data.postmortems.policy,
    postmortem.data.postmortem?.status,
    now
  );
  if (!due) {
    return null;
  }
  return (
    <Stack gap={1} alignItems="center" wrap="wrap">
      <PostmortemDueBadge due={due} />
      <Text color="secondary" variant="bodySmall" data-testid={testIds.incidentDetail.postmortemReason}>
        {due.reason}
      </Text>
    </Stack>
  );
}
