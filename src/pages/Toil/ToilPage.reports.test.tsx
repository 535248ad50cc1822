import '../../components/testing/jsdomPolyfills';
import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import type { DataFrame } from '@grafana/data';
import { setupUser } from '../../components/testing/user';
import { testIds } from '../../components/testIds';
import { NO_TRAITS } from '../../domain/toil';
import { NOW, currentSearch, renderToilPage, seedEntry, setUpWorld, signInAs, team } from './testing/toilPageKit';

jest.mock('@grafana/runtime', () => jest.requireActual('./testing/mockRuntime').mockRuntime());
jest.mock('./ToilEntryForm', () => jest.requireActual('./testing/moduleStandIns').entryForm());
jest.mock('./QuickLog', () => jest.requireActual('./testing/moduleStandIns').quickLog());
jest.mock('./CsvImport', () => jest.requireActual('./testing/moduleStandIns').csvImport());
jest.mock('./csvExport', () => jest.requireActual('./testing/moduleStandIns').csvExport());
// Real VizPanels need Grafana's panel plugins (trendScene.test.ts checks the scene; the bundle test renders it):
// here the trend shows which series it was given.
jest.mock('./ToilTrend', () => ({
  ToilTrend: ({ frame }: { frame: DataFrame }) => (
    <div data-testid="data-testid sre-toil-trend">
      trend of{' '}
      {frame.fields
        .slice(1)
        .map((f) => f.name)
        .join(', ')}
    </div>
  ),
}));

const user = setupUser();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const automatable = { ...NO_TRAITS, manual: true, automatable: true };

describe('Toil page: reports', () => {
  it('flags teams over budget, says "no entries" and "capacity not set", and draws the weekly trend', async () => {
    const world = setUpWorld({ teams: [team('Payments', 1.5), team('Search', 40), team('Idle', 40)] });
    // Payments: 9 h this quarter so far (9.4 weeks × 1.5 h = 14 h of capacity) at a 50% budget: over.
    seedEntry(world, { team: 'Payments', at: NOW - 2 * DAY, durationMinutes: 480 });
    seedEntry(world, { team: 'Search', at: NOW - 2 * DAY, durationMinutes: 60 });
    // The week of 23 November has ended: the trend draws it (the running week is only in the tables).
    seedEntry(world, { team: 'Payments', at: NOW - 9 * DAY, durationMinutes: 60 });
    seedEntry(world, { team: 'Search', at: NOW - 9 * DAY, durationMinutes: 60 });
    seedEntry(world, { team: 'Platform', at: NOW - 9 * DAY, durationMinutes: 60 });
    seedEntry(world, { team: 'Platform', at: NOW - 2 * DAY, durationMinutes: 120 });
    renderToilPage('view=reports');
    const reports = await screen.findByTestId(testIds.toil.reports);
    const row = (name: string) => within(reports).getByRole('row', { name: new RegExp(`^${name}`) });
    expect(row('Payments')).toHaveTextContent(/Payments9 h14 h64%50%Over budget2$/);
    expect(row('Search')).toHaveTextContent('Within budget');
    expect(row('Platform')).toHaveTextContent(/Capacity not set.*Set capacity/);
    expect(row('Idle')).toHaveTextContent('No entries');
    // Share "–", never 0%: nobody can tell an idle team from one that did not log.
    expect(row('Idle')).toHaveTextContent(/^Idle0 h374 h–50%No entries–$/);
    // Over-budget teams come first.
    expect(within(reports).getAllByTestId(testIds.toil.teamRow)[0]).toHaveTextContent(/^Payments/);
    // The current week (Monday 30 November on): 8 h of 1.5 h, over, and not over yet.
    const weekly = screen.getByRole('heading', { name: 'Per week' }).parentElement!;
    expect(within(weekly).getByRole('row', { name: /^Payments/ })).toHaveTextContent('533% over (so far)');
    expect(within(weekly).getByRole('row', { name: /^Idle/ })).toHaveTextContent('no entries');
    expect(within(weekly).getByRole('row', { name: /^Platform/ })).toHaveTextContent('2 h (so far)');
    // The trend panel is a lazy chunk (scenes).
    expect(await screen.findByTestId(testIds.toil.trend)).toHaveTextContent('trend of Payments, Search');
    expect(screen.getByText('Not drawn, capacity not set: Platform.')).toBeInTheDocument();
    // The first test of the file pays for loading the scenes chunk: 4 s alone, over 20 s when two full test runs
    // share the 2 cores (it failed CI that way), so it gets the bundle tests' minute.
  }, 60_000);

  it('switches to months in the URL', async () => {
    const world = setUpWorld({ teams: [team('Payments', 40)] });
    seedEntry(world, { at: NOW - 40 * DAY, durationMinutes: 120 });
    renderToilPage('view=reports');
    await screen.findByTestId(testIds.toil.reports);
    await user.click(screen.getByRole('radio', { name: 'Monthly' }));
    expect(currentSearch()).toBe('?view=reports&period=month');
    const monthly = (await screen.findByRole('heading', { name: 'Per month' })).parentElement!;
    expect(
      within(monthly)
        .getAllByRole('columnheader')
        .map((h) => h.textContent)
    ).toEqual(['Team', 'Oct 2026', 'Nov 2026', 'Dec 2026']);
  });

  it('with no teams and no entries points to the Admin page', async () => {
    setUpWorld();
    renderToilPage('view=reports');
    expect(await screen.findByText(/No teams yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Admin page' })).toHaveAttribute('href', '/plugins/sre-reliability-app');
  });
});

describe('Toil page: automation', () => {
  it('ranks sources and candidates, and an effort estimate shows the payback', async () => {
    const world = setUpWorld({ teams: [team('Payments', 40)] });
    for (let i = 0; i < 6; i++) {
      seedEntry(world, {
        task: 'Restart payments pod',
        at: NOW - (i + 1) * DAY,
        durationMinutes: 60,
        traits: automatable,
      });
    }
    seedEntry(world, { task: 'Answer questions', at: NOW - DAY, durationMinutes: 30, traits: NO_TRAITS });
    renderToilPage('view=automation');
    const sources = await screen.findByTestId(testIds.toil.sources);
    const sourceRows = within(sources).getAllByRole('row').slice(1);
    expect(sourceRows[0]).toHaveTextContent(/Restart payments pod.*6 h.*6.*Payments.*100%/);
    expect(sourceRows[1]).toHaveTextContent(/Answer questions.*0.5 h/);
    const candidates = screen.getByTestId(testIds.toil.candidates);
    expect(within(candidates).queryByText('Answer questions')).not.toBeInTheDocument();
    const row = within(candidates).getByRole('row', { name: /Restart payments pod/ });
    expect(row).toHaveTextContent('Needs an effort estimate');
    const input = within(row).getByRole('textbox', { name: /Estimate effort to automate Restart payments pod/ });
    await user.type(input, 'abc');
    await user.click(within(row).getByRole('button', { name: 'Estimate effort' }));
    expect(within(row).getByText(/Effort: enter the hours/)).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '4{Enter}');
    await waitFor(() =>
      expect(within(candidates).getByRole('row', { name: /Restart payments pod/ })).toHaveTextContent(/Pays back in/)
    );
    const estimate = world.store.items.find((a) => a.tags.includes('sre-toil-estimate'));
    expect(estimate?.data).toMatchObject({ team: 'Payments', taskKey: expect.any(String), effortHours: 4 });
  });

  it('shows estimates read-only to Viewers', async () => {
    const world = setUpWorld();
    seedEntry(world, { traits: automatable });
    signInAs('Viewer');
    renderToilPage('view=automation');
    const candidates = await screen.findByTestId(testIds.toil.candidates);
    expect(within(candidates).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(candidates).getByText('Needs an effort estimate')).toBeInTheDocument();
  });
});
