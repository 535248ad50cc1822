// The operator is a Combobox: it needs canvas text measuring and element sizes, which jsdom lacks.
import { giveElementsASize } from '../../../../components/testing/jsdomPolyfills';
import React, { useState } from 'react';
import { render, screen } from '@testing-library/react';
import { setupUser } from '../../../../components/testing/user';
import type { LabelRow, MatcherRow } from '../editorModel';
import { LabelsEditor, MatchersEditor } from './RowsEditor';

/** Every list of rows the editor produced, last one last. */
const changed = jest.fn<void, [unknown[]]>();
const latest = () => changed.mock.lastCall![0];

function Labels({ initial, readOnly = false }: { initial: LabelRow[]; readOnly?: boolean }) {
  const [rows, setRows] = useState(initial);
  const onChange = (next: LabelRow[]) => {
    changed(next);
    setRows(next);
  };
  return <LabelsEditor what="Label" rows={rows} readOnly={readOnly} onChange={onChange} />;
}

function Matchers({ initial, readOnly = false }: { initial: MatcherRow[]; readOnly?: boolean }) {
  const [rows, setRows] = useState(initial);
  const onChange = (next: MatcherRow[]) => {
    changed(next);
    setRows(next);
  };
  return <MatchersEditor what="Matcher" rows={rows} readOnly={readOnly} onChange={onChange} />;
}

const user = setupUser();
const operator = () => screen.getByRole('combobox', { name: 'Matcher 1 operator' });

beforeAll(() => {
  giveElementsASize();
});

beforeEach(() => changed.mockClear());

describe('LabelsEditor', () => {
  it('adds, edits and removes rows', async () => {
    render(<Labels initial={[{ key: 'team', value: 'payments' }]} />);
    await user.click(screen.getByRole('button', { name: 'Add label' }));
    expect(latest()).toEqual([
      { key: 'team', value: 'payments' },
      { key: '', value: '' },
    ]);
    expect(screen.getByLabelText('Label 2 key')).toHaveAttribute('placeholder', 'team');
    expect(screen.getByLabelText('Label 2 value')).toHaveAttribute('placeholder', 'payments');

    await user.type(screen.getByLabelText('Label 2 key'), 'tier');
    await user.type(screen.getByLabelText('Label 2 value'), '1');
    expect(latest()).toEqual([
      { key: 'team', value: 'payments' },
      { key: 'tier', value: '1' },
    ]);

    await user.click(screen.getByRole('button', { name: 'Remove label 1' }));
    expect(latest()).toEqual([{ key: 'tier', value: '1' }]);
  });

  it('adds a row from the keyboard', async () => {
    render(<Labels initial={[]} />);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Add label' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(latest()).toEqual([{ key: '', value: '' }]);
  });

  it('hides the buttons and disables the inputs when read-only', () => {
    render(<Labels initial={[{ key: 'team', value: 'payments' }]} readOnly />);
    expect(screen.getByLabelText('Label 1 key')).toBeDisabled();
    expect(screen.getByLabelText('Label 1 value')).toBeDisabled();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('MatchersEditor', () => {
  it('adds a row and sets its name, operator and value', async () => {
    render(<Matchers initial={[]} />);
    await user.click(screen.getByRole('button', { name: 'Add matcher' }));
    expect(latest()).toEqual([{ name: '', op: '=', value: '' }]);
    expect(screen.getByLabelText('Matcher 1 name')).toHaveAttribute('placeholder', 'job');
    expect(screen.getByLabelText('Matcher 1 value')).toHaveAttribute('placeholder', 'api');

    await user.type(screen.getByLabelText('Matcher 1 name'), 'job');
    await user.click(operator());
    await user.click(await screen.findByRole('option', { name: '=~' }));
    await user.type(screen.getByLabelText('Matcher 1 value'), 'api');
    expect(latest()).toEqual([{ name: 'job', op: '=~', value: 'api' }]);

    await user.click(screen.getByRole('button', { name: 'Remove matcher 1' }));
    expect(latest()).toEqual([]);
  });

  it('disables every input when read-only', () => {
    render(<Matchers initial={[{ name: 'job', op: '!=', value: 'api' }]} readOnly />);
    expect(screen.getByLabelText('Matcher 1 name')).toBeDisabled();
    expect(operator()).toBeDisabled();
    expect(screen.getByLabelText('Matcher 1 value')).toBeDisabled();
    expect(screen.queryByRole('button', { name: /Add|Remove/ })).not.toBeInTheDocument();
  });
});
