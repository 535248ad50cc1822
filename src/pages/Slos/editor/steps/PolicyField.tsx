import React from 'react';
import { Combobox, Field, type ComboboxOption } from '@grafana/ui';
import { WORKBOOK_POLICY, WORKBOOK_POLICY_ID, type ErrorBudgetPolicy } from '../../../../domain/policy/model';
import { useAppData } from '../../../data/appData';

interface Props {
  /** The policy id; '' is the default. */
  value: string;
  onChange: (id: string) => void;
  error?: string;
  readOnly: boolean;
}

/** Options: the default first (the built-in Workbook policy, or its stored customisation), then stored policies. */
export function policyOptions(policies: readonly ErrorBudgetPolicy[], current: string): ComboboxOption[] {
  const workbook = policies.find((p) => p.id === WORKBOOK_POLICY_ID) ?? WORKBOOK_POLICY;
  const options: ComboboxOption[] = [
    { label: `${workbook.name} (default)`, value: WORKBOOK_POLICY_ID, description: workbook.description },
    ...policies
      .filter((p) => p.id !== WORKBOOK_POLICY_ID)
      .map((p) => ({ label: p.name, value: p.id, description: p.description })),
  ];
  // An SLO naming a policy that is gone keeps showing that id, with the error beside it, until someone picks another.
  if (current && !options.some((o) => o.value === current)) {
    options.push({ label: `${current} (does not exist)`, value: current });
  }
  return options;
}

/** Which error-budget policy the SLO follows; stored policies are edited on the app's Admin page. */
export function PolicyField({ value, onChange, error, readOnly }: Props) {
  const policies = useAppData().data?.policies.items ?? [];
  return (
    <Field
      label="Error-budget policy"
      description="What releases may do in each budget state. Policies are edited on the app's Admin page."
      invalid={Boolean(error)}
      error={error}
    >
      <Combobox
        id="sre-slo-policy"
        width={40}
        disabled={readOnly}
        options={policyOptions(policies, value)}
        value={value || WORKBOOK_POLICY_ID}
        // The default is stored as no policy at all, so SLOs follow whatever the default becomes.
        onChange={(option) => onChange(option.value === WORKBOOK_POLICY_ID ? '' : option.value)}
      />
    </Field>
  );
}
