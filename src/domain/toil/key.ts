/**
 * The grouping key of a task, so that "Restart payments pod", "restart the payments-pod 7f9c8" and
 * "RESTART payments pods (INC-42)" add up to one source of toil. Deterministic and language-light on purpose:
 * a team can see why two entries were grouped.
 */

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'for', 'on', 'in', 'to', 'and']);

/**
 * True for tokens that identify one occurrence rather than the task: numbers (ticket and pod ordinals) and long
 * tokens holding digits (hashes, pod suffixes). Short ones such as "k8s", "s3" or "ec2" name things and are kept.
 */
function isOccurrenceToken(token: string): boolean {
  return /^\p{N}+$/u.test(token) || (token.length >= 5 && /\p{N}/u.test(token));
}

/** Plural to singular for the regular English cases only ("pods" → "pod", "caches" → "cache"; not "ss"). */
function singular(token: string): string {
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us')) {
    return token.slice(0, -1);
  }
  return token;
}

/**
 * The normalised key of a task: Unicode-normalised, lower-cased, split at anything that is not a letter or a
 * digit, without stop words, occurrence tokens (numbers, hashes) or regular plurals. A task made only of
 * such tokens keys on its lower-cased text, so it is never grouped with everything else.
 */
export function taskKey(task: string): string {
  const text = task.normalize('NFKC').toLowerCase();
  // Ticket and incident ids ("INC-42", "OPS-1234") name the occurrence; drop them whole, before splitting.
  const tokens = text
    .replace(/(^|[^\p{L}\p{N}])\p{L}+-\p{N}+(?=$|[^\p{L}\p{N}])/gu, '$1 ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '' && !STOP_WORDS.has(t) && !isOccurrenceToken(t))
    .map(singular);
  if (tokens.length === 0) {
    return text.replace(/\s+/g, ' ').trim();
  }
  return tokens.join(' ');
}
