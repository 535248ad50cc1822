/**
 * Toil for the screenshots: eight weeks of entries (1 October to the fixed clock, 27 November 2026) for four teams,
 * stored as logToil stores them, with team settings. Payments' toil grows past its budget in November; Checkout has
 * no capacity set. Deterministic (a seeded generator), so pictures do not change from run to run.
 */
import {
  NO_TRAITS,
  type ToilKind,
  type ToilTeamSettings,
  taskKey,
  toilEntryAnnotation,
  toilEventAnnotation,
} from '../../src/domain/toil';
import { NOW } from './fixtures';

const H = 3_600_000;
const DAY = 24 * H;
const START = Date.UTC(2026, 9, 1, 8);

export const TOIL_TEAMS: ToilTeamSettings[] = [
  { id: 'payments', team: 'Payments', capacityHoursPerWeek: 30, budget: 0.5, revision: 1 },
  { id: 'search', team: 'Search', capacityHoursPerWeek: 60, budget: 0.5, revision: 1 },
  { id: 'platform', team: 'Platform', capacityHoursPerWeek: 80, budget: 0.4, revision: 1 },
];

interface Task {
  task: string;
  kind: ToilKind;
  minutes: number;
  automatable: boolean;
  link?: string;
}

const TASKS: Record<string, Task[]> = {
  Payments: [
    { task: 'Restart payments pod', kind: 'manual_operation', minutes: 45, automatable: true },
    { task: 'Rotate payment gateway credentials', kind: 'manual_operation', minutes: 90, automatable: true },
    { task: 'Refund stuck card payments by hand', kind: 'interrupt', minutes: 60, automatable: true },
    { task: 'Page: PaymentsErrorBudgetBurn', kind: 'oncall_page', minutes: 40, automatable: false },
  ],
  Search: [
    { task: 'Reindex search cluster', kind: 'manual_operation', minutes: 120, automatable: true },
    { task: 'Answer relevance tickets', kind: 'interrupt', minutes: 30, automatable: false },
  ],
  Platform: [
    { task: 'Approve access requests', kind: 'interrupt', minutes: 20, automatable: true },
    { task: 'Release train by hand', kind: 'release', minutes: 90, automatable: true },
  ],
  Checkout: [
    {
      task: 'Clear stuck order queue',
      kind: 'manual_operation',
      minutes: 50,
      automatable: true,
      link: 'INC-20261127-7q2k',
    },
  ],
};

/** Entries a week per team: Payments grows from 8 to 19, the others stay flat. */
const perWeek = (team: string, week: number) =>
  ({ Payments: 8 + Math.round(week * 1.4), Search: 9, Platform: 12, Checkout: 3 })[team] ?? 0;

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** The entry regions, edits and estimates as Grafana's annotation store would return them. */
export function toilAnnotations(): { regions: object[]; events: object[]; estimates: object[] } {
  const random = seeded(14);
  const regions: Array<{ id: number; time: number }> = [];
  let id = 5000;
  for (const [team, tasks] of Object.entries(TASKS)) {
    for (let week = 0; START + week * 7 * DAY < NOW; week++) {
      for (let k = 0; k < perWeek(team, week); k++) {
        const t = tasks[Math.floor(random() * tasks.length)];
        const at = START + week * 7 * DAY + Math.floor(random() * 5) * DAY + Math.floor(random() * 9) * H;
        if (at >= NOW - H) {
          continue;
        }
        const entryId = `toil-${at.toString(36)}-${String(id).padStart(8, '0')}`;
        const body = toilEntryAnnotation({
          kind: 'toil_entry',
          id: entryId,
          loggedBy: 'maria',
          fields: {
            task: t.task,
            team,
            who: ['maria', 'dev', 'lena', 'sam'][Math.floor(random() * 4)],
            at,
            durationMinutes: t.minutes + Math.floor(random() * 4) * 15,
            kind: t.kind,
            traits: { ...NO_TRAITS, manual: true, repetitive: true, automatable: t.automatable, tactical: true },
            ...(t.link ? { link: t.link } : {}),
          },
        });
        regions.push({ id: id++, ...body });
      }
    }
  }
  regions.sort((a, b) => b.time - a.time);
  const estimate = (team: string, task: string, effortHours: number) => ({
    id: id++,
    ...toilEventAnnotation({
      kind: 'toil_estimate',
      id: `tev-${team.toLowerCase()}-estimate00`,
      team,
      taskKey: taskKey(task),
      effortHours,
      at: NOW - 3 * DAY,
      by: 'maria',
    }),
  });
  return {
    regions,
    events: [],
    estimates: [estimate('Payments', 'Restart payments pod', 16), estimate('Search', 'Reindex search cluster', 40)],
  };
}
