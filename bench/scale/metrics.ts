/** Reading Prometheus' own metrics (text exposition of /metrics) and rule timings (/api/v1/rules) for the scale bench. */

export interface Snapshot {
  atSec: number;
  /** metric name → list of [labels, value]. */
  samples: Map<string, Array<[Record<string, string>, number]>>;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses the Prometheus text format (only what the bench needs: names, labels, values). */
export function parseMetrics(text: string, atSec: number): Snapshot {
  const samples = new Map<string, Array<[Record<string, string>, number]>>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) {
      continue;
    }
    const m = LINE.exec(line);
    if (!m) {
      continue;
    }
    const labels: Record<string, string> = {};
    for (const l of (m[3] ?? '').matchAll(LABEL)) {
      labels[l[1]] = l[2].replace(/\\"/g, '"').replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
    }
    const list = samples.get(m[1]) ?? [];
    list.push([labels, Number(m[4])]);
    samples.set(m[1], list);
  }
  return { atSec, samples };
}

function one(s: Snapshot, name: string): number {
  const v = s.samples.get(name)?.[0]?.[1];
  if (v === undefined) {
    throw new Error(`Prometheus /metrics has no ${name}`);
  }
  return v;
}

function sum(s: Snapshot, name: string, pred: (l: Record<string, string>) => boolean = () => true): number {
  return (s.samples.get(name) ?? []).filter(([l]) => pred(l)).reduce((a, [, v]) => a + v, 0);
}

export interface GroupTiming {
  group: string;
  rules: number;
  lastDurationSec: number;
}

export interface SnapshotDelta {
  measuredSec: number;
  groups: number;
  rules: number;
  /** Group evaluations in the measured period, and the rounds they make (evaluations / groups). */
  evaluations: number;
  rounds: number;
  /** Rule-evaluation seconds per round: Δ prometheus_rule_group_duration_seconds_sum / rounds. */
  evalSecPerRound: number;
  /** Σ prometheus_rule_group_last_duration_seconds over all groups at the end (one round, as a cross-check). */
  lastDurationSumSec: number;
  /** Share of one core the rule evaluations take at the interval: evalSecPerRound / interval. */
  evalCoreShare: number;
  /** Δ process_cpu_seconds_total / Δt: all of the server's CPU (evaluation, TSDB, GC). */
  cpuCoreShare: number;
  headSeries: number;
  rssBytes: number;
  failures: number;
  missedIterations: number;
  /** The 10 slowest groups at the end. */
  slowestGroups: GroupTiming[];
}

/** What happened between two snapshots of the same server. */
export function snapshotDelta(a: Snapshot, b: Snapshot, intervalSec: number): SnapshotDelta {
  const dt = b.atSec - a.atSec;
  const last = b.samples.get('prometheus_rule_group_last_duration_seconds') ?? [];
  const rulesBy = new Map((b.samples.get('prometheus_rule_group_rules') ?? []).map(([l, v]) => [l.rule_group, v]));
  const groups = last.length;
  const evaluations =
    sum(b, 'prometheus_rule_group_iterations_total') - sum(a, 'prometheus_rule_group_iterations_total');
  const rounds = groups ? evaluations / groups : 0;
  const evalSec =
    sum(b, 'prometheus_rule_group_duration_seconds_sum') - sum(a, 'prometheus_rule_group_duration_seconds_sum');
  const evalSecPerRound = rounds ? evalSec / rounds : 0;
  const slowestGroups = last
    .map(([l, v]) => ({
      group: l.rule_group.replace(/^.*;/, ''),
      rules: rulesBy.get(l.rule_group) ?? 0,
      lastDurationSec: v,
    }))
    .sort((x, y) => y.lastDurationSec - x.lastDurationSec)
    .slice(0, 10);
  return {
    measuredSec: dt,
    groups,
    rules: sum(b, 'prometheus_rule_group_rules'),
    evaluations,
    rounds,
    evalSecPerRound,
    lastDurationSumSec: last.reduce((acc, [, v]) => acc + v, 0),
    evalCoreShare: evalSecPerRound / intervalSec,
    cpuCoreShare: (one(b, 'process_cpu_seconds_total') - one(a, 'process_cpu_seconds_total')) / dt,
    headSeries: one(b, 'prometheus_tsdb_head_series'),
    rssBytes: one(b, 'process_resident_memory_bytes'),
    failures: sum(b, 'prometheus_rule_evaluation_failures_total') - sum(a, 'prometheus_rule_evaluation_failures_total'),
    missedIterations:
      sum(b, 'prometheus_rule_group_iterations_missed_total') - sum(a, 'prometheus_rule_group_iterations_missed_total'),
    slowestGroups,
  };
}

interface RulesApi {
  data: { groups: Array<{ name: string; rules: Array<{ name: string; type: string; evaluationTime: number }> }> };
}

/** Last evaluation time per rule name (record or alert name) summed over all groups, from /api/v1/rules. */
export async function ruleTimings(url: string): Promise<Array<{ rule: string; count: number; sec: number }>> {
  const res = await fetch(`${url}/api/v1/rules`, { signal: AbortSignal.timeout(60_000) });
  const body = (await res.json()) as RulesApi;
  const by = new Map<string, { count: number; sec: number }>();
  for (const g of body.data.groups) {
    for (const r of g.rules) {
      const key = r.type === 'alerting' ? `alert ${r.name}` : r.name;
      const e = by.get(key) ?? { count: 0, sec: 0 };
      e.count++;
      e.sec += r.evaluationTime;
      by.set(key, e);
    }
  }
  return [...by.entries()].map(([rule, v]) => ({ rule, ...v })).sort((x, y) => y.sec - x.sec);
}
