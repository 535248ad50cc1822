import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Combobox, Field, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import type { LoadedIncident } from '../../../api/incidents';
import { testIds } from '../../../components/testIds';
import { ROUTES } from '../../../constants';
import { appHref } from '../../../components/links';
import { incidentShareVerdict, postmortemCallout } from '../../../domain/incident/budgetRule';
import type { ErrorBudgetPolicy } from '../../../domain/policy/model';
import type { Slo } from '../../../domain/slo/model';
import { budgetText } from './budgetText';
import type { EventPayload } from './commands';
import { useIncidentBudgets } from './useIncidentBudgets';

interface Props {
  incident: LoadedIncident;
  slos: Slo[];
  policies: ErrorBudgetPolicy[];
  defaultPrometheusUid: string;
  canWrite: boolean;
  pending: boolean;
  now: number;
  run: (payload: EventPayload) => Promise<boolean>;
}

/**
 * The SLOs this incident affected, each with the share of its error budget the incident consumed, and a callout on
 * each SLO whose share is above its policy's incident share (the Workbook's 20% rule).
 */
export function LinkedSlosSection({
  incident,
  slos,
  policies,
  defaultPrometheusUid,
  canWrite,
  pending,
  now,
  run,
}: Props) {
  const styles = useStyles2(getStyles);
  const [choice, setChoice] = useState<string>();
  const linked = incident.sloIds.map((id) => ({ id, slo: slos.find((s) => s.id === id) }));
  const known = linked.flatMap((l) => (l.slo ? [l.slo] : []));
  const budgets = useIncidentBudgets(incident, known, defaultPrometheusUid, now);
  const options = slos
    .filter((s) => !incident.sloIds.includes(s.id))
    .map((s) => ({ value: s.id, label: s.name, description: s.service }));

  const link = async () => {
    if (choice && (await run({ type: 'slo_linked', sloId: choice }))) {
      setChoice(undefined);
    }
  };

  const textFor = (id: string, slo: Slo | undefined): string => {
    if (!slo) {
      return 'This SLO no longer exists';
    }
    if (budgets.loading) {
      return 'Loading…';
    }
    return budgets.error !== undefined ? `No data: ${budgets.error}` : budgetText(budgets.value.get(id));
  };

  // Only a budget that was read can cross the share: loading, errors and no data never mark an SLO.
  const ruleFor = (slo: Slo | undefined) =>
    slo && !budgets.loading && budgets.error === undefined
      ? incidentShareVerdict(slo, budgets.value.get(slo.id)?.consumed, policies)
      : undefined;

  return (
    <section data-testid={testIds.incidentDetail.slos} aria-label="Linked SLOs">
      <Stack direction="column" gap={1}>
        <Text element="h3" variant="h4">
          Linked SLOs
        </Text>
        {linked.length === 0 ? (
          <Text color="secondary">No SLO is linked to this incident.</Text>
        ) : (
          <ul className={styles.list}>
            {linked.map(({ id, slo }) => (
              <li key={id} data-testid={testIds.incidentDetail.sloBudget}>
                <Stack gap={1} wrap="wrap">
                  {slo ? (
                    <TextLink href={appHref(`${ROUTES.Slos}/${encodeURIComponent(id)}`)} inline={false}>
                      {slo.name}
                    </TextLink>
                  ) : (
                    <Text>{id}</Text>
                  )}
                  <Text color="secondary">{textFor(id, slo)}</Text>
                </Stack>
                <RuleNote verdict={ruleFor(slo)} />
              </li>
            ))}
          </ul>
        )}
        {canWrite && options.length > 0 && (
          <Stack gap={1} alignItems="flex-end">
            <Field label="Link an SLO" noMargin>
              <Combobox<string>
                id="incident-link-slo"
                width={40}
                placeholder="Choose an SLO"
                options={options}
                value={choice ?? null}
                onChange={(o) => setChoice(o.value)}
              />
            </Field>
            <Button
              variant="secondary"
              disabled={pending || !choice}
              data-testid={testIds.incidentDetail.linkSlo}
              onClick={link}
            >
              Link SLO
            </Button>
          </Stack>
        )}
      </Stack>
    </section>
  );
}

/** The 20% rule's mark for one SLO: a callout when crossed, a note when the SLO's policy is not stored. */
function RuleNote({ verdict }: { verdict: ReturnType<typeof incidentShareVerdict> | undefined }) {
  if (verdict?.kind === 'crossed') {
    return (
      <Alert
        severity="warning"
        title="Needs a postmortem with a P0 action item"
        data-testid={testIds.incidentDetail.postmortemCallout}
      >
        {postmortemCallout(verdict)}
      </Alert>
    );
  }
  if (verdict?.kind === 'missing_policy') {
    return (
      <Text color="warning" variant="bodySmall">
        {`This SLO names policy "${verdict.policyId}", which is not stored or is broken, so the incident budget rule is not checked.`}
      </Text>
    );
  }
  return null;
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  }),
});
