import '../../components/testing/jsdomPolyfills';
import { screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../components/testing/user';
import { testIds } from '../../components/testIds';
import { NOW, renderToilPage, seedEntry, seedEvent, setUpWorld, type World } from './testing/toilPageKit';

jest.mock('@grafana/runtime', () => jest.requireActual('./testing/mockRuntime').mockRuntime());
jest.mock('./ToilEntryForm', () => jest.requireActual('./testing/moduleStandIns').entryForm());
jest.mock('./QuickLog', () => jest.requireActual('./testing/moduleStandIns').quickLog());
jest.mock('./CsvImport', () => jest.requireActual('./testing/moduleStandIns').csvImport());
jest.mock('./csvExport', () => jest.requireActual('./testing/moduleStandIns').csvExport());
jest.mock('./ToilTrend', () => ({ ToilTrend: () => null }));

const user = setupUser();
const HOUR = 3_600_000;
const rows = () => screen.getAllByTestId(testIds.toil.entryRow);

/** Bob's edit of the entry, made from the version the page loaded. */
const bobEdits = (world: World, entryId: string, changes: Record<string, unknown>, id = 'tev-bob-0000000001') =>
  seedEvent(world, { kind: 'toil_edited', id, entryId, at: NOW - HOUR, by: 'bob', basedOn: entryId, changes });

async function openEdit(task: string) {
  await user.click(await screen.findByRole('button', { name: `Edit ${task}` }));
  return screen.findByRole('form', { name: 'Toil entry (full)' });
}

async function retype(form: HTMLElement, text: string) {
  const input = within(form).getByLabelText('Task');
  await user.clear(input);
  if (text) {
    await user.type(input, text);
  }
  await user.click(within(form).getByRole('button', { name: 'Save' }));
}

describe('Toil page: editing and deleting entries', () => {
  it('edits an entry in the full form, prefilled with its fields, and shows the change', async () => {
    const world = setUpWorld({ grafanaTeams: ['Payments', 'Search'] });
    seedEntry(world, { task: 'Restart payments pod' });
    renderToilPage();
    const form = await openEdit('Restart payments pod');
    expect(within(form).getByLabelText('Task')).toHaveValue('Restart payments pod');
    expect(form).toHaveTextContent('Teams: Payments, Search');
    await retype(form, 'Restart the payments pod');
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Restart the payments pod'));
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    const edit = world.store.items.find((a) => a.tags.includes('sre-toil-event'));
    expect(edit?.data).toMatchObject({ kind: 'toil_edited', changes: { task: 'Restart the payments pod' } });
  });

  it('shows validation problems in the form and saves nothing', async () => {
    const world = setUpWorld();
    seedEntry(world);
    renderToilPage();
    const form = await openEdit('Restart payments pod');
    await retype(form, '');
    expect(await within(form).findByRole('alert')).toHaveTextContent(/task/);
    expect(world.store.items.filter((a) => a.tags.includes('sre-toil-event'))).toHaveLength(0);
  });

  it('on a concurrent edit of the same field shows both texts; "Save my version" applies mine on top', async () => {
    const world = setUpWorld();
    const id = seedEntry(world, { task: 'Restart payments pod' });
    renderToilPage();
    const form = await openEdit('Restart payments pod');
    bobEdits(world, id, { task: 'Restart pod (bob)' });
    await retype(form, 'Restart pod (alice)');
    const conflict = await screen.findByTestId(testIds.toil.conflict);
    expect(conflict).toHaveTextContent('Someone else changed task since you opened this entry.');
    expect(conflict).toHaveTextContent('Now stored (someone else): Restart pod (bob)');
    expect(conflict).toHaveTextContent('Yours (alice): Restart pod (alice)');
    await user.click(within(conflict).getByRole('button', { name: 'Save my version' }));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Restart pod (alice)'));
    expect(screen.queryByTestId(testIds.toil.conflict)).not.toBeInTheDocument();
  });

  it('"Keep theirs" leaves the other edit in place and sends nothing more', async () => {
    const world = setUpWorld();
    const id = seedEntry(world, { task: 'Restart payments pod' });
    renderToilPage();
    const form = await openEdit('Restart payments pod');
    bobEdits(world, id, { task: 'Restart pod (bob)' });
    await retype(form, 'Restart pod (alice)');
    await user.click(await screen.findByRole('button', { name: 'Keep theirs' }));
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Restart pod (bob)'));
    expect(world.store.items.filter((a) => a.tags.includes('sre-toil-event'))).toHaveLength(1);
  });

  it('deletes after a confirmation', async () => {
    const world = setUpWorld();
    seedEntry(world, { task: 'Restart payments pod' });
    renderToilPage();
    await user.click(await screen.findByRole('button', { name: 'Delete Restart payments pod' }));
    expect(screen.getByText(/Delete “Restart payments pod” \(Payments,/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No toil logged in this range')).toBeInTheDocument();
  });

  it('cancelling the confirmation deletes nothing', async () => {
    const world = setUpWorld();
    seedEntry(world);
    renderToilPage();
    await user.click(await screen.findByRole('button', { name: 'Delete Restart payments pod' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(rows()).toHaveLength(1);
    expect(world.store.items).toHaveLength(1);
  });

  it('refuses to delete a version someone changed meanwhile, shows both values, and "Delete anyway" deletes', async () => {
    const world = setUpWorld();
    const id = seedEntry(world, { task: 'Restart payments pod', durationMinutes: 30 });
    renderToilPage();
    await user.click(await screen.findByRole('button', { name: 'Delete Restart payments pod' }));
    bobEdits(world, id, { durationMinutes: 75 });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const conflict = await screen.findByTestId(testIds.toil.conflict);
    expect(conflict).toHaveTextContent('Now stored (someone else): 1h 15m');
    expect(conflict).toHaveTextContent('Yours (alice): 30m');
    await user.click(within(conflict).getByRole('button', { name: 'Delete anyway' }));
    expect(await screen.findByText('No toil logged in this range')).toBeInTheDocument();
  });

  it('marks entries whose concurrent edits conflicted, with both values, and deletes made from an old version', async () => {
    const world = setUpWorld();
    const a = seedEntry(world, { task: 'Restart payments pod', at: NOW - 2 * HOUR });
    bobEdits(world, a, { task: 'Restart pod (bob)' });
    seedEvent(world, {
      kind: 'toil_edited',
      id: 'tev-carol-000000002',
      entryId: a,
      at: NOW - HOUR / 2,
      by: 'carol',
      basedOn: a,
      changes: { task: 'Restart pod (carol)' },
    });
    const b = seedEntry(world, { task: 'Reindex search', at: NOW - 3 * HOUR });
    bobEdits(world, b, { durationMinutes: 45 }, 'tev-bob-0000000003');
    seedEvent(world, {
      kind: 'toil_deleted',
      id: 'tev-dave-000000004',
      entryId: b,
      at: NOW - HOUR / 2,
      by: 'dave',
      basedOn: b,
    });
    renderToilPage();
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [first, second] = rows();
    expect(first).toHaveTextContent('Conflicting edits: both values kept');
    expect(first).toHaveTextContent('Shown (carol): Restart pod (carol)');
    expect(first).toHaveTextContent('Overwritten (bob): Restart pod (bob)');
    expect(second).toHaveTextContent(/dave deleted an older version on .*; kept because it was changed since/);
  });
});
