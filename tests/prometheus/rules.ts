/**
 * Backfills generated recording rules into a running test Prometheus. Prometheus only evaluates rules from
 * start-up on, and the test data lies in the past, so (like bench/rules.ts) each dependency level is evaluated with
 * query_range at the rule interval, written as OpenMetrics, backfilled, and loaded by a restart. That is what
 * `promtool tsdb create-blocks-from rules` does internally, without its one block per rule per 2 hours.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordingRule } from '../../src/domain/rules';
import { OpenMetricsWriter, labelText } from '../../bench/openmetrics';
import { backfillOpenMetrics, moveBlocks, rangeQuery, type PrometheusServer } from './server';

function reads(expr: string, recorded: Set<string>): string[] {
  return [...new Set((expr.match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? []).filter((n) => recorded.has(n)))];
}

/** The rules needed to compute `targets` (record names), sorted into dependency levels (level 1 reads raw series). */
export function ruleLevels(rules: RecordingRule[], targets: string[]): RecordingRule[][] {
  const recorded = new Set(rules.map((r) => r.record));
  const levelOf = new Map<string, number>();
  const level = (name: string, seen: string[]): number => {
    const known = levelOf.get(name);
    if (known !== undefined) {
      return known;
    }
    if (seen.includes(name)) {
      throw new Error(`rule cycle: ${[...seen, name].join(' → ')}`);
    }
    const deps = rules
      .filter((r) => r.record === name)
      .flatMap((r) => reads(r.expr, recorded).filter((d) => d !== name));
    const l = 1 + Math.max(0, ...deps.map((d) => level(d, [...seen, name])));
    levelOf.set(name, l);
    return l;
  };
  targets.forEach((t) => level(t, []));
  const levels: RecordingRule[][] = [];
  for (const rule of rules) {
    const l = levelOf.get(rule.record);
    if (l !== undefined) {
      (levels[l - 1] ??= []).push(rule);
    }
  }
  return levels;
}

/** Evaluates and backfills every level over [startSec, endSec] at `intervalSec`; restarts the server per level. */
export async function backfillRules(
  server: PrometheusServer,
  levels: RecordingRule[][],
  startSec: number,
  endSec: number,
  intervalSec: number
): Promise<number> {
  let samples = 0;
  for (const [i, rules] of levels.entries()) {
    const file = join(server.workDir, `rules.level${i + 1}.om`);
    const writer = new OpenMetricsWriter(file);
    for (const name of [...new Set(rules.map((r) => r.record))]) {
      await writer.family(name, 'gauge');
      for (const rule of rules.filter((r) => r.record === name)) {
        for (const series of await rangeQuery(server.url, rule.expr, startSec, endSec, intervalSec)) {
          // Rule labels override result labels and the record name becomes __name__, as in Prometheus.
          const { __name__: _drop, ...labels } = { ...series.metric, ...(rule.labels ?? {}) };
          const text = name + labelText(labels);
          for (const [t, v] of series.values) {
            writer.sample(text, v, t);
          }
          await writer.flushIfFull();
        }
      }
    }
    samples += writer.lines;
    await writer.close();
    const out = join(server.workDir, `blocks.level${i + 1}`);
    mkdirSync(out, { recursive: true });
    await backfillOpenMetrics(file, out);
    await server.stop();
    moveBlocks(out, server.dataDir);
    await server.start();
  }
  return samples;
}
