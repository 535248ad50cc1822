import React from 'react';
import { AreaPage } from '../../components/AreaPage';
import { testIds } from '../../components/testIds';
import { SloOverview } from './SloOverview';
import { OpenIncidents } from './OpenIncidents';
import { ToilOverBudget } from './ToilOverBudget';
import { Stack } from '@grafana/ui';

/** The Overview area. */
export default function OverviewPage() {
  return (
    <AreaPage
      testId={testIds.pages.overview}
      description="SLOs by status with the worst error budgets first, the incidents that are open now, and teams over their toil budget."
    >
      <Stack direction="column" gap={4}>
        <OpenIncidents />
        <SloOverview />
        <ToilOverBudget />
      </Stack>
    </AreaPage>
  );
}
