import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import { setupUser } from '../testing/user';
import { testIds } from '../testIds';
import { createFakeBackend, type RecordedRequest } from '../../api/testing/fakeBackend';
import { DEFAULT_POSTMORTEM_POLICY, DEFAULT_SECTIONS } from '../../domain/postmortem';
import { PostmortemSettingsSection } from './PostmortemSettingsSection';

const user = setupUser();
const BUDGET = /^Budget threshold \(%\)/;
type Stored = { enabled: boolean; pinned: boolean; jsonData: Record<string, unknown> };
let saved: Stored;
let getStatus = 200;
const backend = createFakeBackend((req: RecordedRequest) => {
  if (req.method === 'POST') {
    saved = req.body as Stored;
    return { data: {} };
  }
  return getStatus === 200
    ? { data: JSON.parse(JSON.stringify(saved)) }
    : { status: getStatus, data: { message: 'boom' } };
});

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const setRole = (orgRole: OrgRole) => {
  config.bootData.user = { ...config.bootData.user, orgRole, isGrafanaAdmin: false, permissions: {} };
};
const posts = () => backend.requests.filter((r) => r.method === 'POST');
const stored = () =>
  saved.jsonData.postmortems as {
    sections: Array<{ key: string; title: string; order: number }>;
    policy: unknown;
    revision: number;
  };
const titles = () =>
  screen.getAllByTestId(testIds.appConfig.postmortemSection).map((li) => within(li).getByRole('textbox'));

beforeEach(() => {
  backend.requests.length = 0;
  getStatus = 200;
  saved = { enabled: true, pinned: false, jsonData: { slos: [{ id: 'keep' }] } };
  setRole(OrgRole.Admin);
});

describe('PostmortemSettingsSection', () => {
  it('shows the default sections and the Workbook policy when nothing is stored', async () => {
    render(<PostmortemSettingsSection />);
    await screen.findByTestId(testIds.appConfig.postmortems);
    expect(titles().map((t) => (t as HTMLInputElement).value)).toEqual(DEFAULT_SECTIONS.map((s) => s.title));
    expect(screen.getByLabelText('SEV1')).toBeChecked();
    expect(screen.getByLabelText('SEV2')).toBeChecked();
    expect(screen.getByLabelText('SEV3')).not.toBeChecked();
    expect(screen.getByLabelText(BUDGET)).toHaveValue('20');
    expect(screen.getByLabelText(/^Postmortem due/)).toHaveValue('5');
    expect(screen.getByLabelText(/^SEV1 postmortem due/)).toHaveValue('3');
    expect(screen.getByLabelText('P0 due (days)')).toHaveValue('7');
  });

  it('renames, reorders with the keyboard and adds sections, then saves them with the policy', async () => {
    render(<PostmortemSettingsSection />);
    await screen.findByTestId(testIds.appConfig.postmortems);
    await user.clear(screen.getByLabelText('Title of section 1'));
    await user.type(screen.getByLabelText('Title of section 1'), 'TL;DR');
    // Keyboard only: focus the button, press Enter.
    screen.getByRole('button', { name: 'Move Impact up' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Move Impact up' })).toBeDisabled();
    await user.type(screen.getByLabelText('New section'), 'Lessons learned{Enter}');
    await user.click(screen.getByRole('button', { name: 'Remove Where we got lucky from new postmortems' }));
    await user.click(screen.getByLabelText('SEV3'));
    await user.clear(screen.getByLabelText(BUDGET));
    await user.type(screen.getByLabelText(BUDGET), '25');
    await user.clear(screen.getByLabelText(/^SEV1 postmortem due/));
    await user.clear(screen.getByLabelText('P3 due (days)'));
    await user.type(screen.getByLabelText('P3 due (days)'), '365');
    await user.click(screen.getByRole('button', { name: 'Save postmortem settings' }));
    expect(await screen.findByText('Postmortem settings saved')).toBeInTheDocument();
    expect(stored().revision).toBe(1);
    expect(stored().sections.slice(0, 2)).toEqual([
      { key: 'impact', title: 'Impact', order: 10 },
      { key: 'summary', title: 'TL;DR', order: 20 },
    ]);
    expect(stored().sections.map((s) => s.key)).not.toContain('got_lucky');
    expect(stored().sections.at(-1)).toEqual({ key: 'lessons_learned', title: 'Lessons learned', order: 110 });
    expect(stored().policy).toEqual({
      ...DEFAULT_POSTMORTEM_POLICY,
      requiredSeverities: [1, 2, 3],
      budgetShare: 0.25,
      dueBusinessDaysBySeverity: {},
      actionItemDueDays: { P0: 7, P1: 30, P2: 90, P3: 365 },
    });
    expect(saved.jsonData.slos).toEqual([{ id: 'keep' }]);
  });

  it('names each bad field and sends nothing', async () => {
    render(<PostmortemSettingsSection />);
    await screen.findByTestId(testIds.appConfig.postmortems);
    await user.clear(screen.getByLabelText('Title of section 2'));
    await user.clear(screen.getByLabelText(BUDGET));
    await user.type(screen.getByLabelText(BUDGET), '150');
    await user.clear(screen.getByLabelText(/^Postmortem due/));
    await user.type(screen.getByLabelText(/^Postmortem due/), '1.5');
    await user.clear(screen.getByLabelText('P1 due (days)'));
    await user.click(screen.getByRole('button', { name: 'Add section' }));
    expect(screen.getByText('Give the new section a title')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save postmortem settings' }));
    expect(screen.getByText('Section 2 title: must not be empty')).toBeInTheDocument();
    expect(screen.getByText(/Budget threshold must be a percentage from 1 to 100/)).toBeInTheDocument();
    expect(screen.getByText(/Postmortem due: must be a whole number of business days/)).toBeInTheDocument();
    expect(screen.getByText(/P1 action items due: must be a whole number of days/)).toBeInTheDocument();
    expect(posts()).toEqual([]);
  });

  it('refuses a save when someone saved meanwhile, keeping the form', async () => {
    saved.jsonData.postmortems = { revision: 2 };
    render(<PostmortemSettingsSection />);
    await screen.findByTestId(testIds.appConfig.postmortems);
    saved.jsonData.postmortems = { revision: 3, policy: { budgetShare: 0.5 } };
    await user.clear(screen.getByLabelText(BUDGET));
    await user.type(screen.getByLabelText(BUDGET), '30');
    await user.click(screen.getByRole('button', { name: 'Save postmortem settings' }));
    expect(
      await screen.findByText(/changed by someone else since you opened them \(revision 2 → 3\)/)
    ).toBeInTheDocument();
    expect(posts()).toEqual([]);
    expect(screen.getByLabelText(BUDGET)).toHaveValue('30');
  });

  it('reports invalid stored settings and shows the defaults in their place', async () => {
    saved.jsonData.postmortems = { policy: { budgetShare: 7 } };
    render(<PostmortemSettingsSection />);
    expect(await screen.findByText(/postmortems\.policy\.budgetShare: must be a share/)).toBeInTheDocument();
    expect(screen.getByLabelText(BUDGET)).toHaveValue('20');
  });

  it('shows a load error with Retry', async () => {
    getStatus = 500;
    render(<PostmortemSettingsSection />);
    expect(await screen.findByText('Could not load the postmortem settings')).toBeInTheDocument();
    getStatus = 200;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByLabelText(BUDGET)).toBeInTheDocument();
  });

  it('is read-only for someone who may not write the settings', async () => {
    setRole(OrgRole.Editor);
    render(<PostmortemSettingsSection />);
    expect(await screen.findByText('Only organization admins can change the postmortem settings.')).toBeInTheDocument();
    expect(screen.getByLabelText('Title of section 1')).toBeDisabled();
    expect(screen.getByLabelText('SEV1')).toBeDisabled();
    expect(screen.queryByRole('button', { name: /Move/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save postmortem settings' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('New section')).not.toBeInTheDocument();
  });
});
