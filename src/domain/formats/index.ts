export { importDocuments } from './import';
export { exportOpenSLO } from './exportOpenSlo';
export { normalizeTarget, makeId, slugify } from './normalize';
export type { ImportResult, Refusal, Ignored, SloOrigin, SourceFormat } from './types';
