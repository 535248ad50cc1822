/**
 * Self-generated traffic so dashboards and SLOs have data: about `rps` requests per second against our
 * own HTTP port, with a shop-like mix. A few product ids do not exist, which gives some 404s.
 */
export interface LoadGenerator {
  stop(): void;
}

const TICK_MS = 100;
/** Cap on concurrent requests so a large injected latency cannot pile up unbounded work. */
const MAX_IN_FLIGHT = 200;

function pickRequest(): { path: string; method: string; body?: string } {
  const r = Math.random();
  if (r < 0.6) {
    // Ids 101 and 102 do not exist: about 2% of product lookups return 404 (CLIENT_ERROR).
    return { method: 'GET', path: `/api/products/${1 + Math.floor(Math.random() * 102)}` };
  }
  if (r < 0.85) {
    return { method: 'GET', path: '/api/cart' };
  }
  return { method: 'POST', path: '/api/checkout', body: JSON.stringify({ cartId: 'demo', payment: 'card' }) };
}

export function startLoad(baseUrl: string, rps: number): LoadGenerator {
  const abort = new AbortController();
  const startedAt = Date.now();
  let sent = 0;
  let inFlight = 0;

  const fire = () => {
    const { method, path, body } = pickRequest();
    inFlight++;
    fetch(baseUrl + path, {
      method,
      body,
      headers: { 'content-type': 'application/json', 'user-agent': 'demo-load-generator' },
      signal: abort.signal,
    })
      .then((res) => res.arrayBuffer())
      .catch(() => undefined) // the server logs and measures every request; nothing to add here
      .finally(() => inFlight--);
  };

  const timer = setInterval(() => {
    // Catch up on what is due since start, so fractional rates (e.g. 0.5) and timer jitter even out.
    const due = Math.floor(((Date.now() - startedAt) / 1000) * rps) - sent;
    for (let i = 0; i < due; i++) {
      sent++;
      if (inFlight < MAX_IN_FLIGHT) {
        fire();
      }
    }
  }, TICK_MS);

  return {
    stop() {
      clearInterval(timer);
      abort.abort();
    },
  };
}
