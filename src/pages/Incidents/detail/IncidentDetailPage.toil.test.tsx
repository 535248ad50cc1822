// "Log toil" on an incident page: the quick-log dialog prefilled with the incident, through the real toil API.
import '../../../components/testing/jsdomPolyfills';
import { screen, within } from '@testing-library/react';
import { OrgRole } from '@grafana/data';
import { setupUser } from '../../../components/testing/user';
import { backend } from '../../../api/testing/fakeApi';
import { checkRequest } from '../../../../tests/contract/openapi';
import { renderDetail, setRole, setUpDetailPageTests } from './testing/detailFixtures';

const user = setupUser();

jest.mock('@grafana/runtime', () => jest.requireActual('../testing/mockRuntime').mockRuntime());
jest.mock('./IncidentLogsScene', () => jest.requireActual('./testing/FakeLogsScene'));

setUpDetailPageTests();

describe('incident detail: Log toil', () => {
  it('logs toil prefilled with the incident: its title and services as the task, its id as the link', async () => {
    renderDetail();
    await user.click(await screen.findByRole('button', { name: 'Log toil' }));
    const dialog = await screen.findByRole('dialog', { name: 'Log toil' });
    expect(within(dialog).getByRole('textbox', { name: /^Task/ })).toHaveValue('Checkout errors (checkout)');
    expect(within(dialog).getByText(/Link: INC-X/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('combobox', { name: /^Team/ }));
    await user.paste('Payments');
    await user.keyboard('{Enter}');
    await user.click(within(dialog).getByRole('textbox', { name: /^Duration/ }));
    await user.paste('45');
    await user.click(within(dialog).getByRole('button', { name: 'Log toil' }));
    expect(await within(dialog).findByText('Toil logged')).toBeInTheDocument();

    const post = backend.requests.find(
      (r) => r.method === 'POST' && (r.body as { tags?: string[] }).tags?.includes('sre-toil')
    );
    expect(post?.body).toMatchObject({
      tags: expect.arrayContaining(['sre-toil', 'team:Payments']),
      data: {
        kind: 'toil_entry',
        loggedBy: 'bob',
        fields: {
          task: 'Checkout errors (checkout)',
          team: 'Payments',
          who: 'bob',
          link: 'INC-X',
          kind: 'interrupt',
          durationMinutes: 45,
        },
      },
    });
    expect(checkRequest(post!)).toEqual([]);
  });

  it('is not offered to users who cannot write annotations', async () => {
    setRole(OrgRole.Viewer);
    renderDetail();
    expect(await screen.findByText(/Editor role/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Log toil' })).not.toBeInTheDocument();
  });
});
