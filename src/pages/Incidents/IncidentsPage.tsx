import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { AreaPage } from '../../components/AreaPage';
import { testIds } from '../../components/testIds';
import { DeclareIncidentForm } from './DeclareIncidentForm';
import { IncidentDetailPage } from './detail/IncidentDetailPage';
import { IncidentList } from './IncidentList';

const DESCRIPTION =
  'Declare and run incidents with clear roles, a timeline and status updates, shown as annotations on your dashboards.';

/** The Incidents area; its routes are relative to /a/sre-reliability-app/incidents/*. */
export default function IncidentsPage() {
  return (
    <Routes>
      <Route
        index
        element={
          <AreaPage testId={testIds.pages.incidents} description={DESCRIPTION}>
            <IncidentList />
          </AreaPage>
        }
      />
      <Route
        path="new"
        element={
          <AreaPage testId={testIds.pages.incidents} description={DESCRIPTION}>
            <DeclareIncidentForm />
          </AreaPage>
        }
      />
      {/* An incident has its own page title (pageNav), so it does not use the area's page chrome. */}
      <Route path=":id" element={<IncidentDetailPage />} />
    </Routes>
  );
}
