/**
 * SLA compliance benchmark: is each method's monthly figure exact, and what does it read? On a real Prometheus with
 * backfilled counters (bench/data.ts: phased scrapes, diurnal traffic, error bursts in quiet hours) and the SLA
 * recording rules (src/domain/rules/slaRecording.ts) evaluated every minute at each group's own offset within the
 * minute (as Prometheus spreads groups) and backfilled, the app's own query
 * plan (planSlaResults) is run for March 2026 in UTC (31 days), Europe/Berlin (DST: 743 hours) and Asia/Kolkata
 * (edges at 18:30 UTC), with maintenance crossing the Kolkata month's start and one inside every month.
 * Ground truth: the generator's per-scrape counts, tallied here without Prometheus. Cost: Prometheus' own
 * `stats.samples.totalQueryableSamples` for our queries vs the raw `increase[month]` ratio on the counters.
 *
 * `npm run bench:sla` writes bench/results/sla-compliance.{json,md}; exits non-zero when a figure is more than 1e-6
 * (relative, on 1 − achieved) off the truth or, at full size, reads more than 1/50 of raw.
 * BENCH_SMOKE=1: one service, three one-day periods (UTC, the Berlin DST day, a Kolkata day), temporary directory.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { slaRuleGroups } from '../../src/domain/rules/slaRecording';
import { formatDuration } from '../../src/domain/slo/durations';
import type { RecordingRule } from '../../src/domain/rules/types';
import type { Sla, SlaMethod } from '../../src/domain/sla/model';
import { slaPeriodAt, type SlaPeriod } from '../../src/domain/sla/period';
import { measuredSegments, planSlaResults } from '../../src/domain/sla/queries';
import { ruleLevels } from '../../tests/prometheus/rules';
import type { BenchConfig } from '../config';
import { generateData, METRIC, type Dataset } from '../data';
import { labelText, OpenMetricsWriter } from '../openmetrics';
import { backfillOpenMetrics, freePort, installCleanupHandlers, moveBlocks, Prometheus, run } from '../prom';
import { instantQuery, rangeQuery } from '../queries';
import { benchSlos, groupOffsetSec } from '../rules';

const SMOKE = process.env.BENCH_SMOKE === '1';
/**
 * BENCH_SLA_OFFSET_SEC (0–59): evaluate every rule group at this offset within the minute. Unset: each SLO's group at
 * its own offset, as Prometheus spreads groups by their hash (groupOffsetSec, as the budget bench emulates it).
 */
const OFFSET_ENV = process.env.BENCH_SLA_OFFSET_SEC;
const OFFSET_SEC = OFFSET_ENV === undefined || OFFSET_ENV === '' ? undefined : Number(OFFSET_ENV);
if (OFFSET_SEC !== undefined && (!Number.isInteger(OFFSET_SEC) || OFFSET_SEC < 0 || OFFSET_SEC > 59)) {
  throw new Error(`BENCH_SLA_OFFSET_SEC must be an integer in [0, 59], got ${OFFSET_ENV}`);
}
const offsetOf = (sloId: string): number => OFFSET_SEC ?? groupOffsetSec(`sre-sla-slo-${sloId}`, 60);
const COMMITTED = resolve(__dirname, '..', 'results');
const TOLERANCE = 1e-6;
const COST_GOAL = 1 / 50;
const H = 3_600_000;
const M = 60_000;

function log(msg: string): void {
  console.log(`[bench:sla ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

interface Case {
  name: string;
  zone: string;
  period: SlaPeriod;
}

function cases(): Case[] {
  if (SMOKE) {
    // Local days: 29 March 2026 is 23 hours long in Berlin; Kolkata's day starts at 18:30 UTC.
    return [
      {
        name: 'UTC day',
        zone: 'UTC',
        period: { label: '2026-03-29', start: Date.UTC(2026, 2, 29), end: Date.UTC(2026, 2, 30) },
      },
      {
        name: 'DST day',
        zone: 'Europe/Berlin',
        period: { label: '2026-03-29', start: Date.UTC(2026, 2, 28, 23), end: Date.UTC(2026, 2, 29, 22) },
      },
      {
        name: 'Kolkata day',
        zone: 'Asia/Kolkata',
        period: { label: '2026-03-29', start: Date.UTC(2026, 2, 28, 18, 30), end: Date.UTC(2026, 2, 29, 18, 30) },
      },
    ];
  }
  const mid = Date.UTC(2026, 2, 15);
  return [
    { name: '31-day month', zone: 'UTC', period: slaPeriodAt(mid, 'month', 'UTC') },
    { name: 'DST month', zone: 'Europe/Berlin', period: slaPeriodAt(mid, 'month', 'Europe/Berlin') },
    { name: 'Kolkata month', zone: 'Asia/Kolkata', period: slaPeriodAt(mid, 'month', 'Asia/Kolkata') },
  ];
}

const METHODS: SlaMethod[] = [{ kind: 'events' }, { kind: 'intervals' }, { kind: 'uptime', unavailableAbove: 0.02 }];

/** Per-scrape events of one service in (a, b], from the generator's counters (sums over its series). */
function scrapes(data: Dataset, service: number): Array<{ t: number; total: number; bad: number }> {
  const c = data.counters[service];
  const out = [];
  for (let i = 1; i < c.times.length; i++) {
    out.push({ t: c.times[i] * 1000, total: c.total[i] - c.total[i - 1], bad: c.bad[i] - c.bad[i - 1] });
  }
  return out;
}

/**
 * The method's figure from the generator's counts. Which time is measured (the included parts, exclusions widened
 * to the method's grain) is the SLA's definition and comes from measuredSegments; every count is tallied here.
 */
function truth(
  method: SlaMethod,
  period: SlaPeriod,
  exclusions: Array<{ start: number; end: number }>,
  s: ReturnType<typeof scrapes>
): number {
  const parts = measuredSegments(period, exclusions, method);
  const inParts = (t: number) => parts.some((p) => t > p.start && t <= p.end);
  if (method.kind === 'events') {
    let bad = 0;
    let total = 0;
    s.filter((x) => inParts(x.t)).forEach((x) => ((bad += x.bad), (total += x.total)));
    return bad / total;
  }
  if (method.kind === 'uptime') {
    let minutes = 0;
    let down = 0;
    for (const p of parts) {
      minutes += (p.end - p.start) / M;
    }
    // One scrape per minute: each minute (m − 1m, m] holds exactly one scrape.
    s.filter((x) => inParts(x.t)).forEach(
      (x) => (down += x.total > 0 && x.bad / x.total > method.unavailableAbove ? 1 : 0)
    );
    return down / minutes;
  }
  const byInterval = new Map<number, { bad: number; total: number }>();
  for (const x of s.filter((y) => inParts(y.t))) {
    const k = Math.ceil(x.t / (5 * M));
    const acc = byInterval.get(k) ?? { bad: 0, total: 0 };
    acc.bad += x.bad;
    acc.total += x.total;
    byInterval.set(k, acc);
  }
  const rates = [...byInterval.values()].filter((v) => v.total > 0).map((v) => v.bad / v.total);
  return rates.reduce((a, b) => a + b, 0) / rates.length;
}

/** Evaluates the rules at whole minutes with query_range and backfills them, one dependency level at a time. */
async function backfillRules(
  prom: Prometheus,
  dataDir: string,
  workDir: string,
  rules: RecordingRule[],
  start: number,
  end: number
): Promise<void> {
  const levels = ruleLevels(
    rules,
    rules.map((r) => r.record)
  );
  for (const [i, level] of levels.entries()) {
    const file = join(workDir, `sla-level${i + 1}.om`);
    const w = new OpenMetricsWriter(file);
    for (const name of [...new Set(level.map((r) => r.record))]) {
      await w.family(name, 'gauge');
      for (const rule of level.filter((r) => r.record === name)) {
        const off = offsetOf(rule.labels?.slo_id ?? '');
        for (const series of await rangeQuery(prom.url, rule.expr, start + off, end + off, 60)) {
          const { __name__: _drop, ...labels } = { ...series.metric, ...(rule.labels ?? {}) };
          for (const [t, v] of series.values) {
            w.sample(name + labelText(labels), v, t);
          }
          await w.flushIfFull();
        }
      }
    }
    await w.close();
    const out = join(workDir, `sla-level${i + 1}-blocks`);
    await backfillOpenMetrics(file, out);
    await prom.stop();
    moveBlocks(out, dataDir);
    await prom.start();
    log(`level ${i + 1}: ${level.length} rules, ${w.lines.toLocaleString('en-US')} samples backfilled`);
  }
}

interface Row {
  case: string;
  zone: string;
  period: string;
  hours: number;
  slo: string;
  method: SlaMethod['kind'];
  truth: number;
  measured: number;
  relError: number;
  samples: number;
  rawSamples: number;
  ratioVsRaw: number;
}

async function main(): Promise<void> {
  installCleanupHandlers();
  const services = SMOKE ? 1 : 3;
  const resultsDir =
    process.env.BENCH_RESULTS_DIR || (SMOKE ? mkdtempSync(join(tmpdir(), 'sre-bench-sla-')) : COMMITTED);
  if (SMOKE && resolve(resultsDir) === COMMITTED) {
    throw new Error('BENCH_SMOKE=1 must not write to bench/results');
  }
  const all = cases();
  const from = Math.min(...all.map((c) => c.period.start)) / 1000;
  const to = Math.max(...all.map((c) => c.period.end)) / 1000 + 3600;
  const days = (to - from) / 86400;
  const cfg: BenchConfig = {
    smoke: SMOKE,
    services,
    resolutionSec: 60,
    days,
    warmupMin: 90,
    evalIntervalSec: 60,
    runs: 1,
    seed: 20260301,
    keep: false,
    fidelityCheck: false,
    timeoutSec: 1800,
  };
  const workDir = mkdtempSync(join(tmpdir(), 'sre-bench-sla-work-'));
  const dataDir = join(workDir, 'tsdb');
  let prom: Prometheus | undefined;
  try {
    log(`${services} service(s), ${days.toFixed(2)} days at 60 s, ${all.length} periods; work dir ${workDir}`);
    const data = await generateData(cfg, join(workDir, 'raw.om'), from);
    await backfillOpenMetrics(join(workDir, 'raw.om'), dataDir);
    rmSync(join(workDir, 'raw.om'));
    log(`${data.lines.toLocaleString('en-US')} raw samples backfilled`);

    const slos = benchSlos(data, 30);
    const sla = (slo: string, method: SlaMethod): Sla => ({
      id: `${slo}-${method.kind}`,
      name: `${slo} ${method.kind}`,
      services: [slo],
      indicator: { sloId: slo },
      target: 0.999,
      method,
      period: { unit: 'month', timeZone: 'UTC' },
      credits: [],
    });
    const slas = slos.flatMap((s) => METHODS.map((m) => sla(s.id, m)));
    const groups = slaRuleGroups(slas, slos);
    const rulesFile = join(workDir, 'sla-rules.json');
    writeFileSync(rulesFile, JSON.stringify({ groups }));
    await run('promtool', ['check', 'rules', rulesFile], 60_000);

    prom = new Prometheus(workDir, dataDir, await freePort());
    await prom.start();
    const rules = groups.flatMap((g) => g.rules as RecordingRule[]);
    // Evaluations at whole minutes from 70 minutes before the first period (hourly roll-ups complete).
    const ruleStart = Math.floor(from / 60) * 60 - 70 * 60;
    await backfillRules(prom, dataDir, workDir, rules, ruleStart, Math.floor(to / 60) * 60);

    const kolkata = all.find((c) => c.zone === 'Asia/Kolkata')!.period;
    const exclusions = [
      { start: kolkata.start - 20 * M, end: kolkata.start + 17 * M, title: 'crosses the Kolkata start' },
      { start: kolkata.start + 10 * H + 7 * M, end: kolkata.start + 11 * H + 43 * M, title: 'inside every period' },
    ];
    const rows: Row[] = [];
    for (const c of all) {
      for (const [i, slo] of slos.entries()) {
        const s = scrapes(data, i);
        const raw = await instantQuery(
          prom.url,
          `sum(increase(${METRIC}{service="${slo.service}",outcome="SERVER_ERROR"}[${formatDuration(c.period.end - c.period.start - 1)}] @ ${c.period.end / 1000})) / ` +
            `sum(increase(${METRIC}{service="${slo.service}"}[${formatDuration(c.period.end - c.period.start - 1)}] @ ${c.period.end / 1000}))`,
          to
        );
        for (const method of METHODS) {
          const plan = planSlaResults(sla(slo.id, method), slo.id, [c.period], exclusions, c.period.end + 2 * H);
          const values = new Map<string, number>();
          let samples = 0;
          for (const q of plan.queries) {
            const r = await instantQuery(prom.url, q.expr, to);
            values.set(q.refId, r.value);
            samples += r.totalQueryableSamples;
          }
          const [result] = plan.results((refId) => values.get(refId));
          const measured = 1 - (result.achieved ?? NaN);
          const t = truth(method, c.period, exclusions, s);
          rows.push({
            case: c.name,
            zone: c.zone,
            period: c.period.label,
            hours: (c.period.end - c.period.start) / H,
            slo: slo.id,
            method: method.kind,
            truth: t,
            measured,
            relError: Math.abs(measured - t) / t,
            samples,
            rawSamples: raw.totalQueryableSamples,
            ratioVsRaw: samples / raw.totalQueryableSamples,
          });
        }
      }
      log(`${c.name} (${c.zone}) measured`);
    }
    const prometheusVersion = (await run('prometheus', ['--version'], 10_000)).stdout.split('\n')[0];
    const ruleOffsetsSec = Object.fromEntries(slos.map((x) => [x.id, offsetOf(x.id)]));
    writeResults(resultsDir, rows, { services, days, prometheusVersion, ruleOffsetsSec, exclusions });
    const problems = [
      ...rows
        .filter((r) => !(r.relError <= TOLERANCE))
        .map((r) => `${r.case} ${r.slo} ${r.method}: relative error ${r.relError}`),
      ...(SMOKE
        ? []
        : rows
            .filter((r) => r.ratioVsRaw > COST_GOAL)
            .map((r) => `${r.case} ${r.slo} ${r.method}: reads 1/${(1 / r.ratioVsRaw).toFixed(0)} of raw`)),
    ];
    if (problems.length) {
      problems.forEach((p) => console.error(`bench:sla: ${p}`));
      process.exitCode = 1;
    }
  } finally {
    await prom?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

const sci = (x: number) => (x === 0 ? '0' : x.toExponential(1));

function writeResults(dir: string, rows: Row[], shape: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'sla-compliance.json'),
    `${JSON.stringify({ generatedAt: new Date().toISOString(), shape, rows }, null, 2)}\n`
  );
  const lines = [
    '# SLA compliance: exactness and cost',
    '',
    `Generated by \`npm run bench:sla\` (${String(shape.prometheusVersion)}; ${String(shape.services)} services, 1-minute scrapes off the evaluation grid, rules evaluated every minute at ${Object.entries(
      shape.ruleOffsetsSec as Record<string, number>
    )
      .map(([k, v]) => `${k} +${v}s`)
      .join(
        ', '
      )} past each minute (Prometheus' per-group offsets)). Error: |measured − truth| / truth of 1 − achieved (the shortfall, stricter than of achieved). Samples: Prometheus' totalQueryableSamples of the method's queries vs of raw \`increase[period]\` on the counters.`,
    '',
    '| period | zone | hours | SLO | method | 1 − achieved (truth) | rel. error | samples | raw samples | vs raw |',
    '|---|---|---:|---|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.case} ${r.period} | ${r.zone} | ${r.hours} | ${r.slo} | ${r.method} | ${r.truth.toPrecision(6)} | ${sci(r.relError)} | ${r.samples.toLocaleString('en-US')} | ${r.rawSamples.toLocaleString('en-US')} | 1/${(1 / r.ratioVsRaw).toFixed(0)} |`
    ),
    '',
  ];
  writeFileSync(join(dir, 'sla-compliance.md'), lines.join('\n'));
  console.log(lines.join('\n'));
}

main().catch((e) => {
  console.error(`bench:sla failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
});
