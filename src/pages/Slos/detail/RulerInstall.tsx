import React, { useEffect, useMemo, useState } from 'react';
import { config } from '@grafana/runtime';
import { Alert, Button, Field, Input, LoadingPlaceholder, Modal } from '@grafana/ui';
import { ApiError } from '../../../api/client';
import { installSloRuleGroup, rulerStatus, type RulerStatus } from '../../../api/ruler';
import { groupName, hourlyGroupName } from '../../../domain/rules/names';
import { sloGroupNames } from '../../../domain/rules/prometheus';
import { DEFAULT_RULER_NAMESPACE, namespaceProblem } from '../../../domain/rules/ruler';
import type { Slo } from '../../../domain/slo/model';
import { rulesDownload, saveFile } from './downloads';

interface Props {
  slo: Slo;
  datasourceUid: string;
  onDismiss: () => void;
}

type Load = { state: 'loading' } | { state: 'error'; error: string } | { state: 'data'; status: RulerStatus };
type Outcome =
  | { ok: true; action: 'created' | 'updated'; namespace: string }
  | { ok: false; forbidden: boolean; error: string };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The "Data source ruler" half of the install dialog: writes the SLO's recording and alerting rules (its group and,
 * for occurrences SLOs, its hourly group) into the data source's own ruler, or explains why it cannot and offers the
 * rule file instead.
 */
export function RulerInstall({ slo, datasourceUid, onDismiss }: Props) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [namespace, setNamespace] = useState(DEFAULT_RULER_NAMESPACE);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const groups = useMemo(() => sloGroupNames(slo), [slo]);
  const hasHourly = groups.includes(hourlyGroupName(slo.id));
  const problem = namespaceProblem(namespace);

  useEffect(() => {
    let current = true;
    rulerStatus(datasourceUid).then(
      (status) => current && setLoad({ state: 'data', status }),
      (e) => current && setLoad({ state: 'error', error: message(e) })
    );
    return () => {
      current = false;
    };
  }, [datasourceUid]);

  const status = load.state === 'data' ? load.status : undefined;
  const install = async () => {
    if (status?.status !== 'available' || problem) {
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      const action = await installSloRuleGroup(slo, namespace, {
        datasourceUid,
        subtype: status.subtype,
        grafanaUrl: config.appUrl,
      });
      setOutcome({ ok: true, action, namespace });
    } catch (e) {
      setOutcome({ ok: false, forbidden: e instanceof ApiError && e.status === 403, error: message(e) });
    } finally {
      setBusy(false);
    }
  };
  const download = () => saveFile(rulesDownload(slo, 'prometheus', { datasourceUid, grafanaUrl: config.appUrl }));

  return (
    <>
      <p>
        The SLO&apos;s recording and alerting rules go into the data source&apos;s own ruler (Grafana Mimir or Cortex)
        as the group <code>{groupName(slo.id)}</code>
        {hasHourly && (
          <>
            {' '}
            and the group <code>{hourlyGroupName(slo.id)}</code>, evaluated once an hour, with the period ratio (it
            changes only at whole hours)
          </>
        )}
        . Running this again replaces {hasHourly ? 'them' : 'it'}.
      </p>
      {load.state === 'loading' && <LoadingPlaceholder text="Checking the data source's ruler…" />}
      {load.state === 'error' && (
        <Alert severity="error" title="Could not check the data source's ruler">
          {load.error}
        </Alert>
      )}
      {status?.status === 'none' && (
        <Alert severity="info" title="This data source has no ruler Grafana can write to">
          {status.message} Download the rule file instead and load it where your rules run: a Prometheus server&apos;s{' '}
          <code>rule_files</code>, or <code>mimirtool rules load</code>.
        </Alert>
      )}
      {status?.status === 'forbidden' && (
        <Alert severity="error" title="Permission denied">
          {status.message}
        </Alert>
      )}
      {status?.status === 'available' && (
        <Field
          label="Namespace"
          description={`The ruler namespace that holds the group. ${status.message}`}
          invalid={Boolean(problem)}
          error={problem}
        >
          <Input id="slo-ruler-namespace" value={namespace} onChange={(e) => setNamespace(e.currentTarget.value)} />
        </Field>
      )}
      {outcome && !outcome.ok && (
        <Alert severity="error" title={outcome.forbidden ? 'Permission denied' : 'Installing the rules failed'}>
          {outcome.error}
        </Alert>
      )}
      {outcome?.ok && (
        <Alert severity="success" title="Rules installed">
          {groups.length === 1 ? 'Group' : 'Groups'} {groups.join(' and ')} {outcome.action} in namespace{' '}
          {outcome.namespace}.
        </Alert>
      )}
      <Modal.ButtonRow>
        <Button variant="secondary" fill="outline" onClick={onDismiss}>
          {outcome?.ok ? 'Close' : 'Cancel'}
        </Button>
        {status?.status === 'none' && (
          <Button icon="download-alt" onClick={download}>
            Download rule file
          </Button>
        )}
        {status?.status === 'available' && (
          <Button onClick={install} disabled={busy || Boolean(problem)} icon={busy ? 'spinner' : 'upload'}>
            {busy ? 'Installing…' : 'Install rule group'}
          </Button>
        )}
      </Modal.ButtonRow>
    </>
  );
}
