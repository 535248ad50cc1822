import React, { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  Alert,
  Button,
  Combobox,
  InlineField,
  InlineSwitch,
  LoadingPlaceholder,
  RadioButtonGroup,
  Stack,
  Tab,
  TabsBar,
  Text,
  useStyles2,
} from '@grafana/ui';
import { canWriteAnnotations } from '../../api/permissions';
import { AreaPage } from '../../components/AreaPage';
import { LoadError } from '../../components/LoadError';
import { testIds } from '../../components/testIds';
import { AutomationView } from './AutomationView';
import { CsvImport } from './CsvImport';
import { downloadToilCsv } from './csvExport';
import { EntriesView } from './EntriesView';
import { QuickLog } from './QuickLog';
import { QuickLogFromUrl } from './QuickLogFromUrl';
import { ReportsView } from './ReportsView';
import { type ToilView as ToilViewName, parseToilParams, rangeParams, rangePresets } from './toilParams';
import { invalidateToil, useToilData } from './useToilData';

const DESCRIPTION =
  'Log toil in seconds, see each team against its toil budget, and rank what to automate by the hours it would save.';

const VIEWS: Array<{ value: ToilViewName; label: string }> = [
  { value: 'entries', label: 'Entries' },
  { value: 'reports', label: 'Reports' },
  { value: 'automation', label: 'Automation' },
];

/** The Toil area: entries, reports against each team's budget, and automation candidates; its state is the URL. */
export default function ToilPage() {
  return (
    <AreaPage testId={testIds.pages.toil} description={DESCRIPTION}>
      <ToilView />
    </AreaPage>
  );
}

function ToilView() {
  const styles = useStyles2(getStyles);
  const [params, setParams] = useSearchParams();
  // "Now" is fixed when the page opens, so re-renders neither refetch nor move the reports' current period.
  const [now] = useState(() => Date.now());
  const state = parseToilParams(params, now);
  const data = useToilData(state.range, state.derived);
  const canWrite = canWriteAnnotations();
  const [dialog, setDialog] = useState<'log' | 'import'>();

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    // Any change but a page change starts again at page 1.
    next.delete('page');
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') {
        next.delete(k);
      } else {
        next.set(k, v);
      }
    }
    setParams(next, { replace: true });
  };
  const presets = rangePresets(now);
  const preset = presets.find((p) => p.range.from === state.range.from && p.range.to === state.range.to)?.value;
  const logOpen = dialog === 'log' || (state.logOpen && canWrite);
  const closeLog = () => {
    setDialog(undefined);
    if (state.logOpen) {
      update({ view: undefined });
    }
  };

  const ready = !data.loading && data.error === undefined ? data : undefined;
  const key = state.team.toLowerCase();
  const entries = ready ? (key ? ready.entries.filter((e) => e.team.trim().toLowerCase() === key) : ready.entries) : [];
  const logButton = canWrite ? (
    <Button icon="plus" onClick={() => setDialog('log')} data-testid={testIds.toil.logButton}>
      Log toil
    </Button>
  ) : undefined;

  return (
    <Stack direction="column" gap={2}>
      {!canWrite && (
        <Alert severity="info" title="Read-only">
          You can view toil, but logging, editing or estimating it needs permission to write annotations (Editor role).
        </Alert>
      )}
      <Stack justifyContent="space-between" alignItems="center" wrap="wrap">
        <Stack gap={2} alignItems="center" wrap="wrap">
          <RadioButtonGroup
            aria-label="Time range"
            options={presets.map(({ value, label }) => ({ value, label }))}
            value={preset}
            onChange={(v) => update(rangeParams(presets.find((p) => p.value === v)!.range))}
          />
          <Text color="secondary" variant="bodySmall">
            {state.fromDay} – {state.toDay} (UTC)
          </Text>
          <InlineField label="Team" htmlFor="sre-toil-team">
            <Combobox
              id="sre-toil-team"
              width={24}
              placeholder="All teams"
              isClearable
              createCustomValue
              options={(ready?.teams ?? []).map((t) => ({ value: t, label: t }))}
              value={state.team || null}
              onChange={(o) => update({ team: o?.value })}
            />
          </InlineField>
          {state.view === 'reports' && (
            <RadioButtonGroup
              aria-label="Period"
              options={[
                { value: 'week', label: 'Weekly' },
                { value: 'month', label: 'Monthly' },
              ]}
              value={state.period}
              onChange={(v) => update({ period: v === 'week' ? undefined : v })}
            />
          )}
          <InlineField
            label="Derived toil"
            tooltip="Adds responder time on incidents and pages from page-severity alerts, computed on every read and marked as derived"
          >
            <InlineSwitch
              aria-label="Include derived toil"
              value={state.derived}
              onChange={(e) => update({ derived: e.currentTarget.checked ? '1' : undefined })}
            />
          </InlineField>
        </Stack>
        <Stack gap={1}>
          {canWrite && (
            <Button
              variant="secondary"
              icon="upload"
              onClick={() => setDialog('import')}
              data-testid={testIds.toil.csvImport}
            >
              Import CSV
            </Button>
          )}
          <Button
            variant="secondary"
            icon="download-alt"
            disabled={!ready || entries.length === 0}
            // Derived entries are recomputed on every read; exported, a re-import would count them twice.
            onClick={() =>
              downloadToilCsv(
                entries.filter((e) => !e.derived),
                `toil-${state.fromDay}-${state.toDay}.csv`
              )
            }
          >
            Export CSV
          </Button>
          {ready && entries.length > 0 && logButton}
        </Stack>
      </Stack>

      <TabsBar>
        {VIEWS.map((v) => (
          <Tab
            key={v.value}
            label={v.label}
            active={state.view === v.value}
            onChangeTab={() => update({ view: v.value === 'entries' ? undefined : v.value })}
            counter={v.value === 'entries' && ready ? entries.length : undefined}
          />
        ))}
      </TabsBar>

      {data.loading && <LoadingPlaceholder text="Loading toil…" />}
      {!data.loading && data.error !== undefined && (
        <LoadError title="Could not load toil" error={data.error} onRetry={data.retry} />
      )}
      {ready && ready.problems.length > 0 && (
        <div data-testid={testIds.toil.problems}>
          <Alert severity="warning" title="Some toil could not be read; the rest is shown">
            <ul className={styles.problems}>
              {ready.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          </Alert>
        </div>
      )}
      {ready?.derivedLoading && <LoadingPlaceholder text="Loading derived toil…" />}
      {ready && state.view === 'entries' && (
        <EntriesView
          entries={entries}
          teams={ready.teams}
          canWrite={canWrite}
          page={state.page}
          onPage={(p) => update({ page: p === 1 ? undefined : String(p) })}
          logButton={logButton}
          onChanged={() => void invalidateToil()}
        />
      )}
      {ready && state.view === 'reports' && (
        <ReportsView entries={entries} settings={ready.settings} range={state.range} period={state.period} now={now} />
      )}
      {ready && state.view === 'automation' && (
        <AutomationView
          entries={entries}
          estimates={ready.estimates}
          range={state.range}
          canWrite={canWrite}
          onChanged={() => void invalidateToil()}
        />
      )}
      {logOpen && <QuickLog teams={ready?.teams ?? []} onDismiss={closeLog} />}
      {/* A "Log toil" link from an incident or a panel menu: `log=1` with the prefill. */}
      {canWrite && !logOpen && <QuickLogFromUrl teams={ready?.teams ?? []} />}
      {dialog === 'import' && <CsvImport teams={ready?.teams ?? []} onDismiss={() => setDialog(undefined)} />}
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  problems: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
