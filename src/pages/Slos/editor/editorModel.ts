import type {
  BurnRateTierOverride,
  DataSourceRef,
  LabelMatchOp,
  LabelMatcher,
  Sli,
  SliKind,
  Slo,
  SloAlerting,
} from '../../../domain/slo/model';
import { patchIdFollowingName } from '../../../components/idFollowsName';

export interface MatcherRow {
  name: string;
  op: LabelMatchOp;
  value: string;
}

export interface LabelRow {
  key: string;
  value: string;
}

/**
 * The editor's state. Numbers are kept as the text the user typed so that a half-typed value is not lost; the
 * conversion to an `Slo` turns bad text into NaN, which validation then reports against the right field.
 */
export interface EditorForm {
  id: string;
  /** For a new SLO the id follows the name until the user edits it. */
  idTouched: boolean;
  name: string;
  service: string;
  description: string;
  labels: LabelRow[];
  datasource?: DataSourceRef;
  kind: SliKind;
  ratioMode: 'good' | 'bad';
  ratioEvents: string;
  ratioTotal: string;
  latencyMetric: string;
  latencyThreshold: string;
  latencyMatchers: MatcherRow[];
  availabilityMetric: string;
  availabilityMatchers: MatcherRow[];
  freeformErrorRatio: string;
  targetPercent: string;
  windowType: 'rolling' | 'calendar';
  rollingDuration: string;
  calendarUnit: 'month' | 'quarter';
  timeZone: string;
  /** The error-budget policy's id; '' follows the default (the SRE Workbook policy). */
  policy: string;
  /** Tier overrides as stored; the editor changes enabled, factor and severity and keeps the rest. */
  tiers: BurnRateTierOverride[];
  minEvents: string;
  runbookUrl: string;
  /** Fields the form does not edit, carried through unchanged (budgeting, logs, alert labels, revision...). */
  rest: Pick<Slo, 'budgeting' | 'logs' | 'revision'>;
  alertingRest: Omit<SloAlerting, 'tiers' | 'minEvents' | 'runbookUrl'>;
}

export const ROLLING_PRESETS = ['7d', '28d', '30d'];

/** A blank form for a new SLO: ratio SLI, 99.9% over a rolling 30 days, default tiers. */
export function emptyForm(): EditorForm {
  return {
    id: '',
    idTouched: false,
    name: '',
    service: '',
    description: '',
    labels: [],
    kind: 'ratio',
    ratioMode: 'bad',
    ratioEvents: '',
    ratioTotal: '',
    latencyMetric: '',
    latencyThreshold: '',
    latencyMatchers: [],
    availabilityMetric: '',
    availabilityMatchers: [],
    freeformErrorRatio: '',
    targetPercent: '99.9',
    windowType: 'rolling',
    rollingDuration: '30d',
    calendarUnit: 'month',
    timeZone: 'UTC',
    policy: '',
    tiers: [],
    minEvents: '',
    runbookUrl: '',
    rest: {},
    alertingRest: {},
  };
}

/** Percent text for a fraction, without float noise: 0.999 → "99.9". */
export function toPercentText(target: number): string {
  return String(Number((target * 100).toPrecision(12)));
}

/** Fraction for percent text, without float noise: "99.9" → 0.999. Empty or bad text gives NaN. */
export function fromPercentText(text: string): number {
  const t = text.trim();
  return t === '' ? NaN : Number((Number(t) / 100).toPrecision(12));
}

function numberOrNaN(text: string): number {
  return text.trim() === '' ? NaN : Number(text.trim());
}

const rows = (matchers: LabelMatcher[]): MatcherRow[] => matchers.map((m) => ({ ...m }));

/** The form for an existing (or imported) SLO. */
export function formFromSlo(slo: Slo): EditorForm {
  const f = emptyForm();
  const { tiers, minEvents, runbookUrl, ...alertingRest } = slo.alerting ?? {};
  const sli = slo.sli;
  return {
    ...f,
    id: slo.id,
    idTouched: true,
    name: slo.name,
    service: slo.service,
    description: slo.description ?? '',
    labels: Object.entries(slo.labels ?? {}).map(([key, value]) => ({ key, value })),
    datasource: slo.datasource,
    kind: sli.kind,
    ...(sli.kind === 'ratio'
      ? {
          ratioMode: sli.good !== undefined ? 'good' : 'bad',
          ratioEvents: sli.good ?? sli.bad ?? '',
          ratioTotal: sli.total,
        }
      : {}),
    ...(sli.kind === 'latency'
      ? { latencyMetric: sli.metric, latencyThreshold: String(sli.threshold), latencyMatchers: rows(sli.matchers) }
      : {}),
    ...(sli.kind === 'availability'
      ? { availabilityMetric: sli.metric, availabilityMatchers: rows(sli.matchers) }
      : {}),
    ...(sli.kind === 'freeform' ? { freeformErrorRatio: sli.errorRatio } : {}),
    targetPercent: toPercentText(slo.objective.target),
    ...(slo.window.type === 'rolling'
      ? { windowType: 'rolling', rollingDuration: slo.window.duration }
      : { windowType: 'calendar', calendarUnit: slo.window.unit, timeZone: slo.window.timeZone }),
    policy: slo.policy ?? '',
    tiers: (tiers ?? []).map((t) => ({ ...t })),
    minEvents: minEvents === undefined ? '' : String(minEvents),
    runbookUrl: runbookUrl ?? '',
    rest: {
      ...(slo.budgeting ? { budgeting: slo.budgeting } : {}),
      ...(slo.logs ? { logs: slo.logs } : {}),
      ...(slo.revision !== undefined ? { revision: slo.revision } : {}),
    },
    alertingRest,
  };
}

/** Rows with neither a name nor a value are blank lines the user has not filled in yet. */
const matchers = (list: MatcherRow[]): LabelMatcher[] =>
  list.filter((m) => m.name.trim() || m.value).map((m) => ({ name: m.name.trim(), op: m.op, value: m.value }));

/** The SLI the form describes (only the selected kind's fields count). */
export function sliFromForm(f: EditorForm): Sli {
  switch (f.kind) {
    case 'ratio':
      return { kind: 'ratio', [f.ratioMode]: f.ratioEvents.trim(), total: f.ratioTotal.trim() };
    case 'latency':
      return {
        kind: 'latency',
        metric: f.latencyMetric.trim(),
        threshold: numberOrNaN(f.latencyThreshold),
        matchers: matchers(f.latencyMatchers),
      };
    case 'availability':
      return { kind: 'availability', metric: f.availabilityMetric.trim(), matchers: matchers(f.availabilityMatchers) };
    case 'freeform':
      return { kind: 'freeform', errorRatio: f.freeformErrorRatio.trim() };
  }
}

function alertingFromForm(f: EditorForm): SloAlerting | undefined {
  const tiers = f.tiers.filter((t) => Object.keys(t).length > 1);
  const alerting: SloAlerting = {
    ...f.alertingRest,
    ...(tiers.length ? { tiers } : {}),
    ...(f.minEvents.trim() !== '' ? { minEvents: Number(f.minEvents.trim()) } : {}),
    ...(f.runbookUrl.trim() ? { runbookUrl: f.runbookUrl.trim() } : {}),
  };
  return Object.keys(alerting).length ? alerting : undefined;
}

/** The SLO the form describes. It may be invalid; run `validateSlo` on it. */
export function sloFromForm(f: EditorForm): Slo {
  const labels = f.labels.filter((l) => l.key.trim() || l.value);
  const alerting = alertingFromForm(f);
  return {
    id: f.id.trim(),
    name: f.name.trim(),
    ...(f.description.trim() ? { description: f.description.trim() } : {}),
    service: f.service.trim(),
    ...(labels.length ? { labels: Object.fromEntries(labels.map((l) => [l.key.trim(), l.value])) } : {}),
    ...(f.datasource ? { datasource: f.datasource } : {}),
    sli: sliFromForm(f),
    objective: { target: fromPercentText(f.targetPercent) },
    window:
      f.windowType === 'rolling'
        ? { type: 'rolling', duration: f.rollingDuration.trim() }
        : { type: 'calendar', unit: f.calendarUnit, timeZone: f.timeZone.trim() },
    ...(f.policy ? { policy: f.policy } : {}),
    ...(f.rest.budgeting ? { budgeting: f.rest.budgeting } : {}),
    ...(alerting ? { alerting } : {}),
    ...(f.rest.logs ? { logs: f.rest.logs } : {}),
    ...(f.rest.revision !== undefined ? { revision: f.rest.revision } : {}),
  };
}

/** Applies a patch; for a new SLO whose id the user has not touched, the id follows the name. */
export function updateForm(f: EditorForm, patch: Partial<EditorForm>): EditorForm {
  return patchIdFollowingName(f, patch);
}
