import React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { config } from '@grafana/runtime';
import { setupUser } from '../testing/user';
import { testIds } from '../testIds';
import { createFakeBackend, type RecordedRequest } from '../../api/testing/fakeBackend';
import { WORKBOOK_POLICY, type ErrorBudgetPolicy } from '../../domain/policy/model';
import { PoliciesSection } from './PoliciesSection';

const user = setupUser();

type Store = { enabled: boolean; pinned: boolean; jsonData: Record<string, unknown> };
let store: Store;
/** Runs after each POST is stored: another admin's save landing on top of ours. */
let afterPost: (() => void) | undefined;
let failGet: string | undefined;
const backend = createFakeBackend((req: RecordedRequest) => {
  if (failGet && req.method === 'GET') {
    return { status: 500, data: { message: failGet } };
  }
  if (req.method === 'POST') {
    store = JSON.parse(JSON.stringify(req.body));
    afterPost?.();
    return { data: {} };
  }
  return { data: JSON.parse(JSON.stringify(store)) };
});

jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => backend.srv }));

const strict: ErrorBudgetPolicy = {
  ...WORKBOOK_POLICY,
  id: 'strict',
  name: 'Strict',
  atRiskBelow: 0.5,
  approvers: ['alice'],
  revision: 2,
};

function setUser(orgRole: OrgRole, permissions?: Record<string, boolean>) {
  config.bootData.user = { ...config.bootData.user, orgRole, isGrafanaAdmin: false, permissions };
}

const posts = () => backend.requests.filter((r) => r.method === 'POST');
const storedPolicies = () => store.jsonData.policies as ErrorBudgetPolicy[] | undefined;
const cards = () => screen.getAllByTestId(testIds.appConfig.policyCard);
const form = () => within(screen.getByTestId(testIds.appConfig.policyForm));
/** A field's error text: the validation message inside the Field that holds the input's label. */
const fieldError = (label: string) => {
  const input = form().getByLabelText(new RegExp(`^${label}`));
  let field: HTMLElement | null = input.parentElement;
  while (field && !field.querySelector(`label[for="${input.id}"]`)) {
    field = field.parentElement;
  }
  return field?.querySelector('[role="alert"]')?.textContent ?? '';
};

async function type(label: string, text: string) {
  const input = form().getByLabelText(new RegExp(`^${label}`));
  await user.clear(input);
  if (text) {
    await user.type(input, text);
  }
}

beforeEach(() => {
  backend.requests.length = 0;
  afterPost = undefined;
  failGet = undefined;
  store = {
    enabled: true,
    pinned: false,
    jsonData: { slos: [{ id: 'checkout', policy: 'strict' }, { id: 'search' }], policies: [strict] },
  };
  setUser(OrgRole.Admin, {});
});

describe('PoliciesSection', () => {
  it('shows a loading state, then the default and the stored policies with what they say', async () => {
    render(<PoliciesSection />);
    expect(screen.getByText('Loading policies…')).toBeInTheDocument();
    await screen.findAllByTestId(testIds.appConfig.policyCard);
    const [workbook, mine] = cards();
    expect(workbook).toHaveTextContent('SRE Workbook');
    expect(within(workbook).getByText('Default')).toBeInTheDocument();
    expect(within(workbook).getByText('Built-in')).toBeInTheDocument();
    expect(workbook).toHaveTextContent('1 SLO');
    expect(workbook).toHaveTextContent('Exhausted: Freeze');
    expect(mine).toHaveTextContent(
      'At risk below 50% · exhausted at or below 0% · fast burn ≥ 6× over 1h · incident share 20%'
    );
    expect(mine).toHaveTextContent('Approvers: alice');
    expect(mine).toHaveTextContent('id: strict');
  });

  it('is empty but for the built-in default when nothing is stored', async () => {
    store.jsonData = {};
    render(<PoliciesSection />);
    await screen.findAllByTestId(testIds.appConfig.policyCard);
    expect(cards()).toHaveLength(1);
    expect(screen.getByText('No policies of your own yet: every SLO follows the default.')).toBeInTheDocument();
  });

  it('shows the load error and retries', async () => {
    failGet = 'database is locked';
    render(<PoliciesSection />);
    expect(await screen.findByText(/database is locked/)).toBeInTheDocument();
    failGet = undefined;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findAllByTestId(testIds.appConfig.policyCard)).toHaveLength(2);
  });

  it('reports a stored policy that is invalid, and does not list it as usable', async () => {
    store.jsonData.policies = [strict, { ...strict, id: 'broken', name: 'Broken', atRiskBelow: 3 }];
    render(<PoliciesSection />);
    expect(await screen.findByText('Stored policies that are invalid and not used')).toBeInTheDocument();
    expect(screen.getByText(/Broken: policies\[1\]\.atRiskBelow/)).toBeInTheDocument();
    expect(cards()).toHaveLength(2);
  });

  it('creates a policy, thresholds typed as percentages and stored as fractions', async () => {
    render(<PoliciesSection />);
    await user.click(await screen.findByRole('button', { name: 'New policy' }));
    await type('Name', 'Payments freeze early');
    expect(form().getByLabelText(/^Id/)).toHaveValue('payments-freeze-early');
    await type('At risk below', '40');
    await type('Exhausted at or below', '10');
    await type('Fast burn at or above', '10');
    await user.click(form().getByRole('radio', { name: '5m' }));
    const atRisk = form().getByRole('radiogroup', { name: 'Action when at risk' });
    await user.click(within(atRisk).getByRole('radio', { name: 'Ship with approval' }));
    await user.type(form().getByLabelText(/^Approvers/), 'bob{Enter}');
    await user.click(form().getByRole('button', { name: 'Save policy' }));

    expect(await screen.findByText('Policy "Payments freeze early" saved')).toBeInTheDocument();
    expect(storedPolicies()?.[1]).toEqual({
      ...WORKBOOK_POLICY,
      id: 'payments-freeze-early',
      name: 'Payments freeze early',
      description: undefined,
      atRiskBelow: 0.4,
      exhaustedAtOrBelow: 0.1,
      fastBurn: { rate: 10, window: '5m' },
      actions: { ...WORKBOOK_POLICY.actions, at_risk: 'ship_with_approval' },
      approvers: ['bob'],
      revision: 1,
    });
    expect(await screen.findAllByTestId(testIds.appConfig.policyCard)).toHaveLength(3);
  });

  it('shows every problem at its field and saves nothing on bad input', async () => {
    render(<PoliciesSection />);
    await user.click(await screen.findByRole('button', { name: 'New policy' }));
    await type('At risk below', '5');
    await type('Exhausted at or below', '10');
    await type('Fast burn at or above', '0.5');
    await type('Incident budget share', 'lots');
    await user.click(form().getByRole('button', { name: 'Save policy' }));

    expect(fieldError('Name')).toMatch(/must be a non-empty string/);
    expect(fieldError('At risk below')).toMatch(/must be above the exhausted threshold \(10%\)/);
    expect(fieldError('Fast burn at or above')).toMatch(/must be a number above 1/);
    expect(fieldError('Incident budget share')).toMatch(/must be a percentage, got "lots"/);
    expect(posts()).toEqual([]);
  });

  it('keeps the edit and offers a reload when someone else changed the policy', async () => {
    render(<PoliciesSection />);
    await user.click(await screen.findByRole('button', { name: 'Edit Strict' }));
    await type('Name', 'Strict, mine');
    store.jsonData.policies = [{ ...strict, name: 'Strict, theirs', revision: 3 }];
    await user.click(form().getByRole('button', { name: 'Save policy' }));

    const error = await screen.findByTestId(testIds.appConfig.policyError);
    expect(error).toHaveTextContent(/changed by someone else.*revision 2 → 3/);
    expect(form().getByLabelText(/^Name/)).toHaveValue('Strict, mine');
    expect(posts()).toEqual([]);
    await user.click(within(error).getByRole('button', { name: 'Discard my edit and reload' }));
    expect(await screen.findByText('Strict, theirs')).toBeInTheDocument();
  });

  it('says when another save replaced ours, keeping the edit to apply again', async () => {
    render(<PoliciesSection />);
    await user.click(await screen.findByRole('button', { name: 'Edit Strict' }));
    await type('Name', 'Strict, mine');
    afterPost = () => {
      store.jsonData = { ...store.jsonData, policies: [strict] };
    };
    await user.click(form().getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('Your change is not stored')).toBeInTheDocument();
    expect(form().getByLabelText(/^Name/)).toHaveValue('Strict, mine');

    afterPost = undefined;
    await user.click(form().getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('Policy "Strict, mine" saved')).toBeInTheDocument();
    expect(storedPolicies()?.[0]).toMatchObject({ name: 'Strict, mine', revision: 3 });
  });

  it('refuses to delete a policy SLOs use, naming them', async () => {
    render(<PoliciesSection />);
    await user.click(await screen.findByRole('button', { name: 'Delete Strict' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const error = await screen.findByTestId(testIds.appConfig.policyError);
    expect(error).toHaveTextContent('The policy is still in use');
    expect(error).toHaveTextContent('used by SLO "checkout"');
    expect(posts()).toEqual([]);
  });

  it('deletes an unused policy after confirmation', async () => {
    store.jsonData.slos = [];
    render(<PoliciesSection />);
    await user.click(await screen.findByRole('button', { name: 'Delete Strict' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Policy "Strict" deleted')).toBeInTheDocument();
    expect(storedPolicies()).toEqual([]);
  });

  it('customises the default as a stored `workbook` policy', async () => {
    render(<PoliciesSection />);
    await user.click(await screen.findByRole('button', { name: 'Customise the default policy' }));
    expect(form().getByLabelText(/^Id/)).toBeDisabled();
    await type('At risk below', '30');
    await user.click(form().getByRole('button', { name: 'Save policy' }));
    await screen.findByText('Policy "SRE Workbook" saved');
    expect(storedPolicies()?.find((p) => p.id === 'workbook')).toMatchObject({ atRiskBelow: 0.3, revision: 1 });
    expect(
      await screen.findByRole('button', { name: 'Reset the default to the built-in Workbook policy' })
    ).toBeInTheDocument();
  });

  describe('who may edit (POST /api/plugins/:id/settings needs plugins:write)', () => {
    it('is read-only, with the reason, for an Admin without plugins:write', async () => {
      setUser(OrgRole.Admin, { 'annotations:create': true });
      render(<PoliciesSection />);
      await screen.findAllByTestId(testIds.appConfig.policyCard);
      expect(screen.getByText('Policies are read-only for you')).toBeInTheDocument();
      expect(screen.getByText(/needs the plugins:write permission/)).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'New policy' })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Edit Strict' })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Delete Strict' })).not.toBeInTheDocument();
    });

    it('lets an Editor granted plugins:write edit', async () => {
      setUser(OrgRole.Editor, { 'plugins:write': true });
      render(<PoliciesSection />);
      await user.click(await screen.findByRole('button', { name: 'Edit Strict' }));
      await type('Name', 'Strict v2');
      await user.click(form().getByRole('button', { name: 'Save policy' }));
      await waitFor(() => expect(storedPolicies()?.[0]).toMatchObject({ name: 'Strict v2', revision: 3 }));
      expect(screen.queryByText('Policies are read-only for you')).not.toBeInTheDocument();
    });
  });
});
