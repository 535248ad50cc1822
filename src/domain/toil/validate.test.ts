import { NO_TRAITS, type ToilFields } from './model';
import { formatToilMinutes, parseToilDuration, validateToilFields, validateToilTeam } from './validate';

const NOW = Date.UTC(2026, 11, 5, 12);
const ok: ToilFields = {
  task: 'Rotate TLS certificates',
  team: 'Payments SRE',
  who: 'alice',
  at: NOW - 3_600_000,
  durationMinutes: 45,
  kind: 'manual_operation',
  traits: { ...NO_TRAITS, manual: true },
};

describe('parseToilDuration', () => {
  it.each([
    ['45', 45],
    ['90m', 90],
    ['90 min', 90],
    ['1.5h', 90],
    ['1h30m', 90],
    ['1h 30m', 90],
    ['2h', 120],
    ['1:05', 65],
  ])('%s is %d minutes', (text, minutes) => {
    expect(parseToilDuration(text)).toBe(minutes);
  });

  it.each(['', 'soon', '1d', 'h', '1:75', '-5'])('refuses %p', (text) => {
    expect(parseToilDuration(text)).toBeUndefined();
  });
});

describe('formatToilMinutes', () => {
  it('reads as people write it', () => {
    expect(formatToilMinutes(45)).toBe('45m');
    expect(formatToilMinutes(120)).toBe('2h');
    expect(formatToilMinutes(90)).toBe('1h 30m');
  });
});

describe('validateToilFields', () => {
  it('accepts a complete entry', () => {
    expect(validateToilFields(ok, NOW)).toEqual([]);
  });

  it('names each bad field with its reason', () => {
    const bad = {
      ...ok,
      task: ' ',
      team: ',',
      who: '',
      at: NOW + 3_600_000,
      durationMinutes: 0,
      kind: 'meeting' as ToilFields['kind'],
      link: 'javascript:alert(1)',
    };
    expect(validateToilFields(bad, NOW).map((p) => p.field)).toEqual([
      'task',
      'team',
      'who',
      'at',
      'durationMinutes',
      'kind',
      'link',
    ]);
  });

  it('refuses an entry over a day and explains what to do', () => {
    const [problem] = validateToilFields({ ...ok, durationMinutes: 24 * 60 + 1 }, NOW);
    expect(problem).toEqual({ field: 'durationMinutes', message: expect.stringContaining('several entries') });
  });

  it('allows a few minutes of clock skew but not a future entry', () => {
    expect(validateToilFields({ ...ok, at: NOW + 60_000 }, NOW)).toEqual([]);
    expect(validateToilFields({ ...ok, at: NOW + 10 * 60_000 }, NOW)[0].field).toBe('at');
  });

  it('takes incident ids and http(s) links only', () => {
    expect(validateToilFields({ ...ok, link: 'https://tickets.example.com/T-1' }, NOW)).toEqual([]);
    expect(validateToilFields({ ...ok, link: 'ftp://x/y' }, NOW)[0].field).toBe('link');
  });

  it('names a trait that is not a boolean', () => {
    const traits = { ...NO_TRAITS, manual: 'yes' } as unknown as ToilFields['traits'];
    expect(validateToilFields({ ...ok, traits }, NOW)).toEqual([
      { field: 'traits.manual', message: 'must be true or false' },
    ]);
  });
});

describe('validateToilTeam', () => {
  it('accepts part-time capacities and the default budget', () => {
    expect(
      validateToilTeam({ id: 'payments', team: 'Payments', capacityHoursPerWeek: 92.5, budget: 0.5 }, 't')
    ).toEqual([]);
  });

  it('names a bad id, capacity, budget and unknown fields', () => {
    expect(
      validateToilTeam(
        { id: 'Payments', team: 'Payments', capacityHoursPerWeek: 0, budget: 50, colour: 1 },
        'toilTeams[1]'
      ).map((p) => p.path)
    ).toEqual(['toilTeams[1].id', 'toilTeams[1].capacityHoursPerWeek', 'toilTeams[1].budget', 'toilTeams[1].colour']);
    expect(validateToilTeam('x', 'toilTeams[0]')).toEqual([
      { path: 'toilTeams[0]', message: 'must be {team, capacityHoursPerWeek, budget}' },
    ]);
  });
});
