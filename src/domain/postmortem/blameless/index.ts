export { checkBlameless, type BlamelessFlag, type BlamelessOptions } from './check';
export type { BlamelessRuleId } from './rules';
