import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { AreaPage } from '../../components/AreaPage';
import { testIds } from '../../components/testIds';
import { DeclareIncidentForm } from './DeclareIncidentForm';
import { IncidentDetail } from './IncidentDetail';
import { IncidentList } from './IncidentList';

/** The Incidents area; its routes are relative to /a/sre-reliability-app/incidents/*. */
export default function IncidentsPage() {
  return (
    <AreaPage
      testId={testIds.pages.incidents}
      description="Declare and run incidents with clear roles, a timeline and status updates, shown as annotations on your dashboards."
    >
      <Routes>
        <Route index element={<IncidentList />} />
        <Route path="new" element={<DeclareIncidentForm />} />
        <Route path=":id" element={<IncidentDetail />} />
      </Routes>
    </AreaPage>
  );
}
