import React, { useEffect, useState } from 'react';
import { css } from '@emotion/css';
import type { AppPluginMeta, GrafanaTheme2, PluginConfigPageProps } from '@grafana/data';
import { DataSourcePicker } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, LoadingPlaceholder, Stack, useStyles2 } from '@grafana/ui';
import { DEFAULT_SETTINGS, type AppJsonData, type AppSettings } from '../../api/types';
import { canEditSettings } from '../../api/permissions';
import { getPluginSettings, updateJsonData } from '../../api/pluginSettings';
import { validateLabelName } from './validateSettings';
import { PoliciesSection } from './PoliciesSection';
import { PostmortemSettingsSection } from './PostmortemSettingsSection';
import { ToilTeamsSection } from './ToilTeamsSection';
import { testIds } from '../testIds';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<AppJsonData>> {}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

/** The app's configuration page: data sources, the Loki label mapping and the error-budget policies. */
export default function AppConfig(_props: AppConfigProps) {
  const styles = useStyles2(getStyles);
  const [settings, setSettings] = useState<AppSettings | undefined>();
  const [loadError, setLoadError] = useState<string>();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const editable = canEditSettings();

  useEffect(() => {
    getPluginSettings()
      .then((s) => setSettings({ ...DEFAULT_SETTINGS, ...s.jsonData?.settings }))
      .catch((e: Error) => setLoadError(e.message));
  }, []);

  if (loadError) {
    return <Alert title="Could not load the app settings">{loadError}</Alert>;
  }
  if (!settings) {
    return <LoadingPlaceholder text="Loading settings…" />;
  }

  const labelError = validateLabelName(settings.logServiceLabel ?? '');
  const update = (patch: Partial<AppSettings>) => {
    setSettings({ ...settings, ...patch });
    setStatus({ kind: 'idle' });
  };
  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (labelError) {
      return;
    }
    setStatus({ kind: 'saving' });
    try {
      // Only `settings` changes: SLOs and anything else in jsonData are kept as they are now on the server.
      await updateJsonData((current) => ({ ...current, settings }));
      setStatus({ kind: 'saved' });
    } catch (e) {
      setStatus({ kind: 'error', message: (e as Error).message });
    }
  };

  return (
    <>
      <form onSubmit={onSubmit} data-testid={testIds.appConfig.container} className={styles.form}>
        {!editable && (
          <Alert severity="info" title="Read-only">
            Only organization admins can change these settings.
          </Alert>
        )}
        <FieldSet label="Data sources">
          <Field
            label="Default metrics data source"
            description="Prometheus, Mimir or Thanos data source used by SLOs that do not name one."
            data-testid={testIds.appConfig.prometheus}
          >
            <DataSourcePicker
              type="prometheus"
              current={settings.defaultPrometheusUid || null}
              noDefault
              disabled={!editable}
              onChange={(ds) => update({ defaultPrometheusUid: ds.uid })}
            />
          </Field>
          <Field
            label="Logs data source"
            description="Loki data source that incident pages and log links open."
            data-testid={testIds.appConfig.loki}
          >
            <DataSourcePicker
              type="loki"
              current={settings.lokiUid || null}
              noDefault
              disabled={!editable}
              onChange={(ds) => update({ lokiUid: ds.uid })}
            />
          </Field>
          <Field
            label="Service label in Loki"
            description="The stream label that names the service: service_name (Alloy, OTel), app, job or service (Promtail)."
            invalid={Boolean(labelError)}
            error={labelError}
          >
            <Input
              id="sre-log-label"
              width={30}
              value={settings.logServiceLabel}
              disabled={!editable}
              data-testid={testIds.appConfig.logLabel}
              onChange={(e) => update({ logServiceLabel: e.currentTarget.value.trim() })}
            />
          </Field>
        </FieldSet>
        <Stack gap={2} alignItems="center">
          <Button
            type="submit"
            disabled={!editable || Boolean(labelError) || status.kind === 'saving'}
            data-testid={testIds.appConfig.submit}
          >
            {status.kind === 'saving' ? 'Saving…' : 'Save settings'}
          </Button>
        </Stack>
        {status.kind === 'saved' && <Alert severity="success" title="Settings saved" />}
        {status.kind === 'error' && <Alert title="Settings were not saved">{status.message}</Alert>}
      </form>
      <div className={styles.form}>
        <PoliciesSection />
        <ToilTeamsSection />
        <PostmortemSettingsSection />
      </div>
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  form: css({
    marginTop: theme.spacing(3),
    maxWidth: 720,
  }),
});
