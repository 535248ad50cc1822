/**
 * A real Prometheus on 127.0.0.1 for tests: backfilled blocks, optional rule files, started with a pidfile and
 * stopped by PID. Uses node:http rather than fetch, because jest's jsdom environment (which the api/ layer needs
 * for @grafana/runtime) has no fetch.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backfillOpenMetrics, freePort, moveBlocks } from '../../bench/prom';

export { backfillOpenMetrics, freePort, moveBlocks };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Fails with a clear message when the binaries are missing (CI installs them; tests must not skip). */
export function requirePrometheusBinaries(): void {
  for (const bin of ['prometheus', 'promtool']) {
    const r = spawnSync(bin, ['--version'], { stdio: 'ignore' });
    if (r.error || r.status !== 0) {
      throw new Error(`${bin} is not on PATH: install it (Debian: apt-get install -y prometheus) to run the *.prom tests`);
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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export class PrometheusServer {
  readonly url: string;
  private pid: number | undefined;

  constructor(
    readonly workDir: string,
    readonly dataDir: string,
    readonly port: number,
    /** Rule files loaded with `rule_files` (Prometheus evaluates them from start-up on). */
    private ruleFiles: string[] = []
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  setRuleFiles(files: string[]): void {
    this.ruleFiles = files;
  }

  /** Starts the server (90d retention: the default 15d would delete backfilled blocks) and waits until ready. */
  async start(readyTimeoutMs = 30_000): Promise<void> {
    if (this.pid !== undefined) {
      throw new Error('already started');
    }
    mkdirSync(this.dataDir, { recursive: true });
    const config = join(this.workDir, 'prometheus.yml');
    const rules = this.ruleFiles.length ? `rule_files:\n${this.ruleFiles.map((f) => `  - ${JSON.stringify(f)}`).join('\n')}\n` : '';
    writeFileSync(config, `global:\n  evaluation_interval: 1m\n${rules}`);
    const pidFile = join(this.workDir, 'prometheus.pid');
    rmSync(pidFile, { force: true });
    const logFile = join(this.workDir, 'prometheus.log');
    const log = openSync(logFile, 'a');
    const args = [
      `--config.file=${config}`,
      `--storage.tsdb.path=${this.dataDir}`,
      '--storage.tsdb.retention.time=90d',
      `--web.listen-address=127.0.0.1:${this.port}`,
    ];
    // `exec` keeps the shell's PID, so the pidfile names the server itself.
    const child = spawn('sh', ['-c', 'echo $$ > "$0"; exec prometheus "$@"', pidFile, ...args], { stdio: ['ignore', log, log] });
    closeSync(log);
    let exited = false;
    child.on('exit', () => (exited = true));
    if (child.pid === undefined) {
      throw new Error('could not spawn prometheus');
    }
    this.pid = child.pid;
    const deadline = Date.now() + readyTimeoutMs;
    while (Date.now() < deadline) {
      if (exited) {
        this.pid = undefined;
        throw new Error(`prometheus exited during start-up:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
      }
      const ok = await getJson(`${this.url}/-/ready`, 2000).then(
        (r) => r.status === 200,
        () => false
      );
      if (ok) {
        const fromFile = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
        if (fromFile !== this.pid) {
          await this.stop();
          throw new Error(`pidfile says ${fromFile}, spawned ${child.pid}: another server may own port ${this.port}`);
        }
        return;
      }
      await sleep(200);
    }
    await this.stop();
    throw new Error(`prometheus not ready after ${readyTimeoutMs} ms; see ${logFile}`);
  }

  /** SIGTERM by PID, SIGKILL after 15 s. Safe to call twice or before start. */
  async stop(): Promise<void> {
    const pid = this.pid;
    if (pid === undefined) {
      return;
    }
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    for (let i = 0; i < 75 && isAlive(pid); i++) {
      await sleep(200);
    }
    if (isAlive(pid)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    this.pid = undefined;
  }
}

interface PromApi<T> {
  status: string;
  error?: string;
  data: T;
}

export type RangeSeries = Array<{ metric: Record<string, string>; values: Array<[number, string]> }>;

/** query_range over [startSec, endSec], split into chunks under Prometheus' 11,000-points limit. */
export async function rangeQuery(url: string, expr: string, startSec: number, endSec: number, stepSec: number): Promise<RangeSeries> {
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
