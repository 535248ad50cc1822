import React from 'react';
import { css, cx } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Badge, Button, Stack, useStyles2 } from '@grafana/ui';
import { testIds } from '../../../components/testIds';

export const STEP_TITLES = ['SLI and data source', 'Queries', 'Objective and window', 'Alerting', 'Details', 'Review'];

interface Props {
  step: number;
  onStep: (step: number) => void;
  perStep: number[];
  children: React.ReactNode;
}

/** The step list (each step clickable), the current step, and Back / Next. */
export function Wizard({ step, onStep, perStep, children }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.layout}>
      <nav aria-label="Editor steps">
        <ol className={styles.steps} data-testid={testIds.sloEditor.stepList}>
          {STEP_TITLES.map((title, i) => (
            <li key={title}>
              <button
                type="button"
                className={cx(styles.step, i === step && styles.current)}
                aria-current={i === step ? 'step' : undefined}
                onClick={() => onStep(i)}
              >
                <span>
                  {i + 1}. {title}
                </span>
                {perStep[i] > 0 && i < STEP_TITLES.length - 1 && <Badge color="red" text={String(perStep[i])} />}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className={styles.body}>
        <h2 className={styles.title}>{STEP_TITLES[step]}</h2>
        {children}
        <Stack gap={1}>
          <Button
            variant="secondary"
            icon="arrow-left"
            disabled={step === 0}
            onClick={() => onStep(step - 1)}
            data-testid={testIds.sloEditor.back}
          >
            Back
          </Button>
          {step < STEP_TITLES.length - 1 && (
            <Button
              variant="secondary"
              icon="arrow-right"
              onClick={() => onStep(step + 1)}
              data-testid={testIds.sloEditor.next}
            >
              Next
            </Button>
          )}
        </Stack>
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  layout: css({
    display: 'grid',
    gridTemplateColumns: 'minmax(180px, 220px) 1fr',
    gap: theme.spacing(3),
    [theme.breakpoints.down('md')]: { gridTemplateColumns: '1fr' },
  }),
  steps: css({
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  }),
  step: css({
    width: '100%',
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(1),
    background: 'none',
    border: 'none',
    borderLeft: `2px solid ${theme.colors.border.weak}`,
    color: theme.colors.text.secondary,
    textAlign: 'left',
    cursor: 'pointer',
    '&:hover': { background: theme.colors.action.hover, color: theme.colors.text.primary },
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  current: css({
    borderLeftColor: theme.colors.primary.main,
    color: theme.colors.text.primary,
    fontWeight: theme.typography.fontWeightMedium,
  }),
  body: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2), minWidth: 0 }),
  title: css({ ...theme.typography.h4, margin: 0 }),
});
