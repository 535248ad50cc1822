import React, { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, LinkButton, LoadingPlaceholder, Stack, Text, TextLink } from '@grafana/ui';
import { fetchIncidentsBudgets } from '../../api/incidentBudget';
import { appHref } from '../../components/links';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { useAppData } from '../data/appData';
import { errorMessage, queryClient } from '../data/queryClient';
import { PostmortemDueBadge } from '../Incidents/PostmortemDueBadge';
import { budgetConsumption, type PostmortemDue, postmortemDue } from '../Incidents/postmortemDue';
import { useIncidents } from '../Incidents/useIncidents';
import { overviewPostmortemRange, useOverviewPostmortems } from './useOverviewPostmortems';

/** How many postmortems are listed; the count covers all. */
export const DUE_SHOWN = 5;

/**
 * Resolved incidents of the last 90 days whose postmortem the policy requires and that is not published, overdue
 * first, then the soonest due. A constant number of requests: the incidents of the range, the postmortems of the
 * range (shared with the overdue action items), the settings, and one /api/ds/query per data source for the budgets
 * of the incidents that only their budget share could make due.
 */
export function PostmortemsDue({ now }: { now: number }) {
  const { from, to } = overviewPostmortemRange(now);
  const incidents = useIncidents(from, to);
  const postmortems = useOverviewPostmortems(now);
  const app = useAppData();

  const ready = !incidents.loading && incidents.error === undefined && postmortems.data && app.data;
  const statuses = useMemo(
    () => new Map((postmortems.data?.postmortems ?? []).map((pm) => [pm.incidentId, pm.status])),
    [postmortems.data]
  );
  const resolved = useMemo(
    () =>
      ready
        ? incidents.value.incidents.filter(
            (i) => i.status === 'resolved' && i.resolvedAt !== undefined && i.resolvedAt >= from
          )
        : [],
    [ready, incidents, from]
  );
  // Severity alone decides for most; budgets are read only where they can change the answer.
  const policy = app.data?.postmortems.policy;
  const spans = resolved
    .filter(
      (i) =>
        i.sloIds.length > 0 && statuses.get(i.id) !== 'published' && !policy?.requiredSeverities.includes(i.severity)
    )
    .map((i) => ({
      id: i.id,
      startedAt: i.startedAt,
      endedAt: i.resolvedAt!,
      slos: (app.data?.slos.items ?? []).filter((s) => i.sloIds.includes(s.id)),
    }))
    .filter((span) => span.slos.length > 0);
  const budgets = useQuery(
    {
      queryKey: [
        'overview-postmortem-budgets',
        spans.map(({ id, startedAt, endedAt, slos }) => [id, startedAt, endedAt, slos.map((s) => s.id)]),
      ],
      enabled: spans.length > 0,
      queryFn: () => fetchIncidentsBudgets(spans, app.data?.defaultUid),
    },
    queryClient
  );

  let body: React.ReactNode;
  if (incidents.loading || postmortems.isPending || app.isPending) {
    body = <LoadingPlaceholder text="Loading postmortems…" />;
  } else if (incidents.error !== undefined || postmortems.isError || app.isError) {
    body = (
      <Alert severity="error" title="Could not check which postmortems are due">
        {incidents.error ?? errorMessage(postmortems.error ?? app.error)}
      </Alert>
    );
  } else if (spans.length > 0 && budgets.isPending) {
    body = <LoadingPlaceholder text="Reading the error budgets of the incidents…" />;
  } else {
    const due = resolved
      .flatMap((incident) => {
        const consumption = budgetConsumption(
          incident.sloIds,
          app.data.slos.items,
          budgets.data?.get(incident.id),
          app.data.policies.items
        );
        const mark = postmortemDue(incident, consumption, app.data.postmortems.policy, statuses.get(incident.id), now);
        return mark ? [{ incident, mark }] : [];
      })
      .sort((a, b) => overdueFirst(a.mark, b.mark) || a.mark.dueAt - b.mark.dueAt);
    const unread =
      budgets.isError ||
      [...(budgets.data?.values() ?? [])].some((bySlo) => [...bySlo.values()].some((b) => b.error !== undefined));
    body = (
      <Stack direction="column" gap={1}>
        {due.length === 0 ? (
          <Text color="secondary">No postmortem is due.</Text>
        ) : (
          <>
            <Text>
              <span aria-label="postmortems due count">{due.length}</span>
              {due.length === 1 ? ' postmortem is due' : ' postmortems are due'}
              {due.length > DUE_SHOWN ? `; the ${DUE_SHOWN} most urgent:` : ':'}
            </Text>
            <ul aria-label="Postmortems due">
              {due.slice(0, DUE_SHOWN).map(({ incident, mark }) => (
                <li key={incident.id}>
                  <Stack gap={1} alignItems="center" wrap="wrap">
                    <PostmortemDueBadge due={mark} />
                    <TextLink href={appHref(`${ROUTES.Incidents}/${encodeURIComponent(incident.id)}`)} inline={false}>
                      {incident.title}
                    </TextLink>
                    <Text color="secondary">{statusText(statuses.get(incident.id))}</Text>
                  </Stack>
                </li>
              ))}
            </ul>
          </>
        )}
        {unread && (
          <Text color="warning" variant="bodySmall">
            Some error budgets could not be read: an incident that needs a postmortem only for its budget share may be
            missing.
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <section data-testid={testIds.overview.postmortemsDue}>
      <Stack direction="column" gap={1}>
        <Stack justifyContent="space-between" alignItems="center">
          <Text element="h3">Postmortems due</Text>
          <LinkButton size="sm" variant="secondary" href={appHref(ROUTES.Postmortems)}>
            All postmortems
          </LinkButton>
        </Stack>
        {body}
      </Stack>
    </section>
  );
}

const overdueFirst = (a: PostmortemDue, b: PostmortemDue): number =>
  Number(b.state === 'overdue') - Number(a.state === 'overdue');

const statusText = (status: string | undefined): string =>
  status === undefined ? 'not started' : status === 'in_review' ? 'in review' : status;
