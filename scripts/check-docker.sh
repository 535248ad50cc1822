#!/usr/bin/env bash
# What `npm run server` needs, checked in seconds before it spends a minute building: the Docker CLI, a
# reachable Docker engine, and Compose (v2 `docker compose` or v1 `docker-compose`).
# On success prints the compose command to use on stdout; otherwise says what to install on stderr and exits 1.
# Uses only bash builtins besides docker itself, so it also works with a bare PATH.
set -uo pipefail

have() { command -v "$1" >/dev/null 2>&1; }
# `docker info` can wait a long time for a daemon that never answers (a remote DOCKER_HOST): bound it.
bounded() { if have timeout; then timeout 20 "$@"; else "$@"; fi; }

problems=()
compose=""
if have docker && docker compose version >/dev/null 2>&1; then
  compose="docker compose"
elif have docker-compose && docker-compose version >/dev/null 2>&1; then
  compose="docker-compose"
fi

if ! have docker; then
  problems+=("Docker is not installed (no \`docker\` command on PATH). Install Docker Engine: https://docs.docker.com/engine/install/ (or Docker Desktop: https://docs.docker.com/get-docker/).")
elif ! out="$(bounded docker info --format '{{.ServerVersion}}' 2>&1)"; then
  reason=""
  while IFS= read -r line; do
    [[ -n "$line" ]] && reason="$line" # docker prints the daemon error last
  done <<<"$out"
  problems+=("The Docker engine is not reachable: ${reason:-docker info failed}
    Start it (\`sudo systemctl start docker\`, or open Docker Desktop) and check that your user may use it (the \`docker\` group).")
fi
if [[ -z "$compose" ]]; then
  problems+=("Docker Compose is not installed: neither \`docker compose\` (v2) nor \`docker-compose\` (v1) works. Install the Compose plugin: https://docs.docker.com/compose/install/")
fi

if ((${#problems[@]} > 0)); then
  {
    echo "npm run server needs Docker and Docker Compose; nothing was built."
    for p in "${problems[@]}"; do
      echo "  - $p"
    done
    echo "Without Docker, \`npm run test:stack\` still validates the stack's configuration."
  } >&2
  exit 1
fi
echo "$compose"
