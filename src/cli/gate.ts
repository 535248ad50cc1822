/**
 * `sre-reliability gate`: selects SLOs, reads their recorded series, evaluates each against its policy and
 * decides the release (decideGate), then prints the table or the JSON and, with --annotate, records the decision
 * in Grafana. The maths and the rules live in domain/policy; this file only does the I/O around them.
 */
import {
  burnInput,
  decideGate,
  evaluatePolicy,
  policyFor,
  type ErrorBudgetPolicy,
  type GateSloResult,
} from '../domain/policy';
import { errorBudget, errorRatioProblem, remainingBudget } from '../domain/slo/budget';
import type { Slo } from '../domain/slo/model';
import type { GateCommand } from './args';
import { readFromPrometheus, readThroughGrafana, type HttpOptions, type ReadTarget, type SloReading } from './gateData';
import { annotationBody, buildReport, renderText } from './gateReport';
import type { CliIo } from './run';

/** The CLI's I/O plus what the gate needs: HTTP, the clock and the environment (GRAFANA_TOKEN), injectable. */
export interface GateIo extends CliIo {
  fetch: typeof fetch;
  now: () => number;
  env: Record<string, string | undefined>;
}

/** SLOs matching every kind of selector given: any of the services, all of the labels, any of the ids. */
function select(c: GateCommand, slos: Slo[]): { slos: Slo[] } | { error: string } {
  const unmatched = [
    ...c.services.filter((s) => !slos.some((slo) => slo.service === s)).map((s) => `no SLO of service "${s}"`),
    ...c.labels
      .filter((l) => !slos.some((slo) => slo.labels?.[l.name] === l.value))
      .map((l) => `no SLO with label ${l.name}=${l.value}`),
    ...c.sloIds.filter((id) => !slos.some((slo) => slo.id === id)).map((id) => `no SLO with id "${id}"`),
  ];
  if (unmatched.length) {
    return { error: `${unmatched.join('; ')} in the given files` };
  }
  const chosen = slos.filter(
    (slo) =>
      (c.services.length === 0 || c.services.includes(slo.service)) &&
      c.labels.every((l) => slo.labels?.[l.name] === l.value) &&
      (c.sloIds.length === 0 || c.sloIds.includes(slo.id))
  );
  return chosen.length ? { slos: chosen } : { error: 'no SLO matches every selector given together' };
}

function evaluate(
  slo: Slo,
  policy: ErrorBudgetPolicy,
  reading: SloReading | undefined
): GateSloResult & { error?: string } {
  const budget = errorBudget(slo.objective.target);
  const period = reading?.period ?? null;
  const burn = burnInput(reading?.rate[policy.fastBurn.window] ?? null, budget);
  const dataProblem = errorRatioProblem(period) ?? burn.dataProblem;
  const remaining = dataProblem ? null : remainingBudget(period, slo.objective.target);
  const base = { sloId: slo.id, sloName: slo.name, service: slo.service, policy, remaining, burnRate: burn.burnRate };
  if (reading?.error && period === null) {
    // The URL is on stderr and in `error`; the rule keeps only the reason, so the table stays readable.
    const reason = reading.error.slice(reading.error.indexOf(': ') + 2);
    return { ...base, decision: { kind: 'no_data', reason: `data source failed: ${reason}` }, error: reading.error };
  }
  return {
    ...base,
    decision: evaluatePolicy(policy, { remaining, burnRate: burn.burnRate, dataProblem: dataProblem ?? undefined }),
  };
}

async function annotate(c: GateCommand, io: GateIo, token: string, body: object): Promise<void> {
  const url = `${c.grafanaUrl}/api/annotations`;
  try {
    const res = await io.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(c.timeoutMs),
    });
    if (!res.ok) {
      const why = res.status === 401 || res.status === 403 ? ': the token is refused' : '';
      io.stderr(`error: annotation not written: ${url}: HTTP ${res.status}${why}\n`);
    }
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    const reason =
      err.name === 'TimeoutError' ? `no answer within ${c.timeoutMs / 1000}s` : (err.cause?.code ?? err.message);
    io.stderr(`error: annotation not written: ${url}: ${reason}\n`);
  }
}

/** Runs the gate over the loaded files; returns its exit code (0 ship, 1 blocked, 3 no data, 2 usage). */
export async function runGate(
  c: GateCommand,
  loaded: { slos: Slo[]; policies: ErrorBudgetPolicy[] },
  io: GateIo
): Promise<number> {
  const usage = (message: string) => {
    io.stderr(`error: ${message}\n`);
    return 2;
  };
  const token = io.env.GRAFANA_TOKEN?.trim();
  if ((c.source.kind === 'grafana' || c.annotate) && !token) {
    return usage(
      `${c.annotate ? '--annotate' : '--grafana-url'} needs a Grafana service-account token in the environment variable GRAFANA_TOKEN`
    );
  }
  const selected = select(c, loaded.slos);
  if ('error' in selected) {
    return usage(selected.error);
  }
  const policies = new Map<string, ErrorBudgetPolicy>();
  for (const slo of selected.slos) {
    const p = policyFor(slo, loaded.policies);
    if ('missing' in p) {
      return usage(`SLO "${slo.id}" names policy "${p.missing}", which no given file defines`);
    }
    policies.set(slo.id, p.policy);
  }
  const now = io.now();
  const targets: ReadTarget[] = selected.slos.map((slo) => ({
    sloId: slo.id,
    window: policies.get(slo.id)!.fastBurn.window,
    datasource:
      c.source.kind === 'grafana'
        ? slo.datasource?.uid
          ? slo.datasource
          : { uid: c.source.datasourceUid }
        : undefined,
  }));
  const http: HttpOptions = { fetch: io.fetch, now, timeoutMs: c.timeoutMs, token };
  const readings =
    c.source.kind === 'prometheus'
      ? await readFromPrometheus(c.source.url, targets, http)
      : await readThroughGrafana(c.source.url, targets, http);
  const errors = [...new Set([...readings.values()].flatMap((r) => (r.error ? [r.error] : [])))];
  errors.forEach((e) => io.stderr(`error: ${e}\n`));
  const results = selected.slos.map((slo) => evaluate(slo, policies.get(slo.id)!, readings.get(slo.id)));
  const decision = decideGate(results, { onNoData: c.onNoData, approver: c.approver, exception: c.exception });
  const report = buildReport(c, now, results, decision, errors);
  io.stdout(c.output === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderText(report));
  if (c.annotate) {
    await annotate(c, io, token!, annotationBody(report, now));
  }
  return decision.exitCode;
}
