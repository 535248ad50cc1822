import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Stack, Text, useStyles2 } from '@grafana/ui';

interface Props {
  /** Remaining budget as a fraction; negative when overspent; null when unknown. */
  remaining: number | null;
  /** 0–1 width of the filled part. */
  fraction: number;
  /** The value as text ("42%", "−50%", "No data"). */
  label: string;
}

/** Remaining error budget as a bar: green, orange below 25%, red when spent. Unknown shows no bar at all. */
export function BudgetBar({ remaining, fraction, label }: Props) {
  const styles = useStyles2(getStyles);
  if (remaining === null) {
    return <Text color="secondary">{label}</Text>;
  }
  const tone = remaining <= 0 ? styles.spent : remaining < 0.25 ? styles.low : styles.ok;
  return (
    <Stack direction="row" alignItems="center" gap={1}>
      <div
        className={remaining <= 0 ? `${styles.track} ${styles.spentTrack}` : styles.track}
        role="meter"
        aria-label="Remaining error budget"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={label}
      >
        <div className={`${styles.fill} ${tone}`} style={{ width: `${fraction * 100}%` }} />
      </div>
      <Text color={remaining <= 0 ? 'error' : undefined}>{label}</Text>
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  track: css({
    width: theme.spacing(12),
    height: theme.spacing(1),
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
    border: `1px solid ${theme.colors.border.weak}`,
    overflow: 'hidden',
    flexShrink: 0,
  }),
  fill: css({ height: '100%' }),
  ok: css({ background: theme.colors.success.main }),
  low: css({ background: theme.colors.warning.main }),
  spent: css({ background: theme.colors.error.main }),
  spentTrack: css({ background: theme.colors.error.transparent, borderColor: theme.colors.error.border }),
});
