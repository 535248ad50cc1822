export { importDocuments } from './import';
export { exportOpenSLO } from './exportOpenSlo';
export { readTarget, makeId, slugify } from './normalize';
export type { ImportResult, Refusal, Ignored, SloOrigin, PolicyOrigin, SourceFormat, SourceProblem } from './types';
