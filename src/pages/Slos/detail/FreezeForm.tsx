import React, { useId, useState } from 'react';
import { Button, Field, Input, Stack } from '@grafana/ui';
import { FreezeValidationError } from '../../../api/freezes';
import { errorMessage } from '../../data/queryClient';

export interface FreezeFormField {
  name: string;
  label: string;
  description?: string;
}

interface Props {
  fields: FreezeFormField[];
  submitLabel: string;
  testId: string;
  /** Sends the values; a FreezeValidationError's problems are shown on their fields, any other error above. */
  onSubmit: (values: Record<string, string>) => Promise<void>;
  onCancel: () => void;
}

/** A small inline form for a freeze action: text fields, submit and cancel; errors stay next to their field. */
export function FreezeForm({ fields, submitLabel, testId, onSubmit, onCancel }: Props) {
  const baseId = useId();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await onSubmit(Object.fromEntries(fields.map((f) => [f.name, values[f.name] ?? ''])));
    } catch (err) {
      if (err instanceof FreezeValidationError) {
        setErrors(Object.fromEntries(err.problems.map((p) => [p.field, p.message])));
      } else {
        setErrors({ form: errorMessage(err) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} data-testid={testId} aria-label={submitLabel}>
      <Stack direction="column" gap={1}>
        {fields.map((f) => (
          <Field
            key={f.name}
            label={f.label}
            description={f.description}
            invalid={Boolean(errors[f.name])}
            error={errors[f.name]}
          >
            <Input
              id={`${baseId}${f.name}`}
              value={values[f.name] ?? ''}
              onChange={(ev) => setValues({ ...values, [f.name]: ev.currentTarget.value })}
            />
          </Field>
        ))}
        {(errors.form || errors.freeze) && <div role="alert">{errors.form ?? errors.freeze}</div>}
        <Stack gap={1}>
          <Button type="submit" disabled={busy}>
            {submitLabel}
          </Button>
          <Button variant="secondary" fill="outline" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
