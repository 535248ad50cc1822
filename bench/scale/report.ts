/** The scale bench's report: per-SLO costs, their ratio across N, the extrapolation to 10,000 and Pyrra's. */
import { SERIES } from '../../src/domain/rules';
import type { SnapshotDelta } from './metrics';

/** The hourly group's rule, run every round by the bench and counted once an hour in steady state. */
const HOURLY_RULE = new RegExp(`^${SERIES.periodErrorRatioHourly}$`);

/** ours: the generated rules; floor: the same groups and rules reading nothing; pyrra: Pyrra-equivalent rules. */
export type Variant = 'ours' | 'floor' | 'pyrra';

export interface VariantResult extends SnapshotDelta {
  variant: Variant;
  slos: number;
  ruleTimings: Array<{ rule: string; count: number; sec: number }>;
}

export interface ScaleReport {
  generatedAt: string;
  prometheus: string;
  config: {
    intervalSec: number;
    rawHours: number;
    rollupDays: number;
    measureSec: number;
    sizes: number[];
    smoke: boolean;
  };
  shapes: Array<{
    slos: number;
    rawSeries: number;
    samples: number;
    rulesOurs: number;
    recordingRulesOurs: number;
    rulesPyrra: number;
    recordingRulesPyrra: number;
  }>;
  results: VariantResult[];
  totalSec: number;
}

const TARGET_SLOS = 10_000;
const f = (x: number, d = 3): string => x.toFixed(d);
const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;

/** Per-SLO evaluation seconds per round. */
export const perSlo = (r: VariantResult): number => r.evalSecPerRound / r.slos;

/**
 * Rules whose steady-state cost per round differs from what the bench measured, and by what factor:
 * - our hourly rule runs once an hour (the bench runs it every round to measure it: × interval / 1h), and reads 30 d
 *   of roll-ups where the bench has `rollupDays` (× 30 / rollupDays; its cost is linear in the samples read);
 *   the floor's copy reads nothing, so only the cadence counts;
 * - Pyrra's 30-day totals read 30 d of raw series and its longest burn rate 4d6h51m (the bench has `rawHours`).
 */
export function steadyStateFactors(
  cfg: ScaleReport['config'],
  variant: Variant = 'ours'
): Array<{ match: RegExp; factor: number; why: string }> {
  const hourly = cfg.intervalSec / 3600;
  const cadence = `runs once an hour, not every ${cfg.intervalSec}s round`;
  return [
    {
      match: HOURLY_RULE,
      ...(variant === 'floor'
        ? { factor: hourly, why: cadence }
        : {
            factor: (30 / cfg.rollupDays) * hourly,
            why: `reads 30 d of roll-ups, ${cfg.rollupDays} d backfilled, and ${cadence}`,
          }),
    },
    {
      match: /:(increase|count|sum)30d$/,
      factor: 720 / cfg.rawHours,
      why: `reads 720 h of raw series, ${cfg.rawHours} h backfilled`,
    },
    {
      match: /:burnrate4d6h51m$/,
      factor: Math.max(1, 102.85 / cfg.rawHours),
      why: `reads 102.85 h of raw series, ${cfg.rawHours} h backfilled`,
    },
  ];
}

/** Evaluation seconds per round once every rule reads its full range (see steadyStateFactors), and the terms. */
export function steadyState(r: VariantResult, cfg: ScaleReport['config']): { sec: number; terms: string[] } {
  const measuredRules = r.ruleTimings.reduce((a, x) => a + x.sec, 0);
  let extra = 0;
  const terms: string[] = [];
  for (const t of r.ruleTimings) {
    const f = steadyStateFactors(cfg, r.variant).find((x) => x.match.test(t.rule));
    if (f && f.factor !== 1) {
      extra += t.sec * (f.factor - 1);
      terms.push(`\`${t.rule}\` ${t.sec.toFixed(4)} s × (${f.factor.toFixed(4)} − 1) (${f.why})`);
    }
  }
  // Scale the rules' extra cost onto the per-round total (rule timings are one round's last evaluations).
  const scale = measuredRules > 0 ? r.evalSecPerRound / measuredRules : 1;
  return { sec: r.evalSecPerRound + extra * scale, terms };
}

/**
 * What the target allows per SLO, against ours and the floor in steady state: the floor is what evaluating this many
 * rules per SLO costs here whatever they compute, so a rule layout whose floor misses the target cannot meet it.
 */
function targetSection(rep: ScaleReport): string[] {
  const iv = rep.config.intervalSec;
  const allowedMs = ((0.1 * iv) / TARGET_SLOS) * 1000;
  const biggest = (v: Variant) =>
    rep.results.filter((r) => r.variant === v).sort((a, b) => b.slos - a.slos)[0] as VariantResult | undefined;
  const ours = biggest('ours');
  const floor = biggest('floor');
  if (!ours || !floor) {
    return [];
  }
  const ssMs = (r: VariantResult) => (steadyState(r, rep.config).sec / r.slos) * 1000;
  // Rule evaluations per SLO per round in steady state: the hourly group's rules count once an hour.
  const hourlyRules = floor.ruleTimings.find((t) => HOURLY_RULE.test(t.rule))?.count ?? 0;
  const perSloRules = (floor.rules - hourlyRules + (hourlyRules * iv) / 3600) / floor.slos;
  const perRuleUs = (ssMs(floor) / perSloRules) * 1000;
  const fits = Math.floor(allowedMs / (ssMs(floor) / perSloRules));
  return [
    '## What the target allows',
    '',
    `- 10% of one core at a ${iv}s interval for 10,000 SLOs: 0.1 × ${iv} s / 10,000 = **${f(allowedMs)} ms per SLO per round**.`,
    `- ours in steady state: ${f(ssMs(ours))} ms per SLO per round at ${ours.slos} SLOs (${f(ssMs(ours) / allowedMs, 1)}× the allowance).`,
    `- floor in steady state: ${f(ssMs(floor))} ms per SLO per round at ${floor.slos} SLOs (${f(ssMs(floor) / allowedMs, 1)}× the allowance): ` +
      `about ${f(perRuleUs, 0)} µs per rule evaluation (${f(perSloRules, 2)} rule evaluations per SLO per round) ` +
      `before a rule reads a sample. At that price the allowance pays for about ${fits} rule evaluations per SLO per round.`,
    '',
  ];
}

export function renderMarkdown(rep: ScaleReport): string {
  const iv = rep.config.intervalSec;
  const lines: string[] = [
    '# scale-rules: what N SLOs cost on a real Prometheus',
    '',
    `Generated ${rep.generatedAt} by \`npm run bench:scale\` (bench/scale/) on ${rep.prometheus}; total ${rep.totalSec} s.`,
    `Rule interval ${iv}s; raw series ${rep.config.rawHours} h at 60s; our hourly roll-ups backfilled for ` +
      `${rep.config.rollupDays} d; measured ${rep.config.measureSec} s per run after one warm-up round.`,
    '',
    '| variant | SLOs | groups | rules | rounds | eval s/round | ms/SLO/round | eval core share | process CPU | head series | RSS MiB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rep.results) {
    lines.push(
      `| ${r.variant} | ${r.slos} | ${r.groups} | ${r.rules} | ${f(r.rounds, 1)} | ${f(r.evalSecPerRound)} | ` +
        `${f(perSlo(r) * 1000)} | ${pct(r.evalCoreShare)} | ${pct(r.cpuCoreShare)} | ${r.headSeries} | ${(r.rssBytes / 2 ** 20).toFixed(0)} |`
    );
  }
  lines.push('', '## Per-SLO cost and the extrapolation to 10,000 SLOs', '');
  for (const v of ['ours', 'floor', 'pyrra'] as const) {
    const rs = rep.results.filter((r) => r.variant === v).sort((a, b) => a.slos - b.slos);
    if (!rs.length) {
      continue;
    }
    const big = rs[rs.length - 1];
    const small = rs[0];
    const c = perSlo(big);
    const total = c * TARGET_SLOS;
    const ss = steadyState(big, rep.config);
    const cs = ss.sec / big.slos;
    lines.push(`**${v}**${v === 'floor' ? ' (the same groups and rules as ours, each reading nothing)' : ''}`, '');
    if (rs.length > 1) {
      lines.push(
        `- Constant in N: per-SLO cost at ${big.slos} / at ${small.slos} = ${f(perSlo(big) * 1000)} ms / ` +
          `${f(perSlo(small) * 1000)} ms = ${f(perSlo(big) / perSlo(small), 2)}.`
      );
    }
    lines.push(
      `- 10,000 SLOs: ${f(c * 1000)} ms/SLO/round × 10,000 = ${f(total, 2)} s of evaluation per ${iv}s round ` +
        `= ${pct(total / iv)} of one core, as measured.`,
      `- Steady state (every rule reading its full range, each group at its own interval): ${f(big.evalSecPerRound)} s + ` +
        (ss.terms.length ? ss.terms.join(' + ') : '0') +
        ` (scaled by round total / sum of rule timings) = ${f(ss.sec)} s per round at ${big.slos}, ` +
        `${f(cs * 1000)} ms/SLO × 10,000 = ${f(cs * TARGET_SLOS, 2)} s per ${iv}s = **${pct((cs * TARGET_SLOS) / iv)} of one core** ` +
        `(target ≤ 10%: ${(cs * TARGET_SLOS) / iv <= 0.1 ? 'met' : 'MISSED'}).`,
      `- Process CPU at ${big.slos}: ${pct(big.cpuCoreShare)} of a core → ×${TARGET_SLOS / big.slos} = ` +
        `${pct((big.cpuCoreShare * TARGET_SLOS) / big.slos)} (includes TSDB and GC work, an upper bound).`,
      `- Recorded series: ${big.headSeries} at ${big.slos} SLOs → about ${Math.round((big.headSeries / big.slos) * TARGET_SLOS).toLocaleString('en-US')} at 10,000; ` +
        `RSS ${(big.rssBytes / 2 ** 20).toFixed(0)} MiB at ${big.slos}.`,
      '',
      `Costliest rules at ${big.slos} SLOs (last evaluation, summed over groups, /api/v1/rules):`,
      '',
      '| rule | copies | s (sum) | share |',
      '|---|---:|---:|---:|'
    );
    const all = big.ruleTimings.reduce((a, r) => a + r.sec, 0) || 1;
    for (const r of big.ruleTimings.slice(0, 8)) {
      lines.push(`| \`${r.rule}\` | ${r.count} | ${f(r.sec, 4)} | ${pct(r.sec / all)} |`);
    }
    lines.push('');
  }
  lines.push(...targetSection(rep));
  lines.push(
    '## Notes',
    '',
    '- eval s/round is Δ`prometheus_rule_group_duration_seconds_sum` / rounds: wall time of groups that run concurrently, ' +
      'so on a busy machine it includes waiting for a CPU. process CPU is Δ`process_cpu_seconds_total` / Δt and also ' +
      'covers TSDB head, WAL and GC work. Both are reported.',
    '- ours and floor load every group at the round interval, the hourly groups too, so each is measured; the Steady ' +
      'state lines count the hourly groups once an hour.',
    '- Data: raw series for the longest raw range our rules read (3d) plus an hour, one sample a minute, ending when ' +
      'the run starts; our hourly roll-ups backfilled at the interval the rules record them. Rules whose steady-state ' +
      'range is longer than the backfill are extrapolated linearly in samples read (Steady state lines).',
    '- Pyrra runs here at the same interval as ours. At its own intervals (burn-rate group every 30s, increase group ' +
      'every 2m30s for a 30d window) its burn-rate rules cost twice as much and its 30-day totals 0.4 times.',
    '- The ALERTS series of firing alerts are part of head series; alerts here rarely fire (healthy data).'
  );
  return lines.join('\n') + '\n';
}
