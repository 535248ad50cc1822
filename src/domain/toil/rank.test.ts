import { estimateKey, foldToil } from './fold';
import { NO_TRAITS, type ToilEstimateEvent, type ToilFields } from './model';
import { automationCandidates, QUARTER_MS, topSources } from './rank';
import { storedEntry, T0 } from './testing';

const entries = (...fields: Array<Partial<ToilFields>>) =>
  foldToil(
    fields.map((f, i) => storedEntry(`toil-r-${String(i).padStart(8, '0')}`, { at: T0 + i, ...f })),
    []
  ).entries;

describe('topSources', () => {
  it('adds up the wordings of one task and ranks by hours', () => {
    const sources = topSources(
      entries(
        { task: 'Restart payments pod', durationMinutes: 30 },
        { task: 'restart the payments pods', durationMinutes: 30 },
        { task: 'Restart payments pod', durationMinutes: 30, team: 'Web' },
        { task: 'Rotate certs', durationMinutes: 120 }
      )
    );
    expect(sources.map((s) => [s.label, s.hours, s.entries, s.teams])).toEqual([
      ['Rotate certs', 2, 1, ['Payments']],
      ['Restart payments pod', 1.5, 3, ['Payments', 'Web']],
    ]);
  });
});

describe('automationCandidates', () => {
  const manualOnly = { ...NO_TRAITS, manual: true };

  it('ranks automatable work by hours per quarter and computes payback from the estimate', () => {
    const list = entries(
      { task: 'Restart payments pod', durationMinutes: 60 },
      { task: 'Restart payments pod', durationMinutes: 60 },
      { task: 'Rotate certs', durationMinutes: 60 },
      { task: 'Write postmortem', durationMinutes: 600, traits: manualOnly }
    );
    const estimate: ToilEstimateEvent = {
      kind: 'toil_estimate',
      id: 'e',
      at: T0,
      by: 'bob',
      team: 'Payments',
      taskKey: 'restart payment pod',
      effortHours: 13,
    };
    const estimates = new Map([[estimateKey('Payments', 'restart payment pod'), estimate]]);
    const range = { from: T0, to: T0 + QUARTER_MS / 13 }; // one thirteenth of a quarter: a week
    const [first, second, ...rest] = automationCandidates(list, estimates, range);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ taskKey: 'restart payment pod', hours: 2, effortHours: 13 });
    expect(first.hoursPerQuarter).toBeCloseTo(26, 9);
    expect(first.paybackPerQuarter).toBeCloseTo(2, 9);
    expect(first.paybackWeeks).toBeCloseTo(6.5, 9);
    expect(second).toMatchObject({ taskKey: 'rotate cert', effortHours: undefined, paybackWeeks: undefined });
  });

  it('keeps a task separate per team, so each team estimates its own', () => {
    const list = entries({ team: 'Payments' }, { team: 'Web' });
    const range = { from: T0, to: T0 + QUARTER_MS };
    expect(automationCandidates(list, new Map(), range).map((c) => c.team)).toEqual(['Payments', 'Web']);
  });
});
