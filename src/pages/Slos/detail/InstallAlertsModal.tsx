import React, { useEffect, useState } from 'react';
import { config } from '@grafana/runtime';
import { Alert, Button, Combobox, Field, LoadingPlaceholder, Modal, RadioButtonGroup, TextLink } from '@grafana/ui';
import { installSloAlerts, listFolders, type Folder, type InstallResult } from '../../../api/alertRules';
import { grafanaHref } from '../../../components/links';
import { testIds } from '../../../components/testIds';
import type { Slo } from '../../../domain/slo/model';
import { GrafanaRecordingInstall } from './GrafanaRecordingInstall';
import { RulerInstall } from './RulerInstall';

interface Props {
  slo: Slo;
  datasourceUid: string;
  onDismiss: () => void;
}

type Load = { state: 'loading' } | { state: 'error'; error: string } | { state: 'data'; folders: Folder[] };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

type Target = 'grafana' | 'ruler' | 'recording';
const TARGETS: Array<{ label: string; value: Target; description: string }> = [
  { label: 'Grafana alerting', value: 'grafana', description: 'Grafana-managed alert rules in a folder' },
  {
    label: 'Data source ruler',
    value: 'ruler',
    description: "Recording and alerting rules in the data source's Mimir or Cortex ruler",
  },
  {
    label: 'Grafana-managed recording rules',
    value: 'recording',
    description: 'Recording rules evaluated by Grafana, for data sources without a writable ruler',
  },
];

/**
 * Installs the SLO's burn-rate alerts as Grafana-managed rules in a folder the user picks, or its whole rule group
 * into the data source's own ruler (RulerInstall), or its recording rules as Grafana-managed recording rules
 * (GrafanaRecordingInstall).
 */
export function InstallAlertsModal({ slo, datasourceUid, onDismiss }: Props) {
  const [target, setTarget] = useState<Target>('grafana');
  const [folders, setFolders] = useState<Load>({ state: 'loading' });
  const [folderUid, setFolderUid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [results, setResults] = useState<InstallResult[]>();

  useEffect(() => {
    let current = true;
    listFolders().then(
      (list) => current && setFolders({ state: 'data', folders: list }),
      (e) => current && setFolders({ state: 'error', error: message(e) })
    );
    return () => {
      current = false;
    };
  }, []);

  const install = async () => {
    if (!folderUid) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      setResults(await installSloAlerts(slo, { datasourceUid, folderUid, grafanaUrl: config.appUrl }));
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const count = (action: InstallResult['action']) => results?.filter((r) => r.action === action).length ?? 0;

  return (
    <Modal title="Install alerts in Grafana alerting" isOpen onDismiss={onDismiss}>
      <Field label="Install into">
        <RadioButtonGroup options={TARGETS} value={target} onChange={setTarget} />
      </Field>
      {target === 'recording' ? (
        <GrafanaRecordingInstall slo={slo} datasourceUid={datasourceUid} onDismiss={onDismiss} />
      ) : target === 'ruler' ? (
        <RulerInstall slo={slo} datasourceUid={datasourceUid} onDismiss={onDismiss} />
      ) : (
        <>
          <p>
            One Grafana-managed rule per enabled burn-rate tier, in the group <code>sre-slo-{slo.id}</code>. They read
            the recorded series, so the Prometheus recording rules must be installed too. Running this again updates
            them and removes the rules of tiers switched off since.
          </p>
          {folders.state === 'loading' && <LoadingPlaceholder text="Loading folders…" />}
          {folders.state === 'error' && (
            <Alert severity="error" title="Could not load folders">
              {folders.error}
            </Alert>
          )}
          {folders.state === 'data' && folders.folders.length === 0 && (
            <Alert severity="warning" title="No folder you can edit">
              Alert rules live in a folder. Create one (Dashboards › New folder) or ask an admin for edit access.
            </Alert>
          )}
          {folders.state === 'data' && folders.folders.length > 0 && (
            <Field label="Folder" description="The folder that holds the alert rules">
              <Combobox
                id="slo-install-folder"
                data-testid={testIds.sloDetail.folderPicker}
                placeholder="Choose a folder"
                options={folders.folders.map((f) => ({ label: f.title, value: f.uid }))}
                value={folderUid}
                onChange={(o) => setFolderUid(o?.value ?? null)}
              />
            </Field>
          )}
          {error && (
            <Alert severity="error" title="Installing the alerts failed">
              {error}
            </Alert>
          )}
          {results && (
            <Alert severity="success" title="Alerts installed">
              {count('created')} created, {count('updated')} updated
              {count('removed') > 0 && `, ${count('removed')} removed (no longer generated)`}.{' '}
              <TextLink href={grafanaHref(`/alerting/list?search=${encodeURIComponent(`group:sre-slo-${slo.id}`)}`)}>
                Open in Alerting
              </TextLink>
            </Alert>
          )}
          <Modal.ButtonRow>
            <Button variant="secondary" fill="outline" onClick={onDismiss}>
              {results ? 'Close' : 'Cancel'}
            </Button>
            <Button onClick={install} disabled={!folderUid || busy} icon={busy ? 'spinner' : 'bell'}>
              {busy ? 'Installing…' : 'Install'}
            </Button>
          </Modal.ButtonRow>
        </>
      )}
    </Modal>
  );
}
