import React from 'react';
import { AreaPage } from '../../components/AreaPage';
import { testIds } from '../../components/testIds';
import { SloOverview } from './SloOverview';
import { OpenIncidents } from './OpenIncidents';
import { Stack } from '@grafana/ui';

/** The Overview area. */
export default function OverviewPage() {
  return (
    <AreaPage
      testId={testIds.pages.overview}
      description="SLOs by status with the worst error budgets first, and the incidents that are open now."
    >
      <Stack direction="column" gap={4}>
        <OpenIncidents />
        <SloOverview />
      </Stack>
    </AreaPage>
  );
}
