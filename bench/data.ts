/**
 * Synthetic Micrometer-style HTTP traffic for N services with an exact ground-truth tally.
 *
 * Each service exposes `http_server_requests_seconds_count{service,uri,method,status,outcome}` for 4 endpoints:
 * 200/SUCCESS and 500/SERVER_ERROR on every endpoint, 404/CLIENT_ERROR on the two by-id endpoints and
 * 503/SERVER_ERROR on POST: 11 series per service. Traffic is diurnal (peak 15:00 UTC, trough 03:00 at ~12% of
 * peak), weekends run at 45%, and error bursts land mostly in the quiet hours, where few requests see them. An
 * average of 5m ratios therefore weights a quiet-hour burst as much as a busy hour and overstates the error ratio.
 *
 * Every service is scraped at its own phase within the step (like targets scraped by one Prometheus), never on
 * the rule evaluation grid. Counters start at a large baseline (the process has been running), never reset, and
 * every series exists from the first sample, so `increase()` sees no counter starts.
 */
import { WINDOW_START_SEC, type BenchConfig } from './config';
import { OpenMetricsWriter, labelText } from './openmetrics';

export const METRIC = 'http_server_requests_seconds_count';
const FAMILY = 'http_server_requests_seconds';

const NAMES = [
  'checkout',
  'cart',
  'catalog',
  'payments',
  'search',
  'accounts',
  'orders',
  'inventory',
  'shipping',
  'pricing',
  'reviews',
  'recommend',
  'notify',
  'auth',
  'profile',
  'media',
  'gateway',
  'billing',
  'ledger',
  'quotes',
  'returns',
  'loyalty',
  'coupons',
  'fraud',
  'tax',
  'stock',
  'wishlist',
  'sessions',
  'audit',
  'export',
];

export interface SeriesDef {
  service: number;
  labels: Record<string, string>;
  /** SERVER_ERROR outcome: counts as a bad event. */
  bad: boolean;
}

export interface Burst {
  startStep: number;
  steps: number;
  errorProb: number;
}

export interface ServiceTruth {
  service: string;
  /** Scrape phase within the step, seconds. */
  phaseSec: number;
  /** Time of the last sample: the bench queries this SLO at this instant, so the 30d range starts on a sample. */
  endSec: number;
  peakPerMin: number;
  bursts: Burst[];
  /** Events in (end − window, end]: exact integers, tallied by the generator, independent of Prometheus. */
  total: number;
  bad: number;
}

/** A service's counters summed over its series (all, and SERVER_ERROR only), one value per sample. */
export interface ServiceCounters {
  times: Float64Array;
  total: Float64Array;
  bad: Float64Array;
}

export interface Dataset {
  series: SeriesDef[];
  services: ServiceTruth[];
  /** Same order as services; for emulating Prometheus' arithmetic (see emulate.ts). */
  counters: ServiceCounters[];
  /** Samples per series (warm-up + window + 1). */
  steps: number;
  windowSteps: number;
  /** Timestamp (s) of sample 0 before the phase offset. */
  firstSec: number;
  lines: number;
}

/** mulberry32: small, fast, seedable; data and ground truth are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gauss(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

/** Poisson draw (normal approximation above 30; exactness of the tally does not depend on the distribution). */
function poisson(rnd: () => number, lambda: number): number {
  if (lambda <= 0) {
    return 0;
  }
  if (lambda > 30) {
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gauss(rnd)));
  }
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rnd();
  } while (p > l && k < 1000);
  return k - 1;
}

function binomial(rnd: () => number, n: number, p: number): number {
  return Math.min(n, poisson(rnd, n * p));
}

/** Traffic multiplier: diurnal (trough 03:00 UTC ≈ 0.12, peak 15:00 = 1) times 0.45 on weekends. */
export function trafficShape(tSec: number): number {
  const h = (((tSec % 86400) + 86400) % 86400) / 3600;
  const bump = (1 - Math.cos((2 * Math.PI * (h - 3)) / 24)) / 2;
  const day = Math.floor(tSec / 86400);
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday: 0 = Sunday
  const weekend = weekday === 0 || weekday === 6 ? 0.45 : 1;
  return (0.12 + 0.88 * bump * bump) * weekend;
}

const ENDPOINTS = [
  { method: 'GET', uri: (s: string) => `/api/${s}`, weight: 0.55, notFound: false, unavailable: false },
  { method: 'GET', uri: (s: string) => `/api/${s}/{id}`, weight: 0.25, notFound: true, unavailable: false },
  { method: 'POST', uri: (s: string) => `/api/${s}`, weight: 0.15, notFound: false, unavailable: true },
  { method: 'DELETE', uri: (s: string) => `/api/${s}/{id}`, weight: 0.05, notFound: true, unavailable: false },
];

export function serviceName(i: number): string {
  return i < NAMES.length ? NAMES[i] : `svc-${i}`;
}

/**
 * Generates the data, writes it as OpenMetrics to `file`, and returns the series and the ground truth. The window
 * starts at `windowStartSec` (default WINDOW_START_SEC; the SLA bench places it before a calendar month).
 */
export async function generateData(
  cfg: BenchConfig,
  file: string,
  windowStartSec = WINDOW_START_SEC
): Promise<Dataset> {
  const rnd = prng(cfg.seed);
  const res = cfg.resolutionSec;
  const warmupSteps = Math.ceil((cfg.warmupMin * 60) / res);
  const windowSteps = (cfg.days * 86400) / res;
  if (!Number.isInteger(windowSteps)) {
    throw new Error(`resolution ${res}s does not divide ${cfg.days}d`);
  }
  const steps = warmupSteps + windowSteps + 1;
  const firstSec = windowStartSec - warmupSteps * res;

  const series: SeriesDef[] = [];
  const services: ServiceTruth[] = [];
  const counters: ServiceCounters[] = [];
  const writer = new OpenMetricsWriter(file);
  await writer.family(FAMILY, 'summary');

  for (let s = 0; s < cfg.services; s++) {
    const name = serviceName(s);
    const peakPerMin = Math.round(200 * Math.pow(20, rnd())); // 200 … 4000 requests/min at peak
    const phaseSec = 1 + ((s * 37 + 11) % (res - 2)); // never 0: scrapes are off the rule evaluation grid
    const baseErr = 0.0002 + 0.0008 * rnd();
    const bursts: Burst[] = [];
    const nBursts = 4 + Math.floor(rnd() * 7);
    for (let b = 0; b < nBursts; b++) {
      const day = Math.floor(rnd() * cfg.days);
      const quiet = rnd() < 0.8;
      const startHour = quiet ? 0.5 + rnd() * 4 : rnd() * 24;
      const startSec = windowStartSec + day * 86400 + Math.floor(startHour * 3600);
      bursts.push({
        startStep: Math.floor((startSec - firstSec) / res),
        steps: Math.ceil(((10 + rnd() * 110) * 60) / res),
        errorProb: 0.03 + rnd() * 0.37,
      });
    }

    // One array of counter values per series of this service.
    const defs: SeriesDef[] = [];
    for (const ep of ENDPOINTS) {
      const base = { service: name, uri: ep.uri(name), method: ep.method };
      defs.push({ service: s, bad: false, labels: { ...base, status: '200', outcome: 'SUCCESS' } });
      if (ep.notFound) {
        defs.push({ service: s, bad: false, labels: { ...base, status: '404', outcome: 'CLIENT_ERROR' } });
      }
      defs.push({ service: s, bad: true, labels: { ...base, status: '500', outcome: 'SERVER_ERROR' } });
      if (ep.unavailable) {
        defs.push({ service: s, bad: true, labels: { ...base, status: '503', outcome: 'SERVER_ERROR' } });
      }
    }
    const vals = defs.map(() => new Float64Array(steps));
    vals.forEach((v) => (v[0] = Math.floor(1e4 + rnd() * 5e6)));

    let total = 0;
    let bad = 0;
    const sums: ServiceCounters = {
      times: new Float64Array(steps),
      total: new Float64Array(steps),
      bad: new Float64Array(steps),
    };
    const perStep = (peakPerMin * res) / 60;
    let hourNoise = 1;
    for (let i = 1; i < steps; i++) {
      const t = firstSec + phaseSec + i * res;
      if (t % 3600 < res) {
        hourNoise = 0.9 + 0.2 * rnd();
      }
      let p = baseErr;
      for (const b of bursts) {
        if (i >= b.startStep && i < b.startStep + b.steps) {
          p = Math.max(p, b.errorProb);
        }
      }
      const lambda = perStep * trafficShape(t) * hourNoise;
      let k = 0;
      let stepTotal = 0;
      let stepBad = 0;
      for (const ep of ENDPOINTS) {
        const n = poisson(rnd, lambda * ep.weight);
        const errors = binomial(rnd, n, p);
        const notFound = ep.notFound ? binomial(rnd, n - errors, 0.02) : 0;
        const e503 = ep.unavailable ? binomial(rnd, errors, 0.5) : 0;
        const incs = [n - errors - notFound];
        if (ep.notFound) {
          incs.push(notFound);
        }
        incs.push(errors - e503);
        if (ep.unavailable) {
          incs.push(e503);
        }
        for (const inc of incs) {
          vals[k][i] = vals[k][i - 1] + inc;
          k++;
        }
        stepTotal += n;
        stepBad += errors;
      }
      if (i > warmupSteps) {
        total += stepTotal;
        bad += stepBad;
      }
    }

    for (let d = 0; d < defs.length; d++) {
      const text = METRIC + labelText(defs[d].labels);
      const v = vals[d];
      for (let i = 0; i < steps; i++) {
        writer.sample(text, v[i], firstSec + phaseSec + i * res);
      }
      await writer.flushIfFull();
    }
    // Self-check: the tally must equal the counters' own differences over the window.
    const diff = (pred: (x: SeriesDef) => boolean): number =>
      defs.reduce((acc, def, d) => (pred(def) ? acc + vals[d][steps - 1] - vals[d][warmupSteps] : acc), 0);
    if (diff(() => true) !== total || diff((x) => x.bad) !== bad) {
      throw new Error(`ground-truth tally of ${name} disagrees with its counters`);
    }
    for (let i = 0; i < steps; i++) {
      sums.times[i] = firstSec + phaseSec + i * res;
      for (let d = 0; d < defs.length; d++) {
        sums.total[i] += vals[d][i];
        if (defs[d].bad) {
          sums.bad[i] += vals[d][i];
        }
      }
    }
    counters.push(sums);
    series.push(...defs);
    services.push({
      service: name,
      phaseSec,
      endSec: firstSec + phaseSec + (steps - 1) * res,
      peakPerMin,
      bursts,
      total,
      bad,
    });
  }
  await writer.close();
  return { series, services, counters, steps, windowSteps, firstSec, lines: writer.lines };
}
