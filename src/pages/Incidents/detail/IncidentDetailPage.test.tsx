// Logs and linked SLOs are in IncidentDetailPage.context.test.tsx.
import { giveElementsASize } from '../../../components/testing/jsdomPolyfills';
import { screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../../components/testing/user';
import { OrgRole } from '@grafana/data';
import { backend, currentResponder, respondWith } from '../../../api/testing/fakeApi';
import { testIds } from '../../../components/testIds';
import { declared, ev } from '../../../domain/incident/__fixtures__/events';
import { checkRequest } from '../../../../tests/contract/openapi';
import { IMG, NOW } from '../testing/renderIncidentsPage';
import {
  posted,
  renderDetail,
  SCRIPT,
  serve,
  setOrgUsers,
  setRole,
  setUpDetailPageTests,
} from './testing/detailFixtures';

const user = setupUser();

jest.mock('@grafana/runtime', () => jest.requireActual('../testing/mockRuntime').mockRuntime());
jest.mock('./IncidentLogsScene', () => jest.requireActual('./testing/FakeLogsScene'));

setUpDetailPageTests();

describe('incident detail: lifecycle', () => {
  it('offers only the legal next statuses and sends status_changed for the one clicked', async () => {
    serve([declared(), ev('status_changed', 20, { to: 'triage' })]);
    renderDetail();
    const transitions = await screen.findByTestId(testIds.incidentDetail.transitions);
    expect(
      within(transitions)
        .getAllByRole('button')
        .map((b) => b.textContent)
    ).toEqual(['Move to Mitigating']);
    await user.click(within(transitions).getByRole('button', { name: 'Move to Mitigating' }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({
      type: 'status_changed',
      to: 'mitigating',
      incidentId: 'INC-X',
      author: 'bob',
      at: NOW,
    });
    expect(await screen.findByText('Status: mitigating')).toBeInTheDocument();
    for (const r of backend.requests.filter((q) => !q.url.startsWith('/api/plugins/'))) {
      expect(checkRequest(r)).toEqual([]);
    }
  });

  it('changes severity, records the end of impact and resolves with a summary', async () => {
    renderDetail();
    await user.click(within(await screen.findByTestId(testIds.incidentDetail.severity)).getByLabelText('SEV1'));
    await waitFor(() => expect(posted()).toHaveLength(1));
    await user.click(screen.getByTestId(testIds.incidentDetail.impactEnded));
    await waitFor(() => expect(posted()).toHaveLength(2));
    expect(screen.queryByTestId(testIds.incidentDetail.impactEnded)).not.toBeInTheDocument();
    await user.type(screen.getByTestId(testIds.incidentDetail.resolveSummary), 'Rolled back');
    await user.click(screen.getByTestId(testIds.incidentDetail.resolve));
    await waitFor(() => expect(posted()).toHaveLength(3));
    expect(posted().map((e) => e.type)).toEqual(['severity_changed', 'impact_ended', 'resolved']);
    expect(posted()[0]).toMatchObject({ from: 2, to: 1 });
    expect(posted()[2]).toMatchObject({ summary: 'Rolled back' });
    expect(await screen.findByTestId(testIds.incidentDetail.reopen)).toBeInTheDocument();
    expect(within(screen.getByTestId(testIds.incidentDetail.transitions)).queryAllByRole('button')).toEqual([]);
  });

  it('refuses to reopen without a reason, then reopens with one', async () => {
    serve([declared(), ev('resolved', 30, {})]);
    renderDetail();
    await user.click(await screen.findByTestId(testIds.incidentDetail.reopen));
    expect(screen.getByText(/Reopening a resolved incident needs a reason/)).toBeInTheDocument();
    expect(posted()).toEqual([]);
    await user.type(screen.getByTestId(testIds.incidentDetail.reopenReason), 'Errors are back');
    await user.click(screen.getByTestId(testIds.incidentDetail.reopen));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ type: 'reopened', reason: 'Errors are back' });
  });

  it('shows the API error when a change is not recorded', async () => {
    renderDetail();
    await screen.findByTestId(testIds.incidentDetail.transitions);
    const original = currentResponder();
    respondWith((req) => (req.method === 'POST' ? { status: 403, data: { message: 'access denied' } } : original(req)));
    await user.click(screen.getByRole('button', { name: 'Move to Triage' }));
    expect(await screen.findByTestId(testIds.incidentDetail.actionError)).toHaveTextContent(/access denied/);
  });
});

describe('incident detail: roles', () => {
  // The role pickers are async Combobox menus: virtualised, so options only render with element sizes, and
  // debounced with lodash, which waits for Date.now to move, so the clock runs on from NOW here.
  beforeEach(() => {
    giveElementsASize();
    const start = performance.now();
    jest.spyOn(Date, 'now').mockImplementation(() => NOW + Math.round(performance.now() - start));
  });

  /** The role's card and its login picker, once the page has loaded. */
  const roleCard = async (index: number, label: string) => {
    const card = (await screen.findAllByTestId(testIds.incidentDetail.role))[index];
    return { card, picker: within(card).getByRole('combobox', { name: `Grafana login for ${label}` }) };
  };
  const lookups = () => backend.requests.filter((r) => r.url === '/api/org/users/lookup');

  it('assigns a suggested Grafana user picked from the lookup', async () => {
    setOrgUsers(['ann', 'anna', 'dave']);
    renderDetail();
    const { card, picker } = await roleCard(1, 'Technical lead');
    expect(within(card).getByTestId(testIds.incidentDetail.roleLogin)).toBe(picker);
    await user.type(picker, 'ann');
    await user.click(await screen.findByRole('option', { name: 'anna' }));
    await user.click(within(card).getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ type: 'role_assigned', role: 'techLead', to: { login: 'anna' }, from: null });
    expect(await within(card).findByText('Held by anna')).toBeInTheDocument();
    expect(lookups().at(-1)?.params).toEqual({ query: 'ann', limit: 20 });
    for (const r of backend.requests.filter((q) => !q.url.startsWith('/api/plugins/'))) {
      expect(checkRequest(r)).toEqual([]);
    }
    expect(screen.queryByText(/listing users needs/)).not.toBeInTheDocument();
  });

  it('records a handover to a login that is not suggested, with the previous and the new holder', async () => {
    setOrgUsers(['ann', 'carla']);
    serve([declared(), ev('role_assigned', 15, { role: 'commander', to: { login: 'ann' } })]);
    renderDetail();
    const { card, picker } = await roleCard(0, 'Incident commander');
    expect(within(card).getByText('Held by ann')).toBeInTheDocument();
    expect(within(card).getByText(/Owns the incident/)).toBeInTheDocument();
    await user.type(picker, 'carl');
    // Combobox offers what was typed first, above the suggestions ("carla"); Enter picks it, Enter again assigns.
    expect(await screen.findByRole('option', { name: /carla/ })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(picker).toHaveValue('carl');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({
      type: 'role_assigned',
      role: 'commander',
      from: { login: 'ann' },
      to: { login: 'carl' },
    });
    expect(await within(card).findByText('Held by carl')).toBeInTheDocument();
    expect(screen.getByText('Incident commander: ann → carl')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Hand over' })).toBeDisabled();
    expect(picker).toHaveValue('');
    for (const r of lookups()) {
      expect(checkRequest(r)).toEqual([]);
    }
  });

  it('explains that users cannot be listed when the lookup is refused, and still assigns a typed login', async () => {
    setOrgUsers('forbidden');
    renderDetail();
    const { card, picker } = await roleCard(2, 'Communication lead');
    await user.click(picker);
    expect(
      await within(card).findByText('Type a Grafana login: listing users needs org admin or team admin rights')
    ).toBeInTheDocument();
    await user.type(picker, 'dana{Enter}');
    await user.click(within(card).getByRole('button', { name: 'Assign' }));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ type: 'role_assigned', role: 'commsLead', to: { login: 'dana' } });
    // Once refused, the pickers stop asking.
    expect(lookups()).toHaveLength(1);
    expect(checkRequest(lookups()[0])).toEqual([]);
    expect(screen.queryByTestId(testIds.incidentDetail.actionError)).not.toBeInTheDocument();
  });
});

describe('incident detail: notes and timeline', () => {
  it('adds a note of the chosen kind and orders the timeline both ways', async () => {
    renderDetail();
    await user.click(
      within(await screen.findByTestId(testIds.incidentDetail.noteKind)).getByLabelText('Mitigation')
    );
    await user.type(screen.getByTestId(testIds.incidentDetail.noteText), 'Scaled the pool');
    await user.click(screen.getByTestId(testIds.incidentDetail.addNote));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ type: 'note', kind: 'mitigation', text: 'Scaled the pool' });
    const texts = () => screen.getAllByTestId(testIds.incidentDetail.timelineEntry).map((e) => e.textContent);
    await waitFor(() => expect(texts()[0]).toMatch(/bob.*Note \(mitigation\): Scaled the pool/));
    await user.click(
      within(screen.getByTestId(testIds.incidentDetail.timelineOrder)).getByLabelText('Oldest first')
    );
    expect(texts()[0]).toMatch(/alice.*Declared SEV2/);
  });

  it('renders hostile notes and titles as text, never as HTML', async () => {
    serve([
      declared({ title: IMG }),
      ev('note', 20, { kind: 'debugging', text: SCRIPT }),
      ev('note', 21, { kind: 'observation', text: IMG }),
      ev('status_update', 22, { audience: 'internal', message: IMG }),
    ]);
    const { container } = renderDetail();
    expect(await screen.findByText(`Note (debugging): ${SCRIPT}`)).toBeInTheDocument();
    expect(screen.getByText(`Note (observation): ${IMG}`)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: IMG })).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('incident detail: status updates', () => {
  it('fills the external template, posts it as a status_update and lists it with a Copy button', async () => {
    serve([declared({ services: ['checkout', 'cart'] })]);
    renderDetail();
    await user.click(
      within(await screen.findByTestId(testIds.incidentDetail.updateAudience)).getByLabelText('External')
    );
    await user.click(screen.getByTestId(testIds.incidentDetail.useTemplate));
    const draft = (screen.getByTestId(testIds.incidentDetail.updateText) as HTMLTextAreaElement).value;
    expect(draft).toBe(
      'We are investigating reports of a problem affecting checkout, cart.\n' +
        'Some requests may fail or be slow. We apologise for the disruption.\n' +
        'We will post another update by 12:30 UTC.'
    );
    await user.click(screen.getByTestId(testIds.incidentDetail.postUpdate));
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ type: 'status_update', audience: 'external', message: draft });
    const update = await screen.findByTestId(testIds.incidentDetail.update);
    expect(within(update).getByText('External')).toBeInTheDocument();
    expect(within(update).getByRole('button', { name: /Copy/ })).toBeInTheDocument();
  });
});

describe('incident detail: read-only', () => {
  it('hides every action from users who cannot write annotations and says Editor is needed', async () => {
    setRole(OrgRole.Viewer);
    serve([declared(), ev('resolved', 30, {})]);
    renderDetail();
    expect(await screen.findByTestId(testIds.incidentDetail.readOnly)).toHaveTextContent(/Editor role/);
    for (const id of [
      testIds.incidentDetail.severity,
      testIds.incidentDetail.reopen,
      testIds.incidentDetail.roleLogin,
      testIds.incidentDetail.addNote,
      testIds.incidentDetail.postUpdate,
      testIds.incidentDetail.linkSlo,
    ]) {
      expect(screen.queryByTestId(id)).not.toBeInTheDocument();
    }
    expect(screen.getAllByTestId(testIds.incidentDetail.timelineEntry)).toHaveLength(2);
  });
});
