/**
 * @jest-environment node
 *
 * scripts/check-docker.sh and scripts/server.sh with a PATH we control: stub `docker`, `docker-compose` and `npm`
 * scripts stand in for the real ones, so every case runs in milliseconds and needs no Docker.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..');
const NOT_RUNNING = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';

let bin: string;
beforeEach(() => {
  bin = mkdtempSync(join(tmpdir(), 'check-docker-'));
});
afterEach(() => rmSync(bin, { recursive: true, force: true }));

function stub(name: string, body: string) {
  const file = join(bin, name);
  writeFileSync(file, `#!/bin/bash\n${body}\n`);
  chmodSync(file, 0o755);
}

/** A docker CLI whose `compose` subcommand and engine are present or not. */
function stubDocker({ composeV2, engine }: { composeV2: boolean; engine: boolean }) {
  stub(
    'docker',
    [
      `if [[ "$1" == compose ]]; then ${composeV2 ? 'echo "Docker Compose version v2.29.1"; exit 0' : 'echo "docker: unknown command: docker compose" >&2; exit 1'}; fi`,
      `if [[ "$1" == info ]]; then ${engine ? 'echo 27.1.1; exit 0' : `echo; echo "${NOT_RUNNING}" >&2; exit 1`}; fi`,
      'echo "docker $*" >> "${0%/*}/calls"',
    ].join('\n')
  );
}

function run(script: string) {
  const r = spawnSync('/bin/bash', [join(REPO, 'scripts', script)], {
    cwd: REPO,
    encoding: 'utf8',
    env: { PATH: bin, HOME: bin },
    timeout: 10_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('scripts/check-docker.sh', () => {
  it('without docker on PATH: says what to install and exits 1', () => {
    const r = run('check-docker.sh');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Docker is not installed (no `docker` command on PATH)');
    expect(r.stderr).toContain('https://docs.docker.com/engine/install/');
    expect(r.stderr).toContain('neither `docker compose` (v2) nor `docker-compose` (v1) works');
  });

  it('with the Compose v2 plugin and a running engine: uses `docker compose`', () => {
    stubDocker({ composeV2: true, engine: true });
    expect(run('check-docker.sh')).toEqual({ code: 0, stdout: 'docker compose\n', stderr: '' });
  });

  it('without the v2 plugin but with docker-compose v1: uses `docker-compose`', () => {
    stubDocker({ composeV2: false, engine: true });
    stub('docker-compose', 'echo "docker-compose version 1.29.2"');
    expect(run('check-docker.sh')).toEqual({ code: 0, stdout: 'docker-compose\n', stderr: '' });
  });

  it('with no Compose at all: names both and where to get the plugin', () => {
    stubDocker({ composeV2: false, engine: true });
    const r = run('check-docker.sh');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Docker Compose is not installed');
    expect(r.stderr).toContain('https://docs.docker.com/compose/install/');
    expect(r.stderr).not.toContain('Docker is not installed');
  });

  it('with the engine down: passes on the daemon error and how to start it', () => {
    stubDocker({ composeV2: true, engine: false });
    const r = run('check-docker.sh');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`The Docker engine is not reachable: ${NOT_RUNNING}`);
    expect(r.stderr).toContain('sudo systemctl start docker');
  });
});

describe('scripts/server.sh', () => {
  it('stops before building when Docker is missing', () => {
    stub('npm', ': > "${0%/*}/built"');
    const r = run('server.sh');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Docker is not installed');
    expect(existsSync(join(bin, 'built'))).toBe(false);
  });

  it('builds, then starts the stack with the Compose it found', () => {
    stub('npm', 'echo "npm $*" >> "${0%/*}/calls"');
    stubDocker({ composeV2: false, engine: true });
    stub('docker-compose', 'if [[ "$1" != version ]]; then echo "docker-compose $*" >> "${0%/*}/calls"; fi');
    const r = run('server.sh');
    expect(r.code).toBe(0);
    expect(readFileSync(join(bin, 'calls'), 'utf8')).toBe('npm run build\ndocker-compose up --build\n');
  });

  it('is what `npm run server` runs', () => {
    expect(require('../package.json').scripts.server).toBe('bash scripts/server.sh');
  });
});
