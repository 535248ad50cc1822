import { parseAllDocuments } from 'yaml';
import { SLO_SPEC_API_VERSION } from '../slo/model';
import { validateSlos } from '../slo/validate';
import { importNative } from './native';
import { isRecord, str } from './normalize';
import { importOpenSloV1, type Located } from './openslo';
import { importOpenSloV1alpha } from './opensloV1alpha';
import { importPyrra } from './pyrra';
import { importSloGenerator, isSloGeneratorConfig } from './sloGenerator';
import { importSloth } from './sloth';
import { contextFor, type ImportContext, type ImportResult, newResult } from './types';

/**
 * Imports every document of a YAML or JSON file: native, OpenSLO v1/v1alpha, Sloth, Pyrra or slo-generator.
 * Never throws: unparseable input becomes problems, unsupported features become refusals.
 */
export function importDocuments(text: string, sourceName = 'input'): ImportResult {
  const result = newResult();
  const ctx = contextFor(result);
  const docs: Array<{ value: unknown; path: string }> = [];
  parseAllDocuments(text, { uniqueKeys: true }).forEach((d, i) => {
    const path = `doc[${i}]`;
    if (d.errors.length) {
      d.errors.forEach((e) => ctx.problem(path, `${sourceName} is not valid YAML/JSON: ${e.message.split('\n')[0]}`));
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
  for (const { value, path } of docs) {
    try {
      if (isRecord(value) && value.apiVersion === 'openslo/v1') {
        openSloV1.push({ doc: value, path });
      } else {
        dispatch(value, path, ctx);
      }
    } catch (e) {
      ctx.problem(path, `internal error while importing: ${(e as Error).message}`);
    }
  }
  if (openSloV1.length) {
    try {
      importOpenSloV1(openSloV1, ctx);
    } catch (e) {
      ctx.problem(openSloV1[0].path, `internal error while importing: ${(e as Error).message}`);
    }
  }
  // Validation paths name the model list (slos[3].sli); point them at the SLO's place in the source instead.
  for (const p of validateSlos(result.slos, 'slos')) {
    const m = /^slos\[(\d+)\](.*)$/.exec(p.path);
    const origin = m ? result.origins[Number(m[1])] : undefined;
    const message = p.message.replace(/\bslos\[(\d+)\]/g, (all, i: string) => result.origins[Number(i)]?.path ?? all);
    result.problems.push(origin ? { path: `${origin.path}${m![2]}`, message } : p);
  }
  return result;
}

function dispatch(value: unknown, path: string, ctx: ImportContext): void {
  if (Array.isArray(value)) {
    importNative(value, path, ctx);
    return;
  }
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
  } else if (api.startsWith('pyrra.dev/') && kind === 'ServiceLevelObjective') {
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
