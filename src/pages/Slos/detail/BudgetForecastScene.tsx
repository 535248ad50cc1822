import React from 'react';
import { css } from '@emotion/css';
import { LoadingState, type GrafanaTheme2 } from '@grafana/data';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { Stack, Text, useStyles2 } from '@grafana/ui';
import { budgetForecast } from './forecast';
import { lastValueOf } from './frames';

export interface BudgetForecastSceneState extends SceneObjectState {
  /** SLO window length: the maths needs it to turn a burn rate into time. */
  windowMs: number;
}

/**
 * A tile with when the error budget runs out at the current 1h and 6h burn rates. Its query runner returns the
 * refIds `remaining`, `burn1h` and `burn6h`; the maths is `budgetForecast` (domain `timeToExhaustion`).
 */
export class BudgetForecastScene extends SceneObjectBase<BudgetForecastSceneState> {
  static Component = BudgetForecastRenderer;
}

function BudgetForecastRenderer({ model }: SceneComponentProps<BudgetForecastScene>) {
  const styles = useStyles2(getStyles);
  const { windowMs } = model.useState();
  const { data } = sceneGraph.getData(model).useState();
  const loading = !data || data.state === LoadingState.Loading;
  const items = budgetForecast(
    {
      remaining: lastValueOf(data?.series, 'remaining'),
      burnRate1h: lastValueOf(data?.series, 'burn1h'),
      burnRate6h: lastValueOf(data?.series, 'burn6h'),
    },
    windowMs
  );
  return (
    <section className={styles.tile} aria-label="Budget forecast">
      <Text element="h3" variant="h6">
        Budget forecast
      </Text>
      <Stack direction="column" gap={1}>
        {items.map((item) => (
          <div key={item.label}>
            <Text color="secondary" variant="bodySmall">
              {item.label}
            </Text>
            <div>
              <Text weight="medium">{loading ? 'Loading…' : item.text}</Text>
            </div>
          </div>
        ))}
      </Stack>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  tile: css({
    height: '100%',
    padding: theme.spacing(1, 2),
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
  }),
});
