// Regenerates the demo stack's SLOs as code from examples/slos.yaml:
//   provisioning/prometheus/rules/slos.yaml  (recording and alerting rules of the SLOs and SLAs, loaded by Prometheus)
//   provisioning/plugins/app.yaml            (the app enabled, with the SLOs in jsonData.slos, the policies in
//                                             jsonData.policies and the SLAs in jsonData.slas)
// Run: npx tsx scripts/provisionDemo.ts [--check]. With --check it writes nothing and exits 1 when the
// committed files differ from what the spec generates.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { importDocuments } from '../src/domain/formats';
import { generatePrometheusRules, ruleNotes, toYaml } from '../src/domain/rules';
import { slaRuleGroups } from '../src/domain/rules/slaRecording';

const root = path.resolve(__dirname, '..');
const SPEC = 'examples/slos.yaml';
const RULES = 'provisioning/prometheus/rules/slos.yaml';
const APP = 'provisioning/plugins/app.yaml';
const DEMO_SCRAPE_INTERVAL = '15s';

/** The two provisioning files generated from the example spec. */
export function generateDemoProvisioning(): Record<string, string> {
  const result = importDocuments(fs.readFileSync(path.join(root, SPEC), 'utf8'), SPEC);
  if (result.problems.length > 0 || result.refused.length > 0) {
    throw new Error(`${SPEC} is not valid: ${JSON.stringify([...result.problems, ...result.refused])}`);
  }
  const app = {
    apiVersion: 1,
    apps: [
      {
        type: 'sre-reliability-app',
        org_id: 1,
        disabled: false,
        jsonData: {
          settings: { defaultPrometheusUid: 'prometheus', lokiUid: 'loki', logServiceLabel: 'service' },
          slos: result.slos,
          ...(result.policies.length ? { policies: result.policies } : {}),
          ...(result.slas.length ? { slas: result.slas } : {}),
        },
      },
    ],
  };
  return {
    [RULES]: toYaml(
      {
        groups: [
          ...generatePrometheusRules(result.slos, { grafanaUrl: 'http://localhost:3000' }).groups,
          // The demo Prometheus scrapes every 15s (provisioning/prometheus/prometheus.yml).
          ...slaRuleGroups(result.slas, result.slos, DEMO_SCRAPE_INTERVAL),
        ],
      },
      ruleNotes(result.slos)
    ),
    [APP]:
      `# Generated from ${SPEC} by scripts/provisionDemo.ts: the app enabled in org 1, with its settings and\n` +
      `# SLOs, error-budget policies and SLAs in jsonData (the stored form that \`sre-reliability convert --to json\` prints). Do not edit by hand.\n` +
      stringify(app),
  };
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, text] of Object.entries(generateDemoProvisioning())) {
    const target = path.join(root, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current === text) {
      continue;
    }
    if (check) {
      process.stderr.write(`${file} is out of date: run npx tsx scripts/provisionDemo.ts\n`);
      stale++;
    } else {
      fs.writeFileSync(target, text);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
  process.exit(stale > 0 ? 1 : 0);
}
