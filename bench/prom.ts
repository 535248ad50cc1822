/**
 * Process control for the bench and the real-Prometheus tests: promtool runs and a Prometheus server on 127.0.0.1.
 * Every process we start is tracked by PID and stopped by PID, also when the bench fails or is interrupted.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';

const live = new Set<number>();
let handlersInstalled = false;

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when GET `url` answers 200 within 2 s. node:http rather than fetch, so the same class serves the jest tests
 * (their jsdom environment has no fetch).
 */
function isReady(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: 'GET', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Makes sure tracked processes die with the bench: normal exit, error exit, Ctrl-C or SIGTERM. */
export function installCleanupHandlers(): void {
  if (handlersInstalled) {
    return;
  }
  handlersInstalled = true;
  process.on('exit', () => {
    for (const pid of live) {
      killQuietly(pid, 'SIGKILL');
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      for (const pid of live) {
        killQuietly(pid, 'SIGTERM');
      }
      process.exit(130);
    });
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface CommandResult {
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs a command with a time limit; throws with the tail of stderr when it fails or times out. */
export function run(cmd: string, args: string[], timeoutMs: number): Promise<CommandResult> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) {
      live.add(child.pid);
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        killQuietly(child.pid, 'SIGKILL');
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (child.pid !== undefined) {
        live.delete(child.pid);
      }
      const stdout = Buffer.concat(out).toString();
      const stderr = Buffer.concat(err).toString();
      if (code !== 0) {
        const why = signal ? `killed by ${signal} (limit ${timeoutMs} ms)` : `exit ${code}`;
        reject(new Error(`${cmd} ${args.slice(0, 4).join(' ')} ... failed: ${why}\n${stderr.slice(-2000)}`));
        return;
      }
      resolve({ stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

/** A free TCP port on 127.0.0.1 (never 9090, which other engineers' stacks use). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const addr = srv.address();
        const p = typeof addr === 'object' && addr ? addr.port : 0;
        srv.close(() => resolve(p));
      });
    });
    if (port && port !== 9090) {
      return port;
    }
  }
  throw new Error('no free port on 127.0.0.1');
}

/** `promtool tsdb create-blocks-from openmetrics` with one block per 31 days (see TOOLCHAIN.md: 35 s → 0.4 s). */
export function backfillOpenMetrics(file: string, outDir: string): Promise<CommandResult> {
  mkdirSync(outDir, { recursive: true });
  return run(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', file, outDir, '--max-block-duration=744h'],
    10 * 60_000
  );
}

/** Moves every TSDB block (ULID directory) from `fromDir` into `dataDir`; the server must be stopped. */
export function moveBlocks(fromDir: string, dataDir: string): number {
  let n = 0;
  for (const name of readdirSync(fromDir)) {
    if (/^[0-9A-HJKMNP-TV-Z]{26}$/.test(name)) {
      renameSync(join(fromDir, name), join(dataDir, name));
      n++;
    }
  }
  return n;
}

export interface PrometheusOptions {
  /**
   * The text of prometheus.yml (written to `workDir` on every start). Default: no scrape jobs and no rules, so the
   * server only serves backfilled data.
   */
  config?: string;
}

export class Prometheus {
  readonly url: string;
  private serverPid: number | undefined;

  constructor(
    readonly workDir: string,
    readonly dataDir: string,
    readonly port: number,
    private readonly options: PrometheusOptions = {}
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** The running server's PID; undefined before start and after stop. */
  get pid(): number | undefined {
    return this.serverPid;
  }

  /** Starts the server on the data dir (90d retention: the default 15d would delete backfilled blocks). */
  async start(readyTimeoutMs = 120_000): Promise<number> {
    const t0 = performance.now();
    mkdirSync(this.dataDir, { recursive: true });
    const config = join(this.workDir, 'prometheus.yml');
    writeFileSync(config, this.options.config ?? 'global:\n  evaluation_interval: 1m\n');
    const pidFile = join(this.workDir, 'prometheus.pid');
    rmSync(pidFile, { force: true }); // a stale pidfile would name the previous server
    const logFile = join(this.workDir, 'prometheus.log');
    const log = openSync(logFile, 'a');
    const args = [
      `--config.file=${config}`,
      `--storage.tsdb.path=${this.dataDir}`,
      '--storage.tsdb.retention.time=90d',
      `--web.listen-address=127.0.0.1:${this.port}`,
      '--log.level=info',
    ];
    // `exec` keeps the PID written by the shell, so the pidfile names the server itself.
    const child = spawn('sh', ['-c', 'echo $$ > "$0"; exec prometheus "$@"', pidFile, ...args], {
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    let exited = false;
    child.on('exit', () => (exited = true));
    if (child.pid === undefined) {
      throw new Error('could not spawn prometheus');
    }
    live.add(child.pid);
    this.serverPid = child.pid;
    const deadline = Date.now() + readyTimeoutMs;
    while (Date.now() < deadline) {
      if (exited) {
        throw new Error(`prometheus exited during start-up; log tail:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
      }
      try {
        if (await isReady(`${this.url}/-/ready`)) {
          const fromFile = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
          if (fromFile !== this.serverPid) {
            throw new Error(
              `pidfile says ${fromFile}, spawned ${this.serverPid}: another server may own port ${this.port}`
            );
          }
          return performance.now() - t0;
        }
      } catch (e) {
        if (e instanceof Error && e.message.startsWith('pidfile')) {
          await this.stop();
          throw e;
        }
        // not listening yet
      }
      await sleep(250);
    }
    await this.stop();
    throw new Error(`prometheus not ready after ${readyTimeoutMs} ms; see ${logFile}`);
  }

  /** Stops the server by PID: SIGTERM, then SIGKILL after 30 s. Safe to call twice. */
  async stop(): Promise<void> {
    const pid = this.serverPid;
    if (pid === undefined) {
      return;
    }
    killQuietly(pid, 'SIGTERM');
    for (let i = 0; i < 120 && isAlive(pid); i++) {
      await sleep(250);
    }
    if (isAlive(pid)) {
      killQuietly(pid, 'SIGKILL');
      await sleep(250);
    }
    live.delete(pid);
    this.serverPid = undefined;
  }

  /** Restarts on the same data dir, e.g. after new blocks were moved in. */
  async restart(): Promise<number> {
    await this.stop();
    return this.start();
  }
}
