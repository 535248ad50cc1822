import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { AreaPage } from '../../components/AreaPage';
import { NotFound } from '../../components/App/NotFound';
import { testIds } from '../../components/testIds';
import { SloListView } from './SloListView';

/** The SLOs area. Routes below /slos; the list is the index. */
export default function SlosPage() {
  return (
    <Routes>
      <Route
        index
        element={
          <AreaPage
            testId={testIds.pages.slos}
            description="Define service level objectives on your Prometheus data, and watch their SLIs, error budgets and burn rates."
          >
            <SloListView />
          </AreaPage>
        }
      />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
