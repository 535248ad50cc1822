import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import type { DataFrame } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { testIds } from '../../components/testIds';
import { makeToilTrendScene } from './trendScene';

/** Renders the trend scene; a new frame or range builds a new scene. */
export function ToilTrend({ frame, range }: { frame: DataFrame; range: { from: number; to: number } }) {
  const styles = useStyles2(getStyles);
  const scene = useMemo(() => makeToilTrendScene(frame, range), [frame, range]);
  return (
    <div data-testid={testIds.toil.trend} className={styles.scene}>
      <scene.Component model={scene} />
    </div>
  );
}

// A scene in a plain block gives its panels no height: the container is a flex column with room for the panel.
const getStyles = () => ({
  scene: css({ display: 'flex', flexDirection: 'column', minHeight: 290 }),
});
