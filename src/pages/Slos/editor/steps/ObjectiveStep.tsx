import React, { useState } from 'react';
import { Field, Input, RadioButtonGroup, Stack } from '@grafana/ui';
import { allowedDowntime } from '../../../../domain/slo/budget';
import { windowMs } from '../../../../domain/slo/defaults';
import { formatDuration } from '../../../../domain/slo/durations';
import { ROLLING_PRESETS, fromPercentText, sloFromForm, type EditorForm } from '../editorModel';
import { PolicyField } from './PolicyField';
import { TimeZoneField } from './TimeZoneField';
import type { StepProps } from './types';

const CUSTOM = 'custom';

/** "Error budget: 43m12s per 30d", or nothing while the target or window is not valid yet. */
function budgetHint(form: EditorForm): string | undefined {
  const target = fromPercentText(form.targetPercent);
  if (!(target > 0 && target < 1)) {
    return undefined;
  }
  try {
    const ms = windowMs(sloFromForm(form));
    const downtime = Math.round(allowedDowntime(target, ms) / 1000) * 1000;
    return `Error budget: ${Number(((1 - target) * 100).toPrecision(6))}% of events, or ${downtime >= 1000 ? formatDuration(downtime) : 'under 1s'} of full outage per ${formatDuration(ms)}.`;
  } catch {
    return undefined;
  }
}

/** Step 3: the objective (as a percentage), the window it is measured over, and the error-budget policy. */
export function ObjectiveStep({ form, onChange, errors, readOnly }: StepProps) {
  const [customChosen, setCustomChosen] = useState(false);
  const custom = customChosen || !ROLLING_PRESETS.includes(form.rollingDuration);
  return (
    <Stack direction="column" gap={2}>
      <Field
        label="Objective"
        description={budgetHint(form) ?? 'The share of good events, e.g. 99.9'}
        invalid={Boolean(errors['objective.target'])}
        error={errors['objective.target']}
      >
        <Input
          id="sre-slo-target"
          width={16}
          suffix="%"
          disabled={readOnly}
          value={form.targetPercent}
          onChange={(e) => onChange({ targetPercent: e.currentTarget.value })}
        />
      </Field>
      <Field label="Window" invalid={Boolean(errors.window)} error={errors.window}>
        <>
          <Stack direction="column" gap={1}>
            <RadioButtonGroup
              options={[
                { label: 'Rolling', value: 'rolling' as const, description: 'The last N days, always' },
                {
                  label: 'Calendar',
                  value: 'calendar' as const,
                  description: 'Resets at the start of each month or quarter',
                },
              ]}
              value={form.windowType}
              disabled={readOnly}
              onChange={(v) => onChange({ windowType: v })}
            />
            {form.windowType === 'rolling' && (
              <Stack gap={1} alignItems="center">
                <RadioButtonGroup
                  aria-label="Rolling window length"
                  options={[
                    ...ROLLING_PRESETS.map((d) => ({ label: d, value: d })),
                    { label: 'Custom', value: CUSTOM },
                  ]}
                  value={custom ? CUSTOM : form.rollingDuration}
                  disabled={readOnly}
                  onChange={(v) => {
                    setCustomChosen(v === CUSTOM);
                    if (v !== CUSTOM) {
                      onChange({ rollingDuration: v });
                    }
                  }}
                />
                {custom && (
                  <Input
                    aria-label="Custom window"
                    width={12}
                    placeholder="14d"
                    disabled={readOnly}
                    value={form.rollingDuration}
                    onChange={(e) => onChange({ rollingDuration: e.currentTarget.value })}
                  />
                )}
              </Stack>
            )}
            {form.windowType === 'calendar' && (
              <Stack gap={1} alignItems="center">
                <RadioButtonGroup
                  options={[
                    { label: 'Month', value: 'month' as const },
                    { label: 'Quarter', value: 'quarter' as const },
                  ]}
                  value={form.calendarUnit}
                  disabled={readOnly}
                  onChange={(v) => onChange({ calendarUnit: v })}
                />
                <TimeZoneField
                  value={form.timeZone}
                  readOnly={readOnly}
                  onChange={(timeZone) => onChange({ timeZone })}
                />
              </Stack>
            )}
          </Stack>
        </>
      </Field>
      <PolicyField
        value={form.policy}
        readOnly={readOnly}
        error={errors.policy}
        onChange={(policy) => onChange({ policy })}
      />
    </Stack>
  );
}
