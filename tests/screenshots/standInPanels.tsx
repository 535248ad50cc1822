/**
 * Stand-ins for Grafana's own panel plugins (stat, timeseries, table, logs, ...), which ship only inside Grafana.
 * They draw the same data with @grafana/ui pieces or plain SVG so screenshots show the scenes with real query
 * results; every stand-in is captioned "stand-in" so nobody mistakes it for Grafana's panel.
 */
import React from 'react';
import { css } from '@emotion/css';
import {
  FieldType,
  PanelPlugin,
  standardFieldConfigEditorRegistry,
  getValueFormat,
  formattedValueToString,
  type DataFrame,
  type GrafanaTheme2,
  type PanelProps,
} from '@grafana/data';
import { BigValue, BigValueColorMode, BigValueGraphMode, useStyles2, useTheme2 } from '@grafana/ui';

function numericSeries(frames: DataFrame[]) {
  return frames.flatMap((frame) => {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    return frame.fields
      .filter((f) => f.type === FieldType.number)
      .map((f) => ({
        field: f,
        name: f.config.displayNameFromDS ?? frame.name ?? f.name,
        times: (time?.values ?? []) as number[],
        values: f.values as number[],
      }));
  });
}

function format(value: number, unit?: string, decimals?: number) {
  return formattedValueToString(getValueFormat(unit ?? 'none')(value, decimals ?? 2));
}

function Caption() {
  const styles = useStyles2(getStyles);
  return <span className={styles.caption}>stand-in</span>;
}

function StatStandIn({ data, width, height, fieldConfig }: PanelProps) {
  const theme = useTheme2();
  const series = numericSeries(data.series)[0];
  const last = series?.values[series.values.length - 1];
  // VizPanel applies the panel's field config to each field, as Grafana does: read the field's own config.
  const defaults = { ...fieldConfig.defaults, ...series?.field.config };
  const steps = defaults.thresholds?.steps ?? [];
  const step = [...steps]
    .reverse()
    .find((s) => last !== undefined && (s.value === -Infinity || s.value === null || last >= s.value));
  const color = step ? theme.visualization.getColorByName(step.color) : theme.colors.text.primary;
  const text =
    last === undefined || Number.isNaN(last) ? 'No data' : format(last, defaults.unit, defaults.decimals ?? undefined);
  return (
    <div style={{ position: 'relative' }}>
      <BigValue
        theme={theme}
        width={width}
        height={height}
        value={{ numeric: last ?? 0, text, color }}
        colorMode={BigValueColorMode.Value}
        graphMode={BigValueGraphMode.None}
      />
      <Caption />
    </div>
  );
}

function TimeSeriesStandIn({ data, width, height, fieldConfig }: PanelProps) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const series = numericSeries(data.series);
  const config = { ...fieldConfig.defaults, ...series[0]?.field.config };
  const all = series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const thresholds = (config.thresholds?.steps ?? []).filter((s) => Number.isFinite(s.value));
  const values = [...all, ...thresholds.map((t) => t.value)];
  const min = config.min ?? Math.min(...values);
  const max = config.max ?? Math.max(...values);
  const t0 = data.timeRange.from.valueOf();
  const t1 = data.timeRange.to.valueOf();
  const pad = 44;
  const h = height - 24;
  const x = (t: number) => pad + ((t - t0) / (t1 - t0 || 1)) * (width - pad - 8);
  const y = (v: number) => 8 + (1 - (v - min) / (max - min || 1)) * (h - 16);
  const palette = theme.visualization.palette;
  return (
    <div style={{ position: 'relative' }}>
      <svg width={width} height={h} role="img" aria-label="time series (stand-in)">
        <text x={4} y={14} className={styles.axis}>
          {format(max, fieldConfig.defaults.unit)}
        </text>
        <text x={4} y={h - 6} className={styles.axis}>
          {format(min, fieldConfig.defaults.unit)}
        </text>
        {thresholds.map((t, i) => (
          <line
            key={i}
            x1={pad}
            x2={width - 8}
            y1={y(t.value)}
            y2={y(t.value)}
            stroke={theme.visualization.getColorByName(t.color)}
            strokeDasharray="6 4"
          />
        ))}
        {series.map((s, i) => (
          <polyline
            key={i}
            fill="none"
            strokeWidth={1.5}
            stroke={theme.visualization.getColorByName(palette[i % palette.length])}
            points={s.times.map((t, j) => `${x(t)},${y(s.values[j])}`).join(' ')}
          />
        ))}
      </svg>
      <div className={styles.legend}>
        {series.map((s, i) => (
          <span key={i} style={{ color: theme.visualization.getColorByName(palette[i % palette.length]) }}>
            ▬ {s.name}
          </span>
        ))}
      </div>
      <Caption />
    </div>
  );
}

function TableStandIn({ data }: PanelProps) {
  const styles = useStyles2(getStyles);
  const frame = data.series[0];
  if (!frame || frame.length === 0) {
    return <div className={styles.empty}>No data</div>;
  }
  return (
    <div style={{ position: 'relative' }}>
      <table className={styles.table}>
        <thead>
          <tr>
            {frame.fields.map((f) => (
              <th key={f.name}>{f.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: frame.length }, (_, r) => (
            <tr key={r}>
              {frame.fields.map((f) => (
                <td key={f.name}>{String(f.values[r])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Caption />
    </div>
  );
}

function LogsStandIn({ data }: PanelProps) {
  const styles = useStyles2(getStyles);
  const lines = data.series.flatMap((frame) => {
    const time = frame.fields.find((f) => f.type === FieldType.time);
    const line = frame.fields.find((f) => f.type === FieldType.string);
    return Array.from({ length: frame.length }, (_, i) => ({
      t: time?.values[i] as number,
      text: String(line?.values[i] ?? ''),
    }));
  });
  lines.sort((a, b) => b.t - a.t);
  return (
    <div style={{ position: 'relative' }} className={styles.logs}>
      {lines.map((l, i) => (
        <div key={i}>
          <span className={styles.axis}>{new Date(l.t).toISOString().slice(11, 19)}</span> {l.text}
        </div>
      ))}
      <Caption />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  caption: css({ position: 'absolute', right: 4, bottom: 2, fontSize: 10, color: theme.colors.text.disabled }),
  axis: css({ fill: theme.colors.text.secondary, color: theme.colors.text.secondary, fontSize: 11 }),
  legend: css({
    display: 'flex',
    gap: theme.spacing(2),
    fontSize: theme.typography.bodySmall.fontSize,
    paddingLeft: 44,
  }),
  table: css({
    width: '100%',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
  }),
  logs: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: 12,
    lineHeight: 1.6,
    overflow: 'hidden',
    height: '100%',
  }),
  empty: css({ color: theme.colors.text.secondary, padding: theme.spacing(1) }),
});

// Grafana fills this registry with its standard field options at start-up; panels only keep the field config
// (unit, decimals, min, max, thresholds...) whose option is registered. Register pass-through items for those.
standardFieldConfigEditorRegistry.setInit(() =>
  [
    'unit',
    'decimals',
    'min',
    'max',
    'thresholds',
    'color',
    'displayName',
    'noValue',
    'mappings',
    'links',
    'custom',
  ].map((id) => ({
    id,
    path: id,
    name: id,
    editor: () => null,
    override: () => null,
    process: (value: unknown) => value,
    shouldApply: () => true,
  }))
);

const plugin = (id: string, name: string, component: React.ComponentType<PanelProps>) => {
  const p = new PanelPlugin(component).useFieldConfig();
  p.meta = { id, name, type: 'panel', info: { logos: { small: '', large: '' } } } as PanelPlugin['meta'];
  return p;
};

export const STAND_IN_PANELS: Record<string, PanelPlugin> = {
  stat: plugin('stat', 'Stat', StatStandIn),
  gauge: plugin('gauge', 'Gauge', StatStandIn),
  bargauge: plugin('bargauge', 'Bar gauge', StatStandIn),
  timeseries: plugin('timeseries', 'Time series', TimeSeriesStandIn),
  table: plugin('table', 'Table', TableStandIn),
  'state-timeline': plugin('state-timeline', 'State timeline', TableStandIn),
  logs: plugin('logs', 'Logs', LogsStandIn),
  text: plugin('text', 'Text', TableStandIn),
};
