import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Box, Stack, Text, Tooltip, useStyles2 } from '@grafana/ui';
import { type MedianDuration, type MetricName } from '../../domain/incident/metrics';
import { testIds } from '../../components/testIds';
import { formatDuration } from './format';

const TILES: Array<{ name: MetricName; label: string; help: string }> = [
  { name: 'timeToDetect', label: 'MTTD', help: 'Median time to detect: impact start → detection' },
  { name: 'timeToAcknowledge', label: 'MTTA', help: 'Median time to acknowledge: detection → first role assigned' },
  { name: 'timeToMitigate', label: 'MTTM', help: 'Median time to mitigate: impact start → user impact ended' },
  { name: 'timeToResolve', label: 'MTTR', help: 'Median time to resolve: impact start → resolution' },
];

/** The four median response times of the incidents that started in the range. */
export function MetricTiles({ medians }: { medians: Record<MetricName, MedianDuration> }) {
  const styles = useStyles2(getStyles);
  return (
    <div data-testid={testIds.incidents.metrics}>
      <Stack gap={2} wrap="wrap">
        {TILES.map(({ name, label, help }) => (
          <Tooltip key={name} content={help}>
            <div className={styles.tile}>
              <Box padding={2} backgroundColor="secondary" borderRadius="default">
                <Text variant="bodySmall" color="secondary">
                  {label}
                </Text>
                <Text element="p" variant="h3">
                  {formatDuration(medians[name].median)}
                </Text>
                <Text variant="bodySmall" color="secondary">
                  {`median of ${medians[name].count}`}
                </Text>
              </Box>
            </div>
          </Tooltip>
        ))}
      </Stack>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  tile: css({ minWidth: theme.spacing(18) }),
});
