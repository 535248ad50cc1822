import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Stack, Text, useStyles2 } from '@grafana/ui';
import { testIds } from './testIds';

interface Props {
  problem: { message: string; queries: string[] };
}

/** Impossible SLO numbers shown as what they are, a problem with the queries, with the queries to check. */
export function DataProblem({ problem }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div data-testid={testIds.dataProblem}>
      <Stack direction="column" gap={0.5}>
        <Text color="warning">{problem.message}</Text>
        {problem.queries.map((q) => (
          <code key={q} className={styles.query}>
            {q}
          </code>
        ))}
      </Stack>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  query: css({
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    wordBreak: 'break-all',
  }),
});
