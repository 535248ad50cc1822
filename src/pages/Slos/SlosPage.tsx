import React, { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { LoadingPlaceholder } from '@grafana/ui';
import { AreaPage } from '../../components/AreaPage';
import { NotFound } from '../../components/App/NotFound';
import { testIds } from '../../components/testIds';
import { SloListView } from './SloListView';

// The editor and the scenes-based detail page are their own chunks: the list should not pay for them.
const SloEditorPage = lazy(() => import('./editor/SloEditorPage'));
const SloDetailPage = lazy(() => import('./detail/SloDetailPage'));

/** The SLOs area. Routes below /slos: the list (index), new, :id and :id/edit. */
export default function SlosPage() {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading…" />}>
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
        <Route path="new" element={<SloEditorPage />} />
        <Route path=":id/edit" element={<SloEditorPage />} />
        <Route path=":id" element={<SloDetailPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
