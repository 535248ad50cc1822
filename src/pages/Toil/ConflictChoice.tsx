import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Stack, useStyles2 } from '@grafana/ui';
import type { ToilConflict } from '../../domain/toil';
import type { ToilConflictError } from '../../api/toil';
import { testIds } from '../../components/testIds';
import { FIELD_LABELS, formatToilValue } from './format';

/** Both versions of each conflicting field, as text: the stored one and the one that lost (or would lose). */
export function ConflictValues({
  conflicts,
  theirs,
  mine,
}: {
  conflicts: ToilConflict[];
  theirs: string;
  mine: string;
}) {
  const styles = useStyles2(getStyles);
  return (
    <dl className={styles.list}>
      {conflicts.map((c, i) => (
        <div key={`${c.field}-${i}`}>
          <dt>{FIELD_LABELS[c.field] ?? c.field}</dt>
          <dd>
            {theirs} ({c.kept.by}): <span className={styles.value}>{formatToilValue(c.field, c.kept.value)}</span>
          </dd>
          <dd>
            {mine} ({c.overwritten.by}):{' '}
            <span className={styles.value}>{formatToilValue(c.field, c.overwritten.value)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface Props {
  error: ToilConflictError;
  /** What "mine" does: "Save my version" (edit) or "Delete anyway" (delete). */
  applyLabel: string;
  onApply: () => void;
  onKeepTheirs: () => void;
  busy?: boolean;
}

/**
 * A write refused because someone else changed or deleted the entry meanwhile: both values of each field and a
 * choice. Nothing was sent; applying re-does the change on top of the entry as stored now.
 */
export function ConflictChoice({ error, applyLabel, onApply, onKeepTheirs, busy }: Props) {
  return (
    <div data-testid={testIds.toil.conflict}>
      <Alert severity="warning" title={error.deleted ? 'Entry deleted meanwhile' : 'Someone else changed this entry'}>
        <Stack direction="column" gap={1}>
          <div>{error.message}</div>
          {error.conflicts.length > 0 && (
            <ConflictValues conflicts={error.conflicts} theirs="Now stored" mine="Yours" />
          )}
          <Stack gap={1}>
            {!error.deleted && error.current && (
              <Button size="sm" variant="destructive" onClick={onApply} disabled={busy}>
                {applyLabel}
              </Button>
            )}
            <Button size="sm" variant="secondary" onClick={onKeepTheirs} disabled={busy}>
              {error.deleted ? 'Close' : 'Keep theirs'}
            </Button>
          </Stack>
        </Stack>
      </Alert>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ margin: 0, dt: { fontWeight: theme.typography.fontWeightMedium }, dd: { marginLeft: theme.spacing(2) } }),
  value: css({ fontFamily: theme.typography.fontFamilyMonospace, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }),
});
