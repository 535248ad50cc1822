import React from 'react';
import { Field, Input, Stack, TextArea } from '@grafana/ui';
import { LabelsEditor } from './RowsEditor';
import type { StepProps } from './types';

/** Step 5: what the SLO is called, its id, service, description and labels. */
export function DetailsStep({ form, onChange, errors, readOnly, editing }: StepProps) {
  const err = (key: keyof typeof errors) => ({ invalid: Boolean(errors[key]), error: errors[key] });
  return (
    <Stack direction="column" gap={0}>
      <Field label="Name" {...err('name')}>
        <Input
          id="sre-slo-name"
          disabled={readOnly}
          value={form.name}
          onChange={(e) => onChange({ name: e.currentTarget.value })}
        />
      </Field>
      <Field
        label="Id"
        description={
          editing
            ? 'The id cannot change: rules, dashboards and links use it.'
            : 'A slug, derived from the name until you edit it.'
        }
        {...err('id')}
      >
        <Input
          id="sre-slo-id"
          readOnly={editing}
          disabled={readOnly}
          value={form.id}
          onChange={(e) => onChange({ id: e.currentTarget.value })}
        />
      </Field>
      <Field label="Service" description="Becomes the slo_service label of every generated series" {...err('service')}>
        <Input
          id="sre-slo-service"
          disabled={readOnly}
          value={form.service}
          onChange={(e) => onChange({ service: e.currentTarget.value })}
        />
      </Field>
      <Field label="Description" {...err('description')}>
        <TextArea
          id="sre-slo-description"
          rows={3}
          disabled={readOnly}
          value={form.description}
          onChange={(e) => onChange({ description: e.currentTarget.value })}
        />
      </Field>
      <Field label="Labels" description="Carried by every generated series and alert, e.g. team" {...err('labels')}>
        <LabelsEditor what="Label" rows={form.labels} readOnly={readOnly} onChange={(labels) => onChange({ labels })} />
      </Field>
    </Stack>
  );
}
