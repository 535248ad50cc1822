import { parseArgs } from 'node:util';
import { isDuration } from '../domain/slo/durations';

const VALIDATE_USAGE = `Usage: sre-reliability validate <files...>

Check SLO specs without writing anything. Every problem is listed as file:line:column: path: message; ids
must be unique across all the files, as in one rule file; a file given twice is read once.
`;

const RULES_USAGE = `Usage: sre-reliability rules <files...> [options]

Write one rule file for the SLOs in <files> (ids must be unique across them; a file given twice is read once).
Every query is type-checked as Prometheus does before anything is written.
  --format prometheus|grafana         Prometheus recording + alerting rules (default), or a Grafana
                                      alerting provisioning file (needs the recording rules loaded too).
  --datasource-uid UID                Prometheus data source of the Grafana rules (required for grafana).
  --folder-uid UID, --folder-title TITLE   Grafana folder (grafana format).
  --grafana-url URL                   Base URL for links to the SLO pages in alert annotations.
  --interval DURATION                 Rule group evaluation interval. Set it to the scrape interval: the
                                      period ratio is exact when every scrape interval is covered by the
                                      same number of 5m windows (unset: Prometheus' evaluation_interval).
  -o, --output FILE                   Write to FILE instead of stdout.
`;

const CONVERT_USAGE = `Usage: sre-reliability convert <file> --to openslo|json [-o FILE]

Print the SLOs as OpenSLO v1 YAML, or as the app's stored JSON (the array kept at jsonData.slos).
  -o, --output FILE                   Write to FILE instead of stdout.
`;

const EXIT_CODES = `Exit codes: 0 success, 1 invalid or unsupported input or a file that cannot be read or written,
2 usage error.
`;

/** Usage of each subcommand, printed by `sre-reliability <command> --help` and after its usage errors. */
export const COMMAND_HELP: Record<'validate' | 'rules' | 'convert', string> = {
  validate: `${VALIDATE_USAGE}\n${EXIT_CODES}`,
  rules: `${RULES_USAGE}\n${EXIT_CODES}`,
  convert: `${CONVERT_USAGE}\n${EXIT_CODES}`,
};

export const HELP = `Usage: sre-reliability <command> [options]

Commands:
  validate <files...>                 Check SLO specs; exit 1 and list every problem when one is invalid.
  rules <files...> [options]          Write the rule file for the SLOs in <files>.
  convert <file> --to openslo|json    Print the SLOs as OpenSLO v1 YAML or as the app's stored JSON.
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
      format: 'prometheus' | 'grafana';
      datasourceUid?: string;
      folderUid?: string;
      folderTitle?: string;
      grafanaUrl?: string;
      interval?: string;
      output?: string;
    }
  | { cmd: 'convert'; file: string; to: 'openslo' | 'json'; output?: string };

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
} as const;

const ALLOWED: Record<keyof typeof COMMAND_HELP, string[]> = {
  validate: [],
  rules: ['format', 'datasource-uid', 'folder-uid', 'folder-title', 'grafana-url', 'interval', 'output'],
  convert: ['to', 'output'],
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
  if (cmd === 'convert') {
    if (files.length !== 1) {
      return usage('convert takes exactly one file');
    }
    if (values.to !== 'openslo' && values.to !== 'json') {
      return usage(`convert needs --to openslo or --to json${values.to ? `, got "${values.to}"` : ''}`);
    }
    return { ok: true, command: { cmd, file: files[0], to: values.to, output: values.output } };
  }
  const format = values.format ?? 'prometheus';
  if (format !== 'prometheus' && format !== 'grafana') {
    return usage(`--format must be prometheus or grafana, got "${format}"`);
  }
  if (format === 'grafana' && !values['datasource-uid']) {
    return usage('--format grafana needs --datasource-uid');
  }
  if (values.interval !== undefined && !isDuration(values.interval)) {
    return usage(`--interval must be a Prometheus duration such as 30s or 1m, got "${values.interval}"`);
  }
  return {
    ok: true,
    command: {
      cmd: 'rules',
      files,
      format,
      datasourceUid: values['datasource-uid'],
      folderUid: values['folder-uid'],
      folderTitle: values['folder-title'],
      grafanaUrl: values['grafana-url'],
      interval: values.interval,
      output: values.output,
    },
  };
}
