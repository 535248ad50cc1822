import React, { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  Alert,
  Button,
  Combobox,
  EmptyState,
  LinkButton,
  LoadingPlaceholder,
  RadioButtonGroup,
  Stack,
  useStyles2,
} from '@grafana/ui';
import type { LoadedIncident } from '../../api/incidents';
import { canWriteAnnotations } from '../../api/permissions';
import { ListPager } from '../../components/ListPager';
import { pageFromParam, pageOf } from '../../components/paging';
import { appHref } from '../../components/links';
import { testIds } from '../../components/testIds';
import { prefixRoute, ROUTES } from '../../constants';
import { medianDurations } from '../../domain/incident/metrics';
import { INCIDENT_STATUSES, SEVERITIES } from '../../domain/incident/model';
import { IncidentCard } from './IncidentCard';
import { MetricTiles } from './MetricTiles';
import { useIncidents } from './useIncidents';
import { type PostmortemMark, usePostmortemMarks } from './usePostmortemMarks';

const DAY = 86_400_000;
const RANGES = [
  { value: '7d', label: 'Last 7 days', days: 7 },
  { value: '30d', label: 'Last 30 days', days: 30 },
  { value: '90d', label: 'Last 90 days', days: 90 },
];
const STATUS_OPTIONS = [
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Open' },
  ...INCIDENT_STATUSES.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) })),
];
const SEVERITY_OPTIONS = [
  { value: 'all', label: 'All' },
  ...SEVERITIES.map((s) => ({ value: String(s.value), label: s.label, description: s.definition })),
];

const INCIDENT_NOUN = { one: 'incident', many: 'incidents' };

const isOpen = (i: LoadedIncident): boolean => i.status !== 'resolved';

/** Open incidents first, then the most recently started. */
function byOpenThenStart(a: LoadedIncident, b: LoadedIncident): number {
  return Number(isOpen(b)) - Number(isOpen(a)) || b.startedAt - a.startedAt || (a.id < b.id ? -1 : 1);
}

function matches(incident: LoadedIncident, status: string, severity: string, service: string): boolean {
  const statusOk = status === 'all' || (status === 'open' ? isOpen(incident) : incident.status === status);
  const serviceOk = service === '' || incident.services.includes(service);
  return statusOk && serviceOk && (severity === 'all' || String(incident.severity) === severity);
}

/**
 * The incidents of a time range with their response-time medians; filters and the page live in the URL. All the
 * range's incidents are loaded, filtered and sorted (open first, then by start), then one page of them is drawn.
 */
export function IncidentList() {
  const styles = useStyles2(getStyles);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const range = RANGES.find((r) => r.value === params.get('range')) ?? RANGES[1];
  const status = STATUS_OPTIONS.some((o) => o.value === params.get('status')) ? params.get('status')! : 'all';
  const severity = SEVERITY_OPTIONS.some((o) => o.value === params.get('sev')) ? params.get('sev')! : 'all';
  const service = params.get('service') ?? '';
  const page = pageFromParam(params.get('page'));
  // "Now" is fixed when the page opens or the range is chosen, so re-renders do not refetch.
  const [now, setNow] = useState(() => Date.now());
  const from = now - range.days * DAY;
  const to = now;
  const state = useIncidents(from, to);
  const canWrite = canWriteAnnotations();

  const setParam = (key: string, value: string, fallback: string) => {
    const next = new URLSearchParams(params);
    // Any change but a page change starts again at page 1.
    next.delete('page');
    if (value === fallback) {
      next.delete(key);
    } else {
      next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const declare = () => navigate(`${prefixRoute(ROUTES.Incidents)}/new`);
  const empty = !state.loading && state.error === undefined && state.value.incidents.length === 0;
  const declareButton = canWrite ? (
    <Button icon="plus" onClick={declare} data-testid={testIds.incidents.declareButton}>
      Declare incident
    </Button>
  ) : undefined;

  const incidents = useMemo(() => (state.loading || state.error !== undefined ? [] : state.value.incidents), [state]);
  const matching = useMemo(
    () => incidents.filter((i) => matches(i, status, severity, service)).sort(byOpenThenStart),
    [incidents, status, severity, service]
  );
  const shown = pageOf(matching, page);
  // Budgets are read for this page's incidents only, after the cards are drawn.
  const marks = usePostmortemMarks(shown.rows, { from, to });
  const services = useMemo(
    () => [...new Set([...incidents.flatMap((i) => i.services), ...(service ? [service] : [])])].sort(),
    [incidents, service]
  );

  return (
    <Stack direction="column" gap={2}>
      {!canWrite && (
        <Alert severity="info" title="Read-only">
          You can view incidents, but declaring or updating them needs permission to write annotations (Editor role).
        </Alert>
      )}
      <Stack justifyContent="space-between" alignItems="center" wrap="wrap">
        <Stack gap={2} wrap="wrap" alignItems="center">
          <div data-testid={testIds.incidents.rangeFilter}>
            <RadioButtonGroup
              aria-label="Time range"
              options={RANGES.map(({ value, label }) => ({ value, label }))}
              value={range.value}
              onChange={(v) => {
                setNow(Date.now());
                setParam('range', v, '30d');
              }}
            />
          </div>
          <div data-testid={testIds.incidents.statusFilter}>
            <RadioButtonGroup
              aria-label="Status"
              options={STATUS_OPTIONS}
              value={status}
              onChange={(v) => setParam('status', v, 'all')}
            />
          </div>
          <div data-testid={testIds.incidents.serviceFilter}>
            <Combobox
              id="sre-incidents-service"
              width={24}
              placeholder="All services"
              isClearable
              options={services.map((name) => ({ value: name, label: name }))}
              value={service || null}
              onChange={(option) => setParam('service', option?.value ?? '', '')}
            />
          </div>
          <div data-testid={testIds.incidents.severityFilter}>
            <RadioButtonGroup
              aria-label="Severity"
              options={SEVERITY_OPTIONS}
              value={severity}
              onChange={(v) => setParam('sev', v, 'all')}
            />
          </div>
        </Stack>
        {!empty && declareButton}
      </Stack>

      {state.loading && <LoadingPlaceholder text="Loading incidents…" />}
      {!state.loading && state.error !== undefined && (
        <Alert severity="error" title="Could not load incidents">
          {state.error}
        </Alert>
      )}
      {!state.loading && state.error === undefined && (
        <>
          {state.value.problems.length > 0 && (
            <Alert severity="warning" title="Some incident data was skipped">
              <ul className={styles.problems}>
                {state.value.problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </Alert>
          )}
          {state.value.incidents.length === 0 ? (
            <EmptyState variant="call-to-action" message="No incidents in this range" button={declareButton} />
          ) : (
            <>
              {/* The medians cover every matching incident of the range, not just this page. */}
              <MetricTiles medians={medianDurations(matching, from, to)} />
              {matching.length === 0 ? (
                <EmptyState variant="not-found" message="No incidents match these filters" />
              ) : (
                <>
                  {marks.budgetError !== undefined && (
                    <Alert
                      severity="warning"
                      title="Could not check which incidents need a postmortem"
                      data-testid={testIds.incidents.budgetRuleError}
                    >
                      {marks.budgetError}
                    </Alert>
                  )}
                  {marks.postmortemsError !== undefined && (
                    <Alert
                      severity="warning"
                      title="Could not read the postmortems: due dates and postmortem statuses are not shown"
                      data-testid={testIds.incidents.postmortemsError}
                    >
                      {marks.postmortemsError}
                    </Alert>
                  )}
                  <ul className={styles.list} data-testid={testIds.incidents.list}>
                    {shown.rows.map((incident) => (
                      <li key={incident.id} data-testid={testIds.incidents.row} className={styles.row}>
                        <div className={styles.card}>
                          <IncidentCard
                            incident={incident}
                            now={to}
                            crossed={marks.marks.get(incident.id)?.crossed}
                            due={marks.marks.get(incident.id)?.due}
                            postmortemStatus={marks.marks.get(incident.id)?.status}
                          />
                        </div>
                        <PostmortemLink
                          incident={incident}
                          mark={marks.marks.get(incident.id)}
                          known={marks.postmortemsRead}
                          canWrite={canWrite}
                        />
                      </li>
                    ))}
                  </ul>
                  <ListPager
                    shown={shown}
                    total={matching.length}
                    noun={INCIDENT_NOUN}
                    onNavigate={(p) => setParam('page', String(p), '1')}
                  />
                </>
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}

/**
 * Beside (never inside) a resolved incident's card, whose heading is itself a link: open its postmortem, or start
 * one (the postmortem page starts it prefilled; it only opens one that someone started meanwhile).
 */
function PostmortemLink(props: {
  incident: LoadedIncident;
  mark: PostmortemMark | undefined;
  known: boolean;
  canWrite: boolean;
}) {
  const { incident, mark, known, canWrite } = props;
  // Until the postmortems are read it is not known whether to offer "Open" or "Start".
  if (incident.status !== 'resolved' || !known || (!mark?.status && !canWrite)) {
    return null;
  }
  const path = `${ROUTES.Postmortems}/${encodeURIComponent(incident.id)}`;
  return (
    <LinkButton
      size="sm"
      variant="secondary"
      icon="file-alt"
      href={appHref(mark?.status ? path : `${path}?start=1`)}
      aria-label={`${mark?.status ? 'Open postmortem' : 'Start postmortem'} of ${incident.title}`}
      data-testid={testIds.incidents.postmortemLink}
    >
      {mark?.status ? 'Open postmortem' : 'Start postmortem'}
    </LinkButton>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  row: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1) }),
  card: css({ flex: 1, minWidth: 0 }),
  problems: css({ margin: 0, paddingLeft: theme.spacing(2) }),
});
