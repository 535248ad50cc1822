import React from 'react';
import { Alert, Badge, LinkButton, LoadingPlaceholder, Stack, Text, TextLink } from '@grafana/ui';
import { appHref } from '../../components/links';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { isOverdue, trackedItems } from '../../domain/postmortem/actionItems';
import { errorMessage } from '../data/queryClient';
import { PRIORITY_COLORS, formatDay, ownerText } from '../Postmortems/actionItems/format';
import { DEFAULT_DAYS, viewToParams } from '../Postmortems/actionItems/viewParams';
import { useOverviewPostmortems } from './useOverviewPostmortems';

/** How many of the oldest overdue items are listed; the count and the link cover all. */
export const OLDEST_SHOWN = 5;

/**
 * Action items past their due date, of the postmortems started in the Action items view's default range (so the
 * count matches what its "overdue" filter shows), the longest overdue first.
 */
export function OverdueActionItems({ now }: { now: number }) {
  const query = useOverviewPostmortems(now);
  const href = appHref(
    `${ROUTES.Postmortems}/action-items?${viewToParams({ days: DEFAULT_DAYS, filter: { overdue: true } })}`
  );

  let body: React.ReactNode;
  if (query.isPending) {
    body = <LoadingPlaceholder text="Loading action items…" />;
  } else if (query.isError) {
    body = (
      <Alert severity="error" title="Could not load action items">
        {errorMessage(query.error)}
      </Alert>
    );
  } else {
    const overdue = trackedItems(query.data.postmortems)
      .filter((i) => isOverdue(i, now))
      .sort((a, b) => a.due - b.due || (a.id < b.id ? -1 : 1));
    body =
      overdue.length === 0 ? (
        <Text color="secondary">No action item is overdue.</Text>
      ) : (
        <Stack direction="column" gap={1}>
          <Text>
            <span aria-label="overdue action items count">{overdue.length}</span>
            {overdue.length === 1 ? ' action item is overdue' : ' action items are overdue'}
            {overdue.length > OLDEST_SHOWN ? `; the ${OLDEST_SHOWN} longest overdue:` : ':'}
          </Text>
          <ul aria-label="Oldest overdue action items">
            {overdue.slice(0, OLDEST_SHOWN).map((item) => (
              <li key={`${item.incidentId}/${item.id}`}>
                <Stack gap={1} alignItems="center" wrap="wrap">
                  <Badge color={PRIORITY_COLORS[item.priority]} text={item.priority} />
                  <TextLink
                    href={appHref(`${ROUTES.Postmortems}/${encodeURIComponent(item.incidentId)}`)}
                    inline={false}
                  >
                    {item.title}
                  </TextLink>
                  <Text color="secondary">
                    {`due ${formatDay(item.due)} · ${ownerText(item.owner)} · ${item.incidentId}`}
                  </Text>
                </Stack>
              </li>
            ))}
          </ul>
        </Stack>
      );
  }
  return (
    <section data-testid={testIds.overview.overdueActionItems}>
      <Stack direction="column" gap={1}>
        <Stack justifyContent="space-between" alignItems="center">
          <Text element="h3">Overdue action items</Text>
          <LinkButton size="sm" variant="secondary" href={href}>
            Overdue in Action items
          </LinkButton>
        </Stack>
        {body}
      </Stack>
    </section>
  );
}
