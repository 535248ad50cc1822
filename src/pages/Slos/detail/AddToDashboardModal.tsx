import React, { useState } from 'react';
import type { TimeRange } from '@grafana/data';
import { usePluginComponent } from '@grafana/runtime';
import type { Panel } from '@grafana/schema';
import { Alert, Button, LoadingPlaceholder, Modal } from '@grafana/ui';
import type { Slo } from '../../../domain/slo/model';
import { sliPanelJson } from './dashboardJson';

/** Grafana's exposed add-to-dashboard form (declared in plugin.json `dependencies.extensions.exposedComponents`). */
export const ADD_TO_DASHBOARD_FORM = 'grafana/add-to-dashboard-form/v1';

interface AddToDashboardFormProps {
  onClose: () => void;
  buildPanel: () => Panel;
  timeRange?: TimeRange;
  options?: { useAbsolutePath: boolean };
}

interface Props {
  slo: Slo;
  datasourceUid: string;
  timeRange: TimeRange;
  onDismiss: () => void;
}

/**
 * Adds the SLI panel to an existing (or new) dashboard with Grafana's own form. Where Grafana does not expose that
 * form, it offers the panel JSON on the clipboard instead, to paste with a dashboard's "Paste panel".
 */
export function AddToDashboardModal({ slo, datasourceUid, timeRange, onDismiss }: Props) {
  const { component: Form, isLoading } = usePluginComponent<AddToDashboardFormProps>(ADD_TO_DASHBOARD_FORM);
  const buildPanel = () => sliPanelJson(slo, datasourceUid) as Panel;
  return (
    <Modal title="Add the SLI panel to a dashboard" isOpen onDismiss={onDismiss}>
      {isLoading ? (
        <LoadingPlaceholder text="Loading…" />
      ) : Form ? (
        <Form onClose={onDismiss} buildPanel={buildPanel} timeRange={timeRange} options={{ useAbsolutePath: true }} />
      ) : (
        <CopyPanelJson json={JSON.stringify(buildPanel(), null, 2)} onDismiss={onDismiss} />
      )}
    </Modal>
  );
}

function CopyPanelJson({ json, onDismiss }: { json: string; onDismiss: () => void }) {
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setResult({ ok: true, text: 'Panel JSON copied. In the dashboard, choose Add › Paste panel.' });
    } catch (e) {
      setResult({ ok: false, text: `Could not copy to the clipboard: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  return (
    <>
      <p>This Grafana does not offer its add-to-dashboard form to apps. Copy the panel JSON and paste it instead.</p>
      {result && <Alert severity={result.ok ? 'success' : 'error'} title={result.text} />}
      <Modal.ButtonRow>
        <Button variant="secondary" fill="outline" onClick={onDismiss}>
          Close
        </Button>
        <Button icon="copy" onClick={copy}>
          Copy panel JSON
        </Button>
      </Modal.ButtonRow>
    </>
  );
}
