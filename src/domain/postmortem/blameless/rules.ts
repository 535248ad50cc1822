/**
 * What the blameless check looks for, and what it says. Phrases are nlcst-search patterns: words are compared
 * case-, apostrophe- and dash-insensitively ("should've" = "shouldve"), and `*` matches any one word.
 */

/** Stable rule ids, so a page can group flags or remember which ones were acknowledged. */
export type BlamelessRuleId =
  | 'human-error'
  | 'hindsight'
  | 'careless'
  | 'negligent'
  | 'forgot'
  | 'failed-to'
  | 'fault'
  | 'blame'
  | 'why-didnt'
  | 'responder-failure';

export interface PhraseRule {
  id: Exclude<BlamelessRuleId, 'responder-failure'>;
  patterns: string[];
  /** Why the wording blames a person. */
  message: string;
  /** A system-focused way to say it instead. */
  suggestion: string;
  /** "No one was at fault", "not human error": a negation just before the phrase turns it blameless. */
  negatable?: boolean;
  /** Extra test on a match of `pattern` (its words in lower case, as written); a match it rejects is not flagged. */
  accept?: (pattern: string, words: string[]) => boolean;
  /** Normalised words that, right after the match, make it a compound noun ("our fault tolerance"), not blame. */
  notBefore?: ReadonlySet<string>;
}

/** Words that, in the few words before a negatable phrase, negate it. Normalised (lower case, no apostrophes). */
export const NEGATORS = new Set([
  'no',
  'not',
  'never',
  'nobody',
  'nobodys',
  'none',
  'neither',
  'nor',
  'without',
  'isnt',
  'wasnt',
  'werent',
  'arent',
  'dont',
  'doesnt',
  'didnt',
  'cannot',
  'cant',
]);

/** How many words before a negatable phrase are searched for a negation. */
export const NEGATION_REACH = 3;

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'my', 'your', 'our', 'whose']);

/**
 * "his fault", "Bob's fault", "the team's fault": a fault that belongs to someone. A bare "fault" is left alone: in
 * an SRE review it is nearly always a technical one (a page fault, a fault in the NIC, fault injection).
 */
function isPossessiveFault(pattern: string, words: string[]): boolean {
  if (pattern !== '* fault') {
    return true;
  }
  const owner = words[0];
  return POSSESSIVE_PRONOUNS.has(owner) || /['\u2019]s?$/.test(owner);
}

/**
 * Words that name a person (or people) as the subject right before "failed to". "The health check failed to run" is
 * a system failing and no blame; "the engineer failed to notice" is. Responders named in the postmortem are caught by
 * the responder rule whatever the verb.
 */
const PERSON_SUBJECTS = new Set([
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'everyone',
  'everybody',
  'engineer',
  'engineers',
  'operator',
  'operators',
  'developer',
  'developers',
  'reviewer',
  'reviewers',
  'responder',
  'responders',
  'oncall',
  'admin',
  'admins',
  'administrator',
  'sre',
  'sres',
  'team',
  'person',
  'people',
  'human',
  'humans',
  'staff',
  'commander',
  'lead',
  'manager',
  'author',
  'owner',
]);

/** "* failed to": flagged only when the word before names a person (see PERSON_SUBJECTS). */
function isPersonFailing(_pattern: string, words: string[]): boolean {
  return PERSON_SUBJECTS.has(words[0].replace(/['\u2019-]/g, ''));
}

export const PHRASE_RULES: PhraseRule[] = [
  {
    id: 'human-error',
    patterns: ['human error', 'human errors', 'operator error', 'operator errors'],
    message: '"Human error" ends the inquiry at a person; the review is about what made the error possible and easy.',
    suggestion:
      'Name the condition that let it happen: "the runbook step was ambiguous", "the tool accepted an invalid value without a warning".',
    negatable: true,
  },
  {
    id: 'hindsight',
    patterns: ['should have', "should've", 'should not have', "shouldn't have", 'ought to have'],
    message: '"Should have" judges a decision with hindsight the people involved did not have at the time.',
    suggestion:
      'Say what was known then and what would have surfaced the problem: "nothing showed that the queue was backing up".',
  },
  {
    id: 'careless',
    patterns: ['careless', 'carelessly', 'carelessness'],
    message: '"Careless" judges a person\'s character; it tells the reader nothing about how to prevent a repeat.',
    suggestion:
      'Describe the action and the safeguard that was missing: "the command ran against production without a confirmation".',
    negatable: true,
  },
  {
    id: 'negligent',
    patterns: ['negligent', 'negligently', 'negligence'],
    message: '"Negligent" is a verdict on a person, and it makes people hide mistakes in the next review.',
    suggestion: 'Describe the gap in the process: "the checklist did not include the step", "no alert covered it".',
    negatable: true,
  },
  {
    id: 'forgot',
    patterns: ['forgot to', 'forgot', 'forgotten', 'neglected to'],
    message: '"Forgot" puts the gap in a person\'s memory; the real finding is that the system relied on memory.',
    suggestion: 'Say what relied on memory: "the release process had a manual step with no reminder or check".',
  },
  {
    id: 'failed-to',
    patterns: ['* failed to'],
    accept: isPersonFailing,
    message: '"Failed to" frames what happened as a failing; when its subject is a person it reads as blame.',
    suggestion:
      'Say what happened and what would have caught it: "the change went out without the migration; no check compared them".',
  },
  {
    id: 'fault',
    patterns: ['at fault', '* fault', 'fault lies with'],
    message: "Calling it someone's fault assigns blame; the review looks for contributing factors, not a culprit.",
    suggestion:
      'Name the contributing factors instead: "two things combined: the alert threshold and the missing canary".',
    negatable: true,
    accept: isPossessiveFault,
    notBefore: new Set([
      'tolerance',
      'tolerant',
      'injection',
      'injector',
      'domain',
      'domains',
      'isolation',
      'detection',
      'handling',
      'handler',
      'model',
      'zone',
      'zones',
      'tree',
      'line',
      'lines',
      'code',
      'codes',
      'condition',
      'conditions',
      'mode',
      'modes',
    ]),
  },
  {
    id: 'blame',
    patterns: ['to blame', 'blamed', 'blaming'],
    message: 'Looking for who is to blame stops the search for why the system allowed it.',
    suggestion: 'Ask what made the outcome likely: "what about the tooling made this easy to get wrong?"',
    negatable: true,
  },
  {
    id: 'why-didnt',
    patterns: ["why didn't", 'why did not', "why wasn't", "why weren't", "why hadn't", "why couldn't"],
    message: '"Why didn\'t…" asks people to defend themselves, which makes them less forthcoming.',
    suggestion: 'Ask about the system: "what would have made this visible sooner?", "what made the right step hard?"',
  },
];

/** Responder-name flags: said once here so the check and the page use the same words. */
export const RESPONDER_MESSAGE =
  'A responder is the subject of a failure: the sentence is about what a person did wrong, not about what let it happen.';

/** The rewrite offered for a responder-name flag; `said` is the flagged text from the section. */
export function responderSuggestion(said: string): string {
  return `Make the system the subject instead of "${said}": what allowed it and what would have caught it ("the deploy pipeline accepted the config without validating it").`;
}

/**
 * Words that make a responder's name the subject of a failure when they follow it in the same clause: failure
 * verbs and adjectives, and negations. Normalised: lower case, apostrophes removed ("didn't" = "didnt").
 */
export const FAILURE_WORDS = new Set([
  'forgot',
  'forgotten',
  'forget',
  'failed',
  'fail',
  'fails',
  'missed',
  'broke',
  'broken',
  'neglected',
  'ignored',
  'overlooked',
  'skipped',
  'misconfigured',
  'misread',
  'mistyped',
  'mistook',
  'mistakenly',
  'mistake',
  'accidentally',
  'wrongly',
  'wrong',
  'incorrectly',
  'incorrect',
  'erroneously',
  'bad',
  'faulty',
  'buggy',
  'careless',
  'carelessly',
  'negligent',
  'negligently',
  'caused',
  'should',
  'shouldve',
  'shouldnt',
  'not',
  'never',
  'didnt',
  'doesnt',
  'dont',
  'wasnt',
  'werent',
  'isnt',
  'arent',
  'hasnt',
  'havent',
  'hadnt',
  'couldnt',
  'cannot',
  'cant',
  'wouldnt',
  'wont',
]);

/** Forms of "be" that, with a negation and a participle, make a passive ("was not paged"). Normalised. */
export const BE_FORMS = new Set([
  'was',
  'were',
  'is',
  'are',
  'be',
  'been',
  'being',
  'wasnt',
  'werent',
  'isnt',
  'arent',
]);

/** Forms of "have": passive only with "been" ("has not been told"; "had not checked" is active). Normalised. */
export const HAVE_FORMS = new Set(['has', 'have', 'had', 'hasnt', 'havent', 'hadnt']);

/** Past participles that do not end in "-ed": something done to the responder ("Alice was not told"). */
export const IRREGULAR_PARTICIPLES = new Set([
  'told',
  'given',
  'shown',
  'sent',
  'woken',
  'taken',
  'brought',
  'made',
  'seen',
  'known',
  'kept',
  'put',
  'let',
]);

/**
 * Words that put the name that follows them in object position ("we paged Alice", "thanks to Bob"): a failure
 * later in that sentence is not the responder's.
 */
export const OBJECT_MARKERS = new Set([
  'to',
  'with',
  'for',
  'by',
  'from',
  'of',
  'at',
  'on',
  'in',
  'into',
  'onto',
  'about',
  'via',
  'without',
  'than',
  'like',
  'per',
  'cc',
  'paged',
  'page',
  'pinged',
  'ping',
  'told',
  'tell',
  'asked',
  'ask',
  'called',
  'call',
  'notified',
  'notify',
  'alerted',
  'thanked',
  'thank',
  'thanks',
  'helped',
  'help',
  'escalated',
  'assigned',
  'woke',
  'contacted',
  'messaged',
  'emailed',
  'reached',
  'joined',
  'relieved',
]);

/** Words that start a new clause: a failure after them has another subject. */
export const CLAUSE_WORDS = new Set([
  'and',
  'but',
  'or',
  'after',
  'before',
  'because',
  'so',
  'when',
  'whenever',
  'while',
  'which',
  'who',
  'whom',
  'whose',
  'that',
  'then',
  'until',
  'once',
  'since',
  'where',
  'although',
  'though',
  'whereas',
  'if',
  'unless',
]);

/** Punctuation that ends a clause. */
export const CLAUSE_PUNCTUATION = new Set([',', ';', ':', '(', ')', '[', ']', '\u2014', '\u2013', '-', '!', '?']);

/** How many words after a responder's name the failure word may come ("Alice deployed the broken config"). */
export const SUBJECT_REACH = 8;
