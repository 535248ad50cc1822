import { exportOpenSLO } from '../domain/formats/exportOpenSlo';
import { importDocuments } from '../domain/formats/import';
import { generateGrafanaAlertingFile } from '../domain/rules/grafana';
import { generateMimirNamespace } from '../domain/rules/mimir';
import { generatePrometheusRuleResource } from '../domain/rules/operator';
import { generatePrometheusRules, ruleNotes, toYaml } from '../domain/rules/prometheus';
import { SLA_EVAL_INTERVAL, slaRuleGroups } from '../domain/rules/slaRecording';
import { parseDuration } from '../domain/slo/durations';
import { dirname, resolve } from 'node:path';
import { policyReferenceProblems, WORKBOOK_POLICY_ID, type ErrorBudgetPolicy } from '../domain/policy';
import { type Slo } from '../domain/slo/model';
import { checkPromQL, formatSyntaxError } from '../domain/slo/promql';
import { COMMAND_HELP, HELP, parseCliArgs, type CliCommand } from './args';
import { runGate, type GateIo } from './gate';
import { runSlaReport } from './slaReport';
import type { Sla } from '../domain/sla/model';

/** What the CLI touches outside itself, injected so tests can run it in-process. */
export interface CliIo {
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface Loaded {
  slos: Slo[];
  /** The policies of the files (`policies:` of SLOList documents); the built-in Workbook policy is not among them. */
  policies: ErrorBudgetPolicy[];
  /** The SLAs of the files (`slas:` of SLOList documents). */
  slas: Sla[];
  errors: number;
}

/** Where a finding is: `file:line:column: path` when the importer knows the line, else `file: path`. */
export function at(file: string, p: { path: string; line?: number; column?: number }): string {
  return p.line !== undefined ? `${file}:${p.line}:${p.column ?? 1}: ${p.path}` : `${file}: ${p.path}`;
}

/** Node's fs error codes in words; anything else keeps Node's own message. */
const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent of this path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

function fsReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  return (code && FS_REASONS[code]) ?? (e as Error).message ?? String(e);
}

/**
 * Drops a file named twice (by any spelling of its path): reading it twice would make every SLO in it a
 * duplicate of itself. Says so on stderr, since the user probably meant another file.
 */
function uniqueFiles(files: string[], io: CliIo): string[] {
  const seen = new Map<string, string>();
  return files.filter((f) => {
    const key = resolve(f);
    const first = seen.get(key);
    if (first !== undefined) {
      io.stderr(`${f}: note: given more than once (first as ${first}); read once\n`);
      return false;
    }
    seen.set(key, f);
    return true;
  });
}

/**
 * Imports files and reports on stderr: errors and refusals as `file[:line:col]: path: message`, warnings and notes
 * too. Ids must be unique across all files for every command, because `rules` writes them into one rule file and
 * `validate` must accept exactly what `rules` accepts. Policy ids too, and an SLO's `policy` must name one of the
 * files' policies (or the built-in Workbook policy), so that `validate` already refuses what `gate` cannot decide.
 */
export function load(files: string[], io: CliIo): Loaded {
  const slos: Slo[] = [];
  const policies: ErrorBudgetPolicy[] = [];
  const slas: Sla[] = [];
  const seen = new Map<string, { file: string; where: string }>();
  const seenPolicies = new Map<string, string>();
  const seenSlas = new Map<string, string>();
  const imported: Array<{ file: string; r: ReturnType<typeof importDocuments> }> = [];
  let errors = 0;
  const err = (line: string) => {
    errors++;
    io.stderr(`${line}\n`);
  };
  for (const file of uniqueFiles(files, io)) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (e) {
      err(`${file}: cannot read: ${fsReason(e)}`);
      continue;
    }
    const r = importDocuments(text, file);
    r.problems.forEach((p) => err(`${at(file, p)}: ${p.message}`));
    r.refused.forEach((p) => err(`${at(file, p)}: refused: ${p.reason}`));
    r.warnings.forEach((p) => io.stderr(`${at(file, p)}: warning: ${p.message}\n`));
    r.ignored.forEach((p) => io.stderr(`${at(file, p)}: note: ignored ${p.kind}: ${p.reason}\n`));
    r.slos.forEach((slo, i) => {
      const where = at(file, r.origins[i]);
      const first = seen.get(slo.id);
      // Within one file importDocuments reports duplicates; across files only the CLI sees them.
      if (first && first.file !== file) {
        err(`${where}: duplicate id "${slo.id}" (also used at ${first.where})`);
      }
      if (!first) {
        seen.set(slo.id, { file, where });
      }
      slos.push(slo);
    });
    r.policies.forEach((policy, i) => {
      const where = at(file, r.policyOrigins[i]);
      const first = seenPolicies.get(policy.id);
      if (first === undefined) {
        seenPolicies.set(policy.id, where);
        policies.push(policy);
      } else {
        err(`${where}.id: duplicate policy id "${policy.id}" (also used at ${first})`);
      }
    });
    r.slas.forEach((sla, i) => {
      const where = at(file, r.slaOrigins[i]);
      const first = seenSlas.get(sla.id);
      if (first === undefined) {
        seenSlas.set(sla.id, where);
        slas.push(sla);
      } else {
        err(`${where}.id: duplicate SLA id "${sla.id}" (also used at ${first})`);
      }
    });
    imported.push({ file, r });
  }
  const known = new Set([WORKBOOK_POLICY_ID, ...policies.map((p) => p.id)]);
  for (const { file, r } of imported) {
    // Only SLOs whose policy field is otherwise valid: a malformed one was reported by the import.
    const taken = new Set(r.problems.map((p) => p.path));
    for (const p of policyReferenceProblems(r.slos, known)) {
      const i = Number(/^slos\[(\d+)\]/.exec(p.path)![1]);
      const origin = r.origins[i];
      const path = `${origin.path}.policy`;
      if (!taken.has(path)) {
        err(`${at(file, { ...(origin.policyAt ?? origin), path })}: ${p.message}`);
      }
    }
  }
  return { slos, policies, slas, errors };
}

/**
 * Type-checks every query of the generated file as Prometheus will. The SLIs were checked on import, so a problem
 * here is a bug in the generator; refusing beats writing a file that Prometheus rejects.
 */
function generatedQueryProblems(file: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, `${path}[${i}]`));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'expr' && typeof x === 'string') {
          checkPromQL(x).forEach((p) =>
            out.push(`${path}.expr: PromQL ${p.kind} error: ${formatSyntaxError(p)}: ${x}`)
          );
        } else {
          visit(x, path ? `${path}.${k}` : k);
        }
      }
    }
  };
  visit(file, '');
  return out;
}

function emit(text: string, output: string | undefined, io: CliIo): number {
  if (!output) {
    io.stdout(text);
    return 0;
  }
  try {
    io.writeFile(output, text);
    return 0;
  } catch (e) {
    const missingDir = (e as { code?: string }).code === 'ENOENT';
    io.stderr(`${output}: cannot write: ${missingDir ? `directory ${dirname(output)} does not exist` : fsReason(e)}\n`);
    return 1;
  }
}

/** Runs the CLI and returns its exit code: 0 ok, 1 invalid input or a file error, 2 usage error. */
export function runCli(argv: string[], io: CliIo): number {
  return runParsed(parseCliArgs(argv), io);
}

/**
 * Runs any command, the gate included (it reads over HTTP, so it is async); every other command runs exactly as
 * runCli runs it. Exit codes: see runCli, and for the gate 0 ship, 1 blocked, 3 no data, 2 usage error.
 */
export async function runCliAsync(argv: string[], io: GateIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (parsed.ok && parsed.command.cmd === 'gate') {
    const loaded = load(parsed.command.files, io);
    if (loaded.errors > 0) {
      // Not 1: CI must not read a broken spec as "the policy blocks this release".
      io.stderr(`${loaded.errors} problem${loaded.errors === 1 ? '' : 's'} found; no decision (exit 2).\n`);
      return 2;
    }
    return runGate(parsed.command, loaded, io);
  }
  if (parsed.ok && parsed.command.cmd === 'sla-report') {
    const c = parsed.command;
    const loaded = load(c.files, io);
    if (loaded.errors > 0) {
      io.stderr(`${loaded.errors} problem${loaded.errors === 1 ? '' : 's'} found; no report.\n`);
      return 1;
    }
    return runSlaReport(c, loaded, io, (text) => emit(text, c.output, io));
  }
  return runParsed(parsed, io);
}

/** The document the rules command writes, in the chosen format. */
function rulesFile(c: Extract<CliCommand, { cmd: 'rules' }>, slos: Slo[], slas: Sla[]): unknown {
  const opts = { grafanaUrl: c.grafanaUrl, interval: c.interval };
  // The SLAs' recording rules (exact calendar-period figures) go with the SLO groups wherever those run; they read
  // the raw SLI at the scrape interval, which --interval is documented to be.
  const slaGroups = slaRuleGroups(slas, slos, c.interval ?? SLA_EVAL_INTERVAL);
  switch (c.format) {
    case 'grafana':
      return generateGrafanaAlertingFile(slos, {
        ...opts,
        datasourceUid: c.datasourceUid!,
        folderUid: c.folderUid,
        folderTitle: c.folderTitle,
      });
    case 'prometheus-operator': {
      const resource = generatePrometheusRuleResource(slos, {
        ...opts,
        name: c.name!,
        namespace: c.namespace,
        labels: c.labels,
      });
      return { ...resource, spec: { ...resource.spec, groups: [...resource.spec.groups, ...slaGroups] } };
    }
    case 'mimir': {
      const file = generateMimirNamespace(slos, c.namespace!, opts);
      return { ...file, groups: [...file.groups, ...slaGroups] };
    }
    case 'prometheus': {
      const file = generatePrometheusRules(slos, opts);
      return { ...file, groups: [...file.groups, ...slaGroups] };
    }
  }
}

function runParsed(parsed: ReturnType<typeof parseCliArgs>, io: CliIo): number {
  if (!parsed.ok) {
    io.stderr(`error: ${parsed.error}\n\n${parsed.topic ? COMMAND_HELP[parsed.topic] : HELP}`);
    return 2;
  }
  const c = parsed.command;
  if (c.cmd === 'help') {
    io.stdout(c.topic ? COMMAND_HELP[c.topic] : HELP);
    return 0;
  }
  if (c.cmd === 'gate' || c.cmd === 'sla-report') {
    io.stderr(`error: ${c.cmd} reads over HTTP: run it through runCliAsync\n`);
    return 2;
  }
  const { slos, policies, slas, errors } = load(c.cmd === 'convert' ? [c.file] : c.files, io);
  if (errors > 0) {
    const found = `${errors} problem${errors === 1 ? '' : 's'} found`;
    io.stderr(c.cmd === 'validate' ? `${found}.\n` : `${found}; nothing written.\n`);
    return 1;
  }
  switch (c.cmd) {
    case 'validate': {
      const counted = [
        `${slos.length} SLO${slos.length === 1 ? '' : 's'}`,
        ...(policies.length ? [`${policies.length} polic${policies.length === 1 ? 'y' : 'ies'}`] : []),
        ...(slas.length ? [`${slas.length} SLA${slas.length === 1 ? '' : 's'}`] : []),
      ];
      const what =
        counted.length > 1 ? `${counted.slice(0, -1).join(', ')} and ${counted[counted.length - 1]}` : counted[0];
      io.stdout(`${what} valid in ${c.files.length} file${c.files.length === 1 ? '' : 's'}\n`);
      return 0;
    }
    case 'rules': {
      if (slas.length > 0 && c.interval && 60_000 % parseDuration(c.interval) !== 0) {
        io.stderr(
          `error: --interval ${c.interval} does not divide 1m: the SLAs' rules count each clock minute's scrapes, so the scrape interval (--interval) must divide 1m; nothing written.\n`
        );
        return 1;
      }
      const file = rulesFile(c, slos, slas);
      const bad = generatedQueryProblems(file);
      if (bad.length) {
        bad.forEach((line) => io.stderr(`internal error: generated ${line}\n`));
        io.stderr('nothing written.\n');
        return 1;
      }
      // Tiers left out for an SLO (unreachable, or firing only after the budget is gone) are said twice: on
      // stderr for whoever runs the command, and as comments in the file for whoever reads it later.
      const notes = ruleNotes(slos);
      if (c.format === 'grafana' && slas.length > 0) {
        // Grafana's provisioning file holds alert rules; the SLAs' recording rules need a ruler or Prometheus.
        notes.push(
          `the SLAs' recording rules (sre-sla-slo-* groups) are not in a grafana file: write them with --format prometheus, mimir or prometheus-operator`
        );
      }
      notes.forEach((n) => io.stderr(`note: ${n}\n`));
      return emit(toYaml(file, notes), c.output, io);
    }
    case 'convert':
      return emit(c.to === 'json' ? `${JSON.stringify(slos, null, 2)}\n` : exportOpenSLO(slos), c.output, io);
  }
}
