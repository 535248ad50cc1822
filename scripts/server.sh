#!/usr/bin/env bash
# npm run server: check Docker and Compose first, then build the plugin and start the demo stack with whichever
# Compose is installed. Extra arguments go to `compose up` (e.g. `npm run server -- -d`).
set -euo pipefail
cd "${BASH_SOURCE[0]%/*}/.."

compose="$("$BASH" scripts/check-docker.sh)"
npm run build
# $compose is unquoted on purpose: "docker compose" is two words.
exec $compose up --build "$@"
