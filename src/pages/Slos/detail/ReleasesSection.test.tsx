import '../../../components/testing/jsdomPolyfills';
import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { setupUser } from '../../../components/testing/user';
import { fetchReleaseBudgets, listReleases, type Release } from '../../../api/releases';
import { testIds } from '../../../components/testIds';
import { queryClient } from '../../data/queryClient';
import { makeSlo } from '../__fixtures__/slos';
import { ReleasesSection } from './ReleasesSection';

jest.mock('../../../api/releases', () => ({
  ...jest.requireActual('../../../api/releases'),
  listReleases: jest.fn(),
  fetchReleaseBudgets: jest.fn(),
}));

const user = setupUser();
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const slo = makeSlo('checkout-availability', { service: 'checkout' });
const RELEASES: Release[] = [
  {
    annotationId: 3,
    time: NOW - 1000,
    version: '1.5.0',
    decision: 'ship',
    exception: { reason: 'CVE-2026-1 fix', approver: 'sam' },
  },
  { annotationId: 2, time: NOW - 2000, version: '1.4.9', decision: 'blocked' },
  { annotationId: 1, time: NOW - 3000, version: '1.4.8', decision: 'ship' },
];

const renderSection = () => render(<ReleasesSection slo={slo} datasourceUid="prom" from={NOW - 86_400_000} to={NOW} />);
const rows = () => screen.getAllByTestId(testIds.releases.row);

beforeEach(() => {
  queryClient.clear();
  jest.mocked(listReleases).mockReset();
  jest.mocked(fetchReleaseBudgets).mockReset();
});

describe('ReleasesSection', () => {
  it('shows a loading state while the releases load', () => {
    jest.mocked(listReleases).mockReturnValue(new Promise(() => {}));
    renderSection();
    expect(screen.getByText('Loading releases…')).toBeInTheDocument();
  });

  it('lists each release with its version, decision, exception and the budget burned since it shipped', async () => {
    jest.mocked(listReleases).mockResolvedValue({ releases: RELEASES, truncated: false });
    jest.mocked(fetchReleaseBudgets).mockResolvedValue(
      new Map([
        [3, { window: '30d', consumed: 0.012 }],
        [1, { window: '30d', error: 'bad query' }],
      ])
    );
    renderSection();
    expect(await screen.findAllByTestId(testIds.releases.row)).toHaveLength(3);
    expect(listReleases).toHaveBeenCalledWith({ service: 'checkout', from: NOW - 86_400_000, to: NOW });
    // Only shipped releases are measured: a blocked attempt did not go out.
    expect(jest.mocked(fetchReleaseBudgets).mock.calls[0][1].map((r) => r.annotationId)).toEqual([3, 1]);
    expect(jest.mocked(fetchReleaseBudgets).mock.calls[0][2]).toEqual({ uid: 'prom' });
    const [exception, blocked, shipped] = rows().map((r) => within(r));
    expect(exception.getByText('1.5.0')).toBeInTheDocument();
    expect(exception.getByText('Exception')).toBeInTheDocument();
    expect(exception.getByText('CVE-2026-1 fix · approved by sam')).toBeInTheDocument();
    expect(exception.getByText('1.2% of the 30d budget')).toBeInTheDocument();
    expect(blocked.getByText('Blocked')).toBeInTheDocument();
    expect(blocked.getByText('Not released')).toBeInTheDocument();
    expect(shipped.getByText('Shipped')).toBeInTheDocument();
    expect(shipped.getByText('No data: bad query')).toBeInTheDocument();
    expect(screen.queryByTestId(testIds.releases.truncated)).not.toBeInTheDocument();
  });

  it('says when the list was cut off', async () => {
    jest.mocked(listReleases).mockResolvedValue({ releases: RELEASES.slice(0, 1), truncated: true });
    jest.mocked(fetchReleaseBudgets).mockResolvedValue(new Map());
    renderSection();
    expect(await screen.findByTestId(testIds.releases.truncated)).toHaveTextContent(
      'Only the newest 1 releases are shown'
    );
  });

  it('has an empty state that says how releases get here', async () => {
    jest.mocked(listReleases).mockResolvedValue({ releases: [], truncated: false });
    jest.mocked(fetchReleaseBudgets).mockResolvedValue(new Map());
    renderSection();
    expect(await screen.findByTestId(testIds.releases.empty)).toHaveTextContent(
      'No releases of checkout in this time range. The release gate records them with sre-reliability gate --annotate.'
    );
  });

  it('shows an error with a Retry that reloads', async () => {
    jest.mocked(listReleases).mockRejectedValueOnce(new Error('GET /api/annotations failed (500): boom'));
    jest.mocked(listReleases).mockResolvedValueOnce({ releases: [], truncated: false });
    jest.mocked(fetchReleaseBudgets).mockResolvedValue(new Map());
    renderSection();
    expect(await screen.findByText('GET /api/annotations failed (500): boom')).toBeInTheDocument();
    await user.click(screen.getByText('Retry'));
    expect(await screen.findByTestId(testIds.releases.empty)).toBeInTheDocument();
  });
});
