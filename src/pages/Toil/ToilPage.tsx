import React from 'react';
import { AreaPage } from '../../components/AreaPage';
import { testIds } from '../../components/testIds';

/** The Toil area. */
export default function ToilPage() {
  return (
    <AreaPage
      testId={testIds.pages.toil}
      description="Record toil against a budget so the team can see where manual work is eating engineering time."
    />
  );
}
