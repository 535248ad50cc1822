import React, { useState } from 'react';
import type { TimeRange } from '@grafana/data';
import { Button, LinkButton, Stack } from '@grafana/ui';
import { canWriteAlertRules } from '../../../api/alertRules';
import { canCreateDashboards } from '../../../api/dashboards';
import { canEditSettings, canWriteAnnotations } from '../../../api/permissions';
import { NOT_ALLOWED, NotAllowedButton } from '../../../components/NotAllowedButton';
import type { Slo } from '../../../domain/slo/model';
import { AddToDashboardModal } from './AddToDashboardModal';
import { CreateDashboardButton } from './CreateDashboardButton';
import { DeleteSloButton } from './DeleteSloButton';
import { InstallAlertsModal } from './InstallAlertsModal';
import { declareIncidentUrl, sloEditUrl } from './links';
import type { OnNotice } from './notice';
import { RulesMenu } from './RulesMenu';

interface Props {
  slo: Slo;
  datasourceUid?: string;
  timeRange: TimeRange;
  onNotice: OnNotice;
}

/**
 * The page's actions. A write action the user may not take shows disabled, with a tooltip saying who can; the API
 * still has the last word.
 */
export function SloActions({ slo, datasourceUid, timeRange, onNotice }: Props) {
  const [modal, setModal] = useState<'install' | 'add-to-dashboard'>();
  const canEdit = canEditSettings();
  const canDeclare = canWriteAnnotations();
  const canDashboards = canCreateDashboards();
  const canInstall = canWriteAlertRules();
  const close = () => setModal(undefined);
  const range = { from: timeRange.from.valueOf(), to: timeRange.to.valueOf() };

  return (
    <Stack gap={1} wrap="wrap" alignItems="center">
      {canDeclare ? (
        <LinkButton variant="secondary" icon="fire" href={declareIncidentUrl(slo, range)}>
          Declare incident
        </LinkButton>
      ) : (
        <NotAllowedButton icon="fire" reason={NOT_ALLOWED.declareIncident}>
          Declare incident
        </NotAllowedButton>
      )}
      <RulesMenu
        slo={slo}
        datasourceUid={datasourceUid}
        onInstall={datasourceUid ? () => setModal('install') : undefined}
        installNotAllowed={canInstall ? undefined : NOT_ALLOWED.alertRules}
      />
      {datasourceUid &&
        (canDashboards ? (
          <>
            <CreateDashboardButton slo={slo} datasourceUid={datasourceUid} onNotice={onNotice} />
            <Button variant="secondary" icon="plus" onClick={() => setModal('add-to-dashboard')}>
              Add to dashboard
            </Button>
          </>
        ) : (
          <>
            <NotAllowedButton icon="apps" reason={NOT_ALLOWED.dashboards}>
              Create dashboard
            </NotAllowedButton>
            <NotAllowedButton icon="plus" reason={NOT_ALLOWED.dashboards}>
              Add to dashboard
            </NotAllowedButton>
          </>
        ))}
      {canEdit ? (
        <>
          <LinkButton variant="secondary" icon="pen" href={sloEditUrl(slo)}>
            Edit
          </LinkButton>
          <DeleteSloButton slo={slo} />
        </>
      ) : (
        <>
          <NotAllowedButton icon="pen" reason={NOT_ALLOWED.editSlos}>
            Edit
          </NotAllowedButton>
          <NotAllowedButton icon="trash-alt" variant="destructive" reason={NOT_ALLOWED.editSlos}>
            Delete
          </NotAllowedButton>
        </>
      )}
      {modal === 'install' && datasourceUid && (
        <InstallAlertsModal slo={slo} datasourceUid={datasourceUid} onDismiss={close} />
      )}
      {modal === 'add-to-dashboard' && datasourceUid && (
        <AddToDashboardModal slo={slo} datasourceUid={datasourceUid} timeRange={timeRange} onDismiss={close} />
      )}
    </Stack>
  );
}
