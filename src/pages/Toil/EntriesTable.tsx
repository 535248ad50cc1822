import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, IconButton, Stack, Text, TextLink, useStyles2 } from '@grafana/ui';
import { TOIL_KIND_LABELS, type ToilEntry, formatToilMinutes, isToilLink } from '../../domain/toil';
import { isIncidentId } from '../../domain/incident/ids';
import { appHref } from '../../components/links';
import { testIds } from '../../components/testIds';
import { ROUTES } from '../../constants';
import { ConflictValues } from './ConflictChoice';
import { formatWhen } from './format';
import { dataTableStyle } from '../../components/tableStyles';

interface Props {
  entries: ToilEntry[];
  canWrite: boolean;
  onEdit: (entry: ToilEntry) => void;
  onDelete: (entry: ToilEntry) => void;
}

const DERIVED_LABEL = { incident: 'Derived: incident', page: 'Derived: page' } as const;

/** A link only when it is one we store (incident id or http(s) URL): anything else is shown as text. */
function EntryLink({ link }: { link: string }) {
  if (!isToilLink(link)) {
    return <Text color="secondary">{link}</Text>;
  }
  if (isIncidentId(link)) {
    return <TextLink href={appHref(`${ROUTES.Incidents}/${link}`)}>{link}</TextLink>;
  }
  return (
    <TextLink href={link} external>
      {link}
    </TextLink>
  );
}

/** One page of entries: when, team, who, task (link, note), duration, kind, markers and the row's actions. */
export function EntriesTable({ entries, canWrite, onEdit, onDelete }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <table className={styles.table} data-testid={testIds.toil.entries}>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Team</th>
          <th scope="col">Who</th>
          <th scope="col">Task</th>
          <th scope="col">Duration</th>
          <th scope="col">Kind</th>
          <th scope="col">
            <span className={styles.hidden}>Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={`${e.derived ?? 'logged'}-${e.id}`} data-testid={testIds.toil.entryRow}>
            <td className={styles.nowrap}>{formatWhen(e.at)}</td>
            <td>{e.team}</td>
            <td>{e.who}</td>
            <td className={styles.task}>
              <Stack direction="column" gap={0.5}>
                <span>{e.task}</span>
                {e.derived && (
                  <span>
                    <Badge
                      color="purple"
                      icon="calculator-alt"
                      text={DERIVED_LABEL[e.derived]}
                      tooltip="Computed from incidents or alerts on every read; not stored, not editable"
                    />
                  </span>
                )}
                {e.link && <EntryLink link={e.link} />}
                {e.note && (
                  <Text color="secondary" variant="bodySmall">
                    {e.note}
                  </Text>
                )}
                {e.conflicts.length > 0 && (
                  <details className={styles.warning}>
                    <summary>Conflicting edits: both values kept</summary>
                    <ConflictValues conflicts={e.conflicts} theirs="Shown" mine="Overwritten" />
                  </details>
                )}
                {e.staleDelete && (
                  <span className={styles.warning}>
                    {e.staleDelete.by} deleted an older version on {formatWhen(e.staleDelete.at)}; kept because it was
                    changed since. Delete it again to remove it.
                  </span>
                )}
              </Stack>
            </td>
            <td className={styles.nowrap}>{formatToilMinutes(e.durationMinutes)}</td>
            <td>{TOIL_KIND_LABELS[e.kind] ?? e.kind}</td>
            <td className={styles.nowrap}>
              {canWrite && !e.derived && (
                <>
                  <IconButton name="pen" aria-label={`Edit ${e.task}`} onClick={() => onEdit(e)} />
                  <IconButton name="trash-alt" aria-label={`Delete ${e.task}`} onClick={() => onDelete(e)} />
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  table: dataTableStyle(theme),
  task: css({ wordBreak: 'break-word', maxWidth: 480 }),
  nowrap: css({ whiteSpace: 'nowrap' }),
  warning: css({ color: theme.colors.warning.text, fontSize: theme.typography.bodySmall.fontSize }),
  hidden: css({ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }),
});
