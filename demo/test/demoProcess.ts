/** Test helpers: start the real demo service as a child process, talk HTTP to it, read its metrics. */
import { type ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO_ROOT = resolve(__dirname, '..', '..');

export interface DemoProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  /** Every stdout line so far, in order. */
  stdout: string[];
  stderr: string[];
  /** SIGTERM, then SIGKILL after `graceMs`. Resolves with the exit code (null if killed by a signal). */
  stop(graceMs?: number): Promise<number | null>;
}

/** `node --import tsx demo/src/server.ts`: one process, so its PID is the server's PID. */
export function spawnDemo(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'demo/src/server.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null | 'timeout'> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode);
  }
  return new Promise((done) => {
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
  });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startDemo(env: Record<string, string>, timeoutMs = 20_000): Promise<DemoProcess> {
  const child = spawnDemo(env);
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  const lines = createInterface({ input: child.stdout! });

  const port = await new Promise<number>((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`demo did not start in ${timeoutMs} ms: ${stderr.join('\n')}`)),
      timeoutMs
    );
    child.once('exit', (code) => fail(new Error(`demo exited with ${code} before listening: ${stderr.join('\n')}`)));
    lines.on('line', (line) => {
      stdout.push(line);
      try {
        const parsed = JSON.parse(line);
        if (parsed.msg === 'listening') {
          clearTimeout(timer);
          ok(parsed.port);
        }
      } catch {
        // not JSON: the test asserting on log lines will report it
      }
    });
  });

  const stop = async (graceMs = 5_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if ((await waitForExit(child, graceMs)) === 'timeout') {
        child.kill('SIGKILL');
        await waitForExit(child, graceMs);
      }
    }
    return child.exitCode;
  };
  return { child, pid: child.pid!, port, baseUrl: `http://127.0.0.1:${port}`, stdout, stderr, stop };
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): any;
  ms: number;
}

/** One HTTP request on a fresh connection (no keep-alive, so nothing lingers after the test). */
export function http(
  url: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {}
): Promise<HttpResponse> {
  const started = Date.now();
  return new Promise((ok, fail) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        ok({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          json: () => JSON.parse(text),
          ms: Date.now() - started,
        });
      });
    });
    req.on('error', fail);
    req.end(options.body);
  });
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text exposition format (enough for prom-client's output). */
export function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line.trim());
    if (!m || line.startsWith('#')) {
      continue;
    }
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[l[1]] = l[2].replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return samples;
}

/** Sum of all samples named `name` whose labels include `match`. */
export function sum(samples: Sample[], name: string, match: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v))
    .reduce((acc, s) => acc + s.value, 0);
}
