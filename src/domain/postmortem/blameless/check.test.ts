import { type BlamelessFlag, type BlamelessOptions, checkBlameless } from './check';

const noNames: BlamelessOptions = { responderNames: [] };
const team: BlamelessOptions = { responderNames: ['Alice', 'Bob', 'Carol', 'Dana Scully', 'Zoë'] };

function flagged(markdown: string, options = noNames): string[] {
  return checkBlameless(markdown, options).map((f) => f.phrase);
}

function rules(markdown: string, options = noNames): string[] {
  return checkBlameless(markdown, options).map((f) => f.rule);
}

describe('checkBlameless: phrases', () => {
  it.each([
    ['The outage was caused by human error.', 'human error', 'human-error'],
    ['Operator error again.', 'Operator error', 'human-error'],
    ['The on-call should have checked the dashboard.', 'should have', 'hindsight'],
    ["They should've rolled back.", "should've", 'hindsight'],
    ['The team should\u2019ve rolled back.', 'should\u2019ve', 'hindsight'],
    ["We shouldn't have shipped on Friday.", "shouldn't have", 'hindsight'],
    ['A careless change to the config.', 'careless', 'careless'],
    ['The rollout was done carelessly.', 'carelessly', 'careless'],
    ['The operator was negligent.', 'negligent', 'negligent'],
    ['This was negligence.', 'negligence', 'negligent'],
    ['The engineer forgot to renew the certificate.', 'forgot to', 'forgot'],
    ['Someone forgot the flag.', 'forgot', 'forgot'],
    ['The reviewer neglected to read the diff.', 'neglected to', 'forgot'],
    ['The engineer failed to notice the alert.', 'engineer failed to', 'failed-to'],
    ['The on-call failed to ack the page.', 'on-call failed to', 'failed-to'],
    ['He failed to page the database team.', 'He failed to', 'failed-to'],
    ['The engineer was at fault.', 'at fault', 'fault'],
    ['It was his fault.', 'his fault', 'fault'],
    ['It was her fault.', 'her fault', 'fault'],
    ["It was the on-call's fault.", "on-call's fault", 'fault'],
    ['The engineer is to blame.', 'to blame', 'blame'],
    ["Why didn't anyone page the database team?", "Why didn't", 'why-didnt'],
    ['Why did not the reviewer catch it?', 'Why did not', 'why-didnt'],
  ])('%j flags %j', (text, phrase, rule) => {
    const flags = checkBlameless(text, noNames);
    expect(flags.map((f) => [f.phrase, f.rule])).toEqual([[phrase, rule]]);
    expect(flags[0].message).not.toBe('');
    expect(flags[0].suggestion).not.toBe('');
  });

  it('matches case-insensitively', () => {
    expect(flagged('HUMAN ERROR. Should Have.')).toEqual(['HUMAN ERROR', 'Should Have']);
  });

  it('flags every occurrence, in document order', () => {
    const text = 'Human error. Then someone forgot to look. Then more human error.';
    const flags = checkBlameless(text, noNames);
    expect(flags.map((f) => f.phrase)).toEqual(['Human error', 'forgot to', 'human error']);
    expect(flags.map((f) => f.start)).toEqual([0, text.indexOf('forgot'), text.lastIndexOf('human')]);
  });

  it('reports "forgot to" once, not also "forgot"', () => {
    expect(checkBlameless('He forgot to check.', noNames)).toHaveLength(1);
  });
});

describe('checkBlameless: responders as the subject of a failure', () => {
  it.each([
    ['Alice deployed the broken config.', 'Alice deployed the broken'],
    ['Bob forgot to restart the worker.', 'Bob forgot'],
    ['The alert fired because Carol didn\u2019t check the queue.', 'Carol didn\u2019t'],
    ['The alert fired because Carol did not check the queue.', 'Carol did not'],
    ["Bob's change broke checkout.", "Bob's change broke"],
    ['alice never looked at the canary.', 'alice never'],
    ['Then Dana Scully misconfigured the load balancer.', 'Dana Scully misconfigured'],
    ['Zoë skipped the canary.', 'Zoë skipped'],
    ['Alice and Bob forgot the flag.', 'Alice and Bob forgot'],
    // Active voice after "had", and a negated adjective, stay flagged.
    ['Alice had not checked the logs.', 'Alice had not'],
    ['Bob was not careful with the flag.', 'Bob was not'],
  ])('%j flags %j', (text, phrase) => {
    const flags = checkBlameless(text, team).filter((f) => f.rule === 'responder-failure');
    expect(flags.map((f) => f.phrase)).toEqual([phrase]);
    expect(flags[0].suggestion).toContain(phrase);
  });

  it.each([
    'Alice restored service.',
    'Alice restored service; the canary failed.',
    'Alice restored service after the broken config was rolled back.',
    'We paged Alice and the deploy failed anyway.',
    'Thanks to Bob, nothing was lost.',
    'Nobody told Carol the deploy failed.',
    'Alice, who was on call, saw that nothing alerted.',
    'Dana forgot nothing.',
    'Scully broke nothing.',
    'Alicette forgot the flag.',
    'Bob-the-bot failed to restart.',
    // A negated passive: something not done to the responder.
    'Alice was not paged until 10:40.',
    "Bob wasn't told about the migration.",
    'Carol has not been notified yet.',
    'Alice was never paged.',
  ])('does not flag a responder in %j', (text) => {
    expect(rules(text, team)).not.toContain('responder-failure');
  });

  it('needs a multi-word name whole', () => {
    expect(rules('Dana broke it. Scully broke it.', { responderNames: ['Dana Scully'] })).toEqual([]);
    expect(flagged('Dana\n  Scully broke it.', { responderNames: ['dana scully'] })).toEqual(['Dana\n  Scully broke']);
  });

  it('treats names literally: regex characters are not patterns', () => {
    const hostile = { responderNames: ['.*', 'A.*', '(', '[a-z]+', '*', '', '   ', '\\', 'a|b'] };
    expect(rules('Alice forgot nothing. Anyone broke it. Bob failed.', hostile)).not.toContain('responder-failure');
    expect(flagged('O\u2019Brien broke prod.', { responderNames: ["o'brien"] })).toEqual(['O\u2019Brien broke']);
  });

  it('ignores names that are not strings', () => {
    const options = { responderNames: [42, null, 'Alice'] as unknown as string[] };
    expect(flagged('Alice broke it.', options)).toEqual(['Alice broke']);
  });
});

describe('checkBlameless: false positives it must not raise', () => {
  it.each([
    ['git blame', 'We ran git blame on the config to find the change.'],
    ['no single fault', 'There was no single fault; three factors combined.'],
    ['no one at fault', 'No one was at fault.'],
    ["nobody's fault", "It was nobody's fault."],
    ['not human error', 'This was not human error but a missing guard.'],
    ['fault-tolerant', 'The queue is fault-tolerant.'],
    ['fault tolerance', 'Our fault tolerance held up.'],
    ['fault domain', "The region's fault domains were isolated."],
    ['fault injection', 'Fault injection in staging found nothing.'],
    ['a system failing', 'The health check failed to run; our monitoring failed to alert.'],
    ['a failure without a subject', 'Failed to page anyone for ten minutes.'],
    ['a technical fault', 'A fault in the NIC dropped packets; a page fault followed.'],
    ['blameless', 'This review is blameless.'],
    ['inline code', 'The job logged `failed to connect: human error` twice.'],
    ['fenced code', '```\nretry failed to connect\nhuman error\n```'],
    ['tilde fence', '~~~sh\n# should have\n~~~'],
    ['indented code', 'Output:\n\n    worker forgot to ack\n    human error'],
    ['blockquote', '> worker failed to connect: human error'],
    ['nested blockquote', '- item\n  > > should have retried'],
    ['double-quoted log line', 'The log said "upstream failed to respond" at 10:02.'],
    ['curly-quoted message', 'The alert read \u201cconsumer forgot to commit offset\u201d.'],
    ['bare URL', 'See https://wiki.example.com/careless/forgot?q=negligent for details.'],
    ['autolink', 'See <https://example.com/forgot> for details.'],
    ['www link', 'See www.example.com/negligent for details.'],
    ['link target', 'See [the runbook](https://example.com/human%20error/at-fault).'],
    ['raw HTML', '<span title="human error">ok</span>'],
    ['image alt', '![human error](https://example.com/x.png)'],
  ])('%s', (_label, text) => {
    expect(checkBlameless(text, team)).toEqual([]);
  });

  it('still checks the text of a link', () => {
    expect(flagged('See [human error](https://example.com/x).')).toEqual(['human error']);
  });

  it('does not join sentences across list items', () => {
    expect(rules('- Alice restored service\n- the canary failed', team)).toEqual([]);
  });
});

describe('checkBlameless: offsets index the original Markdown', () => {
  function expectSliceMatches(markdown: string, flags: BlamelessFlag[]): void {
    for (const flag of flags) {
      expect(markdown.slice(flag.start, flag.end)).toBe(flag.phrase);
    }
  }

  it('after a fenced code block, inline code, emphasis and a link', () => {
    const markdown = [
      '## Root cause 🔥',
      '',
      '```yaml',
      'replicas: 0 # human error',
      '```',
      '',
      'The **config** (see `deploy.yaml`, [runbook](https://x.example/y)) was wrong: human error.',
    ].join('\n');
    const flags = checkBlameless(markdown, noNames);
    expect(flags.map((f) => f.phrase)).toEqual(['human error']);
    expect(flags[0].start).toBe(markdown.lastIndexOf('human error'));
    expectSliceMatches(markdown, flags);
  });

  it('with non-ASCII text, astral characters, CRLF and tabs before the flag', () => {
    const markdown = 'Zoë 😀 naïve café — 日本語.\r\n\r\n-\tÉtienne 👩🏽‍💻: Zoë forgot to page; should have.\r\n';
    const flags = checkBlameless(markdown, team);
    expect(flags.map((f) => f.phrase)).toEqual(['Zoë forgot', 'forgot to', 'should have']);
    expect(flags[0].start).toBe(markdown.indexOf('Zoë forgot'));
    expectSliceMatches(markdown, flags);
  });
});

describe('checkBlameless: determinism and robustness', () => {
  const sample = [
    '# Summary',
    'Alice deployed the broken config; Bob forgot to roll back. Human error? No: the pipeline had no check.',
    '',
    '> human error (quoted)',
    '',
    '- Why didn\u2019t the canary catch it? It was nobody\u2019s fault.',
  ].join('\n');

  it('returns the same flags for the same input, sorted by position', () => {
    const first = checkBlameless(sample, team);
    expect(checkBlameless(sample, team)).toEqual(first);
    expect(checkBlameless(sample, { responderNames: ['Carol', 'Bob', 'Alice'] })).toEqual(first);
    const starts = first.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(first.map((f) => f.phrase)).toEqual([
      'Alice deployed the broken',
      'Bob forgot',
      'forgot to',
      'Human error',
      'Why didn\u2019t',
    ]);
  });

  it.each([
    ['empty', ''],
    ['only whitespace', ' \n\t\r\n '],
    ['unclosed fence', '```\nhuman error'],
    ['unclosed quote', 'He said "human error and never closed it'],
    ['lone surrogates', '\ud800human error\udc00'],
    ['control characters', '\u0000\u0001human\u0007 error\u001b[31m'],
    ['deep nesting', '>'.repeat(2000) + ' human error'],
    ['many list levels', Array.from({ length: 100 }, (_, i) => ' '.repeat(i * 2) + '- forgot to').join('\n')],
    ['HTML and script', '<script>alert(1)</script><img src=x onerror=alert(1)> human error'],
    ['long word', 'x'.repeat(50_000)],
    ['punctuation storm', '!?.,;:()[]{}*_`~#>|-+='.repeat(500)],
  ])('does not throw on %s', (_label, text) => {
    expect(() => checkBlameless(text, team)).not.toThrow();
  });

  it('does not throw on non-string input from untyped callers', () => {
    expect(checkBlameless(undefined as unknown as string, team)).toEqual([]);
    expect(checkBlameless('human error', undefined as unknown as { responderNames: string[] })).toHaveLength(1);
  });

  it('does not throw on random text built from hostile pieces', () => {
    const pieces = [
      'human error',
      'Alice',
      ' ',
      '\n',
      '`',
      '```',
      '>',
      '"',
      '\u201c',
      '*',
      '_',
      '[',
      '](',
      ')',
      '<',
      'https://',
      'fault',
      "'s",
      '\ud83d',
      '\u0000',
      'é',
      '\t',
      '-',
      '#',
      '|',
    ];
    let seed = 7;
    const random = () => {
      // A fixed linear congruential generator: the same strings on every run.
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let run = 0; run < 200; run++) {
      let text = '';
      for (let i = 0; i < 40; i++) {
        text += pieces[Math.floor(random() * pieces.length)];
      }
      const flags = checkBlameless(text, { responderNames: ['Alice', '*', '\u0000'] });
      for (const flag of flags) {
        expect(text.slice(flag.start, flag.end)).toBe(flag.phrase);
      }
    }
  });
});
