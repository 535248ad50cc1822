import React, { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { LoadingPlaceholder } from '@grafana/ui';
import { AreaPage } from '../../components/AreaPage';
import { NotFound } from '../../components/App/NotFound';
import { testIds } from '../../components/testIds';
import { SlaListView } from './SlaListView';

// The SLA page, report and editor are their own chunks: the list should not pay for them.
const SlaDetailPage = lazy(() => import('./SlaDetailPage'));
const SlaReportPage = lazy(() => import('./SlaReportPage'));
const SlaEditorPage = lazy(() => import('./editor/SlaEditorPage'));

/** The SLAs area. Routes below /slas: the list (index), new, report, :id and :id/edit. */
export default function SlasPage() {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading…" />}>
      <Routes>
        <Route
          index
          element={
            <AreaPage
              testId={testIds.pages.slas}
              description="Track contract targets, credit tiers and monthly compliance, computed from the same SLIs as your SLOs."
            >
              <SlaListView />
            </AreaPage>
          }
        />
        <Route path="new" element={<SlaEditorPage />} />
        <Route path="report" element={<SlaReportPage />} />
        <Route path=":id/edit" element={<SlaEditorPage />} />
        <Route path=":id" element={<SlaDetailPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
