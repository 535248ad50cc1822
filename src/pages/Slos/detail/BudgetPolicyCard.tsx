import React from 'react';
import { Alert, LoadingPlaceholder } from '@grafana/ui';
import type { SloSnapshot } from '../../../api/sloStatus';
import { testIds } from '../../../components/testIds';
import { budgetPolicy } from './policy';

interface Props {
  /** Undefined while the snapshot loads. */
  snapshot?: SloSnapshot;
}

/** The error-budget policy for the SLO's current status, with what the team should do now. */
export function BudgetPolicyCard({ snapshot }: Props) {
  if (!snapshot) {
    return <LoadingPlaceholder text="Loading the error-budget status…" />;
  }
  const policy = budgetPolicy(snapshot.status);
  return (
    <div data-testid={testIds.sloDetail.policy}>
      <Alert severity={policy.severity} title={`Error-budget policy: ${policy.title}`}>
        <ul>
          {policy.actions.map((action) => (
            <li key={action}>{action}</li>
          ))}
        </ul>
        {snapshot.error && <div>{snapshot.error}</div>}
      </Alert>
    </div>
  );
}
