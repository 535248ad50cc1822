import React, { useState } from 'react';
import { Badge, Button, Field, Input, RadioButtonGroup, Stack, Text } from '@grafana/ui';
import type { LoadedIncident } from '../../../api/incidents';
import { testIds } from '../../../components/testIds';
import { type Severity, SEVERITIES } from '../../../domain/incident/model';
import { formatTime } from '../format';
import { SeverityBadge } from '../SeverityBadge';
import { availableActions, type EventPayload, reopenProblem, statusLabel } from './commands';

const SEVERITY_OPTIONS = SEVERITIES.map((s) => ({ value: s.value, label: s.label, description: s.definition }));

interface Props {
  incident: LoadedIncident;
  canWrite: boolean;
  pending: boolean;
  now: number;
  run: (payload: EventPayload) => Promise<boolean>;
}

/** Id, severity, status and the lifecycle actions the state machine allows right now (and no others). */
export function IncidentHeader({ incident, canWrite, pending, now, run }: Props) {
  const [summary, setSummary] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const actions = availableActions(incident, now);
  const open = incident.status !== 'resolved';

  const reopen = async () => {
    const problem = reopenProblem(reason);
    setReasonError(problem);
    if (problem === undefined && (await run({ type: 'reopened', reason: reason.trim() }))) {
      setReason('');
    }
  };
  const resolve = async () => {
    const text = summary.trim();
    if (await run({ type: 'resolved', ...(text !== '' && { summary: text }) })) {
      setSummary('');
    }
  };

  return (
    <div data-testid={testIds.incidentDetail.header}>
      <Stack direction="column" gap={2}>
        {/* The title is the page title (PluginPage pageNav); repeating it here would show it twice. */}
        <Stack gap={2} alignItems="center" wrap="wrap">
          <SeverityBadge severity={incident.severity} />
          <Text color="secondary">{incident.id}</Text>
          <span data-testid={testIds.incidentDetail.status}>
            <Badge color={open ? 'red' : 'green'} text={`Status: ${incident.status}`} />
          </span>
          <Text color="secondary">{`Impact since ${formatTime(incident.startedAt)}`}</Text>
          {incident.mitigatedAt !== undefined && (
            <Text color="secondary">{`Impact ended ${formatTime(incident.mitigatedAt)}`}</Text>
          )}
          {incident.services.length > 0 && <Text color="secondary">{`Services: ${incident.services.join(', ')}`}</Text>}
        </Stack>
        {incident.summary !== '' && <Text element="p">{incident.summary}</Text>}
        {canWrite && (
          <Stack direction="column" gap={1}>
            <Field label="Severity" noMargin>
              <div data-testid={testIds.incidentDetail.severity}>
                <RadioButtonGroup<Severity>
                  aria-label="Severity"
                  options={SEVERITY_OPTIONS}
                  value={incident.severity}
                  disabled={pending}
                  onChange={(to) =>
                    to !== incident.severity && run({ type: 'severity_changed', from: incident.severity, to })
                  }
                />
              </div>
            </Field>
            <Stack gap={1} wrap="wrap" alignItems="flex-end">
              <span data-testid={testIds.incidentDetail.transitions}>
                <Stack gap={1}>
                  {actions.statuses.map((to) => (
                    <Button
                      key={to}
                      variant="secondary"
                      disabled={pending}
                      onClick={() => run({ type: 'status_changed', to })}
                    >
                      {`Move to ${statusLabel(to)}`}
                    </Button>
                  ))}
                </Stack>
              </span>
              {actions.impactEnded && (
                <Button
                  variant="secondary"
                  icon="check"
                  disabled={pending}
                  data-testid={testIds.incidentDetail.impactEnded}
                  onClick={() => run({ type: 'impact_ended' })}
                >
                  User impact ended
                </Button>
              )}
            </Stack>
            {actions.resolve && (
              <Stack gap={1} alignItems="flex-end">
                <Field label="Resolution summary (optional)" noMargin>
                  <Input
                    width={50}
                    data-testid={testIds.incidentDetail.resolveSummary}
                    value={summary}
                    onChange={(e) => setSummary(e.currentTarget.value)}
                  />
                </Field>
                <Button disabled={pending} data-testid={testIds.incidentDetail.resolve} onClick={resolve}>
                  Resolve
                </Button>
              </Stack>
            )}
            {actions.reopen && (
              <Stack gap={1} alignItems="flex-start">
                <Field label="Reason for reopening" invalid={reasonError !== undefined} error={reasonError} noMargin>
                  <Input
                    width={50}
                    data-testid={testIds.incidentDetail.reopenReason}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                  />
                </Field>
                <Button
                  variant="destructive"
                  disabled={pending}
                  data-testid={testIds.incidentDetail.reopen}
                  onClick={reopen}
                >
                  Reopen
                </Button>
              </Stack>
            )}
          </Stack>
        )}
      </Stack>
    </div>
  );
}
