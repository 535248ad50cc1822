import React from 'react';
import { AreaPage } from '../../components/AreaPage';
import { testIds } from '../../components/testIds';

/** The SLOs area. */
export default function SlosPage() {
  return (
    <AreaPage
      testId={testIds.pages.slos}
      description="Define service level objectives on your Prometheus data, and watch their SLIs, error budgets and burn rates."
    />
  );
}
