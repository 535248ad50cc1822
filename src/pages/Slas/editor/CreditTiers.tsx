import React from 'react';
import { Button, Field, IconButton, Input, Stack } from '@grafana/ui';
import type { SlaFormValues } from './slaForm';

type Tiers = SlaFormValues['credits'];

/** The credit tiers: "below X% → Y% of the bill", thresholds decreasing, credits increasing. */
export function CreditTiers({
  tiers,
  errors,
  onChange,
}: {
  tiers: Tiers;
  errors: Record<string, string[]>;
  onChange: (tiers: Tiers) => void;
}) {
  const set = (i: number, key: keyof Tiers[number], value: string) =>
    onChange(tiers.map((t, j) => (j === i ? { ...t, [key]: value } : t)));
  return (
    <Stack direction="column" gap={0}>
      {tiers.map((t, i) => {
        const below = errors[`credits[${i}].below`]?.join('; ');
        const credit = errors[`credits[${i}].creditPercent`]?.join('; ');
        return (
          <Stack key={i} gap={1} alignItems="flex-start">
            <Field label={`Tier ${i + 1}: achieved below (%)`} invalid={!!below} error={below}>
              <Input
                id={`sla-credit-below-${i}`}
                width={16}
                value={t.belowPercent}
                onChange={(e) => set(i, 'belowPercent', e.currentTarget.value)}
              />
            </Field>
            <Field label="Credit (% of the bill)" invalid={!!credit} error={credit}>
              <Input
                id={`sla-credit-percent-${i}`}
                width={16}
                value={t.creditPercent}
                onChange={(e) => set(i, 'creditPercent', e.currentTarget.value)}
              />
            </Field>
            <IconButton
              name="trash-alt"
              aria-label={`Remove tier ${i + 1}`}
              tooltip={`Remove tier ${i + 1}`}
              onClick={() => onChange(tiers.filter((_, j) => j !== i))}
              style={{ marginTop: 28 }}
            />
          </Stack>
        );
      })}
      <div>
        <Button
          icon="plus"
          variant="secondary"
          size="sm"
          onClick={() => onChange([...tiers, { belowPercent: '', creditPercent: '' }])}
        >
          Add tier
        </Button>
      </div>
    </Stack>
  );
}
