import React, { useEffect, useMemo, useState } from 'react';
import { config, getDataSourceSrv } from '@grafana/runtime';
import { Alert, Button, Combobox, Field, LoadingPlaceholder, Modal, TextLink } from '@grafana/ui';
import { canWriteAlertRules, listFolders, type Folder, type InstallResult } from '../../../api/alertRules';
import { ApiError } from '../../../api/client';
import { installSloRecordingRules, recordingSupport } from '../../../api/recordingRules';
import { rulerStatus, type RulerStatus } from '../../../api/ruler';
import { grafanaHref } from '../../../components/links';
import { chainedRecordings, recordingGroupName } from '../../../domain/rules/grafanaRecording';
import { allRecordingRules } from '../../../domain/rules/recording';
import type { Slo } from '../../../domain/slo/model';
import { rulesDownload, saveFile } from './downloads';

interface Props {
  slo: Slo;
  datasourceUid: string;
  onDismiss: () => void;
}

type Load<T> = { state: 'loading' } | { state: 'error'; error: string } | { state: 'data'; value: T };
type Outcome = { ok: true; results: InstallResult[] } | { ok: false; forbidden: boolean; error: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function useLoad<T>(load: () => Promise<T>, enabled: boolean): Load<T> {
  const [value, setValue] = useState<Load<T>>({ state: 'loading' });
  useEffect(() => {
    if (!enabled) {
      return;
    }
    let current = true;
    load().then(
      (v) => current && setValue({ state: 'data', value: v }),
      (e) => current && setValue({ state: 'error', error: message(e) })
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per enabling
  }, [enabled]);
  return value;
}

const dsName = (uid: string) => getDataSourceSrv().getInstanceSettings(uid)?.name ?? uid;

/** Prometheus-type data sources, the only targets Grafana remote-writes recording rules to; the SLO's comes first. */
function targetOptions(datasourceUid: string) {
  const list = getDataSourceSrv().getList?.({ type: 'prometheus' }) ?? [];
  const options = list.map((ds) => ({ label: ds.name, value: ds.uid }));
  return options.some((o) => o.value === datasourceUid)
    ? options
    : [{ label: dsName(datasourceUid), value: datasourceUid }, ...options];
}

/**
 * The "Grafana-managed recording rules" target of the install dialog: for a data source without a ruler Grafana can
 * write to, installs the SLO's recording rules as Grafana-managed recording rules, or says why it cannot.
 */
export function GrafanaRecordingInstall({ slo, datasourceUid, onDismiss }: Props) {
  const support = useMemo(recordingSupport, []);
  const ruler = useLoad<RulerStatus>(() => rulerStatus(datasourceUid), support.supported);
  const offered =
    support.supported && ruler.state !== 'loading' && !(ruler.state === 'data' && ruler.value.status === 'available');
  const mayWrite = canWriteAlertRules();
  const folders = useLoad<Folder[]>(listFolders, offered && mayWrite);
  const [folderUid, setFolderUid] = useState<string | null>(null);
  const [target, setTarget] = useState(datasourceUid);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const count = useMemo(() => allRecordingRules(slo).length, [slo]);
  const chained = useMemo(() => chainedRecordings(slo), [slo]);
  const targets = useMemo(() => targetOptions(datasourceUid), [datasourceUid]);

  const install = async () => {
    if (!folderUid) {
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      const results = await installSloRecordingRules(slo, { datasourceUid, targetDatasourceUid: target, folderUid });
      setOutcome({ ok: true, results });
    } catch (e) {
      setOutcome({ ok: false, forbidden: e instanceof ApiError && e.status === 403, error: message(e) });
    } finally {
      setBusy(false);
    }
  };
  const download = () => saveFile(rulesDownload(slo, 'prometheus', { datasourceUid, grafanaUrl: config.appUrl }));
  const done = (action: InstallResult['action']) =>
    outcome?.ok ? outcome.results.filter((r) => r.action === action).length : 0;
  const group = recordingGroupName(slo.id);

  return (
    <>
      <p>
        The SLO&apos;s {count} recording rules as Grafana-managed recording rules in the group <code>{group}</code>:
        Grafana evaluates them and writes the results to a Prometheus-compatible data source by remote write. For data
        sources without a ruler Grafana can write to. Running this again updates them and removes the rules the SLO no
        longer generates.
      </p>
      {!support.supported && (
        <Alert severity="info" title="This Grafana cannot run Grafana-managed recording rules">
          <ul aria-label="What is missing">
            {support.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          Until then, download the rule file and load it where your rules run.
        </Alert>
      )}
      {support.supported && ruler.state === 'loading' && (
        <LoadingPlaceholder text="Checking the data source's ruler…" />
      )}
      {ruler.state === 'error' && (
        <Alert severity="warning" title="Could not check the data source's ruler">
          {ruler.error}
        </Alert>
      )}
      {ruler.state === 'data' && ruler.value.status === 'available' && (
        <Alert severity="info" title="This data source has its own ruler">
          {ruler.value.message} Install into <strong>Data source ruler</strong> instead: there the rules run in the
          order the rule file gives them, without Grafana in the path.
        </Alert>
      )}
      {offered && !mayWrite && (
        <Alert severity="error" title="Permission denied">
          Installing Grafana-managed rules needs the permission alert.rules:write (Editors have it by default). Ask an
          admin.
        </Alert>
      )}
      {offered && mayWrite && (
        <>
          {folders.state === 'loading' && <LoadingPlaceholder text="Loading folders…" />}
          {folders.state === 'error' && (
            <Alert severity="error" title="Could not load folders">
              {folders.error}
            </Alert>
          )}
          {folders.state === 'data' && (
            <Field label="Folder" description="The folder that holds the recording rules">
              <Combobox
                id="slo-recording-folder"
                placeholder="Choose a folder"
                options={folders.value.map((f) => ({ label: f.title, value: f.uid }))}
                value={folderUid}
                onChange={(o) => setFolderUid(o?.value ?? null)}
              />
            </Field>
          )}
          <Field
            label="Target data source"
            description={
              support.supported && !support.targetHonoured
                ? 'Grafana before 12.1 ignores this and writes to the remote-write url in [recording_rules].'
                : 'Where Grafana writes the recorded series. It must accept remote write.'
            }
          >
            <Combobox
              id="slo-recording-target"
              options={targets}
              value={target}
              onChange={(o) => setTarget(o?.value ?? datasourceUid)}
            />
          </Field>
          <Alert severity={target === datasourceUid ? 'info' : 'warning'} title="Rules that read recorded series">
            {chained.length} of the rules ({chained.join(', ')}) read series that other rules record, and they query{' '}
            {dsName(datasourceUid)}. They only work when the target is that data source (or writes to the store it
            reads). Grafana evaluates a group&apos;s rules at the same time, not in order, so these see the other series
            one evaluation late.
          </Alert>
        </>
      )}
      {outcome && !outcome.ok && (
        <Alert
          severity="error"
          title={outcome.forbidden ? 'Permission denied' : 'Installing the recording rules failed'}
        >
          {outcome.error}
        </Alert>
      )}
      {outcome?.ok && (
        <Alert severity="success" title="Recording rules installed">
          {done('created')} created, {done('updated')} updated
          {done('removed') > 0 && `, ${done('removed')} removed (no longer generated)`}.{' '}
          <TextLink href={grafanaHref(`/alerting/list?search=${encodeURIComponent(`group:${group}`)}`)}>
            Open in Alerting
          </TextLink>
        </Alert>
      )}
      <Modal.ButtonRow>
        <Button variant="secondary" fill="outline" onClick={onDismiss}>
          {outcome?.ok ? 'Close' : 'Cancel'}
        </Button>
        {!support.supported && (
          <Button icon="download-alt" onClick={download}>
            Download rule file
          </Button>
        )}
        {offered && mayWrite && (
          <Button onClick={install} disabled={!folderUid || busy} icon={busy ? 'spinner' : 'upload'}>
            {busy ? 'Installing…' : 'Install recording rules'}
          </Button>
        )}
      </Modal.ButtonRow>
    </>
  );
}
