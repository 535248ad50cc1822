/** Derived toil (domain/toil/derived.ts) read from the incidents and from the data source's ALERTS series. */
import { incidentResponderToil, pageToil, type ToilEntry, type ToilProblem } from '../domain/toil';
import { queryPrometheus } from './dsQuery';
import { listIncidents } from './incidents';

/** Page-severity alerts while firing, as Prometheus exposes every alert's state. */
export const PAGES_QUERY = 'ALERTS{alertstate="firing",severity="page"}';
/** Prometheus refuses range queries of more than 11,000 points per series; a quarter at 15m stays under it. */
const MAX_POINTS = 11_000;

/** The step of a range query over [from, to]: at least a minute, and under Prometheus' point limit. */
export function pageStepMs(range: { from: number; to: number }): number {
  return Math.max(60_000, Math.ceil((range.to - range.from) / MAX_POINTS / 60_000) * 60_000);
}

/**
 * Derived entries of the range, newest first: responder time on incidents (two requests, the incident list) and
 * pages (one /api/ds/query). A source that fails is a problem, never an empty answer.
 */
export async function listDerivedToil(
  range: { from: number; to: number },
  opts: { incidents: boolean; pages: boolean; datasourceUid?: string }
): Promise<{ entries: ToilEntry[]; problems: ToilProblem[] }> {
  const now = Date.now();
  const problems: ToilProblem[] = [];
  const entries: ToilEntry[] = [];
  const tasks: Array<Promise<void>> = [];
  if (opts.incidents) {
    tasks.push(
      listIncidents(range).then(
        ({ incidents, problems: p }) => {
          problems.push(...p.map((x) => ({ message: x.message })));
          incidents.forEach((i) => entries.push(...incidentResponderToil(i, range, now)));
        },
        (e: unknown) => {
          problems.push({
            message: `incident responder time is missing: ${e instanceof Error ? e.message : String(e)}`,
          });
        }
      )
    );
  }
  if (opts.pages) {
    if (!opts.datasourceUid) {
      problems.push({ message: 'pages are missing: set a default Prometheus data source on the Admin page' });
    } else {
      const stepMs = pageStepMs(range);
      tasks.push(
        queryPrometheus(opts.datasourceUid, [{ refId: 'pages', expr: PAGES_QUERY }], { ...range, stepMs }).then(
          (results) => {
            const r = results.pages;
            if (r?.error) {
              problems.push({ message: `pages are missing: ${r.error}` });
            }
            entries.push(...pageToil(r?.series ?? [], stepMs));
          },
          (e: unknown) => {
            problems.push({ message: `pages are missing: ${e instanceof Error ? e.message : String(e)}` });
          }
        )
      );
    }
  }
  await Promise.all(tasks);
  return {
    entries: entries.filter((e) => e.at >= range.from && e.at < range.to).sort((a, b) => b.at - a.at),
    problems,
  };
}
