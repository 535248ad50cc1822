import React, { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  Alert,
  Badge,
  type BadgeColor,
  EmptyState,
  LinkButton,
  LoadingPlaceholder,
  RadioButtonGroup,
  Stack,
  Text,
  TextLink,
  useStyles2,
} from '@grafana/ui';
import { canWriteAnnotations } from '../../api/permissions';
import { ListPager } from '../../components/ListPager';
import { pageFromParam, pageOf } from '../../components/paging';
import { appHref } from '../../components/links';
import { LoadError } from '../../components/LoadError';
import { NotAllowedButton } from '../../components/NotAllowedButton';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import type { Postmortem, PostmortemStatus } from '../../domain/postmortem';
import { errorMessage } from '../data/queryClient';
import { formatTime } from '../Incidents/format';
import { SeverityBadge } from '../Incidents/SeverityBadge';
import { DAY, DEFAULT_RANGE, itemCounts, RANGES, rangeFromParam, STATUS_LABELS } from './model';
import { StartPostmortem } from './StartPostmortem';
import { usePostmortemList } from './usePostmortems';
import { dataTableStyle } from '../../components/tableStyles';

export const NOT_ALLOWED_START = 'Editors can start postmortems: it needs permission to write annotations.';

const STATUS_COLORS: Record<PostmortemStatus, BadgeColor> = {
  draft: 'darkgrey',
  in_review: 'orange',
  published: 'green',
};

/** The postmortem's workflow status as a badge. */
export function PostmortemStatusBadge({ status }: { status: PostmortemStatus }) {
  return <Badge color={STATUS_COLORS[status]} text={STATUS_LABELS[status]} />;
}

function Row({ pm }: { pm: Postmortem }) {
  const { open, total } = itemCounts(pm);
  return (
    <tr data-testid={testIds.postmortem.row}>
      <td>
        <TextLink href={appHref(`${ROUTES.Postmortems}/${encodeURIComponent(pm.incidentId)}`)} inline={false}>
          {pm.prefill.title}
        </TextLink>
        <div>
          <Text color="secondary" variant="bodySmall">
            {pm.incidentId}
          </Text>
        </div>
      </td>
      <td>
        <SeverityBadge severity={pm.prefill.severity} />
      </td>
      <td>
        <PostmortemStatusBadge status={pm.status} />
      </td>
      <td>{formatTime(pm.startedAt)}</td>
      <td className="num" aria-label={`${open} of ${total} action items open`}>
        {total === 0 ? '—' : `${open} / ${total}`}
      </td>
    </tr>
  );
}

/** The postmortems started in a time range (in the URL, 90 days by default), newest first, and "Start postmortem". */
export function PostmortemList() {
  const styles = useStyles2(getStyles);
  const [params, setParams] = useSearchParams();
  const range = rangeFromParam(params.get('range'));
  // "Now" is fixed when the page opens or the range changes, so re-renders do not refetch.
  const [now, setNow] = useState(() => Date.now());
  const from = now - range.days * DAY;
  const list = usePostmortemList(from, now);
  const canWrite = canWriteAnnotations();
  const postmortems = useMemo(
    () => [...(list.data?.postmortems ?? [])].sort((a, b) => b.startedAt - a.startedAt),
    [list.data]
  );
  const started = useMemo(() => new Set(postmortems.map((p) => p.incidentId)), [postmortems]);
  // 50 rows a page, as the other lists: render time stays flat however many postmortems the range holds.
  const shown = pageOf(postmortems, pageFromParam(params.get('page')));
  const setPage = (page: number) => {
    const next = new URLSearchParams(params);
    if (page === 1) {
      next.delete('page');
    } else {
      next.set('page', String(page));
    }
    setParams(next, { replace: true });
  };

  const setRange = (value: string) => {
    setNow(Date.now());
    const next = new URLSearchParams(params);
    next.delete('page');
    if (value === DEFAULT_RANGE) {
      next.delete('range');
    } else {
      next.set('range', value);
    }
    setParams(next, { replace: true });
  };

  const start = canWrite ? (
    !list.isPending && !list.isError && <StartPostmortem from={from} to={now} started={started} />
  ) : (
    <NotAllowedButton icon="file-alt" reason={NOT_ALLOWED_START}>
      Start postmortem
    </NotAllowedButton>
  );

  const body = () => {
    if (list.isPending) {
      return <LoadingPlaceholder text="Loading postmortems…" />;
    }
    if (list.isError) {
      return (
        <LoadError
          title="Could not load postmortems"
          error={errorMessage(list.error)}
          onRetry={() => void list.refetch()}
        />
      );
    }
    return (
      <>
        {list.data.problems.length > 0 && (
          <Alert severity="warning" title="Some postmortem data was skipped">
            <ul className={styles.problems}>
              {list.data.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          </Alert>
        )}
        {postmortems.length === 0 ? (
          <div data-testid={testIds.postmortem.empty}>
            <EmptyState variant="call-to-action" message="No postmortems started in this range">
              {canWrite
                ? 'Start one for a resolved incident: pick it below, or open the incident and choose "Write postmortem". It opens prefilled with the incident’s facts, timeline and the error budget it cost.'
                : 'Postmortems are started from a resolved incident (its "Write postmortem" button) by editors.'}
            </EmptyState>
          </div>
        ) : (
          <>
            <table className={styles.table} data-testid={testIds.postmortem.list}>
              <thead>
                <tr>
                  <th>Incident</th>
                  <th>Severity</th>
                  <th>Status</th>
                  <th>Started</th>
                  <th className="num">Action items open</th>
                </tr>
              </thead>
              <tbody>
                {shown.rows.map((pm) => (
                  <Row key={pm.incidentId} pm={pm} />
                ))}
              </tbody>
            </table>
            <ListPager
              shown={shown}
              total={postmortems.length}
              noun={{ one: 'postmortem', many: 'postmortems' }}
              onNavigate={setPage}
            />
          </>
        )}
      </>
    );
  };

  return (
    <Stack direction="column" gap={2}>
      {!canWrite && (
        <Alert severity="info" title="Read-only" data-testid={testIds.postmortem.readOnly}>
          You can read postmortems, but starting or editing them needs permission to write annotations (Editor role).
        </Alert>
      )}
      <Stack justifyContent="space-between" alignItems="flex-end" wrap="wrap">
        <RadioButtonGroup
          aria-label="Time range"
          options={RANGES.map(({ value, label }) => ({ value, label }))}
          value={range.value}
          onChange={setRange}
        />
        <Stack gap={1} alignItems="flex-end" wrap="wrap">
          <LinkButton variant="secondary" icon="list-ul" href={appHref(`${ROUTES.Postmortems}/action-items`)}>
            Action items
          </LinkButton>
          {start}
        </Stack>
      </Stack>
      {body()}
    </Stack>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: dataTableStyle(theme, { verticalAlign: 'middle' }),
  problems: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
