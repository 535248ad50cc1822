import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import {
  Alert,
  Button,
  Combobox,
  EmptyState,
  InlineField,
  LoadingPlaceholder,
  Stack,
  Text,
  useStyles2,
} from '@grafana/ui';
import { useQueries } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { fetchSlaResults } from '../../api/slaCompliance';
import { LoadError } from '../../components/LoadError';
import { testIds } from '../../components/testIds';
import { excludingWindows } from '../../domain/sla/maintenance';
import type { SlaPeriod } from '../../domain/sla/period';
import { useAppData } from '../data/appData';
import { errorMessage, queryClient } from '../data/queryClient';
import { SlaSummary } from './SlaSummary';
import { saveText } from './download';
import { customerReport, customersOf, defaultPeriodLabel, periodLabels, periodOf } from './reportModel';
import { ExclusionsTable, PeriodsTable } from './tables';
import { useMaintenance } from './useSlaData';

const REPORT_CLASS = 'sre-sla-report-print';

/**
 * Printing shows the report alone: everything that neither holds the report nor is inside it (Grafana's nav, top bar,
 * the page's controls) is hidden, whatever Grafana's markup. `:has` finds the report's ancestors; their scroll
 * containers are opened up so every page prints, not only the first screenful.
 */
const PRINT_CSS = `@media print {
  @page { margin: 15mm; }
  body *:not(:has(.${REPORT_CLASS})):not(.${REPORT_CLASS}):not(.${REPORT_CLASS} *) { display: none !important; }
  html, body, body *:has(.${REPORT_CLASS}) { overflow: visible !important; height: auto !important; min-height: 0 !important;
    max-height: none !important; position: static !important; margin: 0 !important; padding: 0 !important;
    background: #fff !important; box-shadow: none !important; border: 0 !important; }
  .${REPORT_CLASS}, .${REPORT_CLASS} * { color: #000 !important; background: transparent !important; }
  .${REPORT_CLASS} .no-print { display: none !important; }
  .${REPORT_CLASS} table { border-collapse: collapse; width: 100%; font-size: 10pt; }
  .${REPORT_CLASS} th, .${REPORT_CLASS} td { border: 1px solid #999 !important; padding: 3px 6px !important; }
  .${REPORT_CLASS} section { break-inside: avoid; }
}`;

const labelFor = (customer: string) => customer || '(no customer)';

/** The report for one customer and one period: every SLA of the customer, printable and downloadable. */
export default function SlaReportPage() {
  const styles = useStyles2(getStyles);
  const app = useAppData();
  const [params, setParams] = useSearchParams();
  const [now] = useState(() => Date.now());
  const slas = useMemo(() => app.data?.slas.items ?? [], [app.data]);
  const customers = customersOf(slas);
  const customer = params.has('customer') ? (params.get('customer') ?? '') : (customers[0] ?? '');
  const mine = slas.filter((s) => (s.customer ?? '') === customer);
  const labels = periodLabels(mine, now);
  const label = params.get('period') || defaultPeriodLabel(mine, now) || '';
  const entries = mine.map((sla) => ({ sla, period: periodOf(sla, label, now) }));
  const periods = entries.map((e) => e.period).filter((p): p is SlaPeriod => p !== undefined);
  const range = periods.length
    ? { from: Math.min(...periods.map((p) => p.start)), to: Math.max(...periods.map((p) => p.end)) }
    : undefined;
  const maintenance = useMaintenance(range);
  const results = useQueries(
    {
      queries: entries.map(({ sla, period }) => ({
        queryKey: ['sla-report', sla.id, sla.revision ?? 0, period?.label, now, maintenance.data?.windows.length],
        queryFn: () =>
          fetchSlaResults(
            sla,
            app.data!.slos.items,
            [period!],
            excludingWindows(maintenance.data!.windows),
            now,
            app.data?.defaultUid
          ),
        enabled: period !== undefined && maintenance.data !== undefined,
      })),
    },
    queryClient
  );
  const set = (change: Record<string, string>) => {
    const next = new URLSearchParams(params);
    Object.entries(change).forEach(([k, v]) => next.set(k, v));
    setParams(next, { replace: true });
  };

  const ready = entries.flatMap((e, i) =>
    e.period && results[i].data ? [{ sla: e.sla, results: results[i].data! }] : []
  );
  const loading = entries.some((e, i) => e.period && !results[i].data && !results[i].error);
  const files = customerReport(customer, label, ready);

  const body = () => {
    if (app.isPending) {
      return <LoadingPlaceholder text="Loading SLAs…" />;
    }
    if (app.isError) {
      return (
        <LoadError title="Could not load SLAs" error={errorMessage(app.error)} onRetry={() => void app.refetch()} />
      );
    }
    if (slas.length === 0) {
      return <EmptyState variant="not-found" message="There are no SLAs to report on" />;
    }
    return (
      <Stack direction="column" gap={2}>
        <div className="no-print">
          <Stack gap={1} wrap="wrap" alignItems="center">
            <InlineField label="Customer" htmlFor="sla-report-customer">
              <Combobox
                id="sla-report-customer"
                options={customers.map((c) => ({ value: c, label: labelFor(c) }))}
                value={customer}
                onChange={(o) => set({ customer: o?.value ?? '', period: '' })}
                width={28}
              />
            </InlineField>
            <InlineField label="Period" htmlFor="sla-report-period">
              <Combobox
                id="sla-report-period"
                options={labels.map((l) => ({ value: l, label: l }))}
                value={label || null}
                onChange={(o) => set({ period: o?.value ?? '' })}
                width={16}
              />
            </InlineField>
            <Button icon="file-landscape-alt" variant="secondary" onClick={() => window.print()}>
              Print
            </Button>
            <Button
              icon="download-alt"
              variant="secondary"
              data-testid={testIds.slas.downloadCsv}
              disabled={loading || ready.length === 0}
              onClick={() => saveText(`${files.filename}.csv`, files.csv, 'text/csv')}
            >
              CSV
            </Button>
            <Button
              icon="download-alt"
              variant="secondary"
              data-testid={testIds.slas.downloadMarkdown}
              disabled={loading || ready.length === 0}
              onClick={() => saveText(`${files.filename}.md`, files.markdown, 'text/markdown')}
            >
              Markdown
            </Button>
          </Stack>
        </div>
        <div className={`${REPORT_CLASS} ${styles.report}`} data-testid={testIds.slas.report}>
          <Text element="h2" variant="h3">{`SLA report · ${labelFor(customer)} · ${label}`}</Text>
          {maintenance.error && (
            <LoadError
              title="Could not read maintenance"
              error={errorMessage(maintenance.error)}
              onRetry={() => void maintenance.refetch()}
            />
          )}
          {entries.map(({ sla, period }, i) => (
            <section key={sla.id} className={styles.section}>
              <Text element="h3" variant="h4">
                {sla.name}
              </Text>
              <SlaSummary sla={sla} />
              {!period ? (
                <Text color="secondary">{`This SLA has no period "${label}" (it is measured per ${sla.period.unit}).`}</Text>
              ) : results[i].error ? (
                <Alert severity="error" title="Could not compute this SLA">
                  {errorMessage(results[i].error)}
                </Alert>
              ) : !results[i].data ? (
                <LoadingPlaceholder text="Computing…" />
              ) : (
                <>
                  <PeriodsTable sla={sla} results={results[i].data!} />
                  <ExclusionsTable sla={sla} results={results[i].data!} />
                </>
              )}
            </section>
          ))}
          <Text color="secondary" variant="bodySmall">{`Generated ${new Date(now).toISOString()}`}</Text>
        </div>
      </Stack>
    );
  };

  return (
    <PluginPage pageNav={{ text: 'Report' }}>
      <style>{PRINT_CSS}</style>
      {body()}
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  report: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(3) }),
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
});
