import { SLO_SPEC_API_VERSION, type Slo } from '../slo/model';
import { isRecord } from './normalize';
import { type ImportContext } from './types';

/**
 * Our own format: an `SLOList` document, or a bare array of stored SLOs (what `convert --to json` prints).
 * SLOs are taken as they are; validateSlos reports what is wrong with them.
 */
export function importNative(doc: unknown, path: string, ctx: ImportContext): void {
  let list: unknown = doc;
  let listPath = path;
  if (isRecord(doc)) {
    if (doc.kind !== 'SLOList') {
      ctx.refuse(path, `${SLO_SPEC_API_VERSION} kind "${String(doc.kind)}" is not supported (expected SLOList)`);
      return;
    }
    list = doc.slos;
    listPath = `${path}.slos`;
  }
  if (!Array.isArray(list)) {
    ctx.problem(listPath, 'slos must be a list');
    return;
  }
  list.forEach((slo, i) => {
    // Cloned so that callers mutating the result never alter the parsed document.
    ctx.addSlo(JSON.parse(JSON.stringify(slo ?? null)) as Slo, { path: `${listPath}[${i}]`, format: 'native' });
  });
}
