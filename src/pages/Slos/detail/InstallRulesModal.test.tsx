import { giveElementsASize } from '../../../components/testing/jsdomPolyfills';
import React from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { render, screen, within } from '@testing-library/react';
import { setupUser } from '../../../components/testing/user';
import { getPluginSettings } from '../../../api/pluginSettings';
import { fetchSloSnapshots } from '../../../api/sloStatus';
import { canEditSettings } from '../../../api/permissions';
import { installAll } from '../../../api/ruler';
import { makeSlo, makeSnapshot } from '../__fixtures__/slos';
import SlosPage from '../SlosPage';

const user = setupUser();

jest.mock('../../../api/pluginSettings');
jest.mock('../../../api/sloStatus');
jest.mock('../../../api/permissions');
jest.mock('../../../api/ruler');
jest.setTimeout(30_000);

const slos = [
  makeSlo('checkout', { name: 'Checkout' }),
  makeSlo('search', { name: 'Search' }),
  makeSlo('legacy', { name: 'Legacy', datasource: { uid: 'prom-plain' } }),
];

function renderList() {
  render(
    <MemoryRouter initialEntries={['/slos']}>
      <Routes>
        <Route path="slos/*" element={<SlosPage />} />
      </Routes>
    </MemoryRouter>
  );
}

beforeAll(() => giveElementsASize());
beforeEach(() => {
  jest.clearAllMocks();
  jest.mocked(getPluginSettings).mockResolvedValue({
    enabled: true,
    pinned: false,
    jsonData: { slos, settings: { defaultPrometheusUid: 'mimir' } },
  });
  jest
    .mocked(fetchSloSnapshots)
    .mockImplementation(async (given) => new Map(given.map((s) => [s.id, makeSnapshot(0.5)])));
  jest.mocked(canEditSettings).mockReturnValue(true);
});

describe('Install all rules (SLO list)', () => {
  it('is not offered to users who are not admins', async () => {
    jest.mocked(canEditSettings).mockReturnValue(false);
    renderList();
    await screen.findByText('Checkout');
    expect(screen.queryByRole('button', { name: /Install all rules/ })).not.toBeInTheDocument();
  });

  it('installs every SLO into the chosen namespace and summarises a partial failure', async () => {
    jest.mocked(installAll).mockResolvedValue({
      results: [
        { sloId: 'checkout', sloName: 'Checkout', datasourceUid: 'mimir', outcome: 'created' },
        {
          sloId: 'search',
          sloName: 'Search',
          datasourceUid: 'mimir',
          outcome: 'failed',
          message: 'POST failed (400): bad group',
        },
        {
          sloId: 'legacy',
          sloName: 'Legacy',
          datasourceUid: 'prom-plain',
          outcome: 'skipped',
          message: '"Prom" is a Prometheus server.',
        },
      ],
      removed: {},
      notes: ['Old groups in data source mimir were kept because 1 write(s) failed.'],
    });
    renderList();
    await user.click(await screen.findByRole('button', { name: /Install all rules/ }));
    const dialog = await screen.findByRole('dialog');
    const namespace = within(dialog).getByLabelText(/Namespace/);
    await user.clear(namespace);
    await user.type(namespace, 'a/b');
    expect(within(dialog).getByText('Namespace: must not contain "/" (got "a/b")')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Install all' })).toBeDisabled();
    await user.clear(namespace);
    await user.type(namespace, 'slos');
    await user.click(within(dialog).getByRole('button', { name: 'Install all' }));

    expect(await within(dialog).findByText('Some rule groups were not installed')).toBeInTheDocument();
    expect(within(dialog).getByText(/1 created, 0 updated, 1 skipped, 1 failed/)).toBeInTheDocument();
    const notInstalled = within(within(dialog).getByRole('list', { name: 'SLOs not installed' })).getAllByRole(
      'listitem'
    );
    expect(notInstalled.map((li) => li.textContent)).toEqual([
      'Search (failed): POST failed (400): bad group',
      'Legacy (skipped): "Prom" is a Prometheus server.',
    ]);
    expect(within(dialog).getByText(/kept because 1 write\(s\) failed/)).toBeInTheDocument();
    expect(installAll).toHaveBeenCalledWith(
      expect.arrayContaining(slos),
      'slos',
      expect.objectContaining({ defaultUid: 'mimir' })
    );
  });

  it('reports success with the removed groups', async () => {
    jest.mocked(installAll).mockResolvedValue({
      results: slos.map((s) => ({ sloId: s.id, sloName: s.name, datasourceUid: 'mimir', outcome: 'updated' as const })),
      removed: { mimir: ['sre-slo-gone'] },
      notes: [],
    });
    renderList();
    await user.click(await screen.findByRole('button', { name: /Install all rules/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Install all' }));
    expect(await within(dialog).findByText('Rules installed')).toBeInTheDocument();
    expect(
      within(dialog).getByText(/0 created, 3 updated, 0 skipped, 0 failed; 1 old group\(s\) removed \(sre-slo-gone\)/)
    ).toBeInTheDocument();
  });
});
