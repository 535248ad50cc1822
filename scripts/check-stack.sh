#!/usr/bin/env bash
# Validates the demo stack's configuration without Docker: docker-compose.yaml, Prometheus config and
# rules (real promtool), and the YAML that has no validator here (Promtail, Grafana provisioning).
#
# Usage: scripts/check-stack.sh [ROOT]   (ROOT defaults to the repository; tests pass a broken copy)
# Prints one line per check (PASS/FAIL/NOTE) and exits 1 if any check failed.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "${1:-$REPO}" && pwd)"
PROM_CONFIG="provisioning/prometheus/prometheus.yml"
RULES_DIR="provisioning/prometheus/rules"
# In the container, rule_files point at the mounted rules directory.
CONTAINER_RULES_DIR="/etc/prometheus/rules"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
failures=0

pass() { printf 'PASS  %s\n' "$1"; }
note() { printf 'NOTE  %s\n' "$1"; }
fail() {
  printf 'FAIL  %s\n' "$1"
  if [[ -n "${2:-}" ]]; then
    sed 's/^/        /' <<<"$2"
  fi
  failures=$((failures + 1))
}

for tool in docker-compose promtool node; do
  command -v "$tool" >/dev/null || { echo "FAIL  $tool is not installed"; exit 1; }
done

cd "$ROOT"

# 1. Compose file: docker-compose resolves `extends` and rejects unknown keys (exit 1) without an engine.
#    (`config` validates exactly as `config -q` does; the resolved file feeds the mount check below.)
if out="$(docker-compose -f docker-compose.yaml config 2>&1 >"$TMP/compose.yaml")"; then
  services="$(awk '/^services:/{s=1; next} /^[^ ]/{s=0} s && /^  [^ ].*:$/{n++} END{print n+0}' "$TMP/compose.yaml")"
  pass "compose: docker-compose.yaml is valid ($services services)"
else
  fail "compose: docker-compose -f docker-compose.yaml config" "$out"
fi

# 2. Prometheus config. rule_files use the container path; check a copy that points at the local
#    directory, so promtool also checks every rule file it matches.
if [[ ! -f "$PROM_CONFIG" ]]; then
  fail "prometheus: $PROM_CONFIG is missing"
else
  sed "s|$CONTAINER_RULES_DIR/|$ROOT/$RULES_DIR/|g" "$PROM_CONFIG" >"$TMP/prometheus.yml"
  if ! grep -q "$ROOT/$RULES_DIR/" "$TMP/prometheus.yml"; then
    fail "prometheus: rule_files does not point at $CONTAINER_RULES_DIR/ (the mounted $RULES_DIR)"
  elif out="$(promtool check config "$TMP/prometheus.yml" 2>&1)"; then
    pass "prometheus: $PROM_CONFIG is valid ($(grep -oE '[0-9]+ rule files found' <<<"$out" || echo '0 rule files found'); promtool $(promtool --version 2>&1 | awk 'NR==1{print $3}'))"
  else
    fail "prometheus: promtool check config $PROM_CONFIG" "$out"
  fi
fi

# 3. Rule files, one by one (the lead's generated slos.yaml lands here).
shopt -s nullglob
rule_files=("$RULES_DIR"/*.yaml "$RULES_DIR"/*.yml)
shopt -u nullglob
if ((${#rule_files[@]} == 0)); then
  note "rules: no rule files in $RULES_DIR yet"
elif out="$(promtool check rules "${rule_files[@]}" 2>&1)"; then
  pass "rules: ${#rule_files[@]} file(s) valid ($(grep -oE 'SUCCESS: [0-9]+ rules found' <<<"$out" | awk '{s+=$2} END {print s+0}') rules)"
else
  fail "rules: promtool check rules ${rule_files[*]}" "$out"
fi

# 4. YAML without a validator here (no promtail, loki or grafana binaries): parse it and check the
#    structure and the cross-file contracts (labels, data source UIDs, the app's provisioning).
if out="$(NODE_PATH="$REPO/node_modules" COMPOSE_RESOLVED="$TMP/compose.yaml" node - <<'NODE' 2>&1
const fs = require('fs');
const YAML = require('yaml');

let failed = false;
const report = (status, text) => { console.log(`${status}  ${text}`); if (status === 'FAIL') failed = true; };
function load(file) {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { uniqueKeys: true });
  if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('; '));
  return doc.toJS();
}
function check(name, file, fn) {
  try {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing`);
    report('PASS', `${name}: ${fn(load(file)) || file}`);
  } catch (e) {
    report('FAIL', `${name}: ${e.message}`);
  }
}
function assert(cond, message) { if (!cond) throw new Error(message); }

const prom = (() => { try { return load('provisioning/prometheus/prometheus.yml'); } catch { return {}; } })();
const demoJob = (prom.scrape_configs || []).find((j) => j.job_name === 'demo-api');
const promLabels = { job: 'demo-api', ...((demoJob?.static_configs || [])[0]?.labels || {}) };

check('promtail', 'provisioning/promtail/config.yaml', (c) => {
  const allowed = ['server', 'client', 'clients', 'positions', 'scrape_configs', 'target_config', 'limits_config', 'options', 'tracing', 'global', 'wal'];
  for (const k of Object.keys(c)) assert(allowed.includes(k), `unknown top-level key "${k}"`);
  assert(Array.isArray(c.clients) && c.clients.every((x) => /^https?:\/\/.+\/loki\/api\/v1\/push$/.test(x.url)), 'clients[].url must be a Loki push URL');
  const job = (c.scrape_configs || []).find((j) => j.job_name === 'demo-api');
  assert(job, 'no scrape_config with job_name demo-api');
  const labels = (job.static_configs || [])[0]?.labels || {};
  assert(labels.__path__, 'static_configs[0].labels.__path__ (the file to tail) is missing');
  for (const k of ['job', 'service']) {
    assert(labels[k] === promLabels[k], `label ${k}="${labels[k]}" differs from Prometheus's ${k}="${promLabels[k]}"`);
  }
  const stages = (job.pipeline_stages || []).map((s) => Object.keys(s)[0]);
  assert(stages.includes('json') && stages.includes('labels'), 'pipeline_stages must parse JSON and set labels');
  return `config parses; labels job="${labels.job}" service="${labels.service}" match Prometheus (no promtail binary here: parse and structure only)`;
});

check('datasources', 'provisioning/datasources/datasources.yaml', (c) => {
  const ds = c.datasources || [];
  const byUid = Object.fromEntries(ds.map((d) => [d.uid, d]));
  assert(byUid.prometheus?.type === 'prometheus', 'need a prometheus data source with uid "prometheus"');
  assert(byUid.loki?.type === 'loki', 'need a loki data source with uid "loki"');
  assert(ds.filter((d) => d.isDefault).map((d) => d.uid).join() === 'prometheus', 'Prometheus must be the only default');
  return 'uids prometheus (default) and loki';
});

check('app', 'provisioning/plugins/app.yaml', (c) => {
  const app = (c.apps || []).find((a) => a.type === 'sre-reliability-app');
  assert(app, 'sre-reliability-app is not provisioned');
  assert(app.disabled !== true, 'sre-reliability-app is disabled');
  assert(app.jsonData && typeof app.jsonData === 'object', 'jsonData must be an object');
  return `sre-reliability-app enabled in org ${app.org_id ?? 1}`;
});

check('compose mounts', process.env.COMPOSE_RESOLVED, (c) => {
  assert(c && c.services, 'docker-compose.yaml did not resolve (see the compose check)');
  const missing = [];
  let n = 0;
  for (const [name, svc] of Object.entries(c.services || {})) {
    for (const v of svc.volumes || []) {
      const source = typeof v === 'string' ? v.split(':')[0] : v.source;
      if (source && source.startsWith('/') && source.includes('/provisioning')) {
        n++;
        if (!fs.existsSync(source)) missing.push(`${name}: ${source}`);
      }
    }
  }
  assert(missing.length === 0, `bind-mount sources missing: ${missing.join(', ')}`);
  return `${n} provisioning bind mounts exist`;
});

report('NOTE', 'loki: uses the image\'s built-in /etc/loki/local-config.yaml; no repo file and no loki binary here to check');
process.exit(failed ? 1 : 0);
NODE
)"; then
  printf '%s\n' "$out"
else
  grep -q '^FAIL' <<<"$out" || out+=$'\nFAIL  yaml checks: node crashed (see above)'
  while IFS= read -r line; do
    if [[ "$line" == FAIL* ]]; then fail "${line#FAIL  }"; else printf '%s\n' "$line"; fi
  done <<<"$out"
fi

if ((failures > 0)); then
  echo "check-stack: $failures check(s) FAILED"
  exit 1
fi
echo "check-stack: all checks passed"
