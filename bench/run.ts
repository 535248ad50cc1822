/**
 * 30-day error ratio benchmark: raw increase[30d] vs Sloth's average of 5m ratios vs our period rule, on a real
 * Prometheus with 30 days of backfilled data. Run: `npm run bench` (= `tsx bench/run.ts`). See bench/README.md.
 * Exits 0 after writing bench/results/budget-30d.{json,md}, whatever the cost; non-zero when something broke,
 * including an exactness check (checks.ts). BENCH_SMOKE=1 runs a tiny shape into a temporary directory (npm test).
 */
import { mkdtempSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exactnessProblems } from './checks';
import { loadConfig, type BenchConfig, WINDOW_START_SEC } from './config';
import { generateData } from './data';
import { measureSlo, type Measurement } from './methods';
import { Prometheus, backfillOpenMetrics, freePort, installCleanupHandlers, moveBlocks, run } from './prom';
import { summarise, summaryTable, writeReport, type Report } from './report';
import {
  backfillLevel,
  benchRules,
  benchSlos,
  fidelityCheck,
  groupOffsetSec,
  writeRuleFiles,
  type FidelityCheck,
  type LevelBackfill,
} from './rules';
import {
  emulateAverageOfRatios,
  emulateHourlyPeriod,
  exactRatioBetween,
  hourlyPeriodWindow,
  lastHourlyRun,
} from './emulate';

const COMMITTED_RESULTS = resolve(__dirname, 'results');

/** BENCH_RESULTS_DIR, else bench/results; a smoke run never writes over the committed full-size results. */
function resultsDir(cfg: BenchConfig): string {
  const dir =
    process.env.BENCH_RESULTS_DIR ||
    (cfg.smoke ? mkdtempSync(join(tmpdir(), 'sre-bench-results-')) : COMMITTED_RESULTS);
  if (cfg.smoke && resolve(dir) === COMMITTED_RESULTS) {
    throw new Error('BENCH_SMOKE=1 must not write to bench/results (the committed full-size results)');
  }
  return dir;
}

function log(msg: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
}

async function main(): Promise<void> {
  const cfg = loadConfig();
  const resultsDirPath = resultsDir(cfg);
  installCleanupHandlers();
  const tStart = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, t0: number): void => {
    timings[name] = Math.round(performance.now() - t0);
  };
  const workDir = mkdtempSync(join(tmpdir(), 'sre-bench-'));
  const dataDir = join(workDir, 'tsdb');
  let prom: Prometheus | undefined;
  const deadline = setTimeout(() => {
    console.error(`bench: over the ${cfg.timeoutSec}s limit, aborting`);
    process.kill(process.pid, 'SIGTERM');
  }, cfg.timeoutSec * 1000);
  deadline.unref();

  try {
    log(
      `shape${cfg.smoke ? ' (smoke)' : ''}: ${cfg.services} SLOs, ${cfg.days}d at ${cfg.resolutionSec}s; work dir ${workDir}`
    );
    let t = performance.now();
    const rawFile = join(workDir, 'raw.om');
    const data = await generateData(cfg, rawFile);
    lap('generateMs', t);
    log(
      `generated ${data.lines.toLocaleString('en-US')} samples (${(statSync(rawFile).size / 1e6).toFixed(0)} MB) in ${timings.generateMs} ms`
    );

    t = performance.now();
    await backfillOpenMetrics(rawFile, dataDir);
    lap('backfillRawMs', t);
    rmSync(rawFile);
    log(`raw blocks written in ${timings.backfillRawMs} ms`);

    const slos = benchSlos(data, cfg.days);
    const rules = benchRules(slos, cfg.evalIntervalSec);
    const ruleFiles = writeRuleFiles(workDir, rules);
    t = performance.now();
    await run('promtool', ['check', 'rules', join(workDir, 'rules.all.yaml'), ...ruleFiles], 120_000);
    lap('checkRulesMs', t);
    log(
      `generated rules pass promtool check rules; backfilling ${rules.levels.map((l) => l.length).join(' + ')} rules by level`
    );

    prom = new Prometheus(workDir, dataDir, await freePort());
    timings.firstStartMs = Math.round(await prom.start());
    log(`prometheus ready on ${prom.url} in ${timings.firstStartMs} ms`);

    let fidelity: FidelityCheck | undefined;
    if (cfg.fidelityCheck && rules.levels.length) {
      const from = WINDOW_START_SEC + 86400;
      fidelity = await fidelityCheck(
        prom.url,
        rules.levels[0],
        slos[0].id,
        from,
        from + 7200,
        cfg.evalIntervalSec,
        workDir
      );
      log(
        `fidelity: promtool create-blocks-from rules vs query_range: ${fidelity.comparedSamples} samples, max |diff| ${fidelity.maxAbsDiff}`
      );
    }

    // Rules start 80 min before the window: 5m rates and 1h roll-ups are complete when the window begins.
    const ruleStart = WINDOW_START_SEC - 80 * 60;
    const ruleEnd = Math.max(...data.services.map((s) => s.endSec)) + cfg.evalIntervalSec;
    const backfills: LevelBackfill[] = [];
    for (let i = 0; i < rules.levels.length; i++) {
      const out = join(workDir, `level${i + 1}-blocks`);
      mkdirSync(out, { recursive: true });
      const bf = await backfillLevel(prom.url, i + 1, rules.levels[i], ruleStart, ruleEnd, workDir, out);
      backfills.push(bf);
      await prom.stop();
      const moved = moveBlocks(out, dataDir);
      const ms = await prom.start();
      log(
        `level ${i + 1}: ${bf.rules} rules, ${bf.samples.toLocaleString('en-US')} samples evaluated in ${Math.round(bf.evalMs)} ms, ` +
          `promtool ${Math.round(bf.promtoolMs)} ms, ${moved} blocks loaded, restart ${Math.round(ms)} ms`
      );
    }
    lap('ruleBackfillMs', t);

    t = performance.now();
    const measurements: Measurement[] = [];
    const windowSec = cfg.days * 86400;
    for (let i = 0; i < slos.length; i++) {
      const truth = data.services[i];
      const c = data.counters[i];
      const offset = groupOffsetSec(slos[i].id, cfg.evalIntervalSec);
      const hourly = rules.hourly.get(slos[i].id)!;
      const emulated = {
        raw: truth.bad / truth.total,
        sloth: emulateAverageOfRatios(c, truth.endSec, windowSec, cfg.evalIntervalSec, offset),
        ours: emulateHourlyPeriod(c, truth.endSec, windowSec, cfg.evalIntervalSec, offset, hourly.offsetSec),
      };
      measurements.push(
        ...(await measureSlo(
          prom.url,
          slos[i],
          truth,
          rules.periodExpr.get(slos[i].id)!,
          cfg.runs,
          emulated,
          {
            expr: hourly.rule.expr,
            timeSec: lastHourlyRun(truth.endSec, hourly.offsetSec),
          },
          exactRatioBetween(c, ...hourlyPeriodWindow(truth.endSec, windowSec, hourly.offsetSec))
        ))
      );
    }
    lap('queryMs', t);

    const badPerSlo = data.series.filter((s) => s.service === 0 && s.bad).length;
    const perSlo = data.series.filter((s) => s.service === 0).length;
    const summary = summarise(measurements, slos[0].id);
    const ours = summary.find((s) => s.method === 'ours')!;
    const sloth = summary.find((s) => s.method === 'sloth')!;
    const report: Report = {
      generatedAt: new Date().toISOString(),
      prometheus: (await run('prometheus', ['--version'], 10_000)).stdout.split('\n')[0] || 'prometheus',
      shape: {
        slos: slos.length,
        seriesTotal: data.series.length,
        seriesPerSlo: perSlo,
        badSeriesPerSlo: badPerSlo,
        resolutionSec: cfg.resolutionSec,
        days: cfg.days,
        samplesPerSeries: data.steps,
        rawSamples: data.lines,
        ruleEvalIntervalSec: cfg.evalIntervalSec,
        seed: cfg.seed,
      },
      summary,
      measurements,
      notes: [
        `Each SLO is queried at its own last scrape time, so the ${cfg.days}d range starts exactly on a sample: raw ` +
          "`increase()` then needs no extrapolation and equals the counters' difference; what is left is float rounding.",
        `Ours reads ${ours.samplesPerSlo.toLocaleString('en-US')} samples per SLO, 1/${(1 / ours.ratioVsRaw).toFixed(0)} of raw ` +
          `(goal: at most 1/50): ${ours.ratioVsRaw <= 1 / 50 ? 'met' : 'MISSED'}. Its cost depends on the window and the ` +
          `rule layout, not on the raw series; raw reads ${perSlo + badPerSlo} series per SLO here (${perSlo} for the total, ` +
          `${badPerSlo} again for the bad events), so the ratio grows with the number of raw series.`,
        `Ours equals its emulation to ${sci(ours.maxEmulationGap)} (relative to the truth): Prometheus computes exactly the ` +
          'event-weighted ratio the rules define. Ours is the value its hourly group (run once an hour, at an offset of ' +
          'its own, backfilled at that cadence) computed last: the whole hours up to the last full hour at least a minute ' +
          "before that run, so up to two hours behind the query. Its truth is the exact tally of those hours (the table's " +
          `ground truth column is the rolling window's); its error against it (max ${sci(ours.maxAbsRelError)}) is the ` +
          '5m-rate fuzz at both ends. Samples are what the hourly rule reads when it runs (the forwarded value reads one ' +
          'or two). It is not an average of ratios.',
        `Sloth's average of 5m ratios weights a quiet 5 minutes as much as a busy one; with error bursts in quiet hours ` +
          `it is off by up to ${pct(sloth.maxAbsRelError)} (median ${pct(sloth.medianAbsRelError)}). It matches its own ` +
          `emulation to ${sci(sloth.maxEmulationGap)}, so this is the method, not noise.`,
        'Recording rules were evaluated with query_range at the evaluation interval and backfilled as OpenMetrics, one ' +
          'pass per dependency level with a server restart in between (see bench/rules.ts for why not ' +
          '`create-blocks-from rules` for all 30 days).' +
          (fidelity
            ? ` Fidelity check: the real \`promtool tsdb create-blocks-from rules\` for ${fidelity.rules} rules over ${fidelity.range} ` +
              `gave ${fidelity.comparedSamples} samples, max |difference| to query_range ${fidelity.maxAbsDiff}.`
            : ''),
      ],
      timings,
      extra: {
        backfills,
        fidelity,
        smoke: cfg.smoke,
        workDir: cfg.keep ? workDir : undefined,
        services: data.services,
        periodExpr: rules.periodExpr.get(slos[0].id),
      },
    };
    timings.totalMs = Math.round(performance.now() - tStart);
    const files = writeReport(resultsDirPath, report);
    console.log('\n' + summaryTable(report) + '\n');
    log(`wrote ${files.json} and ${files.md}; total ${(timings.totalMs / 1000).toFixed(1)} s`);
    const problems = exactnessProblems(
      measurements,
      slos.map((s) => s.id),
      fidelity
    );
    if (problems.length > 0) {
      throw new Error(`the measurement is broken (exactness checks in bench/checks.ts):\n- ${problems.join('\n- ')}`);
    }
    log('exactness checks passed');
  } finally {
    clearTimeout(deadline);
    if (prom) {
      await prom.stop();
    }
    if (!cfg.keep) {
      rmSync(workDir, { recursive: true, force: true });
    }
  }
}

function pct(x: number): string {
  return `${(x * 100).toPrecision(3)}%`;
}
function sci(x: number): string {
  return x === 0 ? '0' : x.toExponential(2);
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
