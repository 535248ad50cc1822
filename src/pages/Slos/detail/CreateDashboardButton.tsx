import React, { useState } from 'react';
import { Button, TextLink } from '@grafana/ui';
import { createDashboard } from '../../../api/dashboards';
import { grafanaHref } from '../../../components/links';
import type { Slo } from '../../../domain/slo/model';
import { buildSloDashboard } from './dashboardJson';
import { errorText, type OnNotice } from './notice';

interface Props {
  slo: Slo;
  datasourceUid: string;
  onNotice: OnNotice;
}

/** Creates a standalone dashboard for the SLO and links to it. */
export function CreateDashboardButton({ slo, datasourceUid, onNotice }: Props) {
  const [busy, setBusy] = useState(false);

  const create = async () => {
    setBusy(true);
    try {
      const saved = await createDashboard(buildSloDashboard(slo, datasourceUid));
      onNotice({
        severity: 'success',
        title: 'Dashboard created',
        body: <TextLink href={grafanaHref(saved.url)}>Open the dashboard</TextLink>,
      });
    } catch (e) {
      onNotice({ severity: 'error', title: 'Could not create the dashboard', body: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button variant="secondary" icon="apps" onClick={create} disabled={busy}>
      {busy ? 'Creating…' : 'Create dashboard'}
    </Button>
  );
}
