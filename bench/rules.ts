/**
 * The SLOs under test, their generated Prometheus rules, and the recording-rule backfill.
 *
 * Only the recording rules the three methods read are backfilled (the period ratio's inputs and the 5m ratio
 * Sloth's method averages), found by following `record` names through the generated expressions. Rules whose
 * expressions read other recorded series are backfilled in later passes, one per dependency level, after the
 * previous level's blocks are loaded into the server.
 *
 * Each pass evaluates every rule with `query_range` at the evaluation interval and writes the results as
 * OpenMetrics, then backfills that with `create-blocks-from openmetrics --max-block-duration=744h`. That is what
 * `promtool tsdb create-blocks-from rules` does (query_range per rule at the group interval), minus its one block
 * per rule per 2 hours: 60 rules × 30 days make 21,600 blocks and about 40 minutes here. The fidelity check runs
 * the real `create-blocks-from rules` on a short range and compares its samples with ours.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  generatePrometheusRules,
  toYaml,
  SERIES,
  errorRatioSeries,
  type PrometheusRuleFile,
  groupName,
  hourlyGroupName,
  type RecordingRule,
} from '../src/domain/rules';
import { parseDuration, validateSlos, type Slo } from '../src/domain/slo';
import { METRIC, type Dataset } from './data';
import { OpenMetricsWriter, labelText } from './openmetrics';
import { rangeQuery } from './queries';
import { backfillOpenMetrics, run } from './prom';

const TARGETS = [0.999, 0.995, 0.99, 0.9995];

/** One ratio SLO per service: bad = `outcome="SERVER_ERROR"`, total = every request of the service. */
export function benchSlos(data: Dataset, days: number): Slo[] {
  const slos = data.services.map(
    (s, i): Slo => ({
      id: s.service,
      name: `${s.service} availability`,
      service: s.service,
      labels: { team: 'bench' },
      sli: {
        kind: 'ratio',
        bad: `${METRIC}{service="${s.service}",outcome="SERVER_ERROR"}`,
        total: `${METRIC}{service="${s.service}"}`,
      },
      objective: { target: TARGETS[i % TARGETS.length] },
      window: { type: 'rolling', duration: `${days}d` },
    })
  );
  const problems = validateSlos(slos);
  if (problems.length) {
    throw new Error(`bench SLOs are invalid: ${JSON.stringify(problems.slice(0, 5))}`);
  }
  return slos;
}

/** A recording rule to backfill, evaluated as its group is: every `everySec` at `offsetSec` past each multiple. */
export interface BenchRule {
  sloId: string;
  rule: RecordingRule;
  everySec: number;
  offsetSec: number;
}

export interface BenchRules {
  file: PrometheusRuleFile;
  /** Per SLO id: the expression of its `slo:sli_error:ratio_period` rule, as generated (it forwards the hourly one). */
  periodExpr: Map<string, string>;
  /** Per SLO id: its hourly rule computing the period ratio, and when its group runs. */
  hourly: Map<string, BenchRule>;
  /** Recording rules to backfill, grouped by dependency level (level 1 reads only raw series). */
  levels: BenchRule[][];
}

const isRecording = (r: unknown): r is RecordingRule => typeof (r as RecordingRule).record === 'string';

/** Names of recorded series an expression reads (`slo:...` identifiers that some rule records). */
function readsRecorded(expr: string, recorded: Set<string>): string[] {
  const names = expr.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? [];
  return [...new Set(names.filter((n) => recorded.has(n)))];
}

/** Generates the rules, finds each SLO's period expression, and levels the rules that must be backfilled. */
export function benchRules(slos: Slo[], intervalSec: number): BenchRules {
  const file = generatePrometheusRules(slos, { interval: `${intervalSec}s` });
  const periodExpr = new Map<string, string>();
  const hourly = new Map<string, BenchRule>();
  const levelOf = new Map<string, number>();
  const levels: BenchRules['levels'] = [];
  slos.forEach((slo) => {
    // The SLO's group and its hourly group, each rule with its group's cadence and offset.
    const byName = new Map<string, BenchRule>();
    for (const g of file.groups.filter((x) => x.name === groupName(slo.id) || x.name === hourlyGroupName(slo.id))) {
      const everySec = g.interval ? parseDuration(g.interval) / 1000 : intervalSec;
      // The SLO's own group keeps the offset it always had (keyed by the SLO id), so the emulation's grid is the same.
      const offsetSec = groupOffsetSec(g.name === groupName(slo.id) ? slo.id : g.name, everySec);
      for (const rule of g.rules.filter(isRecording)) {
        byName.set(rule.record, { sloId: slo.id, rule, everySec, offsetSec });
      }
    }
    const recorded = new Set(byName.keys());
    const period = byName.get(SERIES.periodErrorRatio)?.rule;
    const hourlyRule = byName.get(SERIES.periodErrorRatioHourly);
    if (!period || !hourlyRule) {
      throw new Error(
        `no ${SERIES.periodErrorRatio} and ${SERIES.periodErrorRatioHourly} rules generated for ${slo.id}`
      );
    }
    periodExpr.set(slo.id, period.expr);
    hourly.set(slo.id, hourlyRule);
    const level = (name: string, seen: string[]): number => {
      const key = `${slo.id}/${name}`;
      const known = levelOf.get(key);
      if (known !== undefined) {
        return known;
      }
      if (seen.includes(name)) {
        throw new Error(`recording rules of ${slo.id} depend on each other in a cycle: ${[...seen, name].join(' → ')}`);
      }
      const entry = byName.get(name);
      if (!entry) {
        throw new Error(`${slo.id}: ${name} is read but never recorded`);
      }
      const deps = readsRecorded(entry.rule.expr, recorded).filter((d) => d !== name);
      const l = 1 + Math.max(0, ...deps.map((d) => level(d, [...seen, name])));
      levelOf.set(key, l);
      (levels[l - 1] ??= []).push(entry);
      return l;
    };
    // What the three methods read: the period expression's inputs, and the 5m ratio for Sloth's average.
    for (const name of [...readsRecorded(period.expr, recorded), errorRatioSeries('5m')]) {
      level(name, []);
    }
  });
  return { file, periodExpr, hourly, levels };
}

/** The whole generated rule file, and one file per backfill level (kept for reading and `promtool check`). */
export function writeRuleFiles(dir: string, rules: BenchRules): string[] {
  writeFileSync(join(dir, 'rules.all.yaml'), toYaml(rules.file));
  return rules.levels.map((lv, i) => {
    const path = join(dir, `rules.level${i + 1}.yaml`);
    const groups = [...new Set(lv.map((x) => x.sloId))].map((id) => ({
      name: `bench-${id}-level${i + 1}`,
      rules: lv.filter((x) => x.sloId === id).map((x) => x.rule),
    }));
    writeFileSync(path, toYaml({ groups }));
    return path;
  });
}

/** Evaluation timestamps: whole multiples of the interval plus a per-group offset, as Prometheus staggers groups. */
export function groupOffsetSec(sloId: string, intervalSec: number): number {
  let h = 2166136261;
  for (const c of sloId) {
    h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  }
  return h % intervalSec;
}

export interface LevelBackfill {
  level: number;
  rules: number;
  samples: number;
  evalMs: number;
  promtoolMs: number;
}

/** Evaluates one level's rules over [start, end] and writes blocks for them into `outDir`. */
export async function backfillLevel(
  url: string,
  level: number,
  rules: BenchRules['levels'][number],
  start: number,
  end: number,
  workDir: string,
  outDir: string
): Promise<LevelBackfill> {
  const t0 = performance.now();
  const omFile = join(workDir, `rules.level${level}.om`);
  const writer = new OpenMetricsWriter(omFile);
  // A family's samples must be contiguous: write rule outputs grouped by record name.
  const names = [...new Set(rules.map((x) => x.rule.record))];
  for (const name of names) {
    await writer.family(name, 'gauge');
    for (const { rule, everySec, offsetSec } of rules.filter((x) => x.rule.record === name)) {
      // Each rule at its own group's cadence: the hourly rule once an hour, as a ruler runs it.
      const first = Math.ceil((start - offsetSec) / everySec) * everySec + offsetSec;
      const result = await rangeQuery(url, rule.expr, first, end, everySec);
      for (const series of result) {
        // Rule labels override result labels, and the record name becomes __name__ (as in Prometheus).
        const { __name__: _drop, ...labels } = { ...series.metric, ...(rule.labels ?? {}) };
        const text = name + labelText(labels);
        for (const [t, v] of series.values) {
          writer.sample(text, v, t);
        }
        await writer.flushIfFull();
      }
    }
  }
  await writer.close();
  const evalMs = performance.now() - t0;
  const bf = await backfillOpenMetrics(omFile, outDir);
  return { level, rules: rules.length, samples: writer.lines, evalMs, promtoolMs: bf.ms };
}

export interface FidelityCheck {
  range: string;
  rules: number;
  comparedSamples: number;
  maxAbsDiff: number;
  identical: boolean;
  ms: number;
}

/**
 * Runs the real `promtool tsdb create-blocks-from rules` for one SLO's level-1 rules over a short range, dumps its
 * blocks and compares every sample with a query_range at the same timestamps: the substitute must be exact.
 */
export async function fidelityCheck(
  url: string,
  rules: BenchRules['levels'][number],
  sloId: string,
  start: number,
  end: number,
  intervalSec: number,
  workDir: string
): Promise<FidelityCheck> {
  const t0 = performance.now();
  const mine = rules.filter((x) => x.sloId === sloId).map((x) => x.rule);
  const ruleFile = join(workDir, 'fidelity.rules.yaml');
  writeFileSync(ruleFile, toYaml({ groups: [{ name: `fidelity-${sloId}`, rules: mine }] }));
  const outDir = join(workDir, 'fidelity-blocks');
  await run(
    'promtool',
    [
      'tsdb',
      'create-blocks-from',
      'rules',
      `--start=${start}`,
      `--end=${end}`,
      `--url=${url}`,
      `--eval-interval=${intervalSec}s`,
      `--output-dir=${outDir}`,
      ruleFile,
    ],
    120_000
  );
  mkdirSync(join(outDir, 'wal'), { recursive: true }); // `tsdb dump` opens the dir as a DB and wants a WAL
  const dump = await run('promtool', ['tsdb', 'dump', outDir], 120_000);
  // Lines look like: {__name__="slo:sli_bad:rate5m", slo_id="x", ...} 0.123 1717372860000
  const byName = new Map<string, Array<[number, number]>>();
  for (const line of dump.stdout.split('\n')) {
    const m = /__name__="([^"]+)".*\} (\S+) (\d+)$/.exec(line);
    if (m) {
      const list = byName.get(m[1]) ?? [];
      list.push([Number(m[3]) / 1000, Number(m[2])]);
      byName.set(m[1], list);
    }
  }
  let compared = 0;
  let maxAbsDiff = 0;
  for (const rule of mine) {
    const samples = (byName.get(rule.record) ?? []).sort((a, b) => a[0] - b[0]);
    if (!samples.length) {
      throw new Error(`fidelity check: promtool wrote no samples for ${rule.record}`);
    }
    const res = await rangeQuery(url, rule.expr, samples[0][0], samples[samples.length - 1][0], intervalSec);
    const ours = new Map((res[0]?.values ?? []).map(([t, v]) => [t, Number(v)]));
    for (const [t, v] of samples) {
      const o = ours.get(t);
      if (o === undefined) {
        throw new Error(`fidelity check: no query_range value for ${rule.record} at ${t}`);
      }
      maxAbsDiff = Math.max(maxAbsDiff, Math.abs(o - v));
      compared++;
    }
  }
  return {
    range: `${new Date(start * 1000).toISOString()} .. ${new Date(end * 1000).toISOString()}`,
    rules: mine.length,
    comparedSamples: compared,
    maxAbsDiff,
    identical: maxAbsDiff === 0,
    ms: performance.now() - t0,
  };
}
