import React from 'react';
import { Badge } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import type { SlaPeriodResult } from '../../domain/sla/report';
import { STANDING_META } from './format';

/** Met / at risk / breached / no data, with "so far" for a running period. */
export function StandingBadge({ result }: { result: Pick<SlaPeriodResult, 'standing' | 'running'> }) {
  const meta = STANDING_META[result.standing];
  const text = result.running && result.standing !== 'no_data' ? `${meta.text} so far` : meta.text;
  return (
    <span data-testid={testIds.slas.standing}>
      <Badge text={text} color={meta.color} />
    </span>
  );
}
