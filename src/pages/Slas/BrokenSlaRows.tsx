import React from 'react';
import { Alert, Stack, Text } from '@grafana/ui';
import type { BrokenItem } from '../../api/storedItems';
import { testIds } from '../../components/testIds';

/**
 * Stored SLAs that failed validation (hand-edited or provisioned jsonData, or an SLA whose SLO was deleted): each
 * names the SLA and every problem with its field, so an Admin can fix it. Never computed.
 */
export function BrokenSlaRows({ broken }: { broken: BrokenItem[] }) {
  if (broken.length === 0) {
    return null;
  }
  return (
    <Alert
      severity="warning"
      title={`${broken.length} stored SLA${broken.length === 1 ? ' is' : 's are'} invalid and not computed`}
    >
      <Stack direction="column" gap={1}>
        {broken.map((b) => (
          <div key={`${b.index}-${b.id ?? ''}`} data-testid={testIds.slas.brokenRow}>
            <Text weight="medium">
              {b.name ? `${b.name} (${b.id ?? `slas[${b.index}]`})` : (b.id ?? `slas[${b.index}]`)}
            </Text>
            <ul>
              {b.problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>{`${p.path}: ${p.message}`}</li>
              ))}
            </ul>
          </div>
        ))}
      </Stack>
    </Alert>
  );
}
