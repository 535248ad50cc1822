/** @jest-environment node */
// Every external fixture either imports, or is refused/ignored with a reason naming what is unsupported.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { importDocuments } from './import';

const ROOT = join(__dirname, '../../../tests/fixtures/external');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(ROOT)
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => relative(ROOT, f))
  .sort();

/** Files that must be refused, with what the reason has to name. */
const REFUSED: Array<[RegExp, RegExp]> = [
  [/^sloth\/_gen\//, /^Prometheus rule file.*, not an SLO spec$/m],
  [/^pyrra\/crd\//, /CustomResourceDefinition "servicelevelobjectives\.pyrra\.dev"/],
  [/^sloth\/(plugin-getting-started|plugin-k8s-getting-started)\.yml$/, /SLI plugin "getting_started_availability"/],
  [/^sloth\/victoria-metrics\.yml$/, /sloth\.dev\/contrib\/validate_victoria_metrics\/v1/],
  [/^openslo\/budgeting-method\/occurences-slo\.yaml$/, /thresholdMetric/],
  [
    /^openslo\/budgeting-method\/ratio-timeslices\.yaml$/,
    /RatioTimeslices \(average of per-slice ratios\) is not supported/,
  ],
  [/^openslo\/budgeting-method\/timeslices-slo\.yaml$/, /metricSource type Any.*calendar window of 1m/],
  [/^openslo\/treat-low-traffic.*\.yaml$/, /calendar window of 1w/],
  [/^openslo\/openslo-readme-slo-1\.yaml$/, /metricSource type Datadog/],
];

/** Files holding only non-SLO documents, with the kind they must be listed as. */
const IGNORED: Array<[RegExp, string]> = [
  [/^openslo\/openslo-readme-alertcondition-1\.yaml$/, 'AlertCondition'],
  [/^openslo\/openslo-readme-alertnotificationtarget-\d\.yaml$/, 'AlertNotificationTarget'],
  [/^openslo\/openslo-readme-alertpolicy-\d\.yaml$/, 'AlertPolicy'],
  [/^openslo\/openslo-readme-datasource-1\.yaml$/, 'DataSource'],
  [/^sloth\/windows\//, 'AlertWindows'],
  [/^slo-generator\/config\.yaml$/, 'slo-generator config'],
];

function docCount(text: string): number {
  return parseAllDocuments(text).filter((d) => d.toJS() !== null).length;
}

describe('external fixtures', () => {
  it('finds the whole tree: every file SOURCES.md lists', () => {
    const listed = [...readFileSync(join(ROOT, 'SOURCES.md'), 'utf8').matchAll(/^\| `([^`]+)` \|/gm)]
      .map((m) => m[1])
      .sort();
    expect(files).toEqual(listed);
  });

  it.each(files)('%s imports, or is refused or ignored with a reason', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const r = importDocuments(text, file);
    expect(r.problems.filter((p) => /internal error/.test(p.message))).toEqual([]);
    const refused = REFUSED.find(([re]) => re.test(file));
    const ignored = IGNORED.find(([re]) => re.test(file));
    if (refused) {
      expect(r.slos).toEqual([]);
      expect(r.refused.length).toBeGreaterThan(0);
      expect(r.refused.map((x) => x.reason).join('\n')).toMatch(refused[1]);
    } else if (ignored) {
      expect(r.slos).toEqual([]);
      expect(r.refused).toEqual([]);
      expect(r.ignored.map((x) => x.kind)).toEqual([ignored[1]]);
    } else {
      expect(r.refused).toEqual([]);
      expect(r.problems).toEqual([]);
      expect(r.slos.length).toBeGreaterThan(0);
    }
    // Nothing silently dropped: every document is accounted for by an SLO, a refusal or an ignore entry.
    const accounted = new Set([...r.origins, ...r.refused, ...r.ignored].map((x) => x.doc));
    expect(accounted.size).toBe(docCount(text));
    // Every entry points at a line of the user's file.
    for (const e of [...r.problems, ...r.warnings, ...r.refused, ...r.ignored, ...r.origins]) {
      expect(e.line).toBeGreaterThan(0);
      expect(e.column).toBeGreaterThan(0);
    }
  });
});
