/**
 * The SLO's panels as plain data, shared by the scene (VizPanel) and the generated dashboard JSON, so both show
 * the same queries with the same thresholds. Pure: no React, no scenes.
 */
import type { Slo } from '../../../domain/slo/model';
import { AT_RISK_REMAINING, BURNING_FAST_RATE } from '../../../domain/slo/budget';
import { burnRateThresholds, burnRateTiers, sloQueries, type PromTarget, type ThresholdStep } from './queries';

export type PanelType = 'stat' | 'gauge' | 'timeseries' | 'table';

export interface PanelSpec {
  key: string;
  type: PanelType;
  title: string;
  description?: string;
  targets: PromTarget[];
  /** Grafana `fieldConfig.defaults`. */
  defaults: Record<string, unknown>;
  options: Record<string, unknown>;
  transformations?: Array<{ id: string; options: Record<string, unknown> }>;
  /** Width and height on a 24-column dashboard grid. */
  size: { w: number; h: number };
}

const thresholds = (steps: ThresholdStep[]) => ({ mode: 'absolute', steps });
const lastValue = { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false } };
const lineThresholds = { thresholdsStyle: { mode: 'line' } };

/** Stat tiles: the current SLI, remaining budget and 1h burn rate. */
export function tileSpecs(slo: Slo): PanelSpec[] {
  const q = sloQueries(slo);
  const target = slo.objective.target;
  return [
    {
      key: 'sli-now',
      type: 'stat',
      title: 'SLI over the window',
      description: `Objective ${(target * 100).toPrecision(6).replace(/\.?0+$/, '')}%`,
      targets: [{ ...q.sli, instant: true, range: false }],
      defaults: {
        unit: 'percentunit',
        decimals: 3,
        thresholds: thresholds([
          { value: null, color: 'red' },
          { value: target, color: 'green' },
        ]),
      },
      options: { ...lastValue, colorMode: 'value', graphMode: 'none' },
      size: { w: 6, h: 5 },
    },
    {
      key: 'budget-now',
      type: 'gauge',
      title: 'Error budget remaining',
      targets: [{ ...q.budgetRemaining, instant: true, range: false }],
      defaults: {
        unit: 'percentunit',
        min: 0,
        max: 1,
        decimals: 1,
        thresholds: thresholds([
          { value: null, color: 'red' },
          { value: 0, color: 'orange' },
          { value: AT_RISK_REMAINING, color: 'green' },
        ]),
      },
      options: { ...lastValue, showThresholdMarkers: true },
      size: { w: 6, h: 5 },
    },
    {
      key: 'burn-now',
      type: 'stat',
      title: 'Burn rate (1h)',
      description: '1 spends exactly the budget over the SLO window',
      targets: [{ ...q.burnRate1h, instant: true, range: false }],
      defaults: {
        unit: 'none',
        decimals: 2,
        thresholds: thresholds([
          { value: null, color: 'green' },
          { value: 1, color: 'orange' },
          { value: BURNING_FAST_RATE, color: 'red' },
        ]),
      },
      options: { ...lastValue, colorMode: 'value', graphMode: 'area' },
      size: { w: 6, h: 5 },
    },
  ];
}

/** The SLI over time with the objective as a threshold line. */
export function sliSpec(slo: Slo): PanelSpec {
  return {
    key: 'sli',
    type: 'timeseries',
    title: 'SLI',
    targets: [sloQueries(slo).sli],
    defaults: {
      unit: 'percentunit',
      decimals: 3,
      custom: { ...lineThresholds },
      thresholds: thresholds([
        { value: null, color: 'red' },
        { value: slo.objective.target, color: 'green' },
      ]),
    },
    options: { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi' } },
    size: { w: 12, h: 8 },
  };
}

/** Time series: SLI, the budget burn-down, and burn rate per alert window with tier factors as thresholds. */
export function seriesSpecs(slo: Slo): PanelSpec[] {
  const q = sloQueries(slo);
  const legend = { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi' } };
  return [
    sliSpec(slo),
    {
      key: 'budget',
      type: 'timeseries',
      title: 'Error budget remaining (burn-down)',
      targets: [q.budgetRemaining],
      defaults: {
        unit: 'percentunit',
        decimals: 1,
        custom: { ...lineThresholds, fillOpacity: 10 },
        thresholds: thresholds([
          { value: null, color: 'red' },
          { value: 0, color: 'green' },
        ]),
      },
      options: legend,
      size: { w: 12, h: 8 },
    },
    {
      key: 'burn',
      type: 'timeseries',
      title: 'Burn rate per alert window',
      description: 'Each enabled tier alerts when its long and short window both exceed its factor',
      targets: q.tierBurnRates,
      defaults: {
        unit: 'none',
        decimals: 2,
        custom: { ...lineThresholds },
        thresholds: thresholds(burnRateThresholds(burnRateTiers(slo))),
      },
      options: legend,
      size: { w: 24, h: 8 },
    },
  ];
}

/** Pending and firing burn-rate alerts: one row per tier with its state. */
export function alertsSpec(slo: Slo): PanelSpec {
  return {
    key: 'alerts',
    type: 'table',
    title: 'Burn-rate alerts',
    targets: [sloQueries(slo).alerts],
    defaults: { noValue: 'No alerts firing (or the rules are not installed)' },
    options: { showHeader: true, cellHeight: 'sm' },
    transformations: [
      {
        id: 'filterFieldsByName',
        options: { include: { names: ['burnrate_tier', 'severity', 'alertstate', 'long_window', 'short_window'] } },
      },
    ],
    size: { w: 24, h: 6 },
  };
}
