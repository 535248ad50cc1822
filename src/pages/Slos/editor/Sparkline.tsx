import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

interface Props {
  /** [epoch ms, value], oldest first. */
  points: Array<[number, number]>;
  /** A horizontal reference line (the objective). */
  reference: number;
  label: string;
  width?: number;
  height?: number;
}

/** Scales points into the box; the y range always includes the reference so the objective line is visible. */
export function sparklinePaths(points: Array<[number, number]>, reference: number, width: number, height: number) {
  const xs = points.map((p) => p[0]);
  const ys = [...points.map((p) => p[1]), reference];
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const pad = (y1 - y0) * 0.1 || Math.abs(reference) * 0.001 || 0.001;
  y0 -= pad;
  y1 += pad;
  const sx = (x: number) => (x1 === x0 ? width / 2 : ((x - x0) / (x1 - x0)) * width);
  const sy = (y: number) => height - ((y - y0) / (y1 - y0)) * height;
  const line = points.map(([x, y], i) => `${i ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ');
  return { line, referenceY: sy(reference) };
}

/** A small themable SVG line chart with a dashed reference line. */
export function Sparkline({ points, reference, label, width = 480, height = 80 }: Props) {
  const styles = useStyles2(getStyles);
  const { line, referenceY } = sparklinePaths(points, reference, width, height);
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      <line className={styles.reference} x1={0} x2={width} y1={referenceY} y2={referenceY} />
      <path className={styles.line} d={line} />
    </svg>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  svg: css({ width: '100%', height: 80, display: 'block' }),
  line: css({ fill: 'none', stroke: theme.colors.primary.main, strokeWidth: 1.5, vectorEffect: 'non-scaling-stroke' }),
  reference: css({
    stroke: theme.colors.warning.main,
    strokeDasharray: '4 3',
    strokeWidth: 1,
    vectorEffect: 'non-scaling-stroke',
  }),
});
