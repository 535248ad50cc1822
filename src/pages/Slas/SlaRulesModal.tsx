import React, { useEffect, useState } from 'react';
import { getDataSourceSrv } from '@grafana/runtime';
import { Alert, Button, Field, Input, LoadingPlaceholder, Modal } from '@grafana/ui';
import { ApiError } from '../../api/client';
import { installRuleGroup, rulerStatus, type RulerStatus } from '../../api/ruler';
import { toYaml } from '../../domain/rules/prometheus';
import { DEFAULT_RULER_NAMESPACE, namespaceProblem } from '../../domain/rules/ruler';
import { slaIndicatorSlo, slaRuleGroups } from '../../domain/rules/slaRecording';
import type { Sla } from '../../domain/sla/model';
import { isDuration, parseDuration } from '../../domain/slo/durations';
import type { Slo } from '../../domain/slo/model';
import { saveFile } from '../Slos/detail/downloads';

interface Props {
  sla: Sla;
  /** Every SLA: the group of an SLO is shared by all SLAs that measure it, so it is written with all of them. */
  slas: Sla[];
  slos: Slo[];
  defaultUid?: string;
  onDismiss: () => void;
}

type Load = { state: 'loading' } | { state: 'error'; error: string } | { state: 'data'; status: RulerStatus };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Why a scrape interval cannot be used by the SLA rules, or undefined. */
export function scrapeIntervalProblem(value: string): string | undefined {
  if (!isDuration(value) || parseDuration(value) <= 0) {
    return 'Scrape interval: a duration such as 15s, 30s or 1m';
  }
  if (60_000 % parseDuration(value) !== 0) {
    return `Scrape interval: must divide 1m (the rules count each clock minute's scrapes), got ${value}`;
  }
  return undefined;
}

/** The data source's scrape interval setting (`timeInterval`) when the SLA rules can use it, else 1m. */
function defaultScrapeInterval(uid: string | undefined): string {
  // Grafana's Prometheus data source keeps its "Scrape interval" setting as jsonData.timeInterval.
  const jsonData = uid
    ? (getDataSourceSrv().getInstanceSettings(uid)?.jsonData as { timeInterval?: unknown })
    : undefined;
  const setting = jsonData?.timeInterval;
  return typeof setting === 'string' && !scrapeIntervalProblem(setting) ? setting : '1m';
}

/**
 * The recording rules behind an SLA's figures: the group of the SLO it measures (`sre-sla-slo-<id>`, shared with the
 * other SLAs on that SLO), as a file to download, or written into the data source's ruler (Mimir, Cortex).
 */
export function SlaRulesModal({ sla, slas, slos, defaultUid, onDismiss }: Props) {
  const slo = slaIndicatorSlo(sla, slos);
  const datasourceUid = slo?.datasource?.uid || defaultUid;
  const [scrape, setScrape] = useState(() => defaultScrapeInterval(datasourceUid));
  const [namespace, setNamespace] = useState(DEFAULT_RULER_NAMESPACE);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  const scrapeProblem = scrapeIntervalProblem(scrape);
  const nsProblem = namespaceProblem(namespace);

  useEffect(() => {
    if (!datasourceUid) {
      return;
    }
    let current = true;
    rulerStatus(datasourceUid).then(
      (status) => current && setLoad({ state: 'data', status }),
      (e) => current && setLoad({ state: 'error', error: message(e) })
    );
    return () => {
      current = false;
    };
  }, [datasourceUid]);

  if (!slo) {
    return (
      <Modal title="SLA recording rules" isOpen onDismiss={onDismiss}>
        <Alert severity="error" title="The SLA measures no known SLO">
          {`Its indicator names an SLO that does not exist: fix the SLA before generating its rules.`}
        </Alert>
      </Modal>
    );
  }
  const sharing = slas.filter((s) => slaIndicatorSlo(s, slos)?.id === slo.id);
  const group = () => slaRuleGroups(sharing, slos, scrape)[0];
  const download = () =>
    saveFile({
      filename: `sla-slo-${slo.id}.rules.yaml`,
      text: toYaml({ groups: [group()] }),
      mimeType: 'application/yaml',
    });
  const status = load.state === 'data' ? load.status : undefined;
  const install = async () => {
    if (status?.status !== 'available' || scrapeProblem || nsProblem || !datasourceUid) {
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      const g = group();
      const action = await installRuleGroup(g, namespace, { datasourceUid, subtype: status.subtype });
      setOutcome({ ok: true, text: `Group ${g.name} ${action} in namespace ${namespace}.` });
    } catch (e) {
      const forbidden = e instanceof ApiError && e.status === 403;
      setOutcome({ ok: false, text: `${forbidden ? 'Permission denied: ' : ''}${message(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="SLA recording rules" isOpen onDismiss={onDismiss}>
      <p>
        The SLA&apos;s figures are read from recording rules that count each clock minute exactly: the group{' '}
        <code>{`sre-sla-slo-${slo.id}`}</code>, evaluated every minute, shared by the {sharing.length} SLA
        {sharing.length === 1 ? '' : 's'} measuring the SLO <strong>{slo.name}</strong>. Load it where the SLO&apos;s
        series are recorded.
      </p>
      <Field
        label="Scrape interval"
        description="The scrape interval of the indicator's targets; it must divide 1m."
        invalid={Boolean(scrapeProblem)}
        error={scrapeProblem}
      >
        <Input id="sla-rules-scrape" value={scrape} onChange={(e) => setScrape(e.currentTarget.value.trim())} />
      </Field>
      {!datasourceUid && (
        <Alert severity="info" title="No data source">
          The SLO has no data source and there is no default: download the rule file.
        </Alert>
      )}
      {datasourceUid && load.state === 'loading' && <LoadingPlaceholder text="Checking the data source's ruler…" />}
      {load.state === 'error' && (
        <Alert severity="error" title="Could not check the data source's ruler">
          {load.error}
        </Alert>
      )}
      {status && status.status !== 'available' && (
        <Alert severity={status.status === 'forbidden' ? 'error' : 'info'} title="No ruler to write to">
          {status.message} Download the rule file and load it where your rules run.
        </Alert>
      )}
      {status?.status === 'available' && (
        <Field label="Namespace" invalid={Boolean(nsProblem)} error={nsProblem}>
          <Input id="sla-rules-namespace" value={namespace} onChange={(e) => setNamespace(e.currentTarget.value)} />
        </Field>
      )}
      {outcome && (
        <Alert severity={outcome.ok ? 'success' : 'error'} title={outcome.ok ? 'Rules installed' : 'Installing failed'}>
          {outcome.text}
        </Alert>
      )}
      <Modal.ButtonRow>
        <Button variant="secondary" fill="outline" onClick={onDismiss}>
          {outcome?.ok ? 'Close' : 'Cancel'}
        </Button>
        <Button variant="secondary" icon="download-alt" onClick={download} disabled={Boolean(scrapeProblem)}>
          Download rule file
        </Button>
        {status?.status === 'available' && (
          <Button
            onClick={install}
            disabled={busy || Boolean(scrapeProblem) || Boolean(nsProblem)}
            icon={busy ? 'spinner' : 'upload'}
          >
            {busy ? 'Installing…' : 'Install rule group'}
          </Button>
        )}
      </Modal.ButtonRow>
    </Modal>
  );
}
