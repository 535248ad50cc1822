#!/usr/bin/env bash
# The one test command (`npm test`): typecheck, lint, jest (unit, contract, component, promtool and
# real-process tests), the benchmarks in smoke mode, build, the built-bundle smoke test, the bundle size budget and the stack checks.
set -euo pipefail
cd "$(dirname "$0")/.."

step() {
  local name=$1
  shift
  local start
  start=$(date +%s)
  echo "=== $name"
  "$@"
  echo "=== $name: ok in $(($(date +%s) - start))s"
}

step typecheck npx tsc --noEmit -p .
step lint npx eslint --cache .
step jest npx jest --ci --maxWorkers=2
step bench-smoke bash bench/smoke.sh
step build npx webpack -c ./.config/webpack/webpack.config.ts --env production --no-stats
step bundle-smoke npx jest --ci -c jest.bundle.config.js
step bundle-size node scripts/bundle-size.js
step stack bash scripts/check-stack.sh
