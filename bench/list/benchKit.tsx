/**
 * What the list benchmarks (*.bench.tsx here) share: waiting for a page of rows, timing each size over several
 * runs after warm-ups, and writing the results. Not a bench itself (jest only runs *.bench.tsx).
 */
import React, { type ReactElement } from 'react';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { MemoryRouter } from 'react-router-dom';
import { cleanup, render, waitFor } from '@testing-library/react';

export const RUNS = Number(process.env.BENCH_LIST_RUNS ?? 5);

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
 * Renders `list` in a router and waits until it holds `rows` elements matching `selector` and its text includes
 * `text` (what the user sees); runs `check` on it, then unmounts. Returns when render() started and how long it took.
 */
export async function renderPage(
  list: ReactElement,
  page: { selector: string; rows: number; text: string },
  check: (container: HTMLElement) => void = () => {}
): Promise<{ t0: number; ms: number }> {
  const t0 = performance.now();
  const { container } = render(<MemoryRouter>{list}</MemoryRouter>);
  await waitFor(
    () => {
      const found = container.querySelectorAll(page.selector).length;
      if (found !== page.rows || !container.textContent?.includes(page.text)) {
        throw new Error(`${found} of ${page.rows} rows`);
      }
    },
    { timeout: 120_000, interval: 2 }
  );
  const ms = performance.now() - t0;
  check(container);
  cleanup();
  return { t0, ms };
}

/**
 * Renders each size RUNS times after 2 warm-up renders of the first size (module initialisation, emotion's first
 * style insertions and the JIT would otherwise land on it). Throws when the request count changes between runs.
 */
export async function measureSizes(
  sizes: number[],
  renderOnce: (n: number) => Promise<RunResult>
): Promise<SizeResult[]> {
  await renderOnce(sizes[0]);
  await renderOnce(sizes[0]);
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
        throw new Error(`request count changed between runs: ${requests} then ${once.requests}`);
      }
      requests = once.requests;
    }
    rows.push({ size, requests, runsMs: runs, medianMs: median(runs), medianToDataMs: median(toData) });
  }
  const base = rows[0].medianMs;
  return rows.map((r) => ({ ...r, ratioVs10: Math.round((r.medianMs / base) * 100) / 100 }));
}

export const environment = () => ({ node: process.version, cpus: cpus().length, jsdom: true, runsPerSize: RUNS });

/** Writes `<name>.json` and `<name>.md` to bench/results (BENCH_RESULTS_DIR overrides) and prints the markdown. */
export function writeResults(name: string, json: object, md: string): void {
  const dir = process.env.BENCH_RESULTS_DIR ?? join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(json, null, 2) + '\n');
  writeFileSync(join(dir, `${name}.md`), md);
  console.log(md);
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
