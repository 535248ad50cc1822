import React, { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, EmptyState, LoadingPlaceholder, Stack } from '@grafana/ui';
import { PluginPage } from '@grafana/runtime';
import { canWriteAnnotations } from '../../../api/permissions';
import { testIds } from '../../../components/testIds';
import { AffectedServicesSection } from './AffectedServicesSection';
import { IncidentHeader } from './IncidentHeader';
import { LinkedSlosSection } from './LinkedSlosSection';
import { LogsSection } from './LogsSection';
import { LogToilButton } from './LogToilButton';
import { PostmortemDueMark } from './PostmortemDueMark';
import { WritePostmortemLink } from '../../Postmortems/WritePostmortemLink';
import { RolesSection } from './RolesSection';
import { StatusUpdatesSection } from './StatusUpdatesSection';
import { TimelineSection } from './TimelineSection';
import { useIncidentDetail } from './useIncidentDetail';

/** /incidents/:id — run an incident: lifecycle, roles, timeline, status updates, SLO budget, services and logs. */
export function IncidentDetailPage() {
  const { id = '' } = useParams();
  const { state, run, pending, actionError, clearError } = useIncidentDetail(id);
  // "Now" for ranges and templates is fixed per visit, so re-renders do not re-query Loki or Prometheus.
  const [now] = useState(() => Date.now());
  const canWrite = canWriteAnnotations();
  const title = !state.loading && state.error === undefined && state.incident ? state.incident.title : id;

  const body = () => {
    if (state.loading) {
      return <LoadingPlaceholder text="Loading incident…" />;
    }
    if (state.error !== undefined) {
      return (
        <Alert severity="error" title="Could not load the incident">
          {state.error}
        </Alert>
      );
    }
    const { incident, problems, context } = state;
    if (!incident) {
      return <EmptyState variant="not-found" message={`Incident ${id} was not found`} />;
    }
    const shared = { incident, canWrite, pending, run };
    return (
      <Stack direction="column" gap={3}>
        {!canWrite && (
          <Alert severity="info" title="Read-only" data-testid={testIds.incidentDetail.readOnly}>
            You can follow this incident, but changing it needs permission to write annotations (Editor role).
          </Alert>
        )}
        {actionError !== undefined && (
          <Alert
            severity="error"
            title="The change was not recorded"
            onRemove={clearError}
            data-testid={testIds.incidentDetail.actionError}
          >
            {actionError}
          </Alert>
        )}
        {problems.length > 0 && (
          <Alert severity="warning" title="Some events of this incident were skipped">
            {problems.map((p) => p.message).join('\n')}
          </Alert>
        )}
        {context.settingsError !== undefined && (
          <Alert severity="warning" title="Could not read the app settings">
            {context.settingsError}
          </Alert>
        )}
        <IncidentHeader {...shared} now={now} />
        {(canWrite || incident.status === 'resolved') && (
          <Stack gap={1} alignItems="center" wrap="wrap">
            {canWrite && <LogToilButton incident={incident} />}
            {incident.status === 'resolved' && <WritePostmortemLink incidentId={incident.id} />}
            {incident.status === 'resolved' && (
              <PostmortemDueMark
                incident={incident}
                slos={context.slos}
                policies={context.policies}
                defaultPrometheusUid={context.settings.defaultPrometheusUid}
                now={now}
              />
            )}
          </Stack>
        )}
        <RolesSection {...shared} />
        <StatusUpdatesSection {...shared} now={now} />
        <TimelineSection {...shared} />
        <LinkedSlosSection
          {...shared}
          slos={context.slos}
          policies={context.policies}
          defaultPrometheusUid={context.settings.defaultPrometheusUid}
          now={now}
        />
        <AffectedServicesSection {...shared} />
        <LogsSection incident={incident} settings={context.settings} now={now} />
      </Stack>
    );
  };

  return (
    <PluginPage pageNav={{ text: title }}>
      <div data-testid={testIds.incidentDetail.container}>
        <div data-testid={testIds.incidents.detail}>{body()}</div>
      </div>
    </PluginPage>
  );
}
