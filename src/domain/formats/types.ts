import { type Problem, type Slo } from '../slo/model';

/** A document (or part of one) that names a feature we cannot map; nothing was imported from it. */
export interface Refusal {
  path: string;
  reason: string;
}

/** A recognised document that is not an SLO (data source, notification target, rule file companion...). */
export interface Ignored {
  path: string;
  kind: string;
  reason: string;
}

/** Where an imported SLO came from, so later problems can point into the source file. */
export interface SloOrigin {
  path: string;
  format: SourceFormat;
}

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
  problems: Problem[];
  refused: Refusal[];
  ignored: Ignored[];
  warnings: Problem[];
  /** Parallel to `slos`. */
  origins: SloOrigin[];
}

/** Collector handed to each format mapper. */
export interface ImportContext {
  addSlo(slo: Slo, origin: SloOrigin): void;
  problem(path: string, message: string): void;
  warn(path: string, message: string): void;
  refuse(path: string, reason: string): void;
  ignore(path: string, kind: string, reason: string): void;
}

export function newResult(): ImportResult {
  return { slos: [], problems: [], refused: [], ignored: [], warnings: [], origins: [] };
}

/** A context that records into `result`. */
export function contextFor(result: ImportResult): ImportContext {
  return {
    addSlo: (slo, origin) => {
      result.slos.push(slo);
      result.origins.push(origin);
    },
    problem: (path, message) => result.problems.push({ path, message }),
    warn: (path, message) => result.warnings.push({ path, message }),
    refuse: (path, reason) => result.refused.push({ path, reason }),
    ignore: (path, kind, reason) => result.ignored.push({ path, kind, reason }),
  };
}
