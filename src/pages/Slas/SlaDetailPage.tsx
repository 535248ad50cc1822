import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, Box, Button, EmptyState, LinkButton, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import { useParams } from 'react-router-dom';
import { canEditSettings } from '../../api/permissions';
import { appHref } from '../../components/links';
import { LoadError } from '../../components/LoadError';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { slaWarnings } from '../../domain/sla/validate';
import { errorMessage } from '../data/queryClient';
import { MaintenanceSection } from './MaintenanceSection';
import { SlaRulesModal } from './SlaRulesModal';
import { SlaSummary } from './SlaSummary';
import { StandingBadge } from './StandingBadge';
import { allowedLeftText, percent, shortfallText, zoned } from './format';
import { ExclusionsTable, PeriodsTable } from './tables';
import { useSlaDetail } from './useSlaData';

/** One SLA: the current period live, the last 12 periods, the exclusions applied, and its maintenance. */
export default function SlaDetailPage() {
  const styles = useStyles2(getStyles);
  const { id } = useParams();
  const { app, sla, now, maintenance, results, refresh } = useSlaDetail(id);
  const [rulesOpen, setRulesOpen] = useState(false);

  const body = () => {
    if (app.isPending) {
      return <LoadingPlaceholder text="Loading SLA…" />;
    }
    if (app.isError) {
      return (
        <LoadError title="Could not load the SLA" error={errorMessage(app.error)} onRetry={() => void app.refetch()} />
      );
    }
    if (!sla) {
      const broken = app.data.slas.broken.find((b) => b.id === id);
      return (
        <div data-testid={testIds.slas.notFound}>
          {broken ? (
            <Alert severity="warning" title={`SLA "${id}" is invalid and is not computed`}>
              <ul>
                {broken.problems.map((p) => (
                  <li key={`${p.path}:${p.message}`}>{`${p.path}: ${p.message}`}</li>
                ))}
              </ul>
            </Alert>
          ) : (
            <EmptyState variant="not-found" message={`No SLA with the id "${id ?? ''}"`} />
          )}
        </div>
      );
    }
    const list = results.data ?? [];
    const current = list[list.length - 1];
    const warnings = slaWarnings(sla, app.data.slos.items);
    const failed = maintenance.error ?? results.error;
    return (
      <Stack direction="column" gap={3}>
        <Stack justifyContent="space-between" alignItems="flex-start" wrap="wrap">
          <SlaSummary sla={sla} />
          <Stack gap={1}>
            <Button variant="secondary" icon="sync" onClick={refresh}>
              Refresh
            </Button>
            <Button variant="secondary" icon="list-ul" onClick={() => setRulesOpen(true)}>
              Recording rules
            </Button>
            <LinkButton
              variant="secondary"
              icon="file-alt"
              href={appHref(
                `${ROUTES.Slas}/report?customer=${encodeURIComponent(sla.customer ?? '')}${current ? `&period=${current.period.label}` : ''}`
              )}
            >
              Report
            </LinkButton>
            {canEditSettings() && (
              <LinkButton icon="pen" href={appHref(`${ROUTES.Slas}/${encodeURIComponent(sla.id)}/edit`)}>
                Edit
              </LinkButton>
            )}
          </Stack>
        </Stack>
        {warnings.map((w) => (
          <Alert key={w} severity="info" title="The SLO gives no early warning">
            {w}
          </Alert>
        ))}
        {failed ? (
          <LoadError title="Could not compute the SLA" error={errorMessage(failed)} onRetry={refresh} />
        ) : !results.data ? (
          <LoadingPlaceholder text="Computing the SLA…" />
        ) : (
          <>
            {current && (
              <Box padding={2} borderStyle="solid" borderColor="weak" data-testid={testIds.slas.current}>
                <Stack direction="column" gap={1}>
                  <Stack gap={2} alignItems="center" wrap="wrap">
                    <Text variant="h4">{`This ${sla.period.unit}: ${current.period.label}`}</Text>
                    <StandingBadge result={current} />
                  </Stack>
                  {current.standing === 'no_data' ? (
                    <Text color="secondary">
                      {
                        "No data yet for this period: are the SLA recording rules installed and is the indicator's series recorded?"
                      }
                    </Text>
                  ) : (
                    <Stack gap={4} wrap="wrap">
                      <Text element="span" variant="h2">
                        {percent(current.achieved)}
                      </Text>
                      <Stack direction="column" gap={0}>
                        <Text>{`target ${percent(current.target)} · ${shortfallText(sla, current)}`}</Text>
                        <Text>{allowedLeftText(sla, current)}</Text>
                      </Stack>
                    </Stack>
                  )}
                  <Text color="secondary" variant="bodySmall">
                    {`${zoned(current.period.start, sla.period.timeZone)} → ${zoned(current.period.end, sla.period.timeZone)} ${sla.period.timeZone}; figures so far, as of ${new Date(now).toLocaleString()}`}
                  </Text>
                </Stack>
              </Box>
            )}
            <section className={styles.section}>
              <Text element="h3" variant="h4">
                Last 12 periods
              </Text>
              <PeriodsTable sla={sla} results={[...list].reverse()} />
            </section>
            <section className={styles.section}>
              <Text element="h3" variant="h4">
                Exclusions applied
              </Text>
              <ExclusionsTable sla={sla} results={list} />
            </section>
          </>
        )}
        {rulesOpen && (
          <SlaRulesModal
            sla={sla}
            slas={app.data.slas.items}
            slos={app.data.slos.items}
            defaultUid={app.data.defaultUid}
            onDismiss={() => setRulesOpen(false)}
          />
        )}
        <section className={styles.section}>
          <Text element="h3" variant="h4">
            Planned maintenance
          </Text>
          {maintenance.data ? (
            <MaintenanceSection sla={sla} windows={maintenance.data.windows} now={now} />
          ) : maintenance.isError ? null : (
            <LoadingPlaceholder text="Loading maintenance…" />
          )}
          {maintenance.data && maintenance.data.problems.length > 0 && (
            <Alert severity="warning" title="Some maintenance annotations were skipped">
              {maintenance.data.problems.map((p) => p.message).join('; ')}
            </Alert>
          )}
        </section>
      </Stack>
    );
  };

  return (
    <PluginPage pageNav={{ text: sla?.name ?? id ?? 'SLA' }}>
      <div data-testid={testIds.slas.detail}>{body()}</div>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
});
