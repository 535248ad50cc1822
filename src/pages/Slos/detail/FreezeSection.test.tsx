import '../../../components/testing/jsdomPolyfills';
import React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../../components/testing/user';
import {
  endFreeze,
  FreezeValidationError,
  listFreezes,
  recordFreezeException,
  startFreeze,
} from '../../../api/freezes';
import { canWriteAnnotations } from '../../../api/permissions';
import { getPluginSettings } from '../../../api/pluginSettings';
import { testIds } from '../../../components/testIds';
import type { Freeze } from '../../../domain/policy/freeze';
import { WORKBOOK_POLICY } from '../../../domain/policy/model';
import { queryClient } from '../../data/queryClient';
import { makeSlo, makeSnapshot } from '../__fixtures__/slos';
import { WHO_CAN } from './FreezeButton';
import { FreezeSection } from './FreezeSection';

jest.mock('../../../api/freezes', () => ({
  ...jest.requireActual('../../../api/freezes'),
  listFreezes: jest.fn(),
  startFreeze: jest.fn(),
  recordFreezeException: jest.fn(),
  endFreeze: jest.fn(),
}));
jest.mock('../../../api/permissions');
jest.mock('../../../api/pluginSettings');

const user = setupUser();
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const slo = makeSlo('checkout-availability', { service: 'checkout' });
const EXHAUSTED = makeSnapshot(-0.2, 1);
const HEALTHY = makeSnapshot(0.8, 1);
const ACTIVE: Freeze = {
  id: 'frz-abc-1',
  sloId: slo.id,
  services: ['checkout'],
  reason: 'Budget spent by the outage',
  startedBy: 'maria',
  startedAt: T0,
  status: 'active',
  exceptions: [
    {
      kind: 'freeze_exception',
      id: 'e1',
      freezeId: 'frz-abc-1',
      at: T0 + 60_000,
      by: 'li',
      reason: 'CVE fix',
      approver: 'sam',
    },
  ],
  regionAnnotationId: 7,
};

function serve(freezes: Freeze[], { canWrite = true, policies = [WORKBOOK_POLICY] } = {}) {
  jest.mocked(listFreezes).mockResolvedValue({ freezes, problems: [] });
  jest.mocked(canWriteAnnotations).mockReturnValue(canWrite);
  jest
    .mocked(getPluginSettings)
    .mockResolvedValue({ enabled: true, pinned: false, jsonData: { slos: [slo], policies } });
}

const section = () => within(screen.getByTestId(testIds.freeze.section));

beforeEach(() => {
  queryClient.clear();
  jest.mocked(startFreeze).mockReset();
  jest.mocked(recordFreezeException).mockReset();
  jest.mocked(endFreeze).mockReset();
});

describe('FreezeSection', () => {
  it('shows a loading state', () => {
    jest.mocked(listFreezes).mockReturnValue(new Promise(() => {}));
    render(<FreezeSection slo={slo} snapshot={EXHAUSTED} />);
    expect(screen.getByText('Loading freezes…')).toBeInTheDocument();
  });

  it('shows a load error with Retry', async () => {
    serve([]);
    jest.mocked(listFreezes).mockRejectedValueOnce(new Error('GET /api/annotations failed (500): boom'));
    render(<FreezeSection slo={slo} snapshot={HEALTHY} />);
    expect(await screen.findByText('GET /api/annotations failed (500): boom')).toBeInTheDocument();
    await user.click(screen.getByText('Retry'));
    expect(await screen.findByText(/No active freeze/)).toBeInTheDocument();
  });

  it('is empty while the policy says ship: no freeze and no way to start one', async () => {
    serve([]);
    render(<FreezeSection slo={slo} snapshot={HEALTHY} />);
    expect(
      await screen.findByText('No active freeze. Policy "SRE Workbook": Ship: remaining budget 80% ≥ 25%.')
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Start freeze/ })).not.toBeInTheDocument();
  });

  it('lets an Editor start a freeze when the policy says freeze; the reason is required', async () => {
    serve([]);
    jest
      .mocked(startFreeze)
      .mockRejectedValueOnce(new FreezeValidationError([{ field: 'reason', message: 'Say why releases are frozen' }]));
    jest.mocked(startFreeze).mockResolvedValueOnce('frz-new-1');
    render(<FreezeSection slo={slo} snapshot={EXHAUSTED} />);
    expect(await screen.findByText('Policy "SRE Workbook" says freeze')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /Start freeze/ }));
    const form = within(screen.getByRole('form', { name: 'Start freeze' }));
    await user.click(form.getByRole('button', { name: 'Start freeze' }));
    expect(await form.findByText('Say why releases are frozen')).toBeInTheDocument();

    jest.mocked(listFreezes).mockResolvedValue({ freezes: [ACTIVE], problems: [] });
    await user.type(form.getByLabelText(/Reason/), 'Budget spent');
    await user.click(form.getByRole('button', { name: 'Start freeze' }));
    await waitFor(() => expect(startFreeze).toHaveBeenLastCalledWith(slo, { reason: 'Budget spent' }));
    // After the write the section re-reads, so it shows what is stored.
    expect(await screen.findByTestId(testIds.freeze.active)).toBeInTheDocument();
  });

  it('shows an active freeze in full: who, since when, why, and its exceptions', async () => {
    serve([ACTIVE, { ...ACTIVE, id: 'frz-old-1', status: 'ended', reason: 'old' }]);
    render(<FreezeSection slo={slo} snapshot={EXHAUSTED} />);
    const active = within(await screen.findByTestId(testIds.freeze.active));
    expect(
      active.getByText(`Releases of checkout are frozen since ${new Date(T0).toLocaleString()}`)
    ).toBeInTheDocument();
    expect(active.getByText('Started by maria: Budget spent by the outage')).toBeInTheDocument();
    expect(active.getByRole('list', { name: 'Exceptions' })).toHaveTextContent(
      'CVE fix · approved by sam (recorded by li)'
    );
    expect(screen.getAllByTestId(testIds.freeze.active)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Start freeze/ })).not.toBeInTheDocument();
  });

  it('records an exception with reason and approver, checked against the policy approvers', async () => {
    serve([ACTIVE], { policies: [{ ...WORKBOOK_POLICY, approvers: ['sam'] }] });
    jest.mocked(recordFreezeException).mockResolvedValue();
    render(<FreezeSection slo={slo} snapshot={EXHAUSTED} />);
    await user.click(await screen.findByRole('button', { name: /Record exception/ }));
    const form = within(screen.getByRole('form', { name: 'Record exception' }));
    expect(form.getByText('One of: sam')).toBeInTheDocument();
    await user.type(form.getByLabelText(/Reason/), 'P0 fix');
    await user.type(form.getByLabelText(/Approver/), 'sam');
    await user.click(form.getByRole('button', { name: 'Record exception' }));
    await waitFor(() =>
      expect(recordFreezeException).toHaveBeenCalledWith(ACTIVE, { reason: 'P0 fix', approver: 'sam' }, ['sam'])
    );
    await waitFor(() => expect(screen.queryByRole('form')).not.toBeInTheDocument());
  });

  it('ends a freeze, and shows a failed write instead of losing it', async () => {
    serve([ACTIVE]);
    jest.mocked(endFreeze).mockRejectedValueOnce(new Error('PATCH /api/annotations/7 failed (403): denied'));
    jest.mocked(endFreeze).mockResolvedValueOnce();
    render(<FreezeSection slo={slo} snapshot={EXHAUSTED} />);
    await user.click(await screen.findByRole('button', { name: /End freeze/ }));
    expect(await screen.findByText('PATCH /api/annotations/7 failed (403): denied')).toBeInTheDocument();

    jest.mocked(listFreezes).mockResolvedValue({ freezes: [{ ...ACTIVE, status: 'ended' }], problems: [] });
    await user.click(screen.getByRole('button', { name: /End freeze/ }));
    await waitFor(() => expect(endFreeze).toHaveBeenCalledTimes(2));
    expect(await section().findByRole('button', { name: /Start freeze/ })).toBeInTheDocument();
  });

  it('is read-only for Viewers: disabled buttons whose tooltip says who can', async () => {
    serve([ACTIVE], { canWrite: false });
    render(<FreezeSection slo={slo} snapshot={EXHAUSTED} />);
    const end = await screen.findByRole('button', { name: /End freeze/ });
    expect(end).toBeDisabled();
    expect(screen.getByRole('button', { name: /Record exception/ })).toBeDisabled();
    await user.hover(end.parentElement!);
    expect(await screen.findByText(WHO_CAN)).toBeInTheDocument();
    await user.click(end);
    expect(endFreeze).not.toHaveBeenCalled();
  });

  it('offers a Viewer no way to start a freeze either', async () => {
    serve([], { canWrite: false });
    render(<FreezeSection slo={slo} snapshot={EXHAUSTED} />);
    expect(await screen.findByRole('button', { name: /Start freeze/ })).toBeDisabled();
  });

  it('says when the SLO names a policy that does not exist, and offers no freeze', async () => {
    serve([]);
    render(<FreezeSection slo={{ ...slo, policy: 'strict' }} snapshot={EXHAUSTED} />);
    expect(
      await screen.findByText(
        'No active freeze. No data: policy "strict" does not exist: pick another in the SLO editor.'
      )
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Start freeze/ })).not.toBeInTheDocument();
  });
});
