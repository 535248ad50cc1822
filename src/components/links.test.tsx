import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { render } from '@testing-library/react';
import type { LoadedIncident } from '../api/incidents';
import { IncidentCard } from '../pages/Incidents/IncidentCard';
import { LogsSection } from '../pages/Incidents/detail/LogsSection';
import { makeSlo, makeSnapshot } from '../pages/Slos/__fixtures__/slos';
import { SloTable } from '../pages/Slos/SloTable';
import { NotFound } from './App/NotFound';
import { appHref, grafanaHref } from './links';
import { serveUnder } from './testing/subPath';

// Scenes cannot render in jsdom; the Explore link is what is under test.
jest.mock('../pages/Incidents/detail/IncidentLogsScene', () => ({ __esModule: true, default: () => null }));

afterEach(() => serveUnder(''));

/** Rendered as in Grafana: the router's basename is the sub-path, so TextLink adds it for itself. */
function hrefsOf(ui: React.ReactElement): string[] {
  const { container } = render(
    <MemoryRouter basename="/grafana" initialEntries={['/grafana/a/sre-reliability-app/overview']}>
      {ui}
    </MemoryRouter>
  );
  return [...container.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
}

function expectUnderSubPath(hrefs: string[]) {
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) {
    expect(href).toMatch(/^\/grafana\/(?!grafana\/)/);
  }
}

describe('links under a Grafana sub-path', () => {
  it('adds the sub-path once, keeps it when already there, and leaves other sites alone', () => {
    serveUnder('/grafana');
    expect(appHref('slos/checkout')).toBe('/grafana/a/sre-reliability-app/slos/checkout');
    expect(grafanaHref('/grafana/d/abc/slo')).toBe('/grafana/d/abc/slo');
    expect(grafanaHref('https://example.com/x')).toBe('https://example.com/x');
    serveUnder('');
    expect(appHref('slos')).toBe('/a/sre-reliability-app/slos');
  });

  it('the not-found page links to the overview under the sub-path', () => {
    serveUnder('/grafana');
    expect(hrefsOf(<NotFound />)).toEqual(['/grafana/a/sre-reliability-app/overview']);
  });

  it('incident cards (a plain anchor) link under the sub-path', () => {
    serveUnder('/grafana');
    const incident = { id: 'INC-1', title: 'Down', severity: 1, status: 'triage', services: [], startedAt: 0 };
    const hrefs = hrefsOf(<IncidentCard incident={incident as unknown as LoadedIncident} now={1000} />);
    expect(hrefs).toEqual(['/grafana/a/sre-reliability-app/incidents/INC-1']);
  });

  it('SLO table rows (TextLink) link under the sub-path, not doubled', () => {
    serveUnder('/grafana');
    const rows = [{ slo: makeSlo('checkout'), snapshot: makeSnapshot(0.5) }];
    const hrefs = hrefsOf(<SloTable rows={rows} sort="name" dir="asc" onSort={() => {}} />);
    expectUnderSubPath(hrefs);
    expect(hrefs).toContain('/grafana/a/sre-reliability-app/slos/checkout');
  });

  it('the Explore link and the Admin page link carry the sub-path once', () => {
    serveUnder('/grafana');
    const incident = { services: ['checkout'], logSelectors: [], startedAt: 0, id: 'INC-1' };
    const settings = { lokiUid: 'loki', logServiceLabel: 'service', defaultPrometheusUid: 'prom' };
    const explore = hrefsOf(
      <LogsSection incident={incident as unknown as LoadedIncident} settings={settings} now={60_000} />
    );
    expectUnderSubPath(explore);
    expect(explore[0]).toMatch(/^\/grafana\/explore\?/);
    const admin = hrefsOf(
      <LogsSection
        incident={incident as unknown as LoadedIncident}
        settings={{ ...settings, lokiUid: '' }}
        now={60_000}
      />
    );
    expect(admin).toEqual(['/grafana/plugins/sre-reliability-app']);
  });
});
