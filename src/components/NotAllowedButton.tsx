import React, { type ReactNode } from 'react';
import { Button, type IconName } from '@grafana/ui';

/** Who may do what, said where a user meets an action they cannot complete. */
export const NOT_ALLOWED = {
  declareIncident: 'Editors can declare incidents: it needs permission to write annotations.',
  dashboards: 'Editors can create dashboards: it needs permission to create dashboards.',
  alertRules: 'Editors can install alert rules: it needs permission to write alert rules.',
  editSlos: "Admins can edit and delete SLOs: it needs permission to write the app's settings.",
  editSlas: "Admins can create, edit and delete SLAs: it needs permission to write the app's settings.",
  planMaintenance: 'Editors can plan and cancel maintenance: it needs permission to write annotations.',
};

interface Props {
  icon?: IconName;
  /** Why it is disabled and who can do it. */
  reason: string;
  variant?: 'secondary' | 'destructive';
  children: ReactNode;
}

/**
 * An action the user may see but not take: shown disabled with a tooltip saying who can, rather than enabled and
 * failing with a 403, or hidden so nobody knows it exists. Button keeps a disabled-with-tooltip button hoverable
 * and focusable (aria-disabled), so the tooltip is reachable by mouse and keyboard.
 */
export function NotAllowedButton({ icon, reason, variant = 'secondary', children }: Props) {
  return (
    <Button
      variant={variant}
      fill={variant === 'destructive' ? 'outline' : 'solid'}
      icon={icon}
      disabled
      tooltip={reason}
    >
      {children}
    </Button>
  );
}
