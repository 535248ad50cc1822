import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { emptyForm } from '../editorModel';
import { AlertingStep } from './AlertingStep';

function renderStep(targetPercent: string) {
  const form = { ...emptyForm(), targetPercent };
  return render(<AlertingStep form={form} onChange={() => {}} errors={{}} readOnly={false} editing={false} />);
}

describe('AlertingStep', () => {
  it('says why a tier is left out for a 90% objective, and switches it off', () => {
    renderStep('90');
    const fast = screen.getByRole('group', { name: 'fast tier' });
    expect(
      within(fast).getByText(/^Left out for this SLO: the fast tier's threshold .* error ratio of 144%/)
    ).toBeInTheDocument();
    expect(within(fast).getByRole('switch', { name: 'Enable the fast tier' })).not.toBeChecked();
    expect(within(screen.getByRole('group', { name: 'medium tier' })).queryByText(/Left out/)).toBeNull();
  });

  it('leaves every tier in at 99.9%', () => {
    renderStep('99.9');
    expect(screen.queryByText(/Left out/)).toBeNull();
  });
});
