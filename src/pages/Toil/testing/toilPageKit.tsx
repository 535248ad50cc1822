/**
 * The Toil page tests' world: Grafana's backend faked at getBackendSrv() (fakeApi) with the in-memory annotation
 * store, plugin settings holding the teams' capacity, and /api/teams/search. Each test file installs the runtime:
 * `jest.mock('@grafana/runtime', () => jest.requireActual('./testing/mockRuntime').mockRuntime())`.
 */
import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { render, screen } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import { createAnnotationStore } from '../../../api/testing/annotationStore';
import { backend, respondWith } from '../../../api/testing/fakeApi';
import type { RecordedRequest } from '../../../api/testing/fakeBackend';
import {
  NO_TRAITS,
  type ToilEvent,
  type ToilFields,
  type ToilTeamSettings,
  toilEntryAnnotation,
  toilEventAnnotation,
} from '../../../domain/toil';
import { queryClient } from '../../data/queryClient';
import ToilPage from '../ToilPage';

/** Saturday 5 December 2026, noon UTC: the page's default range is Q4 2026. */
export const NOW = Date.UTC(2026, 11, 5, 12);
export const BASE = '/a/sre-reliability-app/toil';
export const IMG = '<img src=x onerror=alert(1)>';
const HOUR = 3_600_000;

export const team = (name: string, capacityHoursPerWeek: number, budget = 0.5): ToilTeamSettings => ({
  id: name.toLowerCase(),
  team: name,
  capacityHoursPerWeek,
  budget,
});

export const fields = (over: Partial<ToilFields> = {}): ToilFields => ({
  task: 'Restart payments pod',
  team: 'Payments',
  who: 'alice',
  at: NOW - 2 * HOUR,
  durationMinutes: 30,
  kind: 'manual_operation',
  traits: { ...NO_TRAITS, manual: true, automatable: true },
  ...over,
});

export interface World {
  store: ReturnType<typeof createAnnotationStore>;
  teams: ToilTeamSettings[];
  /** Raw jsonData.toilTeams, when a test needs a broken item. */
  rawTeams?: unknown[];
  grafanaTeams: string[] | 'forbidden';
  /** Answers before the store: return undefined to let the store answer. */
  override?: (req: RecordedRequest) => { status?: number; data: unknown } | undefined;
}

let seq = 0;

/** Stores an entry as logToil would, by `loggedBy`; returns its id. */
export function seedEntry(world: World, over: Partial<ToilFields> = {}, loggedBy = 'alice'): string {
  const id = `toil-${(NOW - 10 * HOUR).toString(36)}-${String(++seq).padStart(8, '0')}`;
  const body = toilEntryAnnotation({ kind: 'toil_entry', id, loggedBy, fields: fields(over) });
  world.store.respond({ method: 'POST', url: '/api/annotations', body });
  return id;
}

/** Stores an event (someone else's edit, delete or estimate) as the API would. */
export function seedEvent(world: World, event: ToilEvent): void {
  world.store.respond({ method: 'POST', url: '/api/annotations', body: toilEventAnnotation(event) });
}

/** A fresh world answering every request the page makes; the clock stops at NOW and the user is an Editor. */
export function setUpWorld(over: Partial<World> = {}): World {
  const world: World = { store: createAnnotationStore(), teams: [], grafanaTeams: [], ...over };
  queryClient.clear();
  backend.requests.length = 0;
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  signInAs('Editor');
  respondWith((req) => {
    const early = world.override?.(req);
    if (early) {
      return early;
    }
    if (req.url === '/api/plugins/sre-reliability-app/settings') {
      return {
        data: { enabled: true, pinned: true, jsonData: { toilTeams: world.rawTeams ?? world.teams, settings: {} } },
      };
    }
    if (req.url === '/api/teams/search') {
      return world.grafanaTeams === 'forbidden'
        ? { status: 403, data: { message: 'forbidden' } }
        : { data: { totalCount: world.grafanaTeams.length, teams: world.grafanaTeams.map((name) => ({ name })) } };
    }
    return world.store.respond(req);
  });
  return world;
}

export function signInAs(role: 'Viewer' | 'Editor', login = 'alice') {
  const orgRole = role === 'Viewer' ? OrgRole.Viewer : OrgRole.Editor;
  config.bootData.user = { ...config.bootData.user, orgRole, login, isGrafanaAdmin: false, permissions: undefined };
}

function LocationProbe() {
  return <output data-testid="location">{useLocation().search}</output>;
}
/** The URL query now, e.g. `?view=reports`. */
export const currentSearch = () => screen.getByTestId('location').textContent;

/** The GETs of /api/annotations sent so far. */
export const annotationGets = () => backend.requests.filter((r) => r.method === 'GET' && r.url === '/api/annotations');

/** Renders the Toil page at `?search`. */
export function renderToilPage(search = '') {
  return render(
    <MemoryRouter initialEntries={[`${BASE}${search ? `?${search}` : ''}`]}>
      <Routes>
        <Route path={`${BASE}/*`} element={<ToilPage />} />
      </Routes>
      <LocationProbe />
    </MemoryRouter>
  );
}
