import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import { useQuery } from '@tanstack/react-query';
import { endFreeze, listFreezes, recordFreezeException, startFreeze } from '../../../api/freezes';
import { canWriteAnnotations } from '../../../api/permissions';
import type { SloSnapshot } from '../../../api/sloStatus';
import { testIds } from '../../../components/testIds';
import { describeDecision } from '../../../domain/policy/evaluate';
import type { Freeze } from '../../../domain/policy/freeze';
import type { Slo } from '../../../domain/slo/model';
import { useAppData } from '../../data/appData';
import { errorMessage, queryClient } from '../../data/queryClient';
import { decidePolicy } from '../policyDecision';
import { FreezeButton } from './FreezeButton';
import { FreezeForm } from './FreezeForm';

interface Props {
  slo: Slo;
  /** The SLO's current numbers; undefined while they load. */
  snapshot?: SloSnapshot;
}

type Open = { form: 'start' } | { form: 'exception' | 'end'; freezeId: string } | undefined;

const when = (ms: number) => new Date(ms).toLocaleString();

/**
 * The SLO's release freeze: start one when its policy says freeze, see who froze releases since when and why, record
 * exceptions and end it. Viewers see the same with disabled buttons.
 */
export function FreezeSection({ slo, snapshot }: Props) {
  const styles = useStyles2(getStyles);
  const canWrite = canWriteAnnotations();
  const [open, setOpen] = useState<Open>();
  const [actionError, setActionError] = useState<string>();
  const query = useQuery({ queryKey: ['freezes', slo.id], queryFn: () => listFreezes(slo.id) }, queryClient);
  // The same decision the policy card shows, from the same settings read.
  const app = useAppData();
  const view = snapshot && app.data ? decidePolicy(slo, snapshot, app.data.policies.items) : undefined;
  const approvers = view?.policy?.approvers ?? [];

  const done = async () => {
    setOpen(undefined);
    await query.refetch();
  };

  const endNow = async (freeze: Freeze) => {
    setActionError(undefined);
    try {
      await endFreeze(freeze);
      await done();
    } catch (e) {
      setActionError(errorMessage(e));
    }
  };

  const activeFreeze = (freeze: Freeze) => (
    <div key={freeze.id} className={styles.freeze} data-testid={testIds.freeze.active}>
      <Stack direction="column" gap={1}>
        <Text weight="medium">{`Releases of ${freeze.services.join(', ')} are frozen since ${when(freeze.startedAt)}`}</Text>
        <Text>{`Started by ${freeze.startedBy}: ${freeze.reason}`}</Text>
        {freeze.exceptions.length > 0 && (
          <ul aria-label="Exceptions">
            {freeze.exceptions.map((x) => (
              <li key={x.id}>{`${when(x.at)} · ${x.reason} · approved by ${x.approver} (recorded by ${x.by})`}</li>
            ))}
          </ul>
        )}
        {open?.form === 'exception' && open.freezeId === freeze.id ? (
          <FreezeForm
            testId={testIds.freeze.exception}
            submitLabel="Record exception"
            fields={[
              { name: 'reason', label: 'Reason', description: 'Why this release may go out during the freeze' },
              {
                name: 'approver',
                label: 'Approver',
                description:
                  approvers.length > 0 ? `One of: ${approvers.join(', ')}` : 'The Grafana login of who approved',
              },
            ]}
            onSubmit={async (v) => {
              await recordFreezeException(freeze, { reason: v.reason, approver: v.approver }, approvers);
              await done();
            }}
            onCancel={() => setOpen(undefined)}
          />
        ) : (
          <Stack gap={1}>
            <FreezeButton
              canWrite={canWrite}
              testId={testIds.freeze.exception}
              icon="unlock"
              onClick={() => setOpen({ form: 'exception', freezeId: freeze.id })}
            >
              Record exception
            </FreezeButton>
            <FreezeButton
              canWrite={canWrite}
              testId={testIds.freeze.end}
              icon="check"
              onClick={() => void endNow(freeze)}
            >
              End freeze
            </FreezeButton>
          </Stack>
        )}
      </Stack>
    </div>
  );

  const noFreeze = () => {
    if (!view) {
      return <LoadingPlaceholder text="Loading the policy decision…" />;
    }
    const { decision, policy } = view;
    if (!policy || decision.kind !== 'decided' || decision.action !== 'freeze') {
      const which = policy ? `Policy "${policy.name}": ` : '';
      return <Text color="secondary">{`No active freeze. ${which}${describeDecision(decision)}.`}</Text>;
    }
    return (
      <Stack direction="column" gap={1}>
        <Alert severity="error" title={`Policy "${policy.name}" says freeze`}>
          {`${decision.reason}. Releases other than ${(policy.exemptions ?? []).join(', ') || 'exempt fixes'} should wait.`}
        </Alert>
        {open?.form === 'start' ? (
          <FreezeForm
            testId={testIds.freeze.start}
            submitLabel="Start freeze"
            fields={[{ name: 'reason', label: 'Reason', description: 'Shown on every dashboard with the freeze' }]}
            onSubmit={async (v) => {
              await startFreeze(slo, { reason: v.reason });
              await done();
            }}
            onCancel={() => setOpen(undefined)}
          />
        ) : (
          <div>
            <FreezeButton
              canWrite={canWrite}
              testId={testIds.freeze.start}
              icon="lock"
              variant="destructive"
              onClick={() => setOpen({ form: 'start' })}
            >
              Start freeze
            </FreezeButton>
          </div>
        )}
      </Stack>
    );
  };

  const body = () => {
    if (query.isPending) {
      return <LoadingPlaceholder text="Loading freezes…" />;
    }
    if (query.isError) {
      return (
        <Alert
          severity="error"
          title="Could not load the freezes"
          buttonContent="Retry"
          onRemove={() => void query.refetch()}
        >
          {errorMessage(query.error)}
        </Alert>
      );
    }
    const active = query.data.freezes.filter((f) => f.status === 'active');
    return (
      <Stack direction="column" gap={1}>
        {query.data.problems.length > 0 && (
          <Alert severity="warning" title="Some freeze annotations were skipped">
            {query.data.problems.map((p) => p.message).join('\n')}
          </Alert>
        )}
        {active.length > 0 ? active.map(activeFreeze) : noFreeze()}
      </Stack>
    );
  };

  return (
    <section data-testid={testIds.freeze.section} aria-label="Release freeze">
      <Stack direction="column" gap={1}>
        <Text element="h3" variant="h4">
          Release freeze
        </Text>
        {actionError !== undefined && (
          <Alert severity="error" title="The change was not recorded" onRemove={() => setActionError(undefined)}>
            {actionError}
          </Alert>
        )}
        {body()}
      </Stack>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  freeze: css({
    padding: theme.spacing(1.5),
    border: `1px solid ${theme.colors.error.border}`,
    borderRadius: theme.shape.radius.default,
  }),
});
