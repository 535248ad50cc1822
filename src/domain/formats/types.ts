import type { ErrorBudgetPolicy } from '../policy/model';
import type { Sla } from '../sla/model';
import { type Problem, type Slo } from '../slo/model';

/**
 * Where an entry points in the user's file: 1-based line and column, and the 0-based index of its `---` document.
 * Set by importDocuments; absent only when the text could not be located (never for YAML parsed by it).
 */
export interface SourceLocation {
  line?: number;
  column?: number;
  doc?: number;
}

/** A problem or warning in an imported file; `path` names the user's document, not our model. */
export type SourceProblem = Problem & SourceLocation;

/** A document (or part of one) that names a feature we cannot map; nothing was imported from it. */
export interface Refusal extends SourceLocation {
  path: string;
  reason: string;
}

/** A recognised document that is not an SLO (data source, notification target, rule file companion...). */
export interface Ignored extends SourceLocation {
  path: string;
  kind: string;
  reason: string;
}

/** Where an imported SLO came from, so later problems can point into the source file. */
export interface SloOrigin extends SourceLocation {
  path: string;
  format: SourceFormat;
  /** Where the SLO's `policy` field is, when it has one in the file: a missing policy is reported there. */
  policyAt?: SourceLocation;
}

/** Where an imported policy came from (a native `SLOList`'s `policies[i]`). */
export interface PolicyOrigin extends SourceLocation {
  path: string;
}

/** Where an imported SLA came from (a native `SLOList`'s `slas[i]`). */
export interface SlaOrigin extends SourceLocation {
  path: string;
}

/**
 * For one imported SLO: model field path (`sli.good`, `objective.target`) → internal source path of the node it was
 * read from, so validation problems of the model point into the user's file.
 */
export type FieldSources = Record<string, string>;

export type SourceFormat =
  | 'native'
  | 'openslo/v1'
  | 'openslo/v1alpha'
  | 'sloth/prometheus-v1'
  | 'sloth/k8s'
  | 'pyrra'
  | 'slo-generator';

/**
 * Result of importing one file. `problems` are errors (invalid input, or validation of the mapped model);
 * `warnings` are lossy mappings that still produced an SLO.
 */
export interface ImportResult {
  slos: Slo[];
  problems: SourceProblem[];
  refused: Refusal[];
  ignored: Ignored[];
  warnings: SourceProblem[];
  /** Parallel to `slos`. */
  origins: SloOrigin[];
  /** Error-budget policies of native `SLOList` documents (`policies:`), each valid; invalid ones are problems. */
  policies: ErrorBudgetPolicy[];
  /** Parallel to `policies`. */
  policyOrigins: PolicyOrigin[];
  /** SLAs of native `SLOList` documents (`slas:`), each valid and naming an SLO of the same file; others are problems. */
  slas: Sla[];
  /** Parallel to `slas`. */
  slaOrigins: SlaOrigin[];
}

/** Collector handed to each format mapper. */
export interface ImportContext {
  addSlo(slo: Slo, origin: SloOrigin, fields?: FieldSources): void;
  addPolicy(policy: ErrorBudgetPolicy, origin: PolicyOrigin): void;
  addSla(sla: Sla, origin: SlaOrigin): void;
  problem(path: string, message: string): void;
  warn(path: string, message: string): void;
  refuse(path: string, reason: string): void;
  ignore(path: string, kind: string, reason: string): void;
}

export function newResult(): ImportResult {
  return {
    slos: [],
    problems: [],
    refused: [],
    ignored: [],
    warnings: [],
    origins: [],
    policies: [],
    policyOrigins: [],
    slas: [],
    slaOrigins: [],
  };
}

/** A context that records into `result`; `fields`, when given, receives each SLO's field sources (parallel to slos). */
export function contextFor(result: ImportResult, fields?: FieldSources[]): ImportContext {
  return {
    addSlo: (slo, origin, sources) => {
      result.slos.push(slo);
      result.origins.push(origin);
      fields?.push(sources ?? {});
    },
    addPolicy: (policy, origin) => {
      result.policies.push(policy);
      result.policyOrigins.push(origin);
    },
    addSla: (sla, origin) => {
      result.slas.push(sla);
      result.slaOrigins.push(origin);
    },
    problem: (path, message) => result.problems.push({ path, message }),
    warn: (path, message) => result.warnings.push({ path, message }),
    refuse: (path, reason) => result.refused.push({ path, reason }),
    ignore: (path, kind, reason) => result.ignored.push({ path, kind, reason }),
  };
}
