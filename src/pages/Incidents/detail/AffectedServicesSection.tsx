import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, Field, Input, Stack, Text, useStyles2 } from '@grafana/ui';
import type { LoadedIncident } from '../../../api/incidents';
import { testIds } from '../../../components/testIds';
import { sanitizeTagValue } from '../../../domain/incident/annotations';
import { checkStreamSelector } from '../../../domain/logs/streamSelector';
import type { EventPayload } from './commands';

interface Props {
  incident: LoadedIncident;
  canWrite: boolean;
  pending: boolean;
  run: (payload: EventPayload) => Promise<boolean>;
}

/** The event for what was typed, or why there is none (shown under the field; nothing is sent). */
type Checked = { payload: EventPayload } | { problem: string };

function checkService(incident: LoadedIncident, text: string): Checked {
  const service = text.trim();
  if (service === '') {
    return { problem: 'Enter a service name.' };
  }
  if (service.includes(',')) {
    return { problem: 'A service name cannot contain a comma: add one service at a time.' };
  }
  // The region annotation is tagged service:<name>; a name the tag would alter could not be filtered on.
  if (sanitizeTagValue(service) !== service) {
    return { problem: 'A service name must fit a Grafana tag: at most 100 characters, no repeated spaces.' };
  }
  if (incident.services.includes(service)) {
    return { problem: `Service ${service} is already listed.` };
  }
  return { payload: { type: 'service_added', service } };
}

function checkSelector(incident: LoadedIncident, text: string): Checked {
  const checked = checkStreamSelector(text);
  if (!checked.ok) {
    return { problem: `Not a valid log selector: ${checked.error}.` };
  }
  const canonical = (s: string) => {
    const c = checkStreamSelector(s);
    return c.ok ? c.selector : s;
  };
  if (incident.logSelectors.some((s) => canonical(s) === checked.selector)) {
    return { problem: `Log selector ${checked.selector} is already listed.` };
  }
  return { payload: { type: 'log_selector_added', selector: checked.selector } };
}

/** What one "add" form asks for and how it turns the text into an event. */
interface AddKind {
  id: string;
  label: string;
  description: string;
  placeholder: string;
  inputTestId: string;
  buttonTestId: string;
  check: (incident: LoadedIncident, text: string) => Checked;
}

const ADD_SERVICE: AddKind = {
  id: 'incident-add-service',
  label: 'Add service',
  description: "The service's logs show below and the incident's annotation is tagged service:<name>.",
  placeholder: 'checkout',
  inputTestId: testIds.incidentDetail.serviceInput,
  buttonTestId: testIds.incidentDetail.addService,
  check: checkService,
};

const ADD_SELECTOR: AddKind = {
  id: 'incident-add-log-selector',
  label: 'Add log selector',
  description: "A LogQL stream selector whose logs show below, alongside the services' logs.",
  placeholder: '{namespace="shop", app="cart"}',
  inputTestId: testIds.incidentDetail.selectorInput,
  buttonTestId: testIds.incidentDetail.addSelector,
  check: checkSelector,
};

/** One input with its Add button (Enter adds too); the text is checked first and kept when the append fails. */
function AddForm({ kind, incident, pending, run }: Props & { kind: AddKind }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();

  const add = async () => {
    if (pending) {
      return;
    }
    const checked = kind.check(incident, text);
    if ('problem' in checked) {
      setProblem(checked.problem);
      return;
    }
    setProblem(undefined);
    if (await run(checked.payload)) {
      setText('');
    }
  };

  return (
    <Field label={kind.label} description={kind.description} invalid={problem !== undefined} error={problem} noMargin>
      <Input
        id={kind.id}
        width={60}
        placeholder={kind.placeholder}
        data-testid={kind.inputTestId}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setProblem(undefined);
        }}
        onKeyDown={(e) => e.key === 'Enter' && add()}
        addonAfter={
          <Button variant="secondary" icon="plus" disabled={pending} data-testid={kind.buttonTestId} onClick={add}>
            {kind.label}
          </Button>
        }
      />
    </Field>
  );
}

/** One list of the section: its heading, its values and what shows when there are none. */
interface ListKind {
  heading: string;
  empty: string;
  itemTestId: string;
  values: (incident: LoadedIncident) => string[];
  code?: boolean;
}

const SERVICES: ListKind = {
  heading: 'Services',
  empty: 'No service is listed.',
  itemTestId: testIds.incidentDetail.service,
  values: (incident) => incident.services,
};

const LOG_SELECTORS: ListKind = {
  heading: 'Log selectors',
  empty: 'No log selector is added: the logs show the services only.',
  itemTestId: testIds.incidentDetail.logSelector,
  values: (incident) => incident.logSelectors,
  code: true,
};

/** A heading and a wrapped list of values shown as plain text (never HTML). */
function ValueList({ kind, incident }: { kind: ListKind; incident: LoadedIncident }) {
  const styles = useStyles2(getStyles);
  const values = kind.values(incident);
  return (
    <Stack direction="column" gap={0.5}>
      <Text element="h4" variant="h5">
        {kind.heading}
      </Text>
      {values.length === 0 ? (
        <Text color="secondary">{kind.empty}</Text>
      ) : (
        <ul className={styles.list} aria-label={kind.heading}>
          {values.map((value) => (
            <li key={value} className={styles.item} data-testid={kind.itemTestId}>
              {kind.code ? <code>{value}</code> : value}
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}

/**
 * The services the incident affects and the extra Loki stream selectors added to it. Both feed the embedded
 * logs (see logsQuery.ts) and the services also tag the region annotation, so adding one updates both.
 */
export function AffectedServicesSection(props: Props) {
  const { incident, canWrite } = props;
  return (
    <section data-testid={testIds.incidentDetail.affectedServices} aria-label="Affected services">
      <Stack direction="column" gap={1}>
        <Text element="h3" variant="h4">
          Affected services
        </Text>
        <ValueList kind={SERVICES} incident={incident} />
        <ValueList kind={LOG_SELECTORS} incident={incident} />
        {canWrite && (
          <Stack direction="column" gap={2}>
            <AddForm kind={ADD_SERVICE} {...props} />
            <AddForm kind={ADD_SELECTOR} {...props} />
          </Stack>
        )}
      </Stack>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  }),
  item: css({
    padding: theme.spacing(0.25, 1),
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    overflowWrap: 'anywhere',
  }),
});
