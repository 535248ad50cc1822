/**
 * A real Prometheus on 127.0.0.1 for tests: backfilled blocks, started with a pidfile and stopped by PID (the
 * bench's Prometheus class). Uses node:http rather than fetch, because jest's jsdom environment (which the api/ layer needs
 * for @grafana/runtime) has no fetch.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfillOpenMetrics, freePort, moveBlocks, Prometheus } from '../../bench/prom';

/** The bench's server class: 90d retention, started with a pidfile, stopped by PID. */
export { backfillOpenMetrics, freePort, moveBlocks, Prometheus as PrometheusServer };

/** Fails with a clear message when the binaries are missing (CI installs them; tests must not skip). */
export function requirePrometheusBinaries(): void {
  for (const bin of ['prometheus', 'promtool']) {
    const r = spawnSync(bin, ['--version'], { stdio: 'ignore' });
    if (r.error || r.status !== 0) {
      throw new Error(
        `${bin} is not on PATH: install it (Debian: apt-get install -y prometheus) to run the *.prom tests`
      );
    }
  }
}

/** GET a URL on 127.0.0.1 and parse JSON; resolves with the status even for 4xx/5xx. */
export function getJson<T>(url: string, timeoutMs = 30_000): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'GET', timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as T });
        } catch {
          resolve({ status: res.statusCode ?? 0, body: text as unknown as T });
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

interface PromApi<T> {
  status: string;
  error?: string;
  data: T;
}

export type RangeSeries = Array<{ metric: Record<string, string>; values: Array<[number, string]> }>;

/** query_range over [startSec, endSec], split into chunks under Prometheus' 11,000-points limit. */
export async function rangeQuery(
  url: string,
  expr: string,
  startSec: number,
  endSec: number,
  stepSec: number
): Promise<RangeSeries> {
  const bySeries = new Map<string, RangeSeries[number]>();
  const chunk = 10_000 * stepSec;
  for (let s = startSec; s <= endSec; s += chunk + stepSec) {
    const e = Math.min(endSec, s + chunk);
    const q = new URLSearchParams({ query: expr, start: String(s), end: String(e), step: String(stepSec) });
    const { status, body } = await getJson<PromApi<{ result: RangeSeries }>>(`${url}/api/v1/query_range?${q}`);
    if (status !== 200 || body.status !== 'success') {
      throw new Error(`query_range failed (${status}): ${body.error}\n  ${expr}`);
    }
    for (const series of body.data.result) {
      const key = JSON.stringify(series.metric);
      const have = bySeries.get(key);
      if (have) {
        have.values.push(...series.values);
      } else {
        bySeries.set(key, { metric: series.metric, values: [...series.values] });
      }
    }
  }
  return [...bySeries.values()];
}

/** A temporary directory for one test file's TSDB and files; remove it in afterAll. */
export function makeWorkDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}
