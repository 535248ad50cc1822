import React, { useState } from 'react';
import type { TimeRange } from '@grafana/data';
import { Button, LinkButton, Stack } from '@grafana/ui';
import { canWriteAlertRules } from '../../../api/alertRules';
import { canCreateDashboards } from '../../../api/dashboards';
import { canEditSettings } from '../../../api/permissions';
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

/** The page's actions. Write actions show only to users who may perform them; the API still has the last word. */
export function SloActions({ slo, datasourceUid, timeRange, onNotice }: Props) {
  const [modal, setModal] = useState<'install' | 'add-to-dashboard'>();
  const canEdit = canEditSettings();
  const canInstall = Boolean(datasourceUid) && canWriteAlertRules();
  const close = () => setModal(undefined);
  const range = { from: timeRange.from.valueOf(), to: timeRange.to.valueOf() };

  return (
    <Stack gap={1} wrap="wrap" alignItems="center">
      <LinkButton variant="secondary" icon="fire" href={declareIncidentUrl(slo, range)}>
        Declare incident
      </LinkButton>
      <RulesMenu
        slo={slo}
        datasourceUid={datasourceUid}
        onInstall={canInstall ? () => setModal('install') : undefined}
      />
      {datasourceUid && canCreateDashboards() && (
        <CreateDashboardButton slo={slo} datasourceUid={datasourceUid} onNotice={onNotice} />
      )}
      {datasourceUid && (
        <Button variant="secondary" icon="plus" onClick={() => setModal('add-to-dashboard')}>
          Add to dashboard
        </Button>
      )}
      {canEdit && (
        <LinkButton variant="secondary" icon="pen" href={sloEditUrl(slo)}>
          Edit
        </LinkButton>
      )}
      {canEdit && <DeleteSloButton slo={slo} />}
      {modal === 'install' && datasourceUid && (
        <InstallAlertsModal slo={slo} datasourceUid={datasourceUid} onDismiss={close} />
      )}
      {modal === 'add-to-dashboard' && datasourceUid && (
        <AddToDashboardModal slo={slo} datasourceUid={datasourceUid} timeRange={timeRange} onDismiss={close} />
      )}
    </Stack>
  );
}
