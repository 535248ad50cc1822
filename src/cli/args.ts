import { parseArgs } from 'node:util';
import { isDuration } from '../domain/slo/durations';

export const HELP = `Usage: sre-reliability <command> [options]

Commands:
  validate <files...>                 Check SLO specs; exit 1 and list every problem when one is invalid.
  rules <files...> [options]          Write the rule file for the SLOs in <files>.
      --format prometheus|grafana     Prometheus recording + alerting rules (default), or a Grafana
                                      alerting provisioning file (needs the recording rules loaded too).
      --datasource-uid UID            Prometheus data source of the Grafana rules (required for grafana).
      --folder-uid UID, --folder-title TITLE   Grafana folder (grafana format).
      --grafana-url URL               Base URL for links to the SLO pages in alert annotations.
      --interval DURATION             Rule group evaluation interval. Set it to the scrape interval: the
                                      period ratio is exact when every scrape interval is covered by the
                                      same number of 5m windows (unset: Prometheus' evaluation_interval).
      -o, --output FILE               Write to FILE instead of stdout.
  convert <file> --to openslo|json    Print the SLOs as OpenSLO v1 YAML, or as the app's stored JSON
                                      (the array kept at jsonData.slos). -o FILE writes to FILE.

Input formats: sre-reliability/v1 SLOList (or a JSON array of SLOs), OpenSLO v1 and v1alpha, Sloth
(prometheus/v1 and PrometheusServiceLevel), Pyrra ServiceLevelObjective, slo-generator (Prometheus backend).

Exit codes: 0 success, 1 invalid or unsupported input, 2 usage error.
  -h, --help                          Show this help.
`;

export type CliCommand =
  | { cmd: 'help' }
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

export type ParsedArgs = { ok: true; command: CliCommand } | { ok: false; error: string };

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

const ALLOWED: Record<string, string[]> = {
  validate: [],
  rules: ['format', 'datasource-uid', 'folder-uid', 'folder-title', 'grafana-url', 'interval', 'output'],
  convert: ['to', 'output'],
};

/** Parses CLI arguments (without `node script`); pure so every usage error is unit-testable. */
export function parseCliArgs(argv: string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return { ok: true, command: { cmd: 'help' } };
  }
  const [cmd, ...files] = positionals;
  if (!cmd) {
    return { ok: false, error: 'missing command' };
  }
  if (!ALLOWED[cmd]) {
    return { ok: false, error: `unknown command "${cmd}"` };
  }
  const misplaced = Object.keys(values).filter((k) => k !== 'help' && !ALLOWED[cmd].includes(k));
  if (misplaced.length) {
    return { ok: false, error: `option --${misplaced[0]} does not apply to ${cmd}` };
  }
  if (files.length === 0) {
    return { ok: false, error: `${cmd} needs at least one file` };
  }
  if (cmd === 'validate') {
    return { ok: true, command: { cmd, files } };
  }
  if (cmd === 'convert') {
    if (files.length !== 1) {
      return { ok: false, error: 'convert takes exactly one file' };
    }
    if (values.to !== 'openslo' && values.to !== 'json') {
      return { ok: false, error: `convert needs --to openslo or --to json${values.to ? `, got "${values.to}"` : ''}` };
    }
    return { ok: true, command: { cmd, file: files[0], to: values.to, output: values.output } };
  }
  const format = values.format ?? 'prometheus';
  if (format !== 'prometheus' && format !== 'grafana') {
    return { ok: false, error: `--format must be prometheus or grafana, got "${format}"` };
  }
  if (format === 'grafana' && !values['datasource-uid']) {
    return { ok: false, error: '--format grafana needs --datasource-uid' };
  }
  if (values.interval !== undefined && !isDuration(values.interval)) {
    return { ok: false, error: `--interval must be a Prometheus duration such as 30s or 1m, got "${values.interval}"` };
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
