import React from 'react';
import { Badge, type BadgeColor } from '@grafana/ui';
import { type Severity, SEVERITIES, severityLabel } from '../../domain/incident/model';

const COLORS: Record<Severity, BadgeColor> = { 1: 'red', 2: 'orange', 3: 'blue', 4: 'darkgrey' };

/** "SEV2" with the severity's definition as its tooltip. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const definition = SEVERITIES.find((s) => s.value === severity)?.definition;
  return <Badge color={COLORS[severity]} text={severityLabel(severity)} tooltip={definition} />;
}
