import React, { Suspense, lazy, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, EmptyState, LinkButton, LoadingPlaceholder, Stack, Text } from '@grafana/ui';
import { canEditSettings } from '../../api/permissions';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { appHref } from '../../components/links';
import { ListPager } from '../../components/ListPager';
import { LoadError } from '../../components/LoadError';
import { pageOf } from '../../components/paging';
import { SloFilters } from './SloFilters';
import { SloTable } from './SloTable';
import {
  DEFAULT_QUERY,
  filterOptions,
  filterRows,
  queryFromParams,
  queryToParams,
  sortRows,
  type ListQuery,
  type SortKey,
} from './listModel';
import { useRawFallback, useSlosWithStatus } from './useSlosWithStatus';

// Rule generation is only needed once an admin opens the dialog: keep it out of the list's chunk.
const InstallRulesModal = lazy(() =>
  import('./detail/InstallRulesModal').then((m) => ({ default: m.InstallRulesModal }))
);

const READ_ONLY_NOTE = 'Only organization admins can create or edit SLOs';
const SLO_NOUN = { one: 'SLO', many: 'SLOs' };

function CreateActions() {
  return (
    <Stack direction="row" gap={1}>
      <LinkButton icon="plus" href={appHref(`${ROUTES.Slos}/new`)}>
        Create SLO
      </LinkButton>
      <LinkButton icon="import" variant="secondary" href={appHref(`${ROUTES.Slos}/new?tab=yaml`)}>
        Import
      </LinkButton>
    </Stack>
  );
}

/** The SLO list: search, filters and sort live in the URL so a view can be shared. */
export function SloListView() {
  const data = useSlosWithStatus();
  const [params, setParams] = useSearchParams();
  const query = queryFromParams(params);
  const canEdit = canEditSettings();
  const [installAll, setInstallAll] = useState(false);

  const allRows = data.state === 'data' ? data.rows : undefined;
  const options = useMemo(() => filterOptions(allRows ?? []), [allRows]);
  const visible = useMemo(
    () => (allRows ? sortRows(filterRows(allRows, query), query.sort, query.dir) : []),
    // The query is rebuilt from the params on every render; the params string is its stable identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [allRows, params.toString()]
  );

  // Any change but a page change starts again at page 1.
  const update = (change: Partial<ListQuery>) =>
    setParams(queryToParams({ ...query, page: 1, ...change }), { replace: true });
  const shown = pageOf(visible, query.page);
  // Raw SLI queries are the expensive ones: run them only for the rows on screen.
  useRawFallback(shown.rows, data.state === 'data' ? data.defaultUid : undefined);
  const broken = data.state === 'data' ? data.broken : [];
  const onSort = (key: SortKey) =>
    update({ sort: key, dir: key === query.sort && query.dir === 'asc' ? 'desc' : 'asc' });

  if (data.state === 'loading') {
    return <LoadingPlaceholder text="Loading SLOs…" />;
  }
  if (data.state === 'error') {
    return <LoadError title="Could not load SLOs" error={data.error} onRetry={data.reload} />;
  }
  if (data.rows.length === 0 && broken.length === 0) {
    return (
      <div data-testid={testIds.slos.empty}>
        <EmptyState
          variant="call-to-action"
          message="You have no SLOs yet"
          button={canEdit ? <CreateActions /> : undefined}
        >
          {canEdit ? (
            'Create one in the editor, or import OpenSLO, Sloth or Pyrra YAML.'
          ) : (
            <span data-testid={testIds.slos.readOnly}>{READ_ONLY_NOTE}.</span>
          )}
        </EmptyState>
      </div>
    );
  }

  return (
    <Stack direction="column" gap={2}>
      <Stack direction="row" justifyContent="space-between" alignItems="flex-start" wrap="wrap">
        <SloFilters query={query} options={options} onChange={update} />
        {canEdit ? (
          <Stack direction="row" gap={1}>
            <Button
              variant="secondary"
              icon="upload"
              onClick={() => setInstallAll(true)}
              disabled={data.rows.length === 0}
            >
              Install all rules
            </Button>
            <CreateActions />
          </Stack>
        ) : (
          <Text color="secondary" data-testid={testIds.slos.readOnly}>
            {READ_ONLY_NOTE}.
          </Text>
        )}
      </Stack>
      {visible.length === 0 && broken.length === 0 ? (
        <EmptyState
          variant="not-found"
          message="No SLOs match these filters"
          button={
            <Button
              variant="secondary"
              onClick={() => setParams(queryToParams({ ...DEFAULT_QUERY, sort: query.sort, dir: query.dir }))}
            >
              Clear filters
            </Button>
          }
        />
      ) : (
        <>
          <SloTable
            rows={shown.rows}
            broken={broken}
            canEdit={canEdit}
            sort={query.sort}
            dir={query.dir}
            onSort={onSort}
            policies={data.policies}
          />
          <ListPager shown={shown} total={visible.length} noun={SLO_NOUN} onNavigate={(page) => update({ page })} />
        </>
      )}
      {installAll && (
        <Suspense fallback={<LoadingPlaceholder text="Loading…" />}>
          <InstallRulesModal
            slos={data.rows.map((r) => r.slo)}
            defaultUid={data.defaultUid}
            onDismiss={() => setInstallAll(false)}
          />
        </Suspense>
      )}
    </Stack>
  );
}
