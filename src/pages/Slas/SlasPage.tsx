import React from 'react';
import { AreaPage } from '../../components/AreaPage';
import { testIds } from '../../components/testIds';

/** The SLAs area. */
export default function SlasPage() {
  return (
    <AreaPage
      testId={testIds.pages.slas}
      description="Track contract targets, credit tiers and monthly compliance, computed from the same SLIs as your SLOs."
    />
  );
}
