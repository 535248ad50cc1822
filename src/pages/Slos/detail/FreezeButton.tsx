import React from 'react';
import { Button, type IconName, Tooltip } from '@grafana/ui';

interface Props {
  children: string;
  canWrite: boolean;
  onClick: () => void;
  testId: string;
  icon?: IconName;
  variant?: 'primary' | 'secondary' | 'destructive';
  busy?: boolean;
}

export const WHO_CAN =
  'Only Editors and Admins (RBAC permission to write annotations) can start, except or end a freeze.';

/**
 * A freeze action. For a user who may not write annotations it stays visible but disabled, and its tooltip says who
 * can; the wrapper takes the hover and focus because a disabled button receives neither.
 */
export function FreezeButton({ children, canWrite, onClick, testId, icon, variant = 'secondary', busy }: Props) {
  if (canWrite) {
    return (
      <Button data-testid={testId} icon={icon} variant={variant} onClick={onClick} disabled={busy}>
        {children}
      </Button>
    );
  }
  return (
    <Tooltip content={WHO_CAN}>
      <span tabIndex={0}>
        <Button data-testid={testId} icon={icon} variant={variant} disabled>
          {children}
        </Button>
      </span>
    </Tooltip>
  );
}
