import { parseArgs } from 'node:util';
import { DEFAULT_MIMIR_NAMESPACE, mimirNamespaceProblem } from '../domain/rules/mimir';
import {
  dns1123LabelProblem,
  dns1123SubdomainProblem,
  labelKeyProblem,
  labelValueProblem,
  resourceNameFromPath,
} from '../domain/rules/operator';
import { isDuration, parseDuration } from '../domain/slo/durations';

const VALIDATE_USAGE = `Usage: sre-reliability validate <files...>

Check SLO specs without writing anything. Every problem is listed as file:line:column: path: message; ids
must be unique across all the files, as in one rule file; a file given twice is read once.
`;

const RULES_USAGE = `Usage: sre-reliability rules <files...> [options]

Write one rule file for the SLOs in <files> (ids must be unique across them; a file given twice is read once).
Every query is type-checked as Prometheus does before anything is written.
  --format FORMAT                     What to write:
      prometheus                      Prometheus recording + alerting rules (default).
      grafana                         A Grafana alerting provisioning file (needs the recording rules loaded too).
      prometheus-operator             One PrometheusRule resource (monitoring.coreos.com/v1) for kubectl apply.
      mimir (alias cortex)            A ruler namespace file for mimirtool rules load (cortextool rules load).
  --datasource-uid UID                Prometheus data source of the Grafana rules (required for grafana).
  --folder-uid UID, --folder-title TITLE   Grafana folder (grafana format).
  --grafana-url URL                   Base URL for links to the SLO pages in alert annotations.
  --interval DURATION                 Rule group evaluation interval. Set it to the scrape interval: the
                                      period ratio is exact when every scrape interval is covered by the
                                      same number of 5m windows (unset: Prometheus' evaluation_interval).
  --name NAME                         prometheus-operator: metadata.name (default: the spec file's name; needed
                                      with several files).
  --namespace NS                      prometheus-operator: metadata.namespace (unset: kubectl's namespace).
                                      mimir: the ruler namespace (default ${DEFAULT_MIMIR_NAMESPACE}).
  --label KEY=VALUE                   prometheus-operator: a metadata label, for the ruleSelector of the
                                      Prometheus that should load the rules (repeatable).
  -o, --output FILE                   Write to FILE instead of stdout.
`;

const CONVERT_USAGE = `Usage: sre-reliability convert <file> --to openslo|json [-o FILE]

Print the SLOs as OpenSLO v1 YAML, or as the app's stored JSON (the array kept at jsonData.slos).
  -o, --output FILE                   Write to FILE instead of stdout.
`;

const GATE_USAGE = `Usage: sre-reliability gate <files...> (--service NAME | --label K=V | --slo ID)... (data source) [options]

Check the selected SLOs against their error-budget policies (spec files may hold \`policies:\`; an SLO that
names none follows the SRE Workbook policy) and decide whether a release may ship. Reads the recorded series
slo:sli_error:ratio_period and slo:sli_error:ratio_rate<fast-burn window> at the current time.
Selection (at least one; each given value must match an SLO; an SLO is checked when it matches every kind given):
  --service NAME                      SLOs of this service (repeatable: any of them).
  --label KEY=VALUE                   SLOs with this label (repeatable: all of them).
  --slo ID                            This SLO (repeatable: any of them).
Data source (exactly one):
  --prometheus-url URL                Prometheus HTTP API (/api/v1/query).
  --grafana-url URL --datasource-uid UID
                                      Grafana's /api/ds/query with the token in env GRAFANA_TOKEN (a service
                                      account token, sent as Authorization: Bearer); UID is the Prometheus data
                                      source for SLOs that name none.
Options:
  --on-no-data ship|block             What an SLO without data means for the release (default block: exit 3).
  --approver LOGIN                    Approves a release that needs approval (fast burn in the Workbook policy).
  --exception REASON                  With --approver: lets this release through a freeze; recorded.
  --output text|json                  A table (default), or one JSON object (src/cli/gate-output.schema.json).
  --annotate --version V              Record the decision as a Grafana annotation tagged sre-release,
                                      service:<name>, version:V and decision:<ship|blocked|no_data> (needs
                                      --grafana-url and GRAFANA_TOKEN). A failed write is reported on stderr and
                                      does not change the exit code.
  --timeout DURATION                  Per request (default 30s).

Exit codes: 0 ship, 1 blocked, 3 no data (blocked for lack of data; --on-no-data ship makes it 0), 2 usage error,
invalid spec files or a selection that matches no SLO.
`;

const SLA_REPORT_USAGE = `Usage: sre-reliability sla-report <files...> --sla ID --period YYYY-MM|YYYY-Qn --prometheus-url URL [options]

Print an SLA's report (the files hold it under \`slas:\` with the SLO it measures) for a calendar month or quarter in
the SLA's time zone: achieved, target, standing, downtime or bad events, excluded time and credit. Reads the SLA
recording rules (sla:* series) at query time.
  --sla ID                            The SLA.
  --period YYYY-MM | YYYY-Qn          A month, or a quarter (a monthly SLA then gets its three months).
  --prometheus-url URL                Prometheus HTTP API (/api/v1/query).
  --grafana-url URL                   Read maintenance windows (annotations tagged sre-maintenance) from Grafana
                                      with the token in env GRAFANA_TOKEN; without it nothing is excluded.
  --format markdown|csv|json          Default markdown.
  -o, --output FILE                   Write to FILE instead of stdout.
  --timeout DURATION                  Per request (default 30s).

Exit codes: 0 written, 1 invalid spec files or the output cannot be written, 2 usage error (also an unknown SLA),
3 written but a period has no data (also when Prometheus or Grafana could not be read).
`;

const EXIT_CODES = `Exit codes: 0 success, 1 invalid or unsupported input or a file that cannot be read or written,
2 usage error.
`;

/** Usage of each subcommand, printed by `sre-reliability <command> --help` and after its usage errors. */
export const COMMAND_HELP: Record<'validate' | 'rules' | 'convert' | 'gate' | 'sla-report', string> = {
  validate: `${VALIDATE_USAGE}\n${EXIT_CODES}`,
  rules: `${RULES_USAGE}\n${EXIT_CODES}`,
  convert: `${CONVERT_USAGE}\n${EXIT_CODES}`,
  gate: GATE_USAGE,
  'sla-report': SLA_REPORT_USAGE,
};

export const HELP = `Usage: sre-reliability <command> [options]

Commands:
  validate <files...>                 Check SLO specs; exit 1 and list every problem when one is invalid.
  rules <files...> [options]          Write the rule file for the SLOs in <files>.
  convert <file> --to openslo|json    Print the SLOs as OpenSLO v1 YAML or as the app's stored JSON.
  gate <files...> --service NAME ...  Release gate: exit 0 ship, 1 blocked, 3 no data, by the SLOs' policies.
  sla-report <files...> --sla ID ...  An SLA's report for a month or quarter (Markdown, CSV or JSON).
Run sre-reliability <command> --help for a command's options.

Input formats: sre-reliability/v1 SLOList (or a JSON array of SLOs), OpenSLO v1 and v1alpha, Sloth
(prometheus/v1 and PrometheusServiceLevel), Pyrra ServiceLevelObjective, slo-generator (Prometheus backend).

${EXIT_CODES}  -h, --help                          Show this help.
`;

export type CliCommand =
  | { cmd: 'help'; topic?: keyof typeof COMMAND_HELP }
  | { cmd: 'validate'; files: string[] }
  | {
      cmd: 'rules';
      files: string[];
      /** `cortex` is parsed as `mimir`: the file format is the same. */
      format: RulesFormat;
      datasourceUid?: string;
      folderUid?: string;
      folderTitle?: string;
      grafanaUrl?: string;
      interval?: string;
      output?: string;
      /** prometheus-operator: metadata.name (always set for that format). */
      name?: string;
      /** prometheus-operator: metadata.namespace; mimir: the ruler namespace (always set for mimir). */
      namespace?: string;
      /** prometheus-operator: metadata.labels. */
      labels?: Record<string, string>;
    }
  | { cmd: 'convert'; file: string; to: 'openslo' | 'json'; output?: string }
  | GateCommand
  | SlaReportCommand;

export interface SlaReportCommand {
  cmd: 'sla-report';
  files: string[];
  slaId: string;
  /** `2026-03` or `2026-Q1`. */
  period: string;
  prometheusUrl: string;
  grafanaUrl?: string;
  format: 'markdown' | 'csv' | 'json';
  output?: string;
  timeoutMs: number;
}

const RULES_FORMATS = ['prometheus', 'grafana', 'prometheus-operator', 'mimir'] as const;
export type RulesFormat = (typeof RULES_FORMATS)[number];

/** Where the gate reads the recorded series. */
export type GateSource = { kind: 'prometheus'; url: string } | { kind: 'grafana'; url: string; datasourceUid: string };

export interface GateCommand {
  cmd: 'gate';
  files: string[];
  services: string[];
  labels: Array<{ name: string; value: string }>;
  sloIds: string[];
  source: GateSource;
  /** Grafana base URL for --annotate (the source's when reading through Grafana). */
  grafanaUrl?: string;
  onNoData: 'ship' | 'block';
  approver?: string;
  exception?: string;
  output: 'text' | 'json';
  annotate: boolean;
  version?: string;
  timeoutMs: number;
}

/** A usage error carries the subcommand it concerns, so its usage can follow the message. */
export type ParsedArgs =
  | { ok: true; command: CliCommand }
  | { ok: false; error: string; topic?: keyof typeof COMMAND_HELP };

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  'datasource-uid': { type: 'string' },
  'folder-uid': { type: 'string' },
  'folder-title': { type: 'string' },
  'grafana-url': { type: 'string' },
  interval: { type: 'string' },
  output: { type: 'string', short: 'o' },
  to: { type: 'string' },
  service: { type: 'string', multiple: true },
  label: { type: 'string', multiple: true },
  slo: { type: 'string', multiple: true },
  'prometheus-url': { type: 'string' },
  'on-no-data': { type: 'string' },
  approver: { type: 'string' },
  exception: { type: 'string' },
  annotate: { type: 'boolean' },
  version: { type: 'string' },
  timeout: { type: 'string' },
  name: { type: 'string' },
  namespace: { type: 'string' },
  sla: { type: 'string' },
  period: { type: 'string' },
} as const;

const ALLOWED: Record<keyof typeof COMMAND_HELP, string[]> = {
  validate: [],
  rules: [
    'format',
    'datasource-uid',
    'folder-uid',
    'folder-title',
    'grafana-url',
    'interval',
    'output',
    'name',
    'namespace',
    'label',
  ],
  convert: ['to', 'output'],
  gate: [
    'service',
    'label',
    'slo',
    'prometheus-url',
    'grafana-url',
    'datasource-uid',
    'on-no-data',
    'approver',
    'exception',
    'output',
    'annotate',
    'version',
    'timeout',
  ],
  'sla-report': ['sla', 'period', 'prometheus-url', 'grafana-url', 'format', 'output', 'timeout'],
};

function isCommand(name: string): name is keyof typeof COMMAND_HELP {
  return Object.prototype.hasOwnProperty.call(COMMAND_HELP, name);
}

/** Parses CLI arguments (without `node script`); pure so every usage error is unit-testable. */
export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const { values, positionals } = parsed;
  const [cmd, ...files] = positionals;
  if (cmd === 'help' && files.length <= 1) {
    const topic = files[0];
    return topic === undefined || isCommand(topic)
      ? { ok: true, command: { cmd: 'help', topic } }
      : { ok: false, error: `unknown command "${topic}"` };
  }
  if (values.help) {
    return { ok: true, command: { cmd: 'help', topic: cmd !== undefined && isCommand(cmd) ? cmd : undefined } };
  }
  if (!cmd) {
    return { ok: false, error: 'missing command' };
  }
  if (!isCommand(cmd)) {
    return { ok: false, error: `unknown command "${cmd}"` };
  }
  const usage = (error: string): ParsedArgs => ({ ok: false, error, topic: cmd });
  const misplaced = Object.keys(values).filter((k) => k !== 'help' && !ALLOWED[cmd].includes(k));
  if (misplaced.length) {
    return usage(`option --${misplaced[0]} does not apply to ${cmd}`);
  }
  if (files.length === 0) {
    return usage(`${cmd} needs at least one file`);
  }
  if (cmd === 'validate') {
    return { ok: true, command: { cmd, files } };
  }
  if (cmd === 'gate') {
    return parseGate(files, values, usage);
  }
  if (cmd === 'sla-report') {
    return parseSlaReport(files, values, usage);
  }
  if (cmd === 'convert') {
    if (files.length !== 1) {
      return usage('convert takes exactly one file');
    }
    if (values.to !== 'openslo' && values.to !== 'json') {
      return usage(`convert needs --to openslo or --to json${values.to ? `, got "${values.to}"` : ''}`);
    }
    return { ok: true, command: { cmd, file: files[0], to: values.to, output: values.output } };
  }
  return parseRules(files, values, usage);
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];

const DEFAULT_TIMEOUT_MS = 30_000;

/** The rules command's options; a name Kubernetes or the ruler would refuse is a usage error here. */
function parseRules(files: string[], values: Values, usage: (error: string) => ParsedArgs): ParsedArgs {
  const given = values.format ?? 'prometheus';
  const format = given === 'cortex' ? 'mimir' : given;
  if (!(RULES_FORMATS as readonly string[]).includes(format)) {
    return usage(`--format must be prometheus, grafana, prometheus-operator, mimir or cortex, got "${given}"`);
  }
  if (format === 'grafana' && !values['datasource-uid']) {
    return usage('--format grafana needs --datasource-uid');
  }
  // Prometheus' duration parser does not trim, so " 1m" would pass here and fail in Prometheus.
  if (values.interval !== undefined && (!isDuration(values.interval) || values.interval.trim() !== values.interval)) {
    return usage(`--interval must be a Prometheus duration such as 30s or 1m, got "${values.interval}"`);
  }
  const operator = format === 'prometheus-operator';
  for (const [flag, applies, where] of [
    ['--name', operator, 'prometheus-operator'],
    ['--label', operator, 'prometheus-operator'],
    ['--namespace', operator || format === 'mimir', 'prometheus-operator, mimir or cortex'],
  ] as const) {
    const value = flag === '--name' ? values.name : flag === '--label' ? values.label : values.namespace;
    if (value !== undefined && !applies) {
      return usage(`${flag} applies only to --format ${where}`);
    }
  }
  const extra: { name?: string; namespace?: string; labels?: Record<string, string> } = {};
  if (operator) {
    let name = values.name;
    if (name === undefined) {
      if (files.length > 1) {
        return usage('--format prometheus-operator with several files needs --name for the resource');
      }
      name = resourceNameFromPath(files[0]);
      if (name === undefined) {
        return usage(`--name is needed: no Kubernetes name can be made from the file name "${files[0]}"`);
      }
    }
    const nameProblem = dns1123SubdomainProblem(name);
    if (nameProblem) {
      return usage(`--name "${name}" is not a Kubernetes resource name: it ${nameProblem}`);
    }
    extra.name = name;
    if (values.namespace !== undefined) {
      const p = dns1123LabelProblem(values.namespace);
      if (p) {
        return usage(`--namespace "${values.namespace}" is not a Kubernetes namespace: it ${p}`);
      }
      extra.namespace = values.namespace;
    }
    if (values.label !== undefined) {
      const labels: Record<string, string> = {};
      for (const l of values.label) {
        const eq = l.indexOf('=');
        if (eq <= 0) {
          return usage(`--label must be KEY=VALUE, got "${l}"`);
        }
        const key = l.slice(0, eq);
        const value = l.slice(eq + 1);
        if (Object.prototype.hasOwnProperty.call(labels, key)) {
          return usage(`--label ${key} is given twice`);
        }
        const keyProblem = labelKeyProblem(key);
        if (keyProblem) {
          return usage(`--label key "${key}" is not a Kubernetes label key: its ${keyProblem}`);
        }
        const valueProblem = labelValueProblem(value);
        if (valueProblem) {
          return usage(`--label ${key}: value "${value}" is not a Kubernetes label value: it ${valueProblem}`);
        }
        labels[key] = value;
      }
      extra.labels = labels;
    }
  }
  if (format === 'mimir') {
    const namespace = values.namespace ?? DEFAULT_MIMIR_NAMESPACE;
    const p = mimirNamespaceProblem(namespace);
    if (p) {
      return usage(`--namespace "${namespace}" cannot be a ruler namespace: it ${p}`);
    }
    extra.namespace = namespace;
  }
  return {
    ok: true,
    command: {
      cmd: 'rules',
      files,
      format: format as RulesFormat,
      datasourceUid: values['datasource-uid'],
      folderUid: values['folder-uid'],
      folderTitle: values['folder-title'],
      grafanaUrl: values['grafana-url'],
      interval: values.interval,
      output: values.output,
      ...extra,
    },
  };
}

/** The gate's options; every combination that cannot work is a usage error here, before any file is read. */
function parseGate(files: string[], values: Values, usage: (error: string) => ParsedArgs): ParsedArgs {
  const services = values.service ?? [];
  const sloIds = values.slo ?? [];
  const labels: GateCommand['labels'] = [];
  for (const l of values.label ?? []) {
    const eq = l.indexOf('=');
    if (eq <= 0) {
      return usage(`--label must be KEY=VALUE, got "${l}"`);
    }
    labels.push({ name: l.slice(0, eq), value: l.slice(eq + 1) });
  }
  if (services.length + sloIds.length + labels.length === 0) {
    return usage('gate needs a selection: --service, --label or --slo');
  }
  const empty = [...services, ...sloIds].find((v) => v.trim() === '');
  if (empty !== undefined) {
    return usage('--service and --slo need a non-empty value');
  }
  const prometheusUrl = values['prometheus-url'];
  const grafanaUrl = values['grafana-url'];
  const datasourceUid = values['datasource-uid'];
  for (const [name, url] of [
    ['--prometheus-url', prometheusUrl],
    ['--grafana-url', grafanaUrl],
  ] as const) {
    if (url !== undefined && !/^https?:\/\/[^/]/.test(url)) {
      return usage(`${name} must be an http(s) URL, got "${url}"`);
    }
  }
  let source: GateSource;
  if (prometheusUrl !== undefined && datasourceUid !== undefined) {
    return usage('choose one data source: --prometheus-url, or --grafana-url with --datasource-uid');
  }
  if (prometheusUrl !== undefined) {
    if (grafanaUrl !== undefined && !values.annotate) {
      return usage(
        '--grafana-url with --prometheus-url is only for --annotate; to read through Grafana drop --prometheus-url and add --datasource-uid'
      );
    }
    source = { kind: 'prometheus', url: trimSlash(prometheusUrl) };
  } else if (datasourceUid !== undefined) {
    if (grafanaUrl === undefined) {
      return usage('--datasource-uid needs --grafana-url');
    }
    source = { kind: 'grafana', url: trimSlash(grafanaUrl), datasourceUid };
  } else {
    return usage(
      grafanaUrl !== undefined
        ? '--grafana-url needs --datasource-uid to read the SLOs through Grafana'
        : 'gate needs a data source: --prometheus-url, or --grafana-url with --datasource-uid'
    );
  }
  const onNoData = values['on-no-data'] ?? 'block';
  if (onNoData !== 'ship' && onNoData !== 'block') {
    return usage(`--on-no-data must be ship or block, got "${onNoData}"`);
  }
  const output = values.output ?? 'text';
  if (output !== 'text' && output !== 'json') {
    return usage(`--output must be text or json for gate, got "${output}"`);
  }
  if (values.exception !== undefined && values.exception.trim() === '') {
    return usage('--exception needs a reason');
  }
  if (values.exception !== undefined && !values.approver) {
    return usage('--exception needs --approver: an exception is recorded with who approved it');
  }
  if (values.annotate && grafanaUrl === undefined) {
    return usage('--annotate needs --grafana-url (and GRAFANA_TOKEN)');
  }
  if (values.annotate && !values.version) {
    return usage('--annotate needs --version: the annotation is tagged with the release version');
  }
  if (values.version !== undefined && !values.annotate) {
    return usage('--version only applies with --annotate');
  }
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    if (!isDuration(values.timeout) || parseDuration(values.timeout) <= 0) {
      return usage(`--timeout must be a duration such as 30s or 2m, got "${values.timeout}"`);
    }
    timeoutMs = parseDuration(values.timeout);
  }
  return {
    ok: true,
    command: {
      cmd: 'gate',
      files,
      services,
      labels,
      sloIds,
      source,
      ...(grafanaUrl !== undefined ? { grafanaUrl: trimSlash(grafanaUrl) } : {}),
      onNoData,
      ...(values.approver ? { approver: values.approver } : {}),
      ...(values.exception !== undefined ? { exception: values.exception } : {}),
      output,
      annotate: values.annotate ?? false,
      ...(values.version ? { version: values.version } : {}),
      timeoutMs,
    },
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The sla-report command's options. */
function parseSlaReport(files: string[], values: Values, usage: (error: string) => ParsedArgs): ParsedArgs {
  if (!values.sla?.trim()) {
    return usage('sla-report needs --sla ID');
  }
  if (!values.period || !/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(values.period)) {
    return usage(
      `--period must be a month (2026-03) or a quarter (2026-Q1)${values.period ? `, got "${values.period}"` : ''}`
    );
  }
  const prometheusUrl = values['prometheus-url'];
  if (prometheusUrl === undefined) {
    return usage('sla-report needs --prometheus-url');
  }
  for (const [name, url] of [
    ['--prometheus-url', prometheusUrl],
    ['--grafana-url', values['grafana-url']],
  ] as const) {
    if (url !== undefined && !/^https?:\/\/[^/]/.test(url)) {
      return usage(`${name} must be an http(s) URL, got "${url}"`);
    }
  }
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'csv' && format !== 'json') {
    return usage(`--format must be markdown, csv or json for sla-report, got "${format}"`);
  }
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    if (!isDuration(values.timeout) || parseDuration(values.timeout) <= 0) {
      return usage(`--timeout must be a duration such as 30s or 2m, got "${values.timeout}"`);
    }
    timeoutMs = parseDuration(values.timeout);
  }
  return {
    ok: true,
    command: {
      cmd: 'sla-report',
      files,
      slaId: values.sla,
      period: values.period,
      prometheusUrl: trimSlash(prometheusUrl),
      ...(values['grafana-url'] !== undefined ? { grafanaUrl: trimSlash(values['grafana-url']) } : {}),
      format,
      ...(values.output !== undefined ? { output: values.output } : {}),
      timeoutMs,
    },
  };
}
