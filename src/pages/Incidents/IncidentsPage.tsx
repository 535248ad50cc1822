import React from 'react';
import { AreaPage } from '../../components/AreaPage';
import { testIds } from '../../components/testIds';

/** The Incidents area. */
export default function IncidentsPage() {
  return (
    <AreaPage
      testId={testIds.pages.incidents}
      description="Declare and run incidents with clear roles, a timeline and status updates, shown as annotations on your dashboards."
    />
  );
}
