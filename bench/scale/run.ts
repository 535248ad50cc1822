/**
 * What N SLOs cost on a real Prometheus: our generated rules vs Pyrra-equivalent rules, on the same backfilled
 * series, measured from Prometheus' own /metrics. Run: `npm run bench:scale` (= `tsx bench/scale/run.ts`).
 * See bench/README.md ("scale-rules"). Writes bench/results/scale-rules.{json,md}; BENCH_SMOKE=1 runs 10 SLOs
 * at a 10s interval into a temporary directory (bench/smoke.sh, part of `npm test`).
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  generatePrometheusRules,
  toYaml,
  SERIES,
  HOURLY_INTERVAL,
  type PrometheusRuleFile,
  type RuleGroup,
} from '../../src/domain/rules';
import { parseDuration, type Slo } from '../../src/domain/slo';
import { envInt } from '../config';
import { OpenMetricsWriter } from '../openmetrics';
import { Prometheus, backfillOpenMetrics, freePort, installCleanupHandlers, run } from '../prom';
import { pyrraRules } from './pyrra';
import { scaleSlos, writeRawSeries } from './slos';
import { renderMarkdown, type ScaleReport, type Variant, type VariantResult } from './report';
import { parseMetrics, ruleTimings, snapshotDelta, type Snapshot } from './metrics';

const COMMITTED = resolve(__dirname, '..', 'results');

export interface ScaleConfig {
  smoke: boolean;
  sizes: number[];
  intervalSec: number;
  /** Raw data length in hours: our longest raw range (3d) plus an hour; Pyrra's 30d and 4d6h51m ranges read what there is. */
  rawHours: number;
  /** Days of backfilled roll-ups our period rule reads (its steady state reads the SLO window, 30d). */
  rollupDays: number;
  /** Wall time measured per variant, after `warmupRounds` rounds. */
  measureSec: number;
  warmupRounds: number;
  variants: Variant[];
  seed: number;
}

export function loadScaleConfig(): ScaleConfig {
  const smoke = process.env.BENCH_SMOKE === '1';
  const sizes = (process.env.BENCH_SCALE_SLOS || (smoke ? '10' : '100,1000')).split(',').map((s) => {
    const n = Number(s.trim());
    if (!Number.isInteger(n) || n < 1 || n > 5000) {
      throw new Error(`BENCH_SCALE_SLOS must list integers in [1, 5000], got ${s}`);
    }
    return n;
  });
  const variants = (process.env.BENCH_SCALE_VARIANTS || 'ours,floor,pyrra').split(',').map((v) => {
    if (v !== 'ours' && v !== 'floor' && v !== 'pyrra') {
      throw new Error(`BENCH_SCALE_VARIANTS lists ours, floor and/or pyrra, got ${v}`);
    }
    return v as Variant;
  });
  return {
    smoke,
    sizes,
    intervalSec: envInt('BENCH_SCALE_INTERVAL_SEC', smoke ? 10 : 60, 5, 300),
    rawHours: envInt('BENCH_SCALE_RAW_HOURS', smoke ? 3 : 73, 1, 800),
    rollupDays: envInt('BENCH_SCALE_ROLLUP_DAYS', smoke ? 1 : 7, 1, 30),
    measureSec: envInt('BENCH_SCALE_MEASURE_SEC', smoke ? 10 : 120, 10, 600),
    warmupRounds: envInt('BENCH_SCALE_WARMUP_ROUNDS', 1, 0, 5),
    variants,
    seed: envInt('BENCH_SEED', 20240601, 0, 2 ** 31 - 1),
  };
}

function log(msg: string): void {
  console.log(`[scale ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const isRecording = (r: object): boolean => typeof (r as { record?: unknown }).record === 'string';

/** Seconds between evaluations of the group that records `name` (ours: where the hourly roll-ups live). */
function intervalOfRecord(file: PrometheusRuleFile, name: string, fallbackSec: number): number {
  const g = file.groups.find((x: RuleGroup) => x.rules.some((r) => 'record' in r && r.record === name));
  return g?.interval ? parseDuration(g.interval) / 1000 : fallbackSec;
}

/**
 * Our period rule reads the recorded hourly roll-ups over the whole SLO window: without them it would read nothing
 * and look free. They are backfilled (plausible values, labels as the rules write them) at the interval their
 * group records them, with the last hour of 5m rates the roll-ups read.
 */
async function writeRollups(
  writer: OpenMetricsWriter,
  slos: Slo[],
  file: PrometheusRuleFile,
  cfg: ScaleConfig,
  endSec: number
): Promise<void> {
  const rollupStep = intervalOfRecord(file, SERIES.badRate1h, cfg.intervalSec);
  const rollupSteps = Math.floor((cfg.rollupDays * 86400) / rollupStep);
  const rateSteps = Math.floor(3600 / cfg.intervalSec);
  const labelsOf = (slo: Slo): string =>
    `{slo_id="${slo.id}",slo_service="${slo.service}",team="${slo.labels?.team ?? ''}"}`;
  const series: Array<[string, number, number]> = [
    [SERIES.badRate1h, rollupStep, rollupSteps],
    [SERIES.totalRate1h, rollupStep, rollupSteps],
    [SERIES.badRate5m, cfg.intervalSec, rateSteps],
    [SERIES.totalRate5m, cfg.intervalSec, rateSteps],
  ];
  for (const [name, step, steps] of series) {
    await writer.family(name, 'gauge');
    const bad = name.includes('bad');
    for (const slo of slos) {
      const text = name + labelsOf(slo);
      for (let t = steps - 1; t >= 0; t--) {
        writer.sample(text, bad ? 0.01 + (t % 7) * 0.001 : 10 + (t % 13), endSec - t * step);
      }
      await writer.flushIfFull();
    }
  }
}

/**
 * The file as the bench loads it: every group at the round interval. An hourly group would run at most once or
 * twice in a measurement, at an hour offset of its own; run every round, its cost per run is measured like any
 * other group's, and the report counts it once an hour (report.ts, steadyState).
 */
function everyRound(file: PrometheusRuleFile, intervalSec: number): PrometheusRuleFile {
  return {
    groups: file.groups.map((g) => (g.interval === HOURLY_INTERVAL ? { ...g, interval: `${intervalSec}s` } : g)),
  };
}

/**
 * The floor: the same groups and rules with expressions that read nothing (`vector(1)`; alerts that never fire). What
 * it costs is the fixed price of evaluating that many rules, whatever they compute.
 */
function floorRules(file: PrometheusRuleFile): PrometheusRuleFile {
  return {
    groups: file.groups.map((g) => ({
      ...g,
      rules: g.rules.map((r) => ('record' in r ? { ...r, expr: 'vector(1)' } : { ...r, expr: 'vector(1) < 0' })),
    })),
  };
}

/** Hard-links every block directory of `from` into a fresh `to`, so each variant starts from the same blocks. */
function linkBlocks(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (!/^[0-9A-HJKMNP-TV-Z]{26}$/.test(name)) {
      continue;
    }
    const walk = (rel: string): void => {
      for (const e of readdirSync(join(from, rel), { withFileTypes: true })) {
        const r = join(rel, e.name);
        if (e.isDirectory()) {
          mkdirSync(join(to, r), { recursive: true });
          walk(r);
        } else {
          linkSync(join(from, r), join(to, r));
        }
      }
    };
    mkdirSync(join(to, name), { recursive: true });
    walk(name);
  }
}

async function scrape(url: string): Promise<Snapshot> {
  const res = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) {
    throw new Error(`GET /metrics: HTTP ${res.status}`);
  }
  return parseMetrics(await res.text(), Date.now() / 1000);
}

async function measureVariant(
  variant: Variant,
  file: PrometheusRuleFile,
  n: number,
  blocksDir: string,
  workRoot: string,
  cfg: ScaleConfig
): Promise<VariantResult> {
  const dir = join(workRoot, `${variant}-${n}`);
  mkdirSync(dir, { recursive: true });
  const rulesPath = join(dir, 'rules.yaml');
  writeFileSync(rulesPath, toYaml(file));
  await run('promtool', ['check', 'rules', rulesPath], 300_000);
  linkBlocks(blocksDir, join(dir, 'tsdb'));
  const config = `global:\n  evaluation_interval: ${cfg.intervalSec}s\nrule_files:\n  - ${rulesPath}\n`;
  const prom = new Prometheus(dir, join(dir, 'tsdb'), await freePort(), { config });
  try {
    const startMs = await prom.start(300_000);
    log(`${variant} N=${n}: ${file.groups.length} groups loaded, ready in ${Math.round(startMs)} ms`);
    await sleep((cfg.warmupRounds * cfg.intervalSec + 2) * 1000);
    const a = await scrape(prom.url);
    await sleep(cfg.measureSec * 1000);
    const b = await scrape(prom.url);
    const d = snapshotDelta(a, b, cfg.intervalSec);
    if (d.groups !== file.groups.length) {
      throw new Error(
        `${variant} N=${n}: Prometheus reports ${d.groups} rule groups, the file has ${file.groups.length}`
      );
    }
    if (d.failures > 0) {
      throw new Error(`${variant} N=${n}: ${d.failures} rule evaluation failures during the measurement`);
    }
    const timings = await ruleTimings(prom.url);
    return { variant, slos: n, ...d, ruleTimings: timings };
  } finally {
    await prom.stop();
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_SCALE_RENDER) {
    // Re-renders the Markdown from a results JSON (after a report change, without re-measuring).
    const rep = JSON.parse(readFileSync(process.env.BENCH_SCALE_RENDER, 'utf8')) as ScaleReport;
    writeFileSync(process.env.BENCH_SCALE_RENDER.replace(/\.json$/, '.md'), renderMarkdown(rep));
    return;
  }
  const cfg = loadScaleConfig();
  const resultsDir =
    process.env.BENCH_RESULTS_DIR || (cfg.smoke ? mkdtempSync(join(tmpdir(), 'sre-scale-results-')) : COMMITTED);
  if (cfg.smoke && resolve(resultsDir) === COMMITTED) {
    throw new Error('BENCH_SMOKE=1 must not write to bench/results (the committed full-size results)');
  }
  installCleanupHandlers();
  const t0 = performance.now();
  const results: VariantResult[] = [];
  const shapes: ScaleReport['shapes'] = [];
  for (const n of cfg.sizes) {
    const work = mkdtempSync(join(tmpdir(), 'sre-scale-'));
    try {
      const slos = scaleSlos(n);
      const ours = generatePrometheusRules(slos, { interval: `${cfg.intervalSec}s` });
      const files: Record<Variant, PrometheusRuleFile> = {
        ours: everyRound(ours, cfg.intervalSec),
        floor: floorRules(everyRound(ours, cfg.intervalSec)),
        pyrra: pyrraRules(slos, `${cfg.intervalSec}s`),
      };
      // Data ends now (whole minute): rules evaluate at wall-clock time, so the newest samples are minutes old.
      const endSec = Math.floor(Date.now() / 60_000) * 60;
      const om = join(work, 'series.om');
      const writer = new OpenMetricsWriter(om);
      const rawSteps = Math.floor((cfg.rawHours * 3600) / 60) + 1;
      const rawSeries = await writeRawSeries(writer, n, rawSteps, 60, endSec, cfg.seed);
      await writeRollups(writer, slos, ours, cfg, endSec);
      await writer.close();
      const blocks = join(work, 'blocks');
      const bf = await backfillOpenMetrics(om, blocks);
      rmSync(om);
      log(
        `N=${n}: ${rawSeries} raw series, ${writer.lines.toLocaleString('en-US')} samples backfilled in ${Math.round(bf.ms)} ms`
      );
      shapes.push({
        slos: n,
        rawSeries,
        samples: writer.lines,
        rulesOurs: ours.groups.reduce((a, g) => a + g.rules.length, 0),
        recordingRulesOurs: ours.groups.reduce((a, g) => a + g.rules.filter(isRecording).length, 0),
        rulesPyrra: files.pyrra.groups.reduce((a, g) => a + g.rules.length, 0),
        recordingRulesPyrra: files.pyrra.groups.reduce((a, g) => a + g.rules.filter(isRecording).length, 0),
      });
      for (const v of cfg.variants) {
        const r = await measureVariant(v, files[v], n, blocks, work, cfg);
        log(
          `${v} N=${n}: ${r.evalSecPerRound.toFixed(3)} s per round (${((r.evalSecPerRound / n) * 1000).toFixed(3)} ms/SLO), ` +
            `CPU ${(r.cpuCoreShare * 100).toFixed(1)}% of a core, head series ${r.headSeries}, RSS ${(r.rssBytes / 2 ** 20).toFixed(0)} MiB`
        );
        results.push(r);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  const report: ScaleReport = {
    generatedAt: new Date().toISOString(),
    prometheus: (await run('prometheus', ['--version'], 10_000)).stdout.split('\n')[0] || 'prometheus',
    config: cfg,
    shapes,
    results,
    totalSec: Math.round((performance.now() - t0) / 1000),
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'scale-rules.json'), JSON.stringify(report, null, 2) + '\n');
  const md = renderMarkdown(report);
  writeFileSync(join(resultsDir, 'scale-rules.md'), md);
  console.log('\n' + md);
  log(`wrote ${join(resultsDir, 'scale-rules.json')} and scale-rules.md in ${report.totalSec} s`);
}

main().catch((e: unknown) => {
  console.error(`bench:scale failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
