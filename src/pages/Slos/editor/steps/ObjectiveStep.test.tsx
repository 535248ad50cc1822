// The time zone picker is a Select: its menu needs the same jsdom help as Combobox.
import { giveElementsASize } from '../../../../components/testing/jsdomPolyfills';
import React, { useState } from 'react';
import { render, screen } from '@testing-library/react';
import { setupUser } from '../../../../components/testing/user';
import { isValidTimeZone } from '../../../../domain/slo/validate';
import { emptyForm, sloFromForm, updateForm, type EditorForm } from '../editorModel';
import type { PlacedProblems } from '../fieldProblems';
import { ObjectiveStep } from './ObjectiveStep';
import { toIanaZone } from './TimeZoneField';
import { getPluginSettings } from '../../../../api/pluginSettings';
import { WORKBOOK_POLICY } from '../../../../domain/policy/model';

// The policy picker lists the stored policies from the shared settings read.
jest.mock('../../../../api/pluginSettings', () => ({
  ...jest.requireActual('../../../../api/pluginSettings'),
  getPluginSettings: jest.fn(),
}));
const strict = { ...WORKBOOK_POLICY, id: 'strict', name: 'Strict releases', description: 'Approval below 50%' };

const calendar = (timeZone = 'UTC'): EditorForm => ({ ...emptyForm(), windowType: 'calendar', timeZone });

/** Every form the step produced, last one last. */
const saved = jest.fn<void, [EditorForm]>();
const latest = (): EditorForm => saved.mock.lastCall![0];

function Harness(props: { initial: EditorForm; readOnly?: boolean; errors?: PlacedProblems['byField'] }) {
  const [form, setForm] = useState(props.initial);
  return (
    <ObjectiveStep
      form={form}
      onChange={(patch) => {
        const next = updateForm(form, patch);
        saved(next);
        setForm(next);
      }}
      errors={props.errors ?? {}}
      readOnly={props.readOnly ?? false}
      editing={false}
    />
  );
}

const user = setupUser();

beforeAll(() => {
  giveElementsASize();
});

beforeEach(() => {
  saved.mockClear();
  jest.mocked(getPluginSettings).mockResolvedValue({ enabled: true, pinned: false, jsonData: { policies: [strict] } });
});

describe('ObjectiveStep time zone', () => {
  it('picks a zone with the mouse and saves its IANA name', async () => {
    render(<Harness initial={calendar()} />);
    expect(screen.getByText('Coordinated Universal Time')).toBeInTheDocument();
    expect(screen.queryByText(/^Current:/)).not.toBeInTheDocument();

    await user.click(screen.getByLabelText('Time zone'));
    await user.type(screen.getByLabelText('Time zone'), 'Berlin');
    await user.click(await screen.findByText('Europe/Berlin'));

    expect(sloFromForm(latest()).window).toEqual({ type: 'calendar', unit: 'month', timeZone: 'Europe/Berlin' });
    expect(screen.getByText('Europe/Berlin')).toBeInTheDocument();
  });

  it('picks a zone with the keyboard', async () => {
    render(<Harness initial={calendar('Europe/Berlin')} />);
    await user.click(screen.getByLabelText('Time zone'));
    await user.keyboard('New York');
    await screen.findByText('America/New York');
    await user.keyboard('{Enter}');

    expect(sloFromForm(latest()).window).toEqual({ type: 'calendar', unit: 'month', timeZone: 'America/New_York' });
  });

  it('stores the picker’s "utc" as "UTC"', async () => {
    render(<Harness initial={calendar('Europe/Berlin')} />);
    await user.click(screen.getByLabelText('Time zone'));
    await user.keyboard('Coordinated');
    await user.click(await screen.findByText('Coordinated Universal Time'));

    expect(latest().timeZone).toBe('UTC');
  });

  it('maps what the picker gives to names the domain accepts', () => {
    expect(toIanaZone('utc')).toBe('UTC');
    expect(toIanaZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(toIanaZone('browser')).toBeUndefined();
    expect(toIanaZone('')).toBeUndefined();
    expect(toIanaZone(undefined)).toBeUndefined();
    expect(isValidTimeZone(toIanaZone('utc')!)).toBe(true);
  });

  it('shows the validation error for the window', () => {
    const message = 'must be an IANA time zone such as "UTC" or "Europe/Paris", got "Mars/Olympus"';
    render(<Harness initial={calendar('Mars/Olympus')} errors={{ window: message }} />);
    expect(screen.getByText(message)).toBeInTheDocument();
  });

  it('shows a valid zone the picker does not list', () => {
    render(<Harness initial={calendar('Etc/UTC')} />);
    expect(screen.getByText('Current: Etc/UTC')).toBeInTheDocument();
  });

  it('is disabled when read-only', () => {
    render(<Harness initial={calendar('Europe/Berlin')} readOnly />);
    expect(screen.getByLabelText('Time zone')).toBeDisabled();
    expect(screen.getByText('Europe/Berlin')).toBeInTheDocument();
  });
});

describe('ObjectiveStep policy picker', () => {
  it('defaults to the SRE Workbook policy and stores no policy for it', () => {
    render(<Harness initial={emptyForm()} />);
    expect(screen.getByLabelText(/^Error-budget policy/)).toHaveValue('SRE Workbook (default)');
    expect(sloFromForm(emptyForm()).policy).toBeUndefined();
  });

  it('offers the stored policies and saves the picked one’s id, with the keyboard', async () => {
    render(<Harness initial={emptyForm()} />);
    await user.click(screen.getByLabelText(/^Error-budget policy/));
    await user.keyboard('Strict');
    await screen.findByRole('option', { name: /Strict releases/ });
    await user.keyboard('{Enter}');
    expect(sloFromForm(latest()).policy).toBe('strict');
    expect(screen.getByLabelText(/^Error-budget policy/)).toHaveValue('Strict releases');
  });

  it('shows a policy that does not exist with the error at the field', () => {
    const message = 'no policy "gone" (known: strict, workbook)';
    render(<Harness initial={{ ...emptyForm(), policy: 'gone' }} errors={{ policy: message }} />);
    expect(screen.getByLabelText(/^Error-budget policy/)).toHaveValue('gone (does not exist)');
    expect(screen.getByText(message)).toBeInTheDocument();
  });

  it('is disabled when read-only', () => {
    render(<Harness initial={emptyForm()} readOnly />);
    expect(screen.getByLabelText(/^Error-budget policy/)).toBeDisabled();
  });
});
