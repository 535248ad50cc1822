import React, { Suspense, lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { LoadingPlaceholder } from '@grafana/ui';
import { AreaPage } from '../../components/AreaPage';
import { NotFound } from '../../components/App/NotFound';
import { testIds } from '../../components/testIds';
import { PostmortemList } from './PostmortemList';

// The postmortem page (editor, blameless check, export) is its own chunk: the list should not pay for it.
const PostmortemPage = lazy(() => import('./PostmortemPage'));
const ActionItemsPage = lazy(() => import('./actionItems/ActionItemsPage'));

/** The Postmortems area. Routes below /postmortems: the list (index), action-items and :incidentId. */
export default function PostmortemsPage() {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading…" />}>
      <Routes>
        <Route
          index
          element={
            <AreaPage
              testId={testIds.pages.postmortems}
              description="Write blameless postmortems prefilled from the incident, and follow their action items to done."
            >
              <PostmortemList />
            </AreaPage>
          }
        />
        <Route path="action-items" element={<ActionItemsPage />} />
        <Route path=":incidentId" element={<PostmortemPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
