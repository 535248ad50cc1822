/**
 * What the gate prints and records: the JSON decision (its shape is gate-output.schema.json), the short table for
 * people, and the Grafana annotation. All three come from one GateReport so they never disagree.
 */
import { percent, type GateDecision, type GateSloResult, type SloVerdict } from '../domain/policy';
import type { GateCommand, GateSource } from './args';
import { sanitizeTagValue } from '../domain/incident/annotations';

export interface GateSloReport {
  id: string;
  name: string;
  service: string;
  policy: string;
  /** The policy's state, null without data. */
  state: 'healthy' | 'at_risk' | 'fast_burn' | 'exhausted' | null;
  action: 'ship' | 'ship_with_approval' | 'freeze' | null;
  /** Fraction of the error budget left over the SLO window (1 untouched, ≤ 0 spent); null without data. */
  remainingBudget: number | null;
  burnRate: number | null;
  burnWindow: '5m' | '1h';
  verdict: SloVerdict;
  /** The rule that decided, in words. */
  rule: string;
  error?: string;
}

/** The gate's machine-readable decision: printed by --output json and stored as the annotation's data. */
export interface GateReport {
  decision: GateDecision['outcome'];
  exitCode: GateDecision['exitCode'];
  /** ISO 8601 instant the series were read at. */
  time: string;
  source: GateSource;
  selection: { services: string[]; labels: Record<string, string>; slos: string[] };
  onNoData: 'ship' | 'block';
  approver: string | null;
  exception: string | null;
  exceptionUsed: boolean;
  version: string | null;
  slos: GateSloReport[];
  /** Data source failures, one line each; their SLOs have no data. */
  errors: string[];
}

const known = (x: number | null): x is number => x !== null && Number.isFinite(x);

/** Assembles the report from the per-SLO results and the gate's decision (same order). */
export function buildReport(
  c: GateCommand,
  now: number,
  results: Array<GateSloResult & { error?: string }>,
  decision: GateDecision,
  errors: string[]
): GateReport {
  return {
    decision: decision.outcome,
    exitCode: decision.exitCode,
    time: new Date(now).toISOString(),
    source: c.source,
    selection: {
      services: c.services,
      labels: Object.fromEntries(c.labels.map((l) => [l.name, l.value])),
      slos: c.sloIds,
    },
    onNoData: c.onNoData,
    approver: c.approver ?? null,
    exception: c.exception ?? null,
    exceptionUsed: decision.exceptionUsed,
    version: c.version ?? null,
    slos: results.map((r, i) => {
      const d = r.decision;
      const v = decision.verdicts[i];
      return {
        id: r.sloId,
        name: r.sloName,
        service: r.service,
        policy: r.policy.id,
        state: d.kind === 'decided' ? d.state : null,
        action: d.kind === 'decided' ? d.action : null,
        remainingBudget: d.kind === 'decided' && known(r.remaining) ? r.remaining : null,
        burnRate: known(r.burnRate) ? r.burnRate : null,
        burnWindow: r.policy.fastBurn.window,
        verdict: v.verdict,
        rule: v.rule,
        ...(r.error ? { error: r.error } : {}),
      };
    }),
    errors,
  };
}

const VERDICT_TEXT: Record<SloVerdict, string> = {
  ship: 'ship',
  approved: 'approved',
  exception: 'exception',
  blocked: 'BLOCKED',
  no_data: 'NO DATA',
  no_data_ship: 'no data, ship',
};

function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  return rows
    .map((r) => r.map((cell, col) => (col === r.length - 1 ? cell : cell.padEnd(widths[col]))).join('  '))
    .join('\n');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The one-line result: what happened, how many SLOs caused it, and the exit code. */
export function resultLine(r: GateReport): string {
  const n = r.slos.length;
  const count = (verdicts: SloVerdict[]) => r.slos.filter((s) => verdicts.includes(s.verdict)).length;
  switch (r.decision) {
    case 'blocked':
      return `Result: BLOCKED: ${count(['blocked'])} of ${plural(n, 'SLO')} block${count(['blocked']) === 1 ? 's' : ''} the release (exit 1)`;
    case 'no_data':
      return `Result: NO DATA: ${count(['no_data'])} of ${plural(n, 'SLO')} without data; --on-no-data ship would let the release through (exit 3)`;
    case 'ship':
      return r.exceptionUsed
        ? `Result: SHIP by exception (approved by ${r.approver}: ${r.exception}) over ${plural(n, 'SLO')} (exit 0)`
        : `Result: SHIP: ${plural(n, 'SLO')} allow the release (exit 0)`;
  }
}

/** The short table for people: SLO, policy, budget left, burn (window), decision, the rule that decided. */
export function renderText(r: GateReport): string {
  const rows = [
    ['SLO', 'POLICY', 'BUDGET LEFT', 'BURN (WINDOW)', 'DECISION', 'RULE'],
    ...r.slos.map((s) => [
      s.id,
      s.policy,
      s.remainingBudget === null ? '–' : percent(s.remainingBudget),
      `${s.burnRate === null ? '–' : `${Number(s.burnRate.toFixed(2))}×`} (${s.burnWindow})`,
      VERDICT_TEXT[s.verdict],
      s.rule,
    ]),
  ];
  return `${table(rows)}\n${resultLine(r)}\n`;
}

const DECISION_TAG: Record<GateReport['decision'], string> = { ship: 'ship', blocked: 'blocked', no_data: 'no_data' };

/** The POST /api/annotations body: a point annotation at the decision's time, tagged for dashboards' queries. */
export function annotationBody(
  r: GateReport,
  now: number
): { time: number; tags: string[]; text: string; data: GateReport } {
  const services = [...new Set(r.slos.map((s) => s.service))].sort();
  const blocking = r.slos.filter((s) => s.verdict === 'blocked' || s.verdict === 'no_data');
  const text = [
    `Release ${r.version} of ${services.join(', ')}: ${resultLine(r).replace(/^Result: /, '')}`,
    ...blocking.map((s) => `${s.id}: ${s.rule}`),
  ].join('\n');
  return {
    time: now,
    tags: [
      'sre-release',
      // Cleaned as the app cleans its own tags (commas split tags in Grafana's inputs), so the SLO page's read of
      // `service:<name>` finds them.
      ...services.map((s) => `service:${sanitizeTagValue(s)}`),
      `version:${sanitizeTagValue(r.version ?? '')}`,
      `decision:${DECISION_TAG[r.decision]}`,
      ...(r.exceptionUsed ? ['exception'] : []),
    ],
    text,
    data: r,
  };
}
