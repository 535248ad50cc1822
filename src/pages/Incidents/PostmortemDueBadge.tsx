import React from 'react';
import { Badge } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import { dueDetail, dueText, type PostmortemDue } from './postmortemDue';

/** "Postmortem due <date>" (orange) or "Postmortem overdue" (red), with the deadline and the reason as tooltip. */
export function PostmortemDueBadge({ due }: { due: PostmortemDue }) {
  return (
    <Badge
      color={due.state === 'overdue' ? 'red' : 'orange'}
      icon={due.state === 'overdue' ? 'exclamation-circle' : 'clock-nine'}
      text={dueText(due)}
      tooltip={dueDetail(due)}
      data-testid={testIds.incidents.postmortemDue}
    />
  );
}
