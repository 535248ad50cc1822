import React, { useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Button, Field, RadioButtonGroup, Stack, Text, TextArea, useStyles2 } from '@grafana/ui';
import type { LoadedIncident } from '../../../api/incidents';
import { testIds } from '../../../components/testIds';
import { NOTE_KINDS, type NoteKind } from '../../../domain/incident/events';
import { formatTime } from '../format';
import type { EventPayload } from './commands';
import { timelineEntries, type TimelineOrder } from './timeline';

const ORDER_OPTIONS: Array<{ value: TimelineOrder; label: string }> = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
];
const KIND_OPTIONS = NOTE_KINDS.map((k) => ({ value: k, label: k[0].toUpperCase() + k.slice(1) }));

interface Props {
  incident: LoadedIncident;
  canWrite: boolean;
  pending: boolean;
  run: (payload: EventPayload) => Promise<boolean>;
}

/** Every event with time, author and a plain-text description, plus the "add note" form. */
export function TimelineSection({ incident, canWrite, pending, run }: Props) {
  const styles = useStyles2(getStyles);
  const [order, setOrder] = useState<TimelineOrder>('newest');
  const [kind, setKind] = useState<NoteKind>('observation');
  const [text, setText] = useState('');

  const addNote = async () => {
    const note = text.trim();
    if (note !== '' && (await run({ type: 'note', kind, text: note }))) {
      setText('');
    }
  };

  return (
    <section data-testid={testIds.incidentDetail.timeline} aria-label="Timeline">
      <Stack direction="column" gap={1}>
        <Stack justifyContent="space-between" alignItems="center">
          <Text element="h3" variant="h4">
            Timeline
          </Text>
          <div data-testid={testIds.incidentDetail.timelineOrder}>
            <RadioButtonGroup
              aria-label="Timeline order"
              size="sm"
              options={ORDER_OPTIONS}
              value={order}
              onChange={setOrder}
            />
          </div>
        </Stack>
        {canWrite && (
          <Stack direction="column" gap={1}>
            <Field label="Note kind" noMargin>
              <div data-testid={testIds.incidentDetail.noteKind}>
                <RadioButtonGroup aria-label="Note kind" options={KIND_OPTIONS} value={kind} onChange={setKind} />
              </div>
            </Field>
            <Field label="Note" noMargin>
              <TextArea
                rows={2}
                data-testid={testIds.incidentDetail.noteText}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
              />
            </Field>
            <div>
              <Button
                icon="comment-alt"
                disabled={pending || text.trim() === ''}
                data-testid={testIds.incidentDetail.addNote}
                onClick={addNote}
              >
                Add note
              </Button>
            </div>
          </Stack>
        )}
        <ol className={styles.list}>
          {timelineEntries(incident.timeline, order).map((entry) => (
            <li key={entry.id} className={styles.entry} data-testid={testIds.incidentDetail.timelineEntry}>
              <Text variant="bodySmall" color="secondary">{`${formatTime(entry.at)} · ${entry.author}`}</Text>
              <div className={styles.text}>{entry.description}</div>
            </li>
          ))}
        </ol>
      </Stack>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', margin: 0, padding: 0 }),
  entry: css({
    borderLeft: `2px solid ${theme.colors.border.medium}`,
    padding: theme.spacing(0.5, 0, 0.5, 1.5),
  }),
  text: css({ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }),
});
