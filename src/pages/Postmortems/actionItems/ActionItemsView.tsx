import React, { useMemo, useState } from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Combobox,
  EmptyState,
  InlineField,
  LoadingPlaceholder,
  RadioButtonGroup,
  Stack,
  Text,
  TextLink,
  useStyles2,
} from '@grafana/ui';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { listPostmortems } from '../../../api/postmortems';
import { appHref } from '../../../components/links';
import { ListPager } from '../../../components/ListPager';
import { LoadError } from '../../../components/LoadError';
import { pageFromParam, pageOf } from '../../../components/paging';
import { testIds } from '../../../components/testIds';
import { ROUTES } from '../../../constants';
import {
  ACTION_ITEM_PRIORITIES,
  ACTION_ITEM_STATUSES,
  type ActionItemFilter,
  completionRate,
  filterActionItems,
  isClosedStatus,
  isOverdue,
  medianTimeToClose,
  type TrackedActionItem,
  trackedItems,
} from '../../../domain/postmortem';
import { errorMessage, queryClient } from '../../data/queryClient';
import { TrackerLink } from './ActionItemsSection';
import { DueDate, getItemTableStyles } from './itemTable';
import { PRIORITY_COLORS, STATUS_LABELS, formatDays, ownerText } from './format';
import { RANGE_DAYS, parseViewParams, rangeOf, viewToParams, type ViewParams } from './viewParams';

const UNASSIGNED = '\u0000unassigned';
const RANGE_OPTIONS = RANGE_DAYS.map((d) => ({ value: d, label: d === 365 ? 'Last year' : `Last ${d} days` }));
const NOUN = { one: 'action item', many: 'action items' };

/** Open items first, soonest due first; then closed ones, most recently closed first. */
function byUrgency(a: TrackedActionItem, b: TrackedActionItem): number {
  const ca = isClosedStatus(a.status);
  const cb = isClosedStatus(b.status);
  if (ca !== cb) {
    return ca ? 1 : -1;
  }
  return ca ? (b.closedAt ?? 0) - (a.closedAt ?? 0) : a.due - b.due;
}

const toggle = <T,>(list: readonly T[] | undefined, value: T, on: boolean): T[] =>
  on ? [...(list ?? []), value] : (list ?? []).filter((v) => v !== value);

/** Action items across the postmortems of a range, with filters in the URL, overdue items marked, and follow-through. */
export function ActionItemsView() {
  const styles = useStyles2(getStyles);
  const [params, setParams] = useSearchParams();
  const view = parseViewParams(params);
  // One clock per visit: the range, the overdue marks and the query key agree.
  const [now] = useState(() => Date.now());
  const range = rangeOf(view.days, now);
  const query = useQuery(
    {
      queryKey: ['postmortems', 'action-items', range.from, range.to],
      queryFn: () => listPostmortems(range),
    },
    queryClient
  );
  const items = useMemo(() => (query.data ? trackedItems(query.data.postmortems) : []), [query.data]);
  const update = (change: Partial<Omit<ViewParams, 'page'>>) =>
    setParams(viewToParams({ days: view.days, filter: view.filter, ...change }), { replace: true });
  const setFilter = (change: Partial<ActionItemFilter>) => {
    const filter: ActionItemFilter = { ...view.filter, ...change };
    for (const key of Object.keys(change) as Array<keyof ActionItemFilter>) {
      if (change[key] === undefined) {
        delete filter[key];
      }
    }
    update({ filter });
  };

  const options = useMemo(() => {
    const owners = new Map<string, string>();
    const services = new Set<string>();
    for (const i of items) {
      if (i.owner) {
        owners.set(i.owner.login, ownerText(i.owner));
      }
      i.services.forEach((s) => services.add(s));
    }
    return {
      owners: [
        { value: UNASSIGNED, label: 'Unassigned' },
        ...[...owners].sort().map(([value, label]) => ({ value, label })),
      ],
      services: [...services].sort().map((value) => ({ value, label: value })),
    };
  }, [items]);

  if (query.isPending) {
    return <LoadingPlaceholder text="Loading action items…" />;
  }
  if (query.isError) {
    return (
      <LoadError
        title="Could not load action items"
        error={errorMessage(query.error)}
        onRetry={() => void query.refetch()}
      />
    );
  }

  const visible = filterActionItems(items, view.filter, now).sort(byUrgency);
  const shown = pageOf(visible, pageFromParam(view.page));
  const rate = completionRate(visible);
  const median = medianTimeToClose(visible);
  const overdue = visible.filter((i) => isOverdue(i, now)).length;
  const f = view.filter;

  return (
    <Stack direction="column" gap={2}>
      <div data-testid={testIds.actionItems.view}>
        <Stack direction="column" gap={1}>
          <RadioButtonGroup<number>
            options={RANGE_OPTIONS}
            value={view.days}
            onChange={(days) => update({ days })}
            size="sm"
          />
          <Text color="secondary" variant="bodySmall">
            Items of postmortems started in this range.
          </Text>
          <Stack gap={1} wrap="wrap" alignItems="center">
            <InlineField label="Owner" htmlFor="action-items-owner">
              <Combobox
                id="action-items-owner"
                placeholder="Anyone"
                options={options.owners}
                value={f.owner === undefined ? null : f.owner === '' ? UNASSIGNED : f.owner}
                onChange={(o) => setFilter({ owner: o ? (o.value === UNASSIGNED ? '' : o.value) : undefined })}
                isClearable
                width={24}
              />
            </InlineField>
            <InlineField label="Service" htmlFor="action-items-service">
              <Combobox
                id="action-items-service"
                placeholder="All services"
                options={options.services}
                value={f.service ?? null}
                onChange={(o) => setFilter({ service: o?.value || undefined })}
                isClearable
                width={24}
              />
            </InlineField>
          </Stack>
          <Stack gap={3} wrap="wrap">
            <fieldset className={styles.group}>
              <legend>Priority</legend>
              <Stack gap={1}>
                {ACTION_ITEM_PRIORITIES.map((p) => (
                  <Checkbox
                    key={p}
                    label={p}
                    value={f.priorities?.includes(p) ?? false}
                    onChange={(e) => setFilter({ priorities: toggle(f.priorities, p, e.currentTarget.checked) })}
                  />
                ))}
              </Stack>
            </fieldset>
            <fieldset className={styles.group}>
              <legend>Status</legend>
              <Stack gap={1}>
                {ACTION_ITEM_STATUSES.map((s) => (
                  <Checkbox
                    key={s}
                    label={STATUS_LABELS[s]}
                    value={f.statuses?.includes(s) ?? false}
                    onChange={(e) => setFilter({ statuses: toggle(f.statuses, s, e.currentTarget.checked) })}
                  />
                ))}
              </Stack>
            </fieldset>
            <fieldset className={styles.group}>
              <legend>Due</legend>
              <Checkbox
                label="Overdue only"
                value={f.overdue ?? false}
                onChange={(e) => setFilter({ overdue: e.currentTarget.checked || undefined })}
              />
            </fieldset>
          </Stack>
        </Stack>
      </div>
      {query.data.problems.length > 0 && (
        <Alert severity="warning" title="Some postmortem events could not be read; the rest is shown">
          {query.data.problems.map((p) => p.message).join('; ')}
        </Alert>
      )}
      {visible.length > 0 && (
        <div data-testid={testIds.actionItems.stats}>
          <Stack gap={4}>
            <Text>
              Completion rate <strong>{rate === undefined ? '—' : `${Math.round(rate * 100)}%`}</strong>
            </Text>
            <Text>
              Median time to close <strong>{median === undefined ? '—' : formatDays(median)}</strong>
            </Text>
            <Text>
              Overdue <strong>{overdue}</strong>
            </Text>
          </Stack>
          <Text color="secondary" variant="bodySmall">
            Done among the items shown, won&apos;t-do items left out; time from added to done.
          </Text>
        </div>
      )}
      {visible.length === 0 ? (
        <div data-testid={testIds.actionItems.viewEmpty}>
          {items.length === 0 ? (
            <EmptyState variant="call-to-action" message="No action items in this range">
              Action items are added on a postmortem&apos;s page. Try a longer range.
            </EmptyState>
          ) : (
            <EmptyState
              variant="not-found"
              message="No action items match these filters"
              button={
                <Button variant="secondary" onClick={() => update({ filter: {} })}>
                  Clear filters
                </Button>
              }
            />
          )}
        </div>
      ) : (
        <>
          <table className={styles.table}>
            <thead>
              <tr>
                <th>Action item</th>
                <th>Postmortem</th>
                <th>Priority</th>
                <th>Owner</th>
                <th>Due</th>
                <th>Status</th>
                <th>Tracker</th>
              </tr>
            </thead>
            <tbody>
              {shown.rows.map((i) => {
                const late = isOverdue(i, now);
                return (
                  <tr
                    key={`${i.incidentId}/${i.id}`}
                    data-testid={testIds.actionItems.viewRow}
                    className={cx(late && styles.overdue)}
                  >
                    <td>{i.title}</td>
                    <td>
                      <TextLink
                        href={appHref(`${ROUTES.Postmortems}/${encodeURIComponent(i.incidentId)}`)}
                        inline={false}
                      >
                        {i.incidentTitle}
                      </TextLink>
                      <Text element="p" variant="bodySmall" color="secondary">
                        {i.services.join(', ')}
                      </Text>
                    </td>
                    <td>
                      <Badge text={i.priority} color={PRIORITY_COLORS[i.priority]} />
                    </td>
                    <td>{ownerText(i.owner)}</td>
                    <td>
                      <DueDate due={i.due} overdue={late} />
                    </td>
                    <td>{STATUS_LABELS[i.status]}</td>
                    <td>
                      <TrackerLink url={i.trackerUrl} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ListPager
            shown={shown}
            total={visible.length}
            noun={NOUN}
            onNavigate={(page) => {
              const next = viewToParams(view);
              if (page > 1) {
                next.set('page', String(page));
              }
              setParams(next, { replace: true });
            }}
          />
        </>
      )}
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  group: css({
    border: 'none',
    padding: 0,
    margin: 0,
    legend: {
      fontSize: theme.typography.bodySmall.fontSize,
      color: theme.colors.text.secondary,
      marginBottom: theme.spacing(0.5),
    },
  }),
  ...getItemTableStyles(theme),
});
