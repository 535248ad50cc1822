import React, { type ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { render } from '@testing-library/react';
import { type OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import { at } from '../../../domain/incident/__fixtures__/events';
import IncidentsPage from '../IncidentsPage';

/** The frozen clock of the Incidents page tests. */
export const NOW = at(120);
export const BASE = '/a/sre-reliability-app/incidents';
export const IMG = '<img src=x onerror=alert(1)>';

/** Renders the Incidents route at `path`; `extra` (a location probe, say) goes inside the same router. */
export function renderIncidentsPage(path: string, extra?: ReactNode) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path={`${BASE}/*`} element={<IncidentsPage />} />
      </Routes>
      {extra}
    </MemoryRouter>
  );
}

/** Signs in a user whose org role alone decides what they may do (no admin, no fine-grained permissions). */
export function signInAs(orgRole: OrgRole, identity: { login?: string; orgId?: number } = {}) {
  config.bootData.user = {
    ...config.bootData.user,
    orgRole,
    ...identity,
    isGrafanaAdmin: false,
    permissions: undefined,
  };
}
