import React from 'react';
import { css } from '@emotion/css';
import { Badge, useStyles2, type BadgeColor } from '@grafana/ui';
import { ACTION_LABELS, type PolicyAction } from '../../domain/policy/model';
import { testIds } from '../../components/testIds';
import type { PolicyView } from './policyDecision';

export const ACTION_COLORS: Record<PolicyAction, BadgeColor> = {
  ship: 'green',
  ship_with_approval: 'orange',
  freeze: 'red',
};

/** The whole "why" in one sentence: policy, threshold that decided, and what was not evaluated. */
export function policyReasonText(view: PolicyView): string {
  const name = view.policy ? `${view.policy.name}${view.isDefault ? ' (default)' : ''}: ` : '';
  return `${name}${view.decision.reason}${view.caveat ? `. ${view.caveat}` : ''}`;
}

/**
 * The action a policy gives as a badge. The reason is the badge's tooltip for mouse users and, because a tooltip is
 * not read out, also visually hidden text that screen readers read with the badge.
 */
export function PolicyBadge({ view }: { view: PolicyView }) {
  const styles = useStyles2(getStyles);
  const { decision } = view;
  const label = decision.kind === 'decided' ? ACTION_LABELS[decision.action] : 'No data';
  const color: BadgeColor = decision.kind === 'decided' ? ACTION_COLORS[decision.action] : 'darkgrey';
  const reason = policyReasonText(view);
  return (
    <span data-testid={testIds.slos.policy}>
      <Badge
        text={label}
        color={color}
        icon={view.caveat ? 'exclamation-triangle' : undefined}
        tooltip={reason}
        tabIndex={0}
      />
      <span className={styles.visuallyHidden}>{`: ${reason}`}</span>
    </span>
  );
}

const getStyles = () => ({
  visuallyHidden: css({
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  }),
});
