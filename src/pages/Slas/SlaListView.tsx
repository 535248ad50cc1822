import React, { useMemo } from 'react';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  Alert,
  Button,
  EmptyState,
  LinkButton,
  LoadingPlaceholder,
  Stack,
  Text,
  TextLink,
  useStyles2,
} from '@grafana/ui';
import { useSearchParams } from 'react-router-dom';
import { canEditSettings } from '../../api/permissions';
import { appHref } from '../../components/links';
import { LoadError } from '../../components/LoadError';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { errorMessage } from '../data/queryClient';
import { BrokenSlaRows } from './BrokenSlaRows';
import { SlaFilters } from './SlaFilters';
import { StandingBadge } from './StandingBadge';
import { allowedLeftText, percent } from './format';
import { filterOptions, filterRows, queryFromParams, queryToParams, type SlaListQuery, type SlaRow } from './listModel';
import { useSlaList } from './useSlaData';
import { dataTableStyle } from '../../components/tableStyles';

const READ_ONLY_NOTE = 'Only organization admins can create or edit SLAs';

function Row({ row }: { row: SlaRow }) {
  const { sla, result, error } = row;
  return (
    <tr data-testid={testIds.slas.row}>
      <td>
        <TextLink href={appHref(`${ROUTES.Slas}/${encodeURIComponent(sla.id)}`)} inline={false}>
          {sla.name}
        </TextLink>
      </td>
      <td>{sla.customer ?? '—'}</td>
      <td>{sla.services.join(', ')}</td>
      <td>{result ? result.period.label : '—'}</td>
      <td className="num">{result ? percent(result.achieved) : '—'}</td>
      <td className="num">{percent(sla.target)}</td>
      <td>
        {error ? (
          <Text color="error">{error}</Text>
        ) : result ? (
          <StandingBadge result={result} />
        ) : (
          <Text color="secondary">Loading…</Text>
        )}
      </td>
      <td>{result ? allowedLeftText(sla, result) : '—'}</td>
    </tr>
  );
}

/** Every SLA's standing this period, with filters in the URL. */
export function SlaListView() {
  const styles = useStyles2(getStyles);
  const { app, rows, broken, maintenanceProblems } = useSlaList();
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const canEdit = canEditSettings();
  const options = useMemo(() => filterOptions(rows.map((r) => r.sla)), [rows]);
  const visible = filterRows(rows, query);
  const update = (change: Partial<SlaListQuery>) =>
    setParams(queryToParams({ ...query, ...change }), { replace: true });

  if (app.isPending) {
    return <LoadingPlaceholder text="Loading SLAs…" />;
  }
  if (app.isError) {
    return <LoadError title="Could not load SLAs" error={errorMessage(app.error)} onRetry={() => void app.refetch()} />;
  }
  const actions = canEdit ? (
    <LinkButton icon="plus" href={appHref(`${ROUTES.Slas}/new`)}>
      Create SLA
    </LinkButton>
  ) : (
    <Text color="secondary" data-testid={testIds.slas.readOnly}>
      {READ_ONLY_NOTE}.
    </Text>
  );
  if (rows.length === 0 && broken.length === 0) {
    return (
      <div data-testid={testIds.slas.empty}>
        <EmptyState variant="call-to-action" message="You have no SLAs yet" button={canEdit ? actions : undefined}>
          {canEdit ? (
            'An SLA is a contract on top of an SLO: a target over a calendar month, maintenance excluded, credits owed below it. Create one here or provision it in jsonData.slas.'
          ) : (
            <span data-testid={testIds.slas.readOnly}>{READ_ONLY_NOTE}.</span>
          )}
        </EmptyState>
      </div>
    );
  }
  return (
    <Stack direction="column" gap={2}>
      <Stack direction="row" justifyContent="space-between" alignItems="flex-start" wrap="wrap">
        <SlaFilters query={query} options={options} onChange={update} />
        <Stack gap={1}>
          <LinkButton
            variant="secondary"
            icon="file-alt"
            href={appHref(
              `${ROUTES.Slas}/report${query.customer ? `?customer=${encodeURIComponent(query.customer)}` : ''}`
            )}
          >
            Reports
          </LinkButton>
          {actions}
        </Stack>
      </Stack>
      <BrokenSlaRows broken={broken} />
      {maintenanceProblems.length > 0 && (
        <Alert severity="warning" title="Some maintenance annotations were skipped">
          {maintenanceProblems.map((p) => p.message).join('; ')}
        </Alert>
      )}
      {visible.length === 0 ? (
        rows.length > 0 && (
          <EmptyState
            variant="not-found"
            message="No SLAs match these filters"
            button={
              <Button variant="secondary" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                Clear filters
              </Button>
            }
          />
        )
      ) : (
        <table className={styles.table} data-testid={testIds.slas.table}>
          <thead>
            <tr>
              <th>SLA</th>
              <th>Customer</th>
              <th>Services</th>
              <th>Period</th>
              <th className="num">Achieved</th>
              <th className="num">Target</th>
              <th>Standing</th>
              <th>Budget left this period</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <Row key={r.sla.id} row={r} />
            ))}
          </tbody>
        </table>
      )}
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: dataTableStyle(theme, { verticalAlign: 'middle' }),
});
