// First: the polyfills must load before Grafana UI.
import { giveElementsASize } from '../../components/testing/jsdomPolyfills';
import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../components/testing/user';
import { logToil, ToilValidationError } from '../../api/toil';
import { listTeams } from '../../api/teams';
import { searchOrgUsers } from '../../api/users';
import { NO_TRAITS, type ToilFields } from '../../domain/toil';
import { queryClient } from '../data/queryClient';
import { LogToilButton } from '../Incidents/detail/LogToilButton';
import { QuickLog } from './QuickLog';
import { QuickLogFromUrl } from './QuickLogFromUrl';
import { TOIL_QUERY_KEY } from './queryKeys';
import { DEFAULT_TRAITS, ToilEntryForm } from './ToilEntryForm';

jest.mock('../../api/toil', () => ({ ...jest.requireActual('../../api/toil'), logToil: jest.fn() }));
jest.mock('../../api/teams', () => ({ listTeams: jest.fn() }));
jest.mock('../../api/users', () => ({ searchOrgUsers: jest.fn() }));
jest.mock('../../api/permissions', () => ({
  ...jest.requireActual('../../api/permissions'),
  currentLogin: () => 'alice',
}));

const user = setupUser();
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const logged = jest.mocked(logToil);

beforeEach(() => {
  queryClient.clear();
  giveElementsASize();
  // Combobox debounces with lodash, which waits for Date.now to move: the clock runs on from NOW.
  const start = performance.now();
  jest.spyOn(Date, 'now').mockImplementation(() => NOW + Math.round(performance.now() - start));
  jest.mocked(listTeams).mockResolvedValue({ teams: ['Payments', 'SRE'], canList: true });
  jest.mocked(searchOrgUsers).mockResolvedValue({ users: [{ login: 'alice' }, { login: 'bob' }], available: true });
  logged.mockReset().mockResolvedValue('toil-1');
});
afterEach(() => jest.restoreAllMocks());

// Field's label holds its description too: the accessible name starts with the label.
const label = (name: RegExp | string) => (typeof name === 'string' ? new RegExp(`^${name}`) : name);
const field = (name: RegExp | string) => screen.getByRole('textbox', { name: label(name) });
const combo = (name: string) => screen.getByRole('combobox', { name: label(name) });
const submitted = (): ToilFields => logged.mock.calls[0][0];
/** Pasting is one input event; typing re-renders the whole form per key, which is slow in jsdom. */
const paste = async (el: HTMLElement, text: string) => {
  await user.click(el);
  await user.paste(text);
};

describe('QuickLog', () => {
  it('logs with three fields and a duration, by keyboard alone, then refreshes the toil views and says so', async () => {
    const invalidate = jest.spyOn(queryClient, 'invalidateQueries');
    render(<QuickLog onDismiss={jest.fn()} />);
    // Only the quick fields show; the defaults of the others are spelled out.
    expect(screen.queryByRole('textbox', { name: /Link/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Kind: Other · Traits: Manual, Repetitive, Automatable/)).toBeInTheDocument();
    expect(combo('Who')).toHaveValue('alice');

    expect(field('Task')).toHaveFocus();
    await user.paste('Restart payments pod');
    await user.tab();
    expect(combo('Team')).toHaveFocus();
    await user.keyboard('pay');
    expect(await screen.findByRole('option', { name: 'Payments' })).toBeInTheDocument();
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(combo('Team')).toHaveValue('Payments'));
    await user.tab();
    await user.tab();
    expect(field('Duration')).toHaveFocus();
    await user.keyboard('1h30m{Enter}');

    expect(await screen.findByText('Toil logged')).toBeInTheDocument();
    expect(screen.getByText('1h 30m of "Restart payments pod" for Payments.')).toBeInTheDocument();
    expect(logged).toHaveBeenCalledTimes(1);
    const fields = submitted();
    expect(fields).toEqual({
      task: 'Restart payments pod',
      team: 'Payments',
      who: 'alice',
      at: expect.any(Number),
      durationMinutes: 90,
      kind: 'other',
      traits: DEFAULT_TRAITS,
    });
    // "When" defaults to now minus the duration.
    expect(Date.now() - 90 * 60_000 - fields.at).toBeGreaterThanOrEqual(0);
    expect(Date.now() - 90 * 60_000 - fields.at).toBeLessThan(60_000);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: TOIL_QUERY_KEY });

    // "Log another" starts a fresh form for the same team and person.
    await user.click(screen.getByRole('button', { name: 'Log another' }));
    expect(field('Task')).toHaveValue('');
    expect(combo('Team')).toHaveValue('Payments');
  });

  it('shows what is wrong under each field and sends nothing', async () => {
    render(<QuickLog onDismiss={jest.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Log toil' }));
    expect(screen.getByText('Say what the work was')).toBeInTheDocument();
    expect(screen.getByText('Pick or type the team')).toBeInTheDocument();
    expect(screen.getByText('Say how long it took')).toBeInTheDocument();
    await user.type(field('Duration'), 'soon');
    await user.click(screen.getByRole('button', { name: 'Log toil' }));
    expect(screen.getByText(/Cannot read "soon": write minutes/)).toBeInTheDocument();
    await user.clear(field('Duration'));
    await user.type(field('Duration'), '25h');
    await user.click(screen.getByRole('button', { name: 'Log toil' }));
    expect(screen.getByText(/must be at most 24 hours/)).toBeInTheDocument();
    expect(logged).not.toHaveBeenCalled();
  });

  it('opens "More" to show an error in a hidden field', async () => {
    render(<QuickLog initial={{ task: 'Rotate certs', team: 'SRE', durationMinutes: 20 }} onDismiss={jest.fn()} />);
    await user.click(screen.getByRole('button', { name: 'More' }));
    expect(screen.getByRole('button', { name: 'Less' })).toHaveAttribute('aria-expanded', 'true');
    await paste(field(/Link/), 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Less' }));
    expect(screen.queryByRole('textbox', { name: /Link/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Log toil' }));
    expect(screen.getByText('must be an incident id or an http(s) URL')).toBeInTheDocument();
    expect(field(/Link/)).toHaveValue('javascript:alert(1)');
    expect(logged).not.toHaveBeenCalled();

    await user.clear(field(/Link/));
    await user.click(screen.getByRole('checkbox', { name: 'Tactical' }));
    await user.click(screen.getByRole('radio', { name: 'On-call page' }));
    await user.click(screen.getByRole('button', { name: 'Log toil' }));
    await screen.findByText('Toil logged');
    expect(submitted()).toMatchObject({
      team: 'SRE',
      kind: 'oncall_page',
      traits: { ...DEFAULT_TRAITS, tactical: true },
    });
    expect(submitted().link).toBeUndefined();
  });

  it('takes a team that is not suggested', async () => {
    render(<QuickLog initial={{ task: 'Rotate certs', durationMinutes: 20 }} onDismiss={jest.fn()} />);
    await paste(combo('Team'), 'Brand new team');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(combo('Team')).toHaveValue('Brand new team'));
    await user.click(screen.getByRole('button', { name: 'Log toil' }));
    await screen.findByText('Toil logged');
    expect(submitted().team).toBe('Brand new team');
  });

  it('keeps the form and says why when the server refuses, field problems under their fields', async () => {
    logged.mockRejectedValueOnce(new Error('403 Forbidden: access denied'));
    render(
      <QuickLog
        teams={['Payments']}
        initial={{ task: 'Rotate certs', team: 'Payments', durationMinutes: 15 }}
        onDismiss={jest.fn()}
      />
    );
    await user.click(screen.getByRole('button', { name: 'Log toil' }));
    expect(await screen.findByText('The entry was not saved')).toBeInTheDocument();
    expect(screen.getByText('403 Forbidden: access denied')).toBeInTheDocument();
    expect(field('Task')).toHaveValue('Rotate certs');
    expect(screen.queryByText('Toil logged')).not.toBeInTheDocument();

    logged.mockRejectedValueOnce(
      new ToilValidationError([{ field: 'note', message: 'must be at most 2000 characters' }])
    );
    await user.click(screen.getByRole('button', { name: 'Log toil' }));
    expect(await screen.findByText('must be at most 2000 characters')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Note/ })).toBeInTheDocument();
  });

  it('renders hostile prefill as text', async () => {
    const img = '<img src=x onerror="window.__xss=1">';
    render(
      <QuickLog initial={{ task: img, team: img, link: 'https://t.example/"><img src=x>' }} onDismiss={jest.fn()} />
    );
    expect(field('Task')).toHaveValue(img);
    expect(document.querySelector('img')).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });
});

describe('prefill', () => {
  it('from an incident: its title and services as the task, its id as the link, kind interrupt', async () => {
    render(
      <LogToilButton incident={{ id: 'INC-20261128-ab12', title: 'Checkout errors', services: ['checkout', 'cart'] }} />
    );
    await user.click(screen.getByRole('button', { name: 'Log toil' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('textbox', { name: /^Task/ })).toHaveValue('Checkout errors (checkout, cart)');
    expect(within(dialog).getByText(/Kind: Interrupt \/ ticket .* Link: INC-20261128-ab12/)).toBeInTheDocument();
    await user.type(within(dialog).getByRole('combobox', { name: /^Team/ }), 'SRE');
    await user.keyboard('{Enter}');
    await user.type(within(dialog).getByRole('textbox', { name: /^Duration/ }), '45');
    await user.click(within(dialog).getByRole('button', { name: 'Log toil' }));
    await screen.findByText('Toil logged');
    expect(submitted()).toMatchObject({
      task: 'Checkout errors (checkout, cart)',
      link: 'INC-20261128-ab12',
      kind: 'interrupt',
      durationMinutes: 45,
    });
  });

  it('from the URL (log=1): every parameter, and closing removes them but keeps the page state and team filter', async () => {
    const Spy = () => <output aria-label="search">{useLocation().search}</output>;
    const search = () => screen.getByRole('status', { name: 'search' }).textContent ?? '';
    const at = NOW - 3 * 3_600_000;
    render(
      <MemoryRouter
        initialEntries={[
          `/toil?view=reports&log=1&task=Renew+cert&team=Payments&link=https%3A%2F%2Ft.example%2F1&at=${at}&minutes=45`,
        ]}
      >
        <Routes>
          <Route
            path="/toil"
            element={
              <>
                <QuickLogFromUrl teams={['Payments']} />
                <Spy />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    );
    expect(await screen.findByRole('dialog')).toBeInTheDocument();
    expect(field('Task')).toHaveValue('Renew cert');
    expect(combo('Team')).toHaveValue('Payments');
    expect(field('Duration')).toHaveValue('45m');
    expect(screen.getByText(/Link: https:\/\/t.example\/1/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Log toil' }));
    await screen.findByText('Toil logged');
    expect(submitted()).toMatchObject({ at, durationMinutes: 45, link: 'https://t.example/1', team: 'Payments' });
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(Object.fromEntries(new URLSearchParams(search()))).toEqual({ view: 'reports', team: 'Payments' });
  });

  it('opens nothing without log=1', () => {
    render(
      <MemoryRouter initialEntries={['/toil?task=x']}>
        <QuickLogFromUrl teams={[]} />
      </MemoryRouter>
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('ToilEntryForm (full mode, editing)', () => {
  it('shows every field and gives back the exact stored values of untouched fields', async () => {
    const initial: ToilFields = {
      task: 'Restart pod',
      team: 'Payments',
      who: 'bob',
      at: NOW - 86_400_000 + 12_345,
      durationMinutes: 1.5,
      kind: 'release',
      traits: { ...NO_TRAITS, growsWithService: true },
      link: 'INC-1',
      note: 'first',
    };
    const onSubmit = jest.fn().mockResolvedValue(undefined);
    render(
      <ToilEntryForm
        initial={initial}
        teams={[]}
        mode="full"
        submitLabel="Save"
        onSubmit={onSubmit}
        onCancel={jest.fn()}
      />
    );
    expect(screen.queryByRole('button', { name: 'More' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Grows with the service' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Manual' })).not.toBeChecked();
    await user.clear(screen.getByRole('textbox', { name: /Note/ }));
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'second');
    await act(() => user.click(screen.getByRole('button', { name: 'Save' })));
    expect(onSubmit).toHaveBeenCalledWith({ ...initial, note: 'second' });
  });
});
