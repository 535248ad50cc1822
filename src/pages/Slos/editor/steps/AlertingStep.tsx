import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Field, Input, RadioButtonGroup, Stack, Switch, Text, useStyles2 } from '@grafana/ui';
import { DEFAULT_TIERS, resolveTiers, type ResolvedTier } from '../../../../domain/slo/defaults';
import type { BurnRateTierName } from '../../../../domain/slo/model';
import { sloFromForm, type EditorForm } from '../editorModel';
import { setTier } from '../tierOverrides';
import type { StepProps } from './types';

/** The tiers as they would be generated; while the window is invalid the factors cannot be derived yet. */
function tiersFor(form: EditorForm): Array<Omit<ResolvedTier, 'factor'> & { factor?: number }> {
  try {
    return resolveTiers(sloFromForm(form));
  } catch {
    return DEFAULT_TIERS.map((d) => {
      const o = form.tiers.find((t) => t.tier === d.tier);
      return { ...d, ...o };
    });
  }
}

interface RowProps {
  tier: Omit<ResolvedTier, 'factor'> & { factor?: number };
  override?: number;
  error?: string;
  readOnly: boolean;
  onChange: (patch: { enabled?: boolean; factor?: number; severity?: 'page' | 'ticket' }) => void;
}

function TierRow({ tier, override, error, readOnly, onChange }: RowProps) {
  const styles = useStyles2(getStyles);
  // Kept as text so "14." can be typed on the way to "14.4".
  const [text, setText] = useState(override === undefined ? '' : String(override));
  const [seen, setSeen] = useState(override);
  // The override can change from outside (an import): adopt it unless the text already says the same.
  if (!Object.is(seen, override)) {
    setSeen(override);
    if (!Object.is(text.trim() === '' ? undefined : Number(text), override)) {
      setText(override === undefined ? '' : String(override));
    }
  }
  return (
    <div className={styles.row} role="group" aria-label={`${tier.tier} tier`}>
      <Stack gap={2} alignItems="center" wrap="wrap">
        <Switch
          aria-label={`Enable the ${tier.tier} tier`}
          value={tier.enabled}
          disabled={readOnly}
          onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
        />
        <span className={styles.name}>{tier.tier}</span>
        <Text color="secondary">
          {tier.longWindow} long / {tier.shortWindow} short window, for {tier.for}
        </Text>
        <Input
          aria-label={`${tier.tier} tier factor`}
          width={14}
          prefix="×"
          disabled={readOnly || !tier.enabled}
          placeholder={tier.factor === undefined ? 'derived' : String(Number(tier.factor.toPrecision(4)))}
          value={text}
          onChange={(e) => {
            const t = e.currentTarget.value;
            setText(t);
            onChange({ factor: t.trim() === '' ? undefined : Number(t) });
          }}
        />
        <RadioButtonGroup
          size="sm"
          disabled={readOnly || !tier.enabled}
          value={tier.severity}
          options={[
            { label: 'Page', value: 'page' as const },
            { label: 'Ticket', value: 'ticket' as const },
          ]}
          onChange={(severity) => onChange({ severity })}
        />
      </Stack>
      {tier.dropped && (
        <Text color="warning" variant="bodySmall">
          {`Left out for this SLO: ${tier.dropped}.`}
        </Text>
      )}
      {error && (
        <Text color="error" variant="bodySmall">
          {error}
        </Text>
      )}
    </div>
  );
}

/** Step 4: multiwindow burn-rate tiers, the low-traffic guard and the runbook. */
export function AlertingStep({ form, onChange, errors, readOnly }: StepProps) {
  const tiers = tiersFor(form);
  const change = (name: BurnRateTierName, patch: RowProps['onChange'] extends (p: infer P) => void ? P : never) => {
    const def = DEFAULT_TIERS.find((d) => d.tier === name)!;
    onChange({ tiers: setTier(form.tiers, name, patch, def) });
  };
  return (
    <Stack direction="column" gap={2}>
      <Field
        label="Burn-rate tiers"
        description="An alert fires when both windows burn the budget faster than the factor; leave the factor empty to derive it from the SLO window."
      >
        <Stack direction="column" gap={1}>
          {tiers.map((t) => (
            <TierRow
              key={t.tier}
              tier={t}
              readOnly={readOnly}
              error={errors[`alerting.tiers.${t.tier}`]}
              override={form.tiers.find((o) => o.tier === t.tier)?.factor}
              onChange={(p) => change(t.tier, p)}
            />
          ))}
        </Stack>
      </Field>
      <Field
        label="Minimum events"
        description="Low-traffic guard: a tier only fires when its long window saw this many events"
        invalid={Boolean(errors['alerting.minEvents'])}
        error={errors['alerting.minEvents']}
      >
        <Input
          id="sre-slo-min-events"
          width={16}
          disabled={readOnly}
          value={form.minEvents}
          onChange={(e) => onChange({ minEvents: e.currentTarget.value })}
        />
      </Field>
      <Field label="Runbook URL" invalid={Boolean(errors['alerting.runbookUrl'])} error={errors['alerting.runbookUrl']}>
        <Input
          id="sre-slo-runbook"
          placeholder="https://runbooks.example.com/…"
          disabled={readOnly}
          value={form.runbookUrl}
          onChange={(e) => onChange({ runbookUrl: e.currentTarget.value })}
        />
      </Field>
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({
    padding: theme.spacing(1),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
  name: css({
    minWidth: theme.spacing(8),
    fontWeight: theme.typography.fontWeightMedium,
    textTransform: 'capitalize',
  }),
});
