import { exportOpenSLO } from '../domain/formats/exportOpenSlo';
import { importDocuments } from '../domain/formats/import';
import { generateGrafanaAlertingFile } from '../domain/rules/grafana';
import { generatePrometheusRules, toYaml } from '../domain/rules/prometheus';
import { type Slo } from '../domain/slo/model';
import { HELP, parseCliArgs } from './args';

/** What the CLI touches outside itself, injected so tests can run it in-process. */
export interface CliIo {
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

interface Loaded {
  slos: Slo[];
  errors: number;
}

/** Imports files and reports on stderr: errors and refusals as `file: path: message`, warnings and notes too. */
function load(files: string[], io: CliIo, acrossFiles: boolean): Loaded {
  const slos: Slo[] = [];
  const seen = new Map<string, string>();
  let errors = 0;
  const err = (line: string) => {
    errors++;
    io.stderr(`${line}\n`);
  };
  for (const file of files) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (e) {
      err(`${file}: cannot read: ${(e as Error).message}`);
      continue;
    }
    const r = importDocuments(text, file);
    r.problems.forEach((p) => err(`${file}: ${p.path}: ${p.message}`));
    r.refused.forEach((p) => err(`${file}: ${p.path}: refused: ${p.reason}`));
    r.warnings.forEach((p) => io.stderr(`${file}: ${p.path}: warning: ${p.message}\n`));
    r.ignored.forEach((p) => io.stderr(`${file}: ${p.path}: note: ignored ${p.kind}: ${p.reason}\n`));
    r.slos.forEach((slo, i) => {
      const where = `${file}: ${r.origins[i].path}`;
      const first = seen.get(slo.id);
      // Within one file importDocuments reports duplicates; across files (one rule file) only the CLI sees them.
      if (acrossFiles && first && !first.startsWith(`${file}: `)) {
        err(`${where}.id: duplicate id "${slo.id}" (also used at ${first})`);
      }
      seen.set(slo.id, first ?? where);
      slos.push(slo);
    });
  }
  return { slos, errors };
}

function emit(text: string, output: string | undefined, io: CliIo): void {
  if (output) {
    io.writeFile(output, text);
  } else {
    io.stdout(text);
  }
}

/** Runs the CLI and returns its exit code: 0 ok, 1 invalid input, 2 usage error. */
export function runCli(argv: string[], io: CliIo): number {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.stderr(`error: ${parsed.error}\n\n${HELP}`);
    return 2;
  }
  const c = parsed.command;
  if (c.cmd === 'help') {
    io.stdout(HELP);
    return 0;
  }
  const { slos, errors } = load(c.cmd === 'convert' ? [c.file] : c.files, io, c.cmd === 'rules');
  if (errors > 0) {
    io.stderr(`${errors} problem${errors === 1 ? '' : 's'} found; nothing written.\n`);
    return 1;
  }
  switch (c.cmd) {
    case 'validate':
      io.stdout(
        `${slos.length} SLO${slos.length === 1 ? '' : 's'} valid in ${c.files.length} file${c.files.length === 1 ? '' : 's'}\n`
      );
      return 0;
    case 'rules': {
      const file =
        c.format === 'grafana'
          ? generateGrafanaAlertingFile(slos, {
              datasourceUid: c.datasourceUid!,
              folderUid: c.folderUid,
              folderTitle: c.folderTitle,
              grafanaUrl: c.grafanaUrl,
              interval: c.interval,
            })
          : generatePrometheusRules(slos, { grafanaUrl: c.grafanaUrl, interval: c.interval });
      emit(toYaml(file), c.output, io);
      return 0;
    }
    case 'convert':
      emit(c.to === 'json' ? `${JSON.stringify(slos, null, 2)}\n` : exportOpenSLO(slos), c.output, io);
      return 0;
  }
}
