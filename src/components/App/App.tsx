import React, { Suspense, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import { ROUTES, prefixRoute } from '../../constants';
import type { AppJsonData } from '../../api/types';
import { NotFound } from './NotFound';

// Each page is its own chunk, so opening one area does not download the others (scenes are large).
const OverviewPage = lazy(() => import('../../pages/Overview/OverviewPage'));
const SlosPage = lazy(() => import('../../pages/Slos/SlosPage'));
const IncidentsPage = lazy(() => import('../../pages/Incidents/IncidentsPage'));
const PostmortemsPage = lazy(() => import('../../pages/Postmortems/PostmortemsPage'));
const SlasPage = lazy(() => import('../../pages/Slas/SlasPage'));
const ToilPage = lazy(() => import('../../pages/Toil/ToilPage'));

/** The app's root: one route per area, relative to /a/sre-reliability-app/. */
export default function App(_props: AppRootProps<AppJsonData>) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading…" />}>
      <Routes>
        <Route index element={<Navigate to={prefixRoute(ROUTES.Overview)} replace />} />
        <Route path={ROUTES.Overview} element={<OverviewPage />} />
        <Route path={`${ROUTES.Slos}/*`} element={<SlosPage />} />
        <Route path={`${ROUTES.Incidents}/*`} element={<IncidentsPage />} />
        <Route path={`${ROUTES.Postmortems}/*`} element={<PostmortemsPage />} />
        <Route path={`${ROUTES.Slas}/*`} element={<SlasPage />} />
        <Route path={`${ROUTES.Toil}/*`} element={<ToilPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
