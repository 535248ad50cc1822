import React, { useState } from 'react';
import { config } from '@grafana/runtime';
import { Alert, Button, Field, Input, Modal, Stack, Text } from '@grafana/ui';
import { installAll, type InstallAllResult } from '../../../api/ruler';
import { DEFAULT_RULER_NAMESPACE, namespaceProblem } from '../../../domain/rules/ruler';
import type { Slo } from '../../../domain/slo/model';

interface Props {
  slos: Slo[];
  defaultUid?: string;
  onDismiss: () => void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Installs the rule groups of every SLO into its data source's ruler, then shows what happened to each. */
export function InstallRulesModal({ slos, defaultUid, onDismiss }: Props) {
  const [namespace, setNamespace] = useState(DEFAULT_RULER_NAMESPACE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<InstallAllResult>();
  const problem = namespaceProblem(namespace);

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await installAll(slos, namespace, { defaultUid, grafanaUrl: config.appUrl }));
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Install all rules into data source rulers" isOpen onDismiss={onDismiss}>
      <p>
        Writes the rule groups of every SLO ({slos.length} in all: its group and, for occurrences SLOs, an hourly group)
        into the ruler of the SLO&apos;s data source (Grafana Mimir or Cortex). Groups of SLOs that no longer exist are
        removed afterwards, and only from data sources where every write succeeded. SLOs on a data source without a
        ruler are skipped: download their rule files instead.
      </p>
      <Field label="Namespace" invalid={Boolean(problem)} error={problem}>
        <Input id="slo-ruler-namespace-all" value={namespace} onChange={(e) => setNamespace(e.currentTarget.value)} />
      </Field>
      {error && (
        <Alert severity="error" title="Installing the rules failed">
          {error}
        </Alert>
      )}
      {result && <InstallRulesSummary result={result} />}
      <Modal.ButtonRow>
        <Button variant="secondary" fill="outline" onClick={onDismiss}>
          {result ? 'Close' : 'Cancel'}
        </Button>
        <Button
          onClick={run}
          disabled={busy || Boolean(problem) || slos.length === 0}
          icon={busy ? 'spinner' : 'upload'}
        >
          {busy ? 'Installing…' : 'Install all'}
        </Button>
      </Modal.ButtonRow>
    </Modal>
  );
}

function InstallRulesSummary({ result }: { result: InstallAllResult }) {
  const count = (o: string) => result.results.filter((r) => r.outcome === o).length;
  const removed = Object.values(result.removed).flat();
  const problems = result.results.filter((r) => r.outcome === 'failed' || r.outcome === 'skipped');
  const failed = count('failed');
  return (
    <Alert
      severity={failed > 0 ? 'error' : problems.length > 0 || result.notes.length > 0 ? 'warning' : 'success'}
      title={failed > 0 ? 'Some rule groups were not installed' : 'Rules installed'}
    >
      <Stack direction="column" gap={1}>
        <Text>
          {count('created')} created, {count('updated')} updated, {count('skipped')} skipped, {failed} failed
          {removed.length > 0 && `; ${removed.length} old group(s) removed (${removed.join(', ')})`}.
        </Text>
        {problems.length > 0 && (
          <ul aria-label="SLOs not installed">
            {problems.map((r) => (
              <li key={r.sloId}>
                {r.sloName} ({r.outcome}): {r.message}
              </li>
            ))}
          </ul>
        )}
        {result.notes.map((n) => (
          <Text key={n}>{n}</Text>
        ))}
      </Stack>
    </Alert>
  );
}
