import React from 'react';
import { MemoryRouter, Link, Route, Routes } from 'react-router-dom';
import { render, screen, within } from '@testing-library/react';
import { setupUser } from '../testing/user';
import type { AppRootProps } from '@grafana/data';
import { testIds } from '../testIds';
import App from './App';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: jest.requireActual('../testing/TestPluginPage').TestPluginPage,
}));

// Stand-in pages: the boundary is what is under test, not the pages. `crashes` says which throw while rendering.
const crashes = new Set<string>();
function standIn(name: string) {
  return {
    __esModule: true,
    default: function StandIn() {
      if (crashes.has(name)) {
        throw new TypeError(`Cannot read properties of undefined (reading 'objective') in ${name}`);
      }
      return <p>{`${name} page`}</p>;
    },
  };
}
jest.mock('../../pages/Overview/OverviewPage', () => standIn('Overview'));
jest.mock('../../pages/Slos/SlosPage', () => standIn('SLOs'));
jest.mock('../../pages/Incidents/IncidentsPage', () => standIn('Incidents'));
jest.mock('../../pages/Postmortems/PostmortemsPage', () => standIn('Postmortems'));
jest.mock('../../pages/Slas/SlasPage', () => standIn('SLAs'));
jest.mock('../../pages/Toil/ToilPage', () => standIn('Toil'));

const BASE = '/a/sre-reliability-app';
const user = setupUser();

/** The app mounted as Grafana mounts it, beside a nav that stands in for Grafana's own. */
function renderApp(path: string) {
  return render(
    <MemoryRouter initialEntries={[`${BASE}/${path}`]}>
      <nav aria-label="Grafana nav">
        <Link to={`${BASE}/overview`}>Overview</Link>
        <Link to={`${BASE}/slos`}>SLOs</Link>
        <Link to={`${BASE}/incidents`}>Incidents</Link>
      </nav>
      <Routes>
        <Route path={`${BASE}/*`} element={<App {...({} as AppRootProps)} />} />
      </Routes>
    </MemoryRouter>
  );
}

beforeEach(() => {
  crashes.clear();
  // React logs every caught render error; the test asserts what the user sees instead.
  jest.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => jest.mocked(console.error).mockRestore());

describe('a page that crashes', () => {
  it('shows what failed and a Retry in place of that page; the nav and other pages keep working', async () => {
    crashes.add('SLOs');
    renderApp('slos');

    const failed = await screen.findByTestId(testIds.app.pageError);
    expect(within(failed).getByText('The SLOs page failed')).toBeInTheDocument();
    expect(failed).toHaveTextContent("Cannot read properties of undefined (reading 'objective') in SLOs");
    expect(within(failed).getByRole('button', { name: 'Retry' })).toBeInTheDocument();

    const nav = within(screen.getByRole('navigation', { name: 'Grafana nav' }));
    await user.click(nav.getByRole('link', { name: 'Incidents' }));
    expect(await screen.findByText('Incidents page')).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.app.pageError)).not.toBeInTheDocument();

    await user.click(nav.getByRole('link', { name: 'Overview' }));
    expect(await screen.findByText('Overview page')).toBeInTheDocument();
  });

  it('renders the page again on Retry, so a passing failure needs no reload', async () => {
    crashes.add('Incidents');
    renderApp('incidents');
    const failed = await screen.findByTestId(testIds.app.pageError);

    crashes.delete('Incidents');
    await user.click(within(failed).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Incidents page')).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.app.pageError)).not.toBeInTheDocument();
  });

  it('keeps the message when Retry fails again', async () => {
    crashes.add('Toil');
    renderApp('toil');
    await user.click(within(await screen.findByTestId(testIds.app.pageError)).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('The Toil page failed')).toBeInTheDocument();
  });
});
