// Everything imported here is loaded with Grafana itself, before anyone opens the app.
// Keep this file tiny: pages, scenes and the SLO engine are lazy-loaded from the App and AppConfig chunks.
import React, { Suspense, lazy } from 'react';
import { AppPlugin, type AppRootProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import type { AppConfigProps } from './components/AppConfig/AppConfig';
import type { AppJsonData } from './api/types';
// Only @grafana/data and types: see the note at the top of declareLink.ts.
import { declareIncidentLink } from './pages/Incidents/declareLink';
import { logToilLink } from './pages/Toil/toilLink';

const LazyApp = lazy(() => import('./components/App/App'));
const LazyAppConfig = lazy(() => import('./components/AppConfig/AppConfig'));

const App = (props: AppRootProps<AppJsonData>) => (
  <Suspense fallback={<LoadingPlaceholder text="Loading SRE Reliability…" />}>
    <LazyApp {...props} />
  </Suspense>
);

const AppConfig = (props: AppConfigProps) => (
  <Suspense fallback={<LoadingPlaceholder text="Loading settings…" />}>
    <LazyAppConfig {...props} />
  </Suspense>
);

export const plugin = new AppPlugin<AppJsonData>()
  .setRootPage(App)
  .addConfigPage({
    title: 'Configuration',
    icon: 'cog',
    body: AppConfig,
    id: 'configuration',
  })
  .addLink(declareIncidentLink)
  .addLink(logToilLink);
