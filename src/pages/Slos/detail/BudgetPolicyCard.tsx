import React from 'react';
import { Alert, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import type { SloSnapshot } from '../../../api/sloStatus';
import { testIds } from '../../../components/testIds';
import type { Slo } from '../../../domain/slo/model';
import { useAppData } from '../../data/appData';
import { decidePolicy } from '../policyDecision';
import { policyCard } from './policy';

interface Props {
  slo: Slo;
  /** Undefined while the snapshot loads. */
  snapshot?: SloSnapshot;
}

/** The SLO's error-budget policy: the state and action it gives now, why, its exemptions and approvers. */
export function BudgetPolicyCard({ slo, snapshot }: Props) {
  const app = useAppData();
  if (!snapshot) {
    return <LoadingPlaceholder text="Loading the error-budget status…" />;
  }
  const card = policyCard(decidePolicy(slo, snapshot, app.data?.policies.items ?? []));
  return (
    <div data-testid={testIds.sloDetail.policy}>
      <Alert severity={card.severity} title={`Error-budget policy ${card.policyName}: ${card.title}`}>
        <Stack direction="column" gap={0.5}>
          <Text>{card.advice}</Text>
          <Text>{`Why: ${card.reason}`}</Text>
          {card.caveat && <Text color="warning">{card.caveat}</Text>}
          {card.exemptions.length > 0 && <Text>{`Exempt from a freeze: ${card.exemptions.join(', ')}`}</Text>}
          <Text>
            {card.approvers.length > 0
              ? `Approvers for exceptions: ${card.approvers.join(', ')}`
              : 'Approvers for exceptions: anyone (the policy names none)'}
          </Text>
          {snapshot.error && snapshot.error !== card.reason && <Text color="secondary">{snapshot.error}</Text>}
        </Stack>
      </Alert>
    </div>
  );
}
