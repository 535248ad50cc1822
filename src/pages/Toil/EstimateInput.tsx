import React, { useState } from 'react';
import { Button, Field, Input, Stack } from '@grafana/ui';
import { ToilValidationError, setAutomationEstimate } from '../../api/toil';
import type { AutomationCandidate } from '../../domain/toil';
import { errorMessage } from '../data/queryClient';

interface Props {
  candidate: AutomationCandidate;
  onSaved: () => void;
}

/** An inline "hours to automate" input: the team's estimate, saved as an event; the latest estimate counts. */
export function EstimateInput({ candidate, onSaved }: Props) {
  const [text, setText] = useState(candidate.effortHours === undefined ? '' : String(candidate.effortHours));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const hours = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(hours) || hours <= 0) {
      setError('Effort: enter the hours it would take to automate, above 0');
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await setAutomationEstimate(candidate.team, candidate.taskKey, hours);
      onSaved();
    } catch (e) {
      setError(
        e instanceof ToilValidationError
          ? e.problems.map((p) => `${p.field}: ${p.message}`).join('; ')
          : errorMessage(e)
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field invalid={error !== undefined} error={error} noMargin>
        <Stack gap={1} alignItems="center">
          <Input
            width={10}
            inputMode="decimal"
            value={text}
            suffix="h"
            aria-label={`Estimate effort to automate ${candidate.label} (${candidate.team}), hours`}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Button type="submit" size="sm" variant="secondary" disabled={saving}>
            {candidate.effortHours === undefined ? 'Estimate effort' : 'Update'}
          </Button>
        </Stack>
      </Field>
    </form>
  );
}
