/**
 * The blameless-language check: flags wording that blames people rather than systems, as people write a
 * postmortem. It warns and never blocks: it returns flags (possibly none) for any input and never throws.
 */
import type { Root, Sentence, SentenceContent } from 'nlcst';
import { search } from 'nlcst-search';
import { toString as nlcstToString } from 'nlcst-to-string';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

import { type ProseBlock, proseBlocks } from './prose';
import {
  type BlamelessRuleId,
  CLAUSE_PUNCTUATION,
  CLAUSE_WORDS,
  BE_FORMS,
  FAILURE_WORDS,
  HAVE_FORMS,
  IRREGULAR_PARTICIPLES,
  NEGATION_REACH,
  NEGATORS,
  OBJECT_MARKERS,
  PHRASE_RULES,
  type PhraseRule,
  RESPONDER_MESSAGE,
  SUBJECT_REACH,
  responderSuggestion,
} from './rules';

/** One piece of blaming language. `start`/`end` index the original Markdown: `markdown.slice(start, end)`. */
export interface BlamelessFlag {
  start: number;
  end: number;
  /** The flagged text, as written. */
  phrase: string;
  /** Why the wording blames a person. */
  message: string;
  /** A system-focused way to say it. */
  suggestion: string;
  rule: BlamelessRuleId;
}

export interface BlamelessOptions {
  /**
   * Names of the incident's responders (display names and logins), matched literally and case-insensitively
   * as whole words; multi-word names must appear whole ("Alice Smith", not "Alice").
   */
  responderNames: readonly string[];
}

// Parsing only (no plugins that transform), so one frozen processor is safe to share.
const english = unified().use(retextEnglish).freeze();

const RULE_BY_PATTERN = new Map<string, PhraseRule>(
  PHRASE_RULES.flatMap((rule) => rule.patterns.map((pattern) => [pattern, rule] as const))
);
const ALL_PATTERNS = [...RULE_BY_PATTERN.keys()];

/** Flags blaming language in a Markdown section, in document order; code, quotes and URLs are never flagged. */
export function checkBlameless(markdown: string, options: BlamelessOptions): BlamelessFlag[] {
  const source = typeof markdown === 'string' ? markdown : '';
  const names = responderMatchers(Array.isArray(options?.responderNames) ? options.responderNames : []);
  const flags: BlamelessFlag[] = [];
  for (const block of proseBlocks(source)) {
    const tree = english.parse(block.text) as Root;
    flagPhrases(tree, block, source, flags);
    if (names.size > 0) {
      visit(tree, 'SentenceNode', (sentence: Sentence) => flagResponders(sentence, names, block, source, flags));
    }
  }
  return orderAndDedupe(flags);
}

function flagPhrases(tree: Root, block: ProseBlock, source: string, flags: BlamelessFlag[]): void {
  search(tree, ALL_PATTERNS, (nodes, index, parent, pattern) => {
    const rule = RULE_BY_PATTERN.get(pattern);
    const range = sourceRange(block, nodes[0], nodes[nodes.length - 1]);
    if (!rule || range === undefined) {
      return;
    }
    const words = nodes.filter((n) => n.type === 'WordNode').map((n) => nlcstToString(n).toLowerCase());
    if (rule.accept && !rule.accept(pattern, words)) {
      return;
    }
    const siblings = parent.children as SentenceContent[];
    if (rule.notBefore && rule.notBefore.has(nextWord(siblings, index + nodes.length))) {
      return;
    }
    if (rule.negatable && isNegated(words, siblings, index)) {
      return;
    }
    const [start, end] = range;
    flags.push({
      start,
      end,
      phrase: source.slice(start, end),
      message: rule.message,
      suggestion: rule.suggestion,
      rule: rule.id,
    });
  });
}

/** Where the nodes `first` to `last` of a block's parse tree are in the Markdown; undefined without positions. */
function sourceRange(
  block: ProseBlock,
  first: SentenceContent | undefined,
  last: SentenceContent | undefined
): [number, number] | undefined {
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  return start === undefined || end === undefined ? undefined : [block.offset + start, block.offset + end];
}

/** The normalised word at or after `from` in a sentence, across white space only; '' when there is none. */
function nextWord(siblings: SentenceContent[], from: number): string {
  for (let i = from; i < siblings.length; i++) {
    const node = siblings[i];
    if (node.type === 'WordNode') {
      return normalise(nlcstToString(node));
    }
    if (node.type !== 'WhiteSpaceNode') {
      return '';
    }
  }
  return '';
}

/** "No one was at fault", "not human error": a negation among the match or the few words before it. */
function isNegated(matched: string[], siblings: SentenceContent[], index: number): boolean {
  if (matched.some((word) => NEGATORS.has(normalise(word)))) {
    return true;
  }
  let seen = 0;
  for (let i = index - 1; i >= 0 && seen < NEGATION_REACH; i--) {
    const node = siblings[i];
    if (node.type !== 'WordNode') {
      continue;
    }
    seen++;
    if (NEGATORS.has(normalise(nlcstToString(node)))) {
      return true;
    }
  }
  return false;
}

/** A responder name as tokens, keyed by its first token so each sentence word is looked up once. */
type NameMatchers = Map<string, string[][]>;

function responderMatchers(names: readonly unknown[]): NameMatchers {
  const byFirst: NameMatchers = new Map();
  const seen = new Set<string>();
  for (const name of names) {
    if (typeof name !== 'string') {
      continue;
    }
    const tokens = nameTokens(name);
    const key = tokens.join(' ');
    if (tokens.length === 0 || seen.has(key)) {
      continue;
    }
    seen.add(key);
    const list = byFirst.get(tokens[0]) ?? [];
    list.push(tokens);
    byFirst.set(tokens[0], list);
  }
  return byFirst;
}

/**
 * A name split by the same parser as the text, so "O'Brien" or "Anne-Marie" tokenise alike on both sides. Names
 * without a word (only punctuation or symbols) are dropped: they cannot be the subject of a sentence.
 */
function nameTokens(name: string): string[] {
  const tree = english.parse(name) as Root;
  const tokens: string[] = [];
  let hasWord = false;
  visit(tree, 'SentenceNode', (sentence: Sentence) => {
    for (const node of sentence.children) {
      if (node.type !== 'WhiteSpaceNode') {
        hasWord ||= node.type === 'WordNode';
        tokens.push(literal(nlcstToString(node)));
      }
    }
  });
  return hasWord ? tokens : [];
}

interface Token {
  node: SentenceContent;
  text: string;
}

function flagResponders(
  sentence: Sentence,
  names: NameMatchers,
  block: ProseBlock,
  source: string,
  flags: BlamelessFlag[]
): void {
  const tokens: Token[] = sentence.children
    .filter((node) => node.type !== 'WhiteSpaceNode')
    .map((node) => ({ node, text: literal(nlcstToString(node)) }));
  for (let i = 0; i < tokens.length; i++) {
    const candidates = names.get(tokens[i].text) ?? names.get(withoutPossessive(tokens[i].text));
    if (!candidates || isObject(tokens, i)) {
      continue;
    }
    for (const name of candidates) {
      if (!matchesAt(tokens, i, name)) {
        continue;
      }
      const failure = failureAfter(tokens, i + name.length);
      const range = failure && sourceRange(block, tokens[i].node, failure.node);
      if (range === undefined) {
        continue;
      }
      const [start, end] = range;
      const phrase = source.slice(start, end);
      flags.push({
        start,
        end,
        phrase,
        message: RESPONDER_MESSAGE,
        suggestion: responderSuggestion(phrase),
        rule: 'responder-failure',
      });
    }
  }
}

function matchesAt(tokens: Token[], at: number, name: string[]): boolean {
  if (at + name.length > tokens.length) {
    return false;
  }
  for (let k = 0; k < name.length; k++) {
    const text = tokens[at + k].text;
    const isLast = k === name.length - 1;
    if (text !== name[k] && !(isLast && withoutPossessive(text) === name[k])) {
      return false;
    }
  }
  return true;
}

/** "we paged Alice", "thanks to Bob": the name is an object, so what follows is not its failure. */
function isObject(tokens: Token[], at: number): boolean {
  const before = tokens[at - 1];
  return before?.node.type === 'WordNode' && OBJECT_MARKERS.has(normalise(before.text));
}

/**
 * The first failure word or negation in the name's clause, within SUBJECT_REACH words. Right after the name, a
 * comma or "and"/"or" continues a list of subjects ("Alice and Bob forgot") rather than ending the clause.
 */
function failureAfter(tokens: Token[], from: number): Token | undefined {
  let words = 0;
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    const first = i === from;
    if (token.node.type !== 'WordNode') {
      if (first && (token.text === ',' || token.text === '&')) {
        continue;
      }
      if (CLAUSE_PUNCTUATION.has(token.text)) {
        return undefined;
      }
      continue;
    }
    const word = normalise(token.text);
    if (FAILURE_WORDS.has(word) && !isPassiveNegation(tokens, i)) {
      return token;
    }
    if (CLAUSE_WORDS.has(word) && !(first && (word === 'and' || word === 'or'))) {
      return undefined;
    }
    words++;
    if (words >= SUBJECT_REACH) {
      return undefined;
    }
  }
  return undefined;
}

/**
 * "Alice was not paged", "Bob wasn't told", "Carol hasn't been notified": a negated passive, something not done to
 * the responder, so the negation is not their failure. The negation at `at` must follow a form of "be"/"have" (or be
 * one) and come before a past participle ("-ed" or an irregular one), with "been" allowed in between.
 */
function isPassiveNegation(tokens: Token[], at: number): boolean {
  const word = (i: number): string | undefined =>
    tokens[i]?.node.type === 'WordNode' ? normalise(tokens[i].text) : undefined;
  const negation = word(at)!;
  // The auxiliary is the negation itself ("wasn't") or the word before "not"/"never" ("was not").
  const auxiliary = negation === 'not' || negation === 'never' ? (word(at - 1) ?? '') : negation;
  let next = at + 1;
  if (HAVE_FORMS.has(auxiliary)) {
    if (word(next) !== 'been') {
      return false;
    }
    next++;
  } else if (!BE_FORMS.has(auxiliary)) {
    return false;
  }
  const participle = word(next);
  return participle !== undefined && (/[a-z]ed$/.test(participle) || IRREGULAR_PARTICIPLES.has(participle));
}

/** Lower case with one apostrophe: names are compared as written, so "O’Brien" = "o'brien". */
function literal(text: string): string {
  return text.toLowerCase().replace(/\u2019/g, "'");
}

/** Lower case without apostrophes, for the word lists ("didn't" = "didnt"). */
function normalise(word: string): string {
  return word.toLowerCase().replace(/['\u2019]/g, '');
}

function withoutPossessive(text: string): string {
  return text.endsWith("'s") ? text.slice(0, -2) : text;
}

/** Document order; a flag inside another of the same rule ("forgot" inside "forgot to") is dropped. */
function orderAndDedupe(flags: BlamelessFlag[]): BlamelessFlag[] {
  const sorted = [...flags].sort(
    (a, b) => a.start - b.start || b.end - a.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
  // Sorted by start, every kept flag starts at or before this one: it is covered if one of its rule reaches as far.
  const reach = new Map<BlamelessRuleId, number>();
  const kept: BlamelessFlag[] = [];
  for (const flag of sorted) {
    if ((reach.get(flag.rule) ?? -1) >= flag.end) {
      continue;
    }
    kept.push(flag);
    reach.set(flag.rule, flag.end);
  }
  return kept;
}
