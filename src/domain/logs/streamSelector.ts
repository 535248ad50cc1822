/**
 * Checks a stream selector a person typed (e.g. one added to an incident) before anything stores it: it must be
 * a plain selector that Loki would accept, so the logs panel never shows a query error for it later.
 */
import { renderSelector } from './logql';
import { parseSelector, type StreamMatcher } from './parseSelector';

export type StreamSelectorCheck = { ok: true; selector: string } | { ok: false; error: string };

/** A leading RE2 flag group such as `(?i)`, which JavaScript regexes do not understand. */
const RE2_FLAGS = /^\(\?[imsU-]+\)/;

/**
 * Whether a regex matcher value can match the empty string. Loki anchors it (`^(?:re)$`). RE2 syntax that
 * JavaScript cannot compile is given the benefit of the doubt: Loki is the final judge of those.
 */
function matchesEmpty(regex: string): boolean {
  try {
    return new RegExp(`^(?:${regex.replace(RE2_FLAGS, '')})$`).test('');
  } catch {
    return false;
  }
}

/** Loki refuses a selector unless one `=` or `=~` matcher cannot match an empty value (it would select all). */
function narrowsStreams(m: StreamMatcher): boolean {
  return (m.op === '=' && m.value !== '') || (m.op === '=~' && !matchesEmpty(m.value));
}

/**
 * Validates a user-provided LogQL stream selector such as `{namespace="shop", app="cart"}`. Returns it in
 * canonical form (values re-quoted, `", "` between matchers), so equal selectors compare equal, or the reason,
 * worded to follow "not a valid selector: ".
 */
export function checkStreamSelector(input: string): StreamSelectorCheck {
  if (input.trim() === '') {
    return { ok: false, error: 'it is empty; write one such as {app="cart"}' };
  }
  // Untrimmed, so the offsets in parse errors count from what the person typed.
  const parsed = parseSelector(input);
  if (!parsed.ok) {
    return { ok: false, error: parsed.error };
  }
  if (!parsed.matchers.some(narrowsStreams)) {
    return {
      ok: false,
      error:
        'Loki needs at least one = or =~ matcher that cannot match an empty value, such as app="cart" or app=~".+"',
    };
  }
  return { ok: true, selector: renderSelector(parsed.matchers) };
}
