import { type Document, LineCounter, parseAllDocuments, type YAMLError } from 'yaml';
import { SLO_SPEC_API_VERSION } from '../slo/model';
import { validateSla } from '../sla/validate';
import { validateSlos } from '../slo/validate';
import { importNative, importNativeSlo } from './native';
import { isRecord, str } from './normalize';
import { importOpenSloV1, type Located } from './openslo';
import { importOpenSloV1alpha } from './opensloV1alpha';
import { importPyrra, isPyrraApiVersion } from './pyrra';
import { importSloGenerator, isSloGeneratorConfig } from './sloGenerator';
import { importSloth } from './sloth';
import { SourceMap } from './source';
import {
  contextFor,
  type FieldSources,
  type ImportContext,
  type ImportResult,
  newResult,
  type SourceLocation,
} from './types';

/** Objectives below this are almost always a typo (0.5 meant as 50%? 0.995 meant as 99.5 in a percent field?). */
const LOW_OBJECTIVE = 0.5;

/**
 * Imports every document of a YAML or JSON file: native, OpenSLO v1/v1alpha, Sloth, Pyrra or slo-generator.
 * Never throws: unparseable input becomes problems, unsupported features become refusals. Every path names the
 * user's document (see SourceMap.display) and carries its line and column.
 */
export function importDocuments(text: string, sourceName = 'input'): ImportResult {
  const result = newResult();
  const fields: FieldSources[] = [];
  const ctx = contextFor(result, fields);
  const lines = new LineCounter();
  // An empty stream is an array-like EmptyStream, not a list of documents.
  const stream = parseAllDocuments(text, { uniqueKeys: true, lineCounter: lines });
  const parsed: Document[] = Array.isArray(stream) ? [...(stream as Document[])] : [];
  const source = new SourceMap(parsed, lines);
  const docs: Array<{ value: unknown; path: string }> = [];
  parsed.forEach((d, i) => {
    const path = `doc[${i}]`;
    if (d.errors.length) {
      d.errors.forEach((e) => result.problems.push(syntaxProblem(e, path, i, text, sourceName)));
      return;
    }
    const value: unknown = d.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) {
      docs.push({ value, path });
    }
  });
  if (docs.length === 0 && result.problems.length === 0) {
    ctx.refuse('doc[0]', `${sourceName} holds no document`);
  }
  const openSloV1: Located[] = [];
  const route = (value: unknown, path: string) => {
    try {
      if (isRecord(value) && value.apiVersion === 'openslo/v1') {
        openSloV1.push({ doc: value, path });
      } else {
        dispatch(value, path, ctx);
      }
    } catch (e) {
      ctx.problem(path, `internal error while importing: ${(e as Error).message}`);
    }
  };
  for (const { value, path } of docs) {
    if (Array.isArray(value)) {
      // A list is decided per element: the OpenSLO tooling writes documents as a YAML list, `convert --to json`
      // writes native SLOs as a JSON array. Native SLOs have neither apiVersion nor Sloth's `version`.
      value.forEach((el, j) => {
        const p = `${path}[${j}]`;
        if (isRecord(el) && (el.apiVersion !== undefined || el.kind !== undefined || el.version !== undefined)) {
          route(el, p);
        } else {
          importNativeSlo(el, p, ctx);
        }
      });
    } else {
      route(value, path);
    }
  }
  if (openSloV1.length) {
    try {
      importOpenSloV1(openSloV1, ctx);
    } catch (e) {
      ctx.problem(openSloV1[0].path, `internal error while importing: ${(e as Error).message}`);
    }
  }
  addValidationProblems(result, fields, source);
  refuseUnknownSlaIndicators(result);
  warnLowObjectives(result, fields, ctx);
  locate(result, source);
  return result;
}

/** yaml's message ends in "at line 6, column 1:" followed by a code excerpt; keep the reason and show the line. */
function syntaxProblem(e: YAMLError, path: string, doc: number, text: string, sourceName: string) {
  const reason = e.message.split('\n')[0].replace(/\s*at line \d+, column \d+:?\s*$/, '');
  const pos = e.linePos?.[0];
  const lineText = pos ? (text.split(/\r?\n/)[pos.line - 1] ?? '') : '';
  const shown = lineText.length > 120 ? `${lineText.slice(0, 117)}...` : lineText;
  const where = pos ? ` (line ${pos.line}, column ${pos.col}: ${JSON.stringify(shown)})` : '';
  return {
    path,
    message: `${sourceName} is not valid YAML/JSON: ${reason}${where}`,
    ...(pos ? { line: pos.line, column: pos.col } : {}),
    doc,
  };
}

/** The source path of the longest model-field prefix of `rest` (`.sli.good`) that the importer recorded. */
function sourceOf(rest: string, f: FieldSources): { path: string; key: string } | undefined {
  let best: string | undefined;
  for (const k of Object.keys(f)) {
    const after = rest.slice(k.length + 1);
    if (rest.startsWith(`.${k}`) && (after === '' || after[0] === '.' || after[0] === '[')) {
      best = !best || k.length > best.length ? k : best;
    }
  }
  return best !== undefined ? { path: f[best], key: best } : undefined;
}

/** Validates the mapped model and points each problem at the source node its field came from. */
function addValidationProblems(result: ImportResult, fields: FieldSources[], source: SourceMap): void {
  const taken = new Set(result.problems.map((p) => p.path));
  const said = new Set<string>();
  for (const p of validateSlos(result.slos, 'slos')) {
    const m = /^slos\[(\d+)\](.*)$/.exec(p.path);
    const i = m ? Number(m[1]) : -1;
    const origin = result.origins[i];
    const message = p.message.replace(/\bslos\[(\d+)\]/g, (all, j: string) =>
      result.origins[Number(j)] ? source.display(result.origins[Number(j)].path) : all
    );
    if (!origin || !m) {
      result.problems.push({ path: p.path, message });
      continue;
    }
    const rest = m[2];
    let path: string;
    let text = message;
    if (origin.format === 'native') {
      path = `${origin.path}${rest}`;
    } else {
      const s = sourceOf(rest, fields[i] ?? {});
      const below = s ? rest.slice(s.key.length + 1) : '';
      // Below a mapped field the model often has the file's own shape (label maps): use that node when it exists.
      const exact = s && below && source.exists(`${s.path}${below}`) ? `${s.path}${below}` : undefined;
      path = exact ?? (s ? s.path : origin.path);
      // The model field has no node of its own in the file: name it, so the message still says what is wrong.
      if (rest && !exact && (!s || below)) {
        text = `(imported as ${rest.slice(1)}) ${message}`;
      }
    }
    // Two model fields from one source node (Sloth's page alert is two tiers) give one problem, not two.
    if (!taken.has(path) && !said.has(`${path}\n${text}`)) {
      said.add(`${path}\n${text}`);
      result.problems.push({ path, message: text });
    }
  }
}

/**
 * An SLA whose indicator names an SLO that this file does not define is a problem and is dropped, so
 * `validate` refuses a contract that nothing could compute. Runs before `locate`, while paths are internal.
 */
function refuseUnknownSlaIndicators(result: ImportResult): void {
  // An SLO of the file that is itself invalid was reported already; naming it is not a second problem.
  const sloIds = new Set(result.slos.map((s) => s?.id).filter((id): id is string => typeof id === 'string'));
  const keep = result.slas.map((sla, i) => {
    const at = result.slaOrigins[i].path;
    const problems = validateSla(sla, at, sloIds);
    problems.forEach((p) => result.problems.push(p));
    return problems.length === 0;
  });
  result.slas = result.slas.filter((_, i) => keep[i]);
  result.slaOrigins = result.slaOrigins.filter((_, i) => keep[i]);
}

function warnLowObjectives(result: ImportResult, fields: FieldSources[], ctx: ImportContext): void {
  result.slos.forEach((slo, i) => {
    const t = slo?.objective?.target;
    if (typeof t === 'number' && t > 0 && t < LOW_OBJECTIVE) {
      const path = fields[i]?.['objective.target'] ?? `${result.origins[i].path}.objective.target`;
      ctx.warn(
        path,
        `objective is ${Number((t * 100).toPrecision(6))}% (${t}), below 50%: almost always a mistake in the target's form`
      );
    }
  });
}

/** Adds line, column and document index to every entry, then rewrites its path as the user's document reads. */
function locate(result: ImportResult, source: SourceMap): void {
  const all: Array<SourceLocation & { path: string }> = [
    ...result.problems,
    ...result.warnings,
    ...result.refused,
    ...result.ignored,
    ...result.origins,
    ...result.policyOrigins,
    ...result.slaOrigins,
  ];
  for (const o of result.origins) {
    const policyPath = `${o.path}.policy`;
    const pos = o.format === 'native' && source.exists(policyPath) ? source.locate(policyPath) : undefined;
    if (pos) {
      o.policyAt = { line: pos.line, column: pos.column };
    }
  }
  for (const e of all) {
    const pos = e.line === undefined ? source.locate(e.path) : undefined;
    if (pos) {
      e.line = pos.line;
      e.column = pos.column;
    }
    e.doc ??= source.docIndex(e.path);
    e.path = source.display(e.path);
  }
}

function dispatch(value: unknown, path: string, ctx: ImportContext): void {
  if (!isRecord(value)) {
    ctx.refuse(path, `document is a ${typeof value}, not a mapping`);
    return;
  }
  const api = str(value.apiVersion) ?? '';
  const kind = str(value.kind) ?? '';
  if (api === SLO_SPEC_API_VERSION) {
    importNative(value, path, ctx);
  } else if (api === 'openslo/v1alpha') {
    importOpenSloV1alpha(value, path, ctx);
  } else if (value.version === 'prometheus/v1' || (api === 'sloth.slok.dev/v1' && kind === 'PrometheusServiceLevel')) {
    importSloth(value, path, ctx);
  } else if (api === 'sloth.slok.dev/v1' && kind === 'AlertWindows') {
    ctx.ignore(
      path,
      kind,
      'Sloth AlertWindows (burn-rate windows for an SLO period), not an SLO; set per-SLO alerting.tiers instead'
    );
  } else if (isPyrraApiVersion(api) && kind === 'ServiceLevelObjective') {
    importPyrra(value, path, ctx);
  } else if (api.startsWith('sre.google.com/') && kind === 'ServiceLevelObjective') {
    importSloGenerator(value, path, ctx);
  } else if (isSloGeneratorConfig(value)) {
    ctx.ignore(
      path,
      'slo-generator config',
      'slo-generator shared config (backends, exporters, error_budget_policies), not an SLO'
    );
  } else if (Array.isArray(value.groups) || kind === 'PrometheusRule') {
    ctx.refuse(path, `Prometheus rule file${kind ? ` (${kind})` : ''}, not an SLO spec`);
  } else if (kind === 'CustomResourceDefinition') {
    const name = isRecord(value.metadata) ? str(value.metadata.name) : undefined;
    ctx.refuse(path, `CustomResourceDefinition "${name ?? '?'}" is a schema, not an SLO spec`);
  } else {
    ctx.refuse(
      path,
      `unrecognised document (apiVersion ${JSON.stringify(value.apiVersion)}, kind ${JSON.stringify(value.kind)}): not a supported SLO format`
    );
  }
}
