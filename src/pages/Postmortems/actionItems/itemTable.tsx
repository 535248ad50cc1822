import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, useStyles2 } from '@grafana/ui';
import { dataTableStyle } from '../../../components/tableStyles';
import { formatDay } from './format';

/** The action items tables (a postmortem's, and the view across postmortems): the table and an overdue row. */
export const getItemTableStyles = (theme: GrafanaTheme2) => ({
  table: dataTableStyle(theme, { padding: theme.spacing(0.75, 1) }),
  overdue: css({
    background: theme.colors.error.transparent,
    boxShadow: `inset 3px 0 0 ${theme.colors.error.border}`,
  }),
});

const getDueStyles = (theme: GrafanaTheme2) => ({ badge: css({ marginLeft: theme.spacing(1) }) });

/** An item's due day, with an "Overdue" badge when it is past due and still open. */
export function DueDate({ due, overdue }: { due: number; overdue: boolean }) {
  const styles = useStyles2(getDueStyles);
  return (
    <>
      {formatDay(due)}
      {overdue && <Badge className={styles.badge} text="Overdue" color="red" icon="clock-nine" />}
    </>
  );
}
