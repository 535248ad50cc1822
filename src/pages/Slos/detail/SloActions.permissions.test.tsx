import '../../../components/testing/jsdomPolyfills';
import React from 'react';
import { MemoryRouter } from 'react-router-dom';
import { render, screen, within } from '@testing-library/react';
import { setupUser } from '../../../components/testing/user';
import { getDefaultTimeRange } from '@grafana/data';
import { canWriteAlertRules } from '../../../api/alertRules';
import { canCreateDashboards } from '../../../api/dashboards';
import { canEditSettings, canWriteAnnotations } from '../../../api/permissions';
import { NOT_ALLOWED } from '../../../components/NotAllowedButton';
import { serveUnder } from '../../../components/testing/subPath';
import { makeSlo } from '../__fixtures__/slos';
import { SloActions } from './SloActions';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  usePluginComponent: () => ({ component: undefined, isLoading: false }),
}));
jest.mock('../../../api/permissions');
jest.mock('../../../api/alertRules');
jest.mock('../../../api/dashboards');

const slo = makeSlo('checkout', { name: 'Checkout availability' });
const user = setupUser();

type Permission = 'annotations' | 'dashboards' | 'alertRules' | 'settings';
function grant(...granted: Permission[]) {
  jest.mocked(canWriteAnnotations).mockReturnValue(granted.includes('annotations'));
  jest.mocked(canCreateDashboards).mockReturnValue(granted.includes('dashboards'));
  jest.mocked(canWriteAlertRules).mockReturnValue(granted.includes('alertRules'));
  jest.mocked(canEditSettings).mockReturnValue(granted.includes('settings'));
}
const ALL: Permission[] = ['annotations', 'dashboards', 'alertRules', 'settings'];

function renderActions() {
  const { container } = render(
    <MemoryRouter>
      <SloActions slo={slo} datasourceUid="prom" timeRange={getDefaultTimeRange()} onNotice={() => {}} />
    </MemoryRouter>
  );
  return within(container);
}

/** The action's element: a link or a button, whichever the page shows. */
const action = (view: ReturnType<typeof renderActions>, name: string) =>
  view.queryByRole('link', { name }) ?? view.getByRole('button', { name });

async function expectNotAllowed(view: ReturnType<typeof renderActions>, name: string, reason: string) {
  const el = view.getByRole('button', { name });
  expect(el).toHaveAttribute('aria-disabled', 'true');
  expect(view.queryByRole('link', { name })).not.toBeInTheDocument();
  await user.hover(el);
  expect(await screen.findByText(reason)).toBeInTheDocument();
}

const ACTIONS: Array<[Permission, string[], string]> = [
  ['annotations', ['Declare incident'], NOT_ALLOWED.declareIncident],
  ['dashboards', ['Create dashboard', 'Add to dashboard'], NOT_ALLOWED.dashboards],
  ['settings', ['Edit', 'Delete'], NOT_ALLOWED.editSlos],
];

describe('SLO page actions and permissions', () => {
  it('a user with every permission gets every action enabled', async () => {
    grant(...ALL);
    const view = renderActions();
    expect(view.getByRole('link', { name: 'Declare incident' })).toHaveAttribute('href');
    expect(view.getByRole('link', { name: 'Edit' })).toHaveAttribute('href');
    for (const name of ['Create dashboard', 'Add to dashboard', 'Delete']) {
      expect(view.getByRole('button', { name })).toBeEnabled();
      expect(view.getByRole('button', { name })).not.toHaveAttribute('aria-disabled', 'true');
    }
    await user.click(view.getByRole('button', { name: /Alert rules/ }));
    expect(await screen.findByRole('menuitem', { name: /Install alerts in Grafana/ })).toBeEnabled();
  });

  it.each(ACTIONS)('without the %s permission, %j show disabled and say who can', async (missing, names, reason) => {
    grant(...ALL.filter((p) => p !== missing));
    const view = renderActions();
    for (const name of names) {
      await expectNotAllowed(view, name, reason);
    }
    // Only those: the other actions stay enabled.
    const others = ACTIONS.filter(([p]) => p !== missing).flatMap(([, n]) => n);
    for (const name of others) {
      expect(action(view, name)).not.toHaveAttribute('aria-disabled', 'true');
    }
  });

  it('without permission to write alert rules, the install item shows disabled with who can', async () => {
    grant('annotations', 'dashboards', 'settings');
    const view = renderActions();
    await user.click(view.getByRole('button', { name: /Alert rules/ }));
    const item = await screen.findByRole('menuitem', { name: /Install alerts in Grafana/ });
    expect(item).toBeDisabled();
    expect(item).toHaveTextContent(NOT_ALLOWED.alertRules);
    // Downloads need no permission.
    expect(screen.getByRole('menuitem', { name: /Download Prometheus rules/ })).toBeEnabled();
  });

  it('a viewer sees every write action, none of them enabled', () => {
    grant();
    const view = renderActions();
    for (const name of ['Declare incident', 'Create dashboard', 'Add to dashboard', 'Edit', 'Delete']) {
      expect(view.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true');
    }
    expect(view.queryAllByRole('link')).toEqual([]);
  });
});

describe('SLO page links under a Grafana sub-path', () => {
  afterEach(() => serveUnder(''));

  it('carry the sub-path once, so a new tab or a copied link opens the right page', () => {
    serveUnder('/grafana');
    grant(...ALL);
    const view = renderActions();
    expect(view.getByRole('link', { name: 'Edit' })).toHaveAttribute(
      'href',
      '/grafana/a/sre-reliability-app/slos/checkout/edit'
    );
    expect(view.getByRole('link', { name: 'Declare incident' }).getAttribute('href')).toMatch(
      /^\/grafana\/a\/sre-reliability-app\/incidents\/new\?slo=checkout&/
    );
  });
});
