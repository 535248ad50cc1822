/**
 * What the list benchmarks (*.bench.tsx here) share: waiting for a page of rows, timing each size over several
 * runs after warm-ups, and writing the results. Not a bench itself (jest only runs *.bench.tsx).
 */
import React, { type ReactElement } from 'react';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MemoryRouter } from 'react-router-dom';
import { cleanup, render, waitFor } from '@testing-library/react';

/**
 * BENCH_SMOKE=1: tiny sizes, one run, one warm-up, results in a temporary directory. `npm test` runs the benches
 * this way so that a broken bench fails CI; the full sizes stay a separate `npm run bench:list`.
 */
export const SMOKE = process.env.BENCH_SMOKE === '1';
export const RUNS = SMOKE ? 1 : Number(process.env.BENCH_LIST_RUNS || 5);
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 50) {
  throw new Error(`BENCH_LIST_RUNS must be an integer in [1, 50], got ${process.env.BENCH_LIST_RUNS}`);
}
export const WARMUPS = SMOKE ? 1 : 2;
/** A broken page never arrives; in smoke mode it should fail fast rather than after two minutes. */
const PAGE_TIMEOUT_MS = SMOKE ? 15_000 : 120_000;

/** The sizes to measure: the full ones, or the smoke ones under BENCH_SMOKE=1. */
export const benchSizes = (full: number[], smoke: number[]) => (SMOKE ? smoke : full);

/** Fails the bench: the measurement itself is wrong (not a missed target). */
export function broken(what: string): never {
  throw new Error(`bench broken: ${what}`);
}

/** One render of a list: wall time until the first page is in the DOM, until the data was answered, requests. */
export interface RunResult {
  ms: number;
  dataMs: number;
  requests: number;
}

export interface SizeResult {
  size: number;
  requests: number;
  runsMs: number[];
  medianMs: number;
  medianToDataMs: number;
  /** medianMs over the first size's. */
  ratioVs10: number;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Renders `list` in a router and waits until it holds `rows` elements matching `selector`, its text includes
 * `text` and not `absent` (what the user sees: e.g. no row still loading); runs `check` on it, then unmounts.
 * Returns when render() started and how long it took.
 */
export async function renderPage(
  list: ReactElement,
  page: { selector: string; rows: number; text: string; absent?: string },
  check: (container: HTMLElement) => void = () => {}
): Promise<{ t0: number; ms: number }> {
  const t0 = performance.now();
  const { container } = render(<MemoryRouter>{list}</MemoryRouter>);
  await waitFor(
    () => {
      const found = container.querySelectorAll(page.selector).length;
      const text = container.textContent ?? '';
      if (found !== page.rows || !text.includes(page.text) || (page.absent && text.includes(page.absent))) {
        throw new Error(
          `waiting for ${page.rows} rows, "${page.text}"${page.absent ? ` and no "${page.absent}"` : ''}: ${found} rows, text starts "${text.slice(0, 300)}"`
        );
      }
    },
    { timeout: PAGE_TIMEOUT_MS, interval: 2 }
  );
  const ms = performance.now() - t0;
  check(container);
  cleanup();
  return { t0, ms };
}

/**
 * Renders each size RUNS times after warm-up renders of the first size (module initialisation, emotion's first
 * style insertions and the JIT would otherwise land on it). Throws when the request count changes between runs.
 */
export async function measureSizes(
  sizes: number[],
  renderOnce: (n: number) => Promise<RunResult>
): Promise<SizeResult[]> {
  for (let w = 0; w < WARMUPS; w++) {
    await renderOnce(sizes[0]);
  }
  const rows: Array<Omit<SizeResult, 'ratioVs10'>> = [];
  for (const size of sizes) {
    const runs: number[] = [];
    const toData: number[] = [];
    let requests = -1;
    for (let r = 0; r < RUNS; r++) {
      const once = await renderOnce(size);
      runs.push(round1(once.ms));
      toData.push(round1(once.dataMs));
      if (requests !== -1 && once.requests !== requests) {
        broken(`request count changed between runs: ${requests} then ${once.requests}`);
      }
      requests = once.requests;
    }
    rows.push({ size, requests, runsMs: runs, medianMs: median(runs), medianToDataMs: median(toData) });
  }
  const base = rows[0].medianMs;
  return rows.map((r) => ({ ...r, ratioVs10: Math.round((r.medianMs / base) * 100) / 100 }));
}

export const environment = () => ({
  node: process.version,
  cpus: cpus().length,
  jsdom: true,
  runsPerSize: RUNS,
  smoke: SMOKE,
});

const COMMITTED_RESULTS = resolve(__dirname, '..', 'results');

/**
 * Where results go: BENCH_RESULTS_DIR, else bench/results; in smoke mode a fresh temporary directory, and never
 * bench/results, whose files are the committed full-size numbers.
 */
export function resultsDir(): string {
  const dir =
    process.env.BENCH_RESULTS_DIR || (SMOKE ? mkdtempSync(join(tmpdir(), 'sre-bench-list-')) : COMMITTED_RESULTS);
  if (SMOKE && resolve(dir) === COMMITTED_RESULTS) {
    throw new Error('BENCH_SMOKE=1 must not write to bench/results (the committed full-size results)');
  }
  return dir;
}

/** Writes `<name>.json` and `<name>.md` to resultsDir() and prints the markdown. */
export function writeResults(name: string, json: object, md: string): void {
  const dir = resultsDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(json, null, 2) + '\n');
  writeFileSync(join(dir, `${name}.md`), md);
  console.log(`${md}\nwrote ${join(dir, name)}.json and .md`);
}

/** A long timeout, and a canvas for the filters' Combobox, which measures text on one (jsdom has none). */
export function setUpListBench(): void {
  jest.setTimeout(600_000);
  beforeAll(() => {
    jest
      .spyOn(HTMLCanvasElement.prototype, 'getContext')
      .mockReturnValue({ measureText: () => ({ width: 10 }) } as unknown as CanvasRenderingContext2D);
  });
}
