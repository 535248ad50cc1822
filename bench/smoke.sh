#!/usr/bin/env bash
# `npm run bench:smoke`, a step of `npm test`: every benchmark at a tiny size, once, into a temporary directory.
# It fails when a measurement breaks (an exception, a wrong request count, an exactness check), never on speed,
# so a benchmark cannot rot unnoticed. The full sizes stay `npm run bench` and `npm run bench:list`.
set -euo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d "${TMPDIR:-/tmp}/sre-bench-smoke-XXXXXX")
trap 'rm -rf "$results"' EXIT
export BENCH_SMOKE=1 BENCH_RESULTS_DIR=$results

echo "--- budget-30d (2 SLOs, 1 day, real Prometheus)"
npx tsx bench/run.ts
echo "--- scale-rules (10 SLOs, 10s interval, real Prometheus)"
npx tsx bench/scale/run.ts
echo "--- sla-compliance (1 service, 3 one-day periods, real Prometheus)"
npx tsx bench/sla/run.ts
echo "--- list-render, incident-list-render, toil-list-render, postmortem-list-render (5, 10, 20 rows)"
npx jest -c jest.config.js --ci --silent --testMatch '<rootDir>/bench/list/*.bench.tsx' --maxWorkers=1
