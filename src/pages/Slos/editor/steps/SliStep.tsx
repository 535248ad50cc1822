import React from 'react';
import { DataSourcePicker } from '@grafana/runtime';
import { Button, Field, RadioButtonGroup, Stack } from '@grafana/ui';
import type { SliKind } from '../../../../domain/slo/model';
import type { StepProps } from './types';

const KINDS: Array<{ label: string; value: SliKind; description: string }> = [
  { label: 'Ratio', value: 'ratio', description: 'Good or bad events over all events, from two counters' },
  { label: 'Latency', value: 'latency', description: 'Requests faster than a threshold, from a histogram' },
  { label: 'Availability', value: 'availability', description: 'A 0/1 gauge such as up or probe_success' },
  { label: 'Freeform', value: 'freeform', description: 'Your own error-ratio PromQL' },
];

/** Step 1: what kind of SLI, and which Prometheus-compatible data source holds it. */
export function SliStep({ form, onChange, errors, readOnly }: StepProps) {
  const kind = KINDS.find((k) => k.value === form.kind);
  return (
    <Stack direction="column" gap={2}>
      <Field
        label="SLI kind"
        description={kind?.description}
        invalid={Boolean(errors['sli.kind'])}
        error={errors['sli.kind']}
      >
        <RadioButtonGroup
          options={KINDS}
          value={form.kind}
          disabled={readOnly}
          onChange={(v) => onChange({ kind: v })}
        />
      </Field>
      <Field
        label="Data source"
        description="Prometheus, Mimir or Thanos. Leave empty to use the app's default data source."
        invalid={Boolean(errors.datasource)}
        error={errors.datasource}
      >
        <>
          <Stack gap={1} alignItems="center">
            <DataSourcePicker
              type="prometheus"
              current={form.datasource?.uid ?? null}
              noDefault
              disabled={readOnly}
              placeholder="App default"
              onChange={(ds) => onChange({ datasource: { uid: ds.uid, type: ds.type } })}
            />
            {form.datasource && !readOnly && (
              <Button variant="secondary" fill="text" onClick={() => onChange({ datasource: undefined })}>
                Use the app default
              </Button>
            )}
          </Stack>
        </>
      </Field>
    </Stack>
  );
}
