import React, { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, LinkButton, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import { listToil } from '../../api/toil';
import { appHref } from '../../components/links';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { toilByTeam } from '../../domain/toil';
import { useAppData } from '../data/appData';
import { errorMessage, queryClient } from '../data/queryClient';
import { TOIL_QUERY_KEY } from '../Toil/queryKeys';
import { formatHours, formatShare } from '../Toil/format';
import { monthOf, rangeParams } from '../Toil/toilParams';

/** Teams whose toil this calendar month (UTC) is over their budget, linking to the Toil reports of the month. */
export function ToilOverBudget() {
  const [now] = useState(() => Date.now());
  const month = useMemo(() => monthOf(now), [now]);
  const app = useAppData();
  // The Toil page's key for the same range, so opening the reports shows this answer at once.
  const list = useQuery(
    { queryKey: [...TOIL_QUERY_KEY, 'list', month.from, month.to], queryFn: () => listToil(month) },
    queryClient
  );
  const { from, to } = rangeParams(month);
  const href = appHref(`${ROUTES.Toil}?view=reports&period=month&from=${from}&to=${to}`);

  let body: React.ReactNode;
  if (list.isPending || app.isPending) {
    body = <LoadingPlaceholder text="Loading toil…" />;
  } else if (list.isError || app.isError) {
    body = (
      <Alert severity="error" title="Could not load toil">
        {errorMessage(list.error ?? app.error)}
      </Alert>
    );
  } else {
    const over = toilByTeam(list.data.entries, app.data.toilTeams.items, month, 'month', now).filter(
      (t) => t.status === 'over'
    );
    body =
      over.length === 0 ? (
        <Text color="secondary">No team is over its toil budget this month.</Text>
      ) : (
        <ul aria-label="Teams over toil budget">
          {over.map((t) => (
            <li key={t.team}>
              <Stack gap={1} alignItems="center">
                <Text weight="medium">{t.team}</Text>
                <Badge color="red" text={`${formatShare(t.share!)} of capacity`} />
                <Text color="secondary">
                  {formatHours(t.hours)} toil, budget {formatShare(t.budget!)}
                </Text>
              </Stack>
            </li>
          ))}
        </ul>
      );
  }
  return (
    <section data-testid={testIds.toil.overBudget}>
      <Stack direction="column" gap={1}>
        <Stack justifyContent="space-between" alignItems="center">
          <Text element="h3">Teams over toil budget</Text>
          <LinkButton size="sm" variant="secondary" href={href}>
            Toil reports
          </LinkButton>
        </Stack>
        {body}
      </Stack>
    </section>
  );
}
