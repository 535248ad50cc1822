import React, { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Combobox, Field, Stack, Text } from '@grafana/ui';
import { listIncidents } from '../../api/incidents';
import { testIds } from '../../components/testIds';
import { prefixRoute, ROUTES } from '../../constants';
import { severityLabel } from '../../domain/incident/model';
import { useLoad } from '../Incidents/useLoad';

interface Props {
  from: number;
  to: number;
  /** Incidents that already have a postmortem: not offered. */
  started: ReadonlySet<string>;
}

/** The postmortem page of an incident, asked to start one if there is none. */
export const startHref = (incidentId: string) =>
  `${prefixRoute(ROUTES.Postmortems)}/${encodeURIComponent(incidentId)}?start=1`;

/**
 * "Start postmortem": a picker of the range's resolved incidents that have none yet, newest first. Starting
 * happens on the postmortem page (?start=1), the one place that builds the prefill.
 */
export function StartPostmortem({ from, to, started }: Props) {
  const navigate = useNavigate();
  const state = useLoad(['postmortem-candidates', from, to], () => listIncidents({ from, to }));
  const [chosen, setChosen] = useState<string | null>(null);
  const candidates = useMemo(
    () =>
      state.loading || state.error !== undefined
        ? []
        : state.value.incidents
            .filter((i) => i.status === 'resolved' && !started.has(i.id))
            .sort((a, b) => (b.resolvedAt ?? 0) - (a.resolvedAt ?? 0)),
    [state, started]
  );

  if (!state.loading && state.error !== undefined) {
    return (
      <Alert severity="warning" title="Could not list resolved incidents">
        {state.error}
      </Alert>
    );
  }
  return (
    <div data-testid={testIds.postmortem.start}>
      <Stack gap={1} alignItems="flex-end" wrap="wrap">
        <Field
          label="Resolved incident"
          description={
            !state.loading && candidates.length === 0 ? 'Every resolved incident of this range has one.' : undefined
          }
          noMargin
        >
          <Combobox
            id="sre-postmortem-incident"
            width={48}
            placeholder={state.loading ? 'Loading incidents…' : 'Choose an incident'}
            disabled={state.loading || candidates.length === 0}
            options={candidates.map((i) => ({
              value: i.id,
              label: `${severityLabel(i.severity)} · ${i.title}`,
              description: i.id,
            }))}
            value={chosen}
            onChange={(o) => setChosen(o?.value ?? null)}
          />
        </Field>
        <Button icon="file-alt" disabled={chosen === null} onClick={() => chosen && navigate(startHref(chosen))}>
          Start postmortem
        </Button>
      </Stack>
      {state.loading && <Text color="secondary">Loading resolved incidents…</Text>}
    </div>
  );
}
