import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  Badge,
  Button,
  Card,
  ClipboardButton,
  Field,
  RadioButtonGroup,
  Stack,
  Text,
  TextArea,
  useStyles2,
} from '@grafana/ui';
import type { LoadedIncident } from '../../../api/incidents';
import { testIds } from '../../../components/testIds';
import type { UpdateAudience } from '../../../domain/incident/events';
import { formatTime } from '../format';
import type { EventPayload } from './commands';
import { statusUpdateTemplate } from './statusTemplates';

const AUDIENCES: Array<{ value: UpdateAudience; label: string; description: string }> = [
  { value: 'internal', label: 'Internal', description: 'For responders and stakeholders' },
  { value: 'external', label: 'External', description: 'For customers, e.g. a status page' },
];
const CADENCES = [
  { value: 15, label: '15 min' },
  { value: 30, label: '30 min' },
  { value: 60, label: '1 hour' },
];

interface Props {
  incident: LoadedIncident;
  canWrite: boolean;
  pending: boolean;
  now: number;
  run: (payload: EventPayload) => Promise<boolean>;
}

/** Compose (from a template), post and copy internal and external status updates; list the earlier ones. */
export function StatusUpdatesSection({ incident, canWrite, pending, now, run }: Props) {
  const styles = useStyles2(getStyles);
  const [audience, setAudience] = useState<UpdateAudience>('internal');
  const [cadence, setCadence] = useState(30);
  const [message, setMessage] = useState('');
  const previous = [...incident.statusUpdates].reverse();

  const post = async () => {
    const text = message.trim();
    if (text !== '' && (await run({ type: 'status_update', audience, message: text }))) {
      setMessage('');
    }
  };

  return (
    <section data-testid={testIds.incidentDetail.updates} aria-label="Status updates">
      <Stack direction="column" gap={1}>
        <Text element="h3" variant="h4">
          Status updates
        </Text>
        {canWrite && (
          <Stack direction="column" gap={1}>
            <Stack gap={2} wrap="wrap">
              <Field label="Audience" noMargin>
                <div data-testid={testIds.incidentDetail.updateAudience}>
                  <RadioButtonGroup aria-label="Audience" options={AUDIENCES} value={audience} onChange={setAudience} />
                </div>
              </Field>
              <Field label="Next update in" noMargin>
                <RadioButtonGroup
                  aria-label="Next update in"
                  options={CADENCES}
                  value={cadence}
                  onChange={setCadence}
                />
              </Field>
            </Stack>
            <Field label="Message" noMargin>
              <TextArea
                rows={6}
                data-testid={testIds.incidentDetail.updateText}
                value={message}
                onChange={(e) => setMessage(e.currentTarget.value)}
              />
            </Field>
            <Stack gap={1}>
              <Button
                variant="secondary"
                icon="file-alt"
                data-testid={testIds.incidentDetail.useTemplate}
                onClick={() => setMessage(statusUpdateTemplate(audience, incident, now + cadence * 60_000))}
              >
                {`Use ${audience} template`}
              </Button>
              <Button
                disabled={pending || message.trim() === ''}
                data-testid={testIds.incidentDetail.postUpdate}
                onClick={post}
              >
                Post update
              </Button>
              <ClipboardButton variant="secondary" icon="copy" disabled={message.trim() === ''} getText={() => message}>
                Copy draft
              </ClipboardButton>
            </Stack>
          </Stack>
        )}
        {previous.length === 0 ? (
          <Text color="secondary">No status updates yet.</Text>
        ) : (
          <ul className={styles.list}>
            {previous.map((u) => (
              <li key={u.id} data-testid={testIds.incidentDetail.update}>
                <Card noMargin>
                  <Card.Heading>{`${formatTime(u.at)} · ${u.author}`}</Card.Heading>
                  <Card.Tags>
                    <Badge
                      color={u.audience === 'external' ? 'purple' : 'blue'}
                      text={u.audience === 'external' ? 'External' : 'Internal'}
                    />
                  </Card.Tags>
                  <Card.Description>
                    <span className={styles.message}>{u.message}</span>
                  </Card.Description>
                  <Card.Actions>
                    <ClipboardButton variant="secondary" size="sm" icon="copy" getText={() => u.message}>
                      Copy
                    </ClipboardButton>
                  </Card.Actions>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </Stack>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  message: css({ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }),
});
