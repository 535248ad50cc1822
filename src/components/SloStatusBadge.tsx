import React from 'react';
import { Badge } from '@grafana/ui';
import type { SloStatus } from '../domain/slo/budget';
import { SLO_STATUS_META } from './sloStatusMeta';

interface Props {
  status: SloStatus;
  /** Why there is no data (or what went wrong), shown as the badge's tooltip. */
  error?: string;
}

/** An SLO's status as a coloured badge. */
export function SloStatusBadge({ status, error }: Props) {
  const meta = SLO_STATUS_META[status];
  return (
    <Badge text={meta.label} color={meta.color} icon={error ? 'exclamation-triangle' : undefined} tooltip={error} />
  );
}
