import React, { useState } from 'react';
import { AreaPage } from '../../components/AreaPage';
import { testIds } from '../../components/testIds';
import { SloOverview } from './SloOverview';
import { OpenIncidents } from './OpenIncidents';
import { OverdueActionItems } from './OverdueActionItems';
import { PostmortemsDue } from './PostmortemsDue';
import { ToilOverBudget } from './ToilOverBudget';
import { Stack } from '@grafana/ui';

/** The Overview area. */
export default function OverviewPage() {
  // One clock for the postmortem sections, so they share one read of the range's postmortems.
  const [now] = useState(() => Date.now());
  return (
    <AreaPage
      testId={testIds.pages.overview}
      description="SLOs by status with the worst error budgets first, the incidents that are open now, postmortems due, overdue action items, and teams over their toil budget."
    >
      <Stack direction="column" gap={4}>
        <OpenIncidents />
        <SloOverview />
        <PostmortemsDue now={now} />
        <OverdueActionItems now={now} />
        <ToilOverBudget />
      </Stack>
    </AreaPage>
  );
}
