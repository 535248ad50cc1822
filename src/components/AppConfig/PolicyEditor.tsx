import React from 'react';
import { Button, Field, FieldSet, Input, RadioButtonGroup, Stack, TagsInput, TextArea } from '@grafana/ui';
import {
  ACTION_LABELS,
  FAST_BURN_WINDOWS,
  POLICY_ACTIONS,
  POLICY_STATES,
  STATE_LABELS,
  type PolicyState,
} from '../../domain/policy/model';
import { testIds } from '../testIds';
import type { FormErrors, PolicyForm } from './policyForm';

interface Props {
  form: PolicyForm;
  onChange: (patch: Partial<PolicyForm>) => void;
  /** Shown at their fields (only once the user tried to save, so a blank form is not all red). */
  errors: FormErrors;
  /** An existing policy keeps its id: SLOs reference it. */
  editing: boolean;
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
}

const ACTION_OPTIONS = POLICY_ACTIONS.map((a) => ({ label: ACTION_LABELS[a], value: a }));
const WINDOW_OPTIONS = FAST_BURN_WINDOWS.map((w) => ({ label: w, value: w }));

const STATE_HELP: Record<PolicyState, string> = {
  healthy: 'Enough budget left and no fast burn.',
  at_risk: 'Remaining budget below the at-risk threshold.',
  fast_burn: 'Burn rate over the window at or above the fast-burn rate.',
  exhausted: 'Remaining budget at or below the exhausted threshold.',
};

/** The create / edit form of one error-budget policy. */
export function PolicyEditor({ form, onChange, errors, editing, busy, onSave, onCancel }: Props) {
  const field = (key: keyof FormErrors) => ({ invalid: Boolean(errors[key]), error: errors[key] });
  return (
    <form
      data-testid={testIds.appConfig.policyForm}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <FieldSet label={editing ? `Edit policy ${form.name || form.id}` : 'New policy'}>
        <Field label="Name" {...field('name')}>
          <Input id="sre-policy-name" value={form.name} onChange={(e) => onChange({ name: e.currentTarget.value })} />
        </Field>
        <Field
          label="Id"
          description={
            editing
              ? 'SLOs reference the policy by its id, so it cannot change.'
              : 'Lower-case letters, digits and dashes; SLOs reference it.'
          }
          {...field('id')}
        >
          <Input
            id="sre-policy-id"
            value={form.id}
            disabled={editing}
            onChange={(e) => onChange({ id: e.currentTarget.value })}
          />
        </Field>
        <Field label="Description" {...field('description')}>
          <TextArea
            id="sre-policy-description"
            rows={2}
            value={form.description}
            onChange={(e) => onChange({ description: e.currentTarget.value })}
          />
        </Field>
        <Stack gap={2} wrap="wrap">
          <Field
            label="At risk below"
            description="Remaining error budget, % of the whole budget"
            {...field('atRiskPercent')}
          >
            <Input
              id="sre-policy-at-risk"
              width={16}
              suffix="%"
              value={form.atRiskPercent}
              onChange={(e) => onChange({ atRiskPercent: e.currentTarget.value })}
            />
          </Field>
          <Field
            label="Exhausted at or below"
            description="Remaining error budget, % (0 = all spent)"
            {...field('exhaustedPercent')}
          >
            <Input
              id="sre-policy-exhausted"
              width={16}
              suffix="%"
              value={form.exhaustedPercent}
              onChange={(e) => onChange({ exhaustedPercent: e.currentTarget.value })}
            />
          </Field>
        </Stack>
        <Stack gap={2} wrap="wrap">
          <Field
            label="Fast burn at or above"
            description="Burn rate (1× spends the budget in exactly the SLO window)"
            {...field('fastBurnRate')}
          >
            <Input
              id="sre-policy-burn-rate"
              width={16}
              suffix="×"
              value={form.fastBurnRate}
              onChange={(e) => onChange({ fastBurnRate: e.currentTarget.value })}
            />
          </Field>
          <Field label="Fast-burn window" description="Recorded for every SLO" {...field('fastBurnWindow')}>
            <RadioButtonGroup
              aria-label="Fast-burn window"
              options={WINDOW_OPTIONS}
              value={form.fastBurnWindow}
              onChange={(fastBurnWindow) => onChange({ fastBurnWindow })}
            />
          </Field>
        </Stack>
        {POLICY_STATES.map((state) => (
          <Field
            key={state}
            label={`When ${STATE_LABELS[state].toLowerCase()}`}
            description={STATE_HELP[state]}
            {...field(`actions.${state}`)}
          >
            <RadioButtonGroup
              aria-label={`Action when ${STATE_LABELS[state].toLowerCase()}`}
              options={ACTION_OPTIONS}
              value={form.actions[state]}
              onChange={(action) => onChange({ actions: { ...form.actions, [state]: action } })}
            />
          </Field>
        ))}
        <Field
          label="Exemptions"
          description="What a freeze does not stop, e.g. P0 issues, security fixes. Press Enter after each."
          {...field('exemptions')}
        >
          <TagsInput
            id="sre-policy-exemptions"
            tags={form.exemptions}
            placeholder="Add an exemption"
            onChange={(exemptions) => onChange({ exemptions })}
          />
        </Field>
        <Field
          label="Approvers"
          description="Grafana logins who may approve an exception; none means anyone may."
          {...field('approvers')}
        >
          <TagsInput
            id="sre-policy-approvers"
            tags={form.approvers}
            placeholder="Add a login"
            onChange={(approvers) => onChange({ approvers })}
          />
        </Field>
        <Field
          label="Incident budget share"
          description="An incident that consumed more than this share of an SLO's budget needs a postmortem with a P0 action (the Workbook says 20%)."
          {...field('incidentSharePercent')}
        >
          <Input
            id="sre-policy-incident-share"
            width={16}
            suffix="%"
            value={form.incidentSharePercent}
            onChange={(e) => onChange({ incidentSharePercent: e.currentTarget.value })}
          />
        </Field>
      </FieldSet>
      <Stack gap={1}>
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save policy'}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </Stack>
    </form>
  );
}
