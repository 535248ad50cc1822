import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import { setupUser } from '../testing/user';
import { testIds } from '../testIds';
import { createFakeBackend, type RecordedRequest } from '../../api/testing/fakeBackend';
import { ToilTeamsSection } from './ToilTeamsSection';

const user = setupUser();
let saved: { enabled: boolean; pinned: boolean; jsonData: Record<string, unknown> };
let teamsStatus = 200;
const backend = createFakeBackend((req: RecordedRequest) => {
  if (req.url === '/api/teams/search') {
    return teamsStatus === 200
      ? { data: { totalCount: 2, teams: [{ name: 'Payments' }, { name: 'Web Platform' }] } }
      : { status: teamsStatus, data: { message: 'forbidden' } };
  }
  if (req.method === 'POST') {
    saved = req.body as typeof saved;
    return { data: {} };
  }
  return { data: JSON.parse(JSON.stringify(saved)) };
});

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const setRole = (orgRole: OrgRole) => {
  config.bootData.user = { ...config.bootData.user, orgRole, isGrafanaAdmin: false, permissions: {} };
};

beforeEach(() => {
  backend.requests.length = 0;
  teamsStatus = 200;
  saved = {
    enabled: true,
    pinned: false,
    jsonData: {
      slos: [{ id: 'keep' }],
      toilTeams: [{ id: 'payments', team: 'Payments', capacityHoursPerWeek: 120, budget: 0.5, revision: 1 }],
    },
  };
  setRole(OrgRole.Admin);
});

describe('ToilTeamsSection', () => {
  it('lists each team with its capacity and budget', async () => {
    render(<ToilTeamsSection />);
    const row = await screen.findByTestId(testIds.toil.teamRow);
    expect(row).toHaveTextContent('Payments120 h/weekbudget 50%');
  });

  it('adds a team with a part-time capacity, keeping everything else stored', async () => {
    render(<ToilTeamsSection />);
    await user.click(await screen.findByRole('button', { name: /Add a team/ }));
    await user.type(screen.getByLabelText('Team'), 'Web Platform');
    await user.type(screen.getByLabelText('Capacity (hours a week)'), '92.5');
    await user.clear(screen.getByLabelText('Toil budget (%)'));
    await user.type(screen.getByLabelText('Toil budget (%)'), '40');
    await user.click(screen.getByRole('button', { name: 'Save team' }));
    expect(await screen.findByText('Toil settings of Web Platform saved')).toBeInTheDocument();
    expect(saved.jsonData.toilTeams).toEqual([
      { id: 'payments', team: 'Payments', capacityHoursPerWeek: 120, budget: 0.5, revision: 1 },
      { id: 'web platform', team: 'Web Platform', capacityHoursPerWeek: 92.5, budget: 0.4, revision: 1 },
    ]);
    expect(saved.jsonData.slos).toEqual([{ id: 'keep' }]);
  });

  it('names each bad field and sends nothing', async () => {
    render(<ToilTeamsSection />);
    await user.click(await screen.findByRole('button', { name: /Add a team/ }));
    await user.type(screen.getByLabelText('Capacity (hours a week)'), '-3');
    await user.clear(screen.getByLabelText('Toil budget (%)'));
    await user.type(screen.getByLabelText('Toil budget (%)'), '150');
    backend.requests.length = 0;
    await user.click(screen.getByRole('button', { name: 'Save team' }));
    expect(screen.getByText('Pick or type the team')).toBeInTheDocument();
    expect(screen.getByText(/Hours a week above 0/)).toBeInTheDocument();
    expect(screen.getByText(/A percentage in \(0, 100\]/)).toBeInTheDocument();
    expect(backend.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('refuses an edit when someone changed the team meanwhile', async () => {
    render(<ToilTeamsSection />);
    const row = await screen.findByTestId(testIds.toil.teamRow);
    await user.click(within(row).getByRole('button', { name: 'Edit' }));
    (saved.jsonData.toilTeams as Array<{ revision: number }>)[0].revision = 2;
    await user.clear(screen.getByLabelText('Capacity (hours a week)'));
    await user.type(screen.getByLabelText('Capacity (hours a week)'), '100');
    await user.click(screen.getByRole('button', { name: 'Save team' }));
    expect(await screen.findByText(/changed by someone else since you opened it/)).toBeInTheDocument();
    expect((saved.jsonData.toilTeams as Array<{ capacityHoursPerWeek: number }>)[0].capacityHoursPerWeek).toBe(120);
  });

  it('is read-only for someone who may not write the settings', async () => {
    setRole(OrgRole.Editor);
    render(<ToilTeamsSection />);
    expect(await screen.findByTestId(testIds.toil.teamRow)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Add a team/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument();
  });
});
