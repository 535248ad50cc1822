import React, { Suspense, lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { AppRootProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import { ROUTES, prefixRoute } from '../../constants';
import type { AppJsonData } from '../../api/types';
import { PageErrorBoundary } from '../PageErrorBoundary';
import { NotFound } from './NotFound';

// Each page is its own chunk, so opening one area does not download the others (scenes are large).
const OverviewPage = lazy(() => import('../../pages/Overview/OverviewPage'));
const SlosPage = lazy(() => import('../../pages/Slos/SlosPage'));
const IncidentsPage = lazy(() => import('../../pages/Incidents/IncidentsPage'));
const PostmortemsPage = lazy(() => import('../../pages/Postmortems/PostmortemsPage'));
const SlasPage = lazy(() => import('../../pages/Slas/SlasPage'));
const ToilPage = lazy(() => import('../../pages/Toil/ToilPage'));

// One boundary per page, outside the lazy page, so a page that fails to load or render stays contained.
const page = (area: string, element: React.ReactNode) => <PageErrorBoundary area={area}>{element}</PageErrorBoundary>;

/** The app's root: one route per area, relative to /a/sre-reliability-app/. */
export default function App(_props: AppRootProps<AppJsonData>) {
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading…" />}>
      <Routes>
        <Route index element={<Navigate to={prefixRoute(ROUTES.Overview)} replace />} />
        <Route path={ROUTES.Overview} element={page('Overview', <OverviewPage />)} />
        <Route path={`${ROUTES.Slos}/*`} element={page('SLOs', <SlosPage />)} />
        <Route path={`${ROUTES.Incidents}/*`} element={page('Incidents', <IncidentsPage />)} />
        <Route path={`${ROUTES.Postmortems}/*`} element={page('Postmortems', <PostmortemsPage />)} />
        <Route path={`${ROUTES.Slas}/*`} element={page('SLAs', <SlasPage />)} />
        <Route path={`${ROUTES.Toil}/*`} element={page('Toil', <ToilPage />)} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
