/**
 * The postmortem section template and policy in the app's plugin settings, `jsonData.postmortems =
 * {sections, policy, revision}`; Admins write them on the Admin page. Provisioning YAML may set them, so nothing read
 * is trusted: an invalid part falls back to its default and is reported.
 */
import {
  DEFAULT_POSTMORTEM_POLICY,
  DEFAULT_SECTIONS,
  type PostmortemPolicy,
  type SectionTemplate,
  validatePostmortemPolicy,
  validateSectionTemplate,
} from '../domain/postmortem';
import type { Problem } from '../domain/slo/model';
import { sameJson, updateJsonData } from './pluginSettings';
import { ConflictError, ValidationError } from './storedItems';
import type { AppJsonData } from './types';

export interface PostmortemConfig {
  sections: SectionTemplate[];
  policy: PostmortemPolicy;
  /** 0 until first saved from the app. */
  revision: number;
  /** What was stored but not used, each naming its field (`postmortems.policy.budgetShare: ...`). */
  problems: string[];
}

const KEY = 'postmortems';
const POLICY_FIELDS = Object.keys(DEFAULT_POSTMORTEM_POLICY) as Array<keyof PostmortemPolicy>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const copyDefaultPolicy = (): PostmortemPolicy => JSON.parse(JSON.stringify(DEFAULT_POSTMORTEM_POLICY));

const sectionProblems = (sections: unknown): Problem[] =>
  validateSectionTemplate(sections).map((p) => ({ path: `${KEY}.${p.field}`, message: p.message }));

const policyProblems = (policy: unknown): Problem[] =>
  validatePostmortemPolicy(policy).map((p) => ({
    path: p.field === 'postmortemPolicy' ? `${KEY}.policy` : `${KEY}.policy.${p.field}`,
    message: p.message,
  }));

const text = (problems: Problem[]) => problems.map((p) => `${p.path}: ${p.message}`);

/**
 * The stored policy with each field that is missing or invalid taken from the default, so provisioning may set only
 * what it changes and one bad field does not reset the others.
 */
function readPolicy(raw: unknown): { policy: PostmortemPolicy; problems: string[] } {
  if (raw === undefined) {
    return { policy: copyDefaultPolicy(), problems: [] };
  }
  if (!isRecord(raw)) {
    return { policy: copyDefaultPolicy(), problems: text(policyProblems(raw)) };
  }
  const merged: Record<string, unknown> = { ...copyDefaultPolicy() };
  for (const field of POLICY_FIELDS) {
    if (raw[field] !== undefined) {
      merged[field] = raw[field];
    }
  }
  const problems = policyProblems({ ...raw, ...merged });
  for (const p of problems) {
    // `postmortems.policy.actionItemDueDays.P0` falls back as the whole `actionItemDueDays`.
    const field = p.path.slice(`${KEY}.policy.`.length).split('.')[0];
    if ((POLICY_FIELDS as string[]).includes(field)) {
      merged[field] = copyDefaultPolicy()[field as keyof PostmortemPolicy];
    }
  }
  const policy = merged as unknown as PostmortemPolicy;
  // Unknown fields were never copied; anything left invalid is a domain rule we did not expect: use the defaults.
  return validatePostmortemPolicy(policy).length === 0
    ? { policy, problems: text(problems) }
    : { policy: copyDefaultPolicy(), problems: text(problems) };
}

/** The section template and policy in force, with defaults for whatever is missing or invalid (reported). */
export function readPostmortemConfig(jsonData: AppJsonData | undefined): PostmortemConfig {
  const raw = jsonData?.[KEY];
  if (raw === undefined || raw === null) {
    return { sections: [...DEFAULT_SECTIONS], policy: copyDefaultPolicy(), revision: 0, problems: [] };
  }
  if (!isRecord(raw)) {
    return {
      sections: [...DEFAULT_SECTIONS],
      policy: copyDefaultPolicy(),
      revision: 0,
      problems: [
        `${KEY}: must be an object {sections, policy, revision}, got ${Array.isArray(raw) ? 'a list' : typeof raw}`,
      ],
    };
  }
  const problems: string[] = [];
  let sections = [...DEFAULT_SECTIONS];
  if (raw.sections !== undefined) {
    const found = sectionProblems(raw.sections);
    if (found.length === 0) {
      sections = (raw.sections as SectionTemplate[]).map(({ key, title, order }) => ({
        key,
        title: title.trim(),
        order,
      }));
    } else {
      problems.push(...text(found), `${KEY}.sections: using the default sections until this is fixed`);
    }
  }
  const policy = readPolicy(raw.policy);
  problems.push(...policy.problems);
  let revision = 0;
  if (raw.revision !== undefined) {
    if (Number.isInteger(raw.revision) && (raw.revision as number) >= 0) {
      revision = raw.revision as number;
    } else {
      problems.push(`${KEY}.revision: must be a whole number from 0, got ${JSON.stringify(raw.revision)}`);
    }
  }
  return { sections, policy: policy.policy, revision, problems };
}

/**
 * Saves the section template and policy. Invalid input throws a ValidationError naming each field, and nothing is
 * sent. If the stored settings moved past `loadedRevision` a ConflictError says so and nothing is written; after the
 * write the settings are read back (LostUpdateError when another save replaced ours).
 */
export async function savePostmortemConfig(
  next: { sections: SectionTemplate[]; policy: PostmortemPolicy },
  loadedRevision: number
): Promise<void> {
  const sections = next.sections.map(({ key, title, order }) => ({
    key,
    title: typeof title === 'string' ? title.trim() : title,
    order,
  }));
  // The stored revision is the config's, not the policy's.
  const { revision: _ignored, ...policy } = next.policy;
  const problems = [...sectionProblems(sections), ...policyProblems(policy)];
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  let written: unknown;
  await updateJsonData(
    (current) => {
      const stored = readPostmortemConfig(current).revision;
      if (stored !== loadedRevision) {
        throw new ConflictError(
          `The postmortem settings were changed by someone else since you opened them (revision ${loadedRevision} → ${stored}). Reload to see their change.`
        );
      }
      written = { sections, policy, revision: stored + 1 };
      return { ...current, [KEY]: written };
    },
    { verify: (stored) => sameJson(stored[KEY], written) }
  );
}
