/**
 * @jest-environment node
 */
import Ajv from 'ajv';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Slo } from '../slo/model';
import {
  generateGrafanaAlertingFile,
  grafanaRuleUid,
  type InstalledRule,
  provisionedAlertRules,
  staleRuleUids,
} from './grafana';

const api = JSON.parse(readFileSync(join(__dirname, '../../../tests/contract/api-merged.json'), 'utf8'));
const defs = api.definitions as Record<string, { properties: Record<string, unknown>; required?: string[] }>;

const slo: Slo = {
  id: 'checkout',
  name: 'Checkout',
  service: 'shop',
  sli: { kind: 'ratio', bad: 'req_total{code=~"5.."}', total: 'req_total' },
  objective: { target: 0.999 },
  window: { type: 'rolling', duration: '30d' },
  alerting: { minEvents: 100, absentAlert: true, runbookUrl: 'https://runbooks/checkout' },
};
const opts = {
  datasourceUid: 'prom-main',
  folderUid: 'slo-folder',
  folderTitle: 'SLOs',
  grafanaUrl: 'https://g.example.com',
};

describe('Grafana alert rules', () => {
  it('derives valid, deterministic, distinct uids', () => {
    expect(grafanaRuleUid('checkout', 'fast')).toBe('slo-checkout-fast');
    const long = 'a'.repeat(63);
    const uids = ['fast', 'medium', 'slow', 'long', 'absent'].map((t) => grafanaRuleUid(long, t));
    for (const uid of uids) {
      expect(uid).toMatch(/^[a-zA-Z0-9-_]{1,40}$/);
    }
    expect(new Set(uids).size).toBe(5);
    expect(grafanaRuleUid(long, 'fast')).toBe(uids[0]);
  });

  it('builds a provisioning file with one group per SLO and the burn-rate condition', () => {
    const file = generateGrafanaAlertingFile([slo, { ...slo, id: 'quiet', alerting: { enabled: false } }], opts);
    expect(file.apiVersion).toBe(1);
    expect(file.groups.map((g) => [g.orgId, g.name, g.folder, g.interval])).toEqual([
      [1, 'sre-slo-checkout', 'SLOs', '1m'],
    ]);
    const [fast] = file.groups[0].rules;
    expect(fast).toMatchObject({
      uid: 'slo-checkout-fast',
      condition: 'C',
      for: '2m',
      noDataState: 'OK',
      execErrState: 'Error',
    });
    expect(fast.data.map((q) => [q.refId, q.datasourceUid])).toEqual([
      ['A', 'prom-main'],
      ['B', 'prom-main'],
      ['D', 'prom-main'],
      ['C', '__expr__'],
    ]);
    expect(fast.data[0].model.expr).toBe('slo:sli_error:ratio_rate1h{slo_id="checkout"} / 0.001');
    expect(fast.data[3].model).toMatchObject({ type: 'math', expression: '$A > 14.4 && $B > 14.4 && $D >= 100' });
    expect(fast.labels).toMatchObject({ slo_id: 'checkout', severity: 'page', burnrate_tier: 'fast' });
    expect(fast.annotations.description).toContain('{{ humanize $values.A.Value }}x');
    expect(fast.annotations.slo_url).toBe('https://g.example.com/a/sre-reliability-app/slos/checkout');
    expect(file.groups[0].rules.map((r) => r.uid)).toEqual([
      'slo-checkout-fast',
      'slo-checkout-medium',
      'slo-checkout-slow',
      'slo-checkout-long',
      'slo-checkout-absent',
    ]);
  });

  it("matches Grafana's ProvisionedAlertRule and AlertQuery definitions", () => {
    const ajv = new Ajv({ strict: false, validateFormats: false });
    const validate = ajv.compile({ $ref: '#/definitions/ProvisionedAlertRule', definitions: defs });
    const rules = provisionedAlertRules(slo, opts);
    expect(rules).toHaveLength(5);
    for (const rule of rules) {
      expect(validate(rule) ? [] : validate.errors).toEqual([]);
      // No field the API does not know (the schema itself allows extras, so check names exactly).
      expect(Object.keys(rule).filter((k) => !(k in defs.ProvisionedAlertRule.properties))).toEqual([]);
      for (const q of rule.data) {
        expect(Object.keys(q).filter((k) => !(k in defs.AlertQuery.properties))).toEqual([]);
      }
      expect(rule).toMatchObject({ orgID: 1, folderUID: 'slo-folder', ruleGroup: 'sre-slo-checkout' });
    }
    // A rule missing a required field must fail the same validator, so the check above is not vacuous.
    const { condition: _omit, ...broken } = rules[0];
    expect(validate(broken)).toBe(false);
  });
});

describe('staleRuleUids', () => {
  const all = provisionedAlertRules(slo, opts);

  it('finds the rules we installed: every generated rule is in the SLO group with its slo_id label', () => {
    expect(all.length).toBeGreaterThan(1);
    expect(all.every((r) => r.ruleGroup === 'sre-slo-checkout' && r.labels.slo_id === 'checkout')).toBe(true);
    // Installed earlier with every tier; now only the first is generated: the rest are stale.
    expect(staleRuleUids(all, 'checkout', all.slice(0, 1))).toEqual(all.slice(1).map((r) => r.uid));
    expect(staleRuleUids(all, 'checkout', all)).toEqual([]);
  });

  it("leaves rules alone unless they are in the SLO's group and carry its slo_id", () => {
    const installed: InstalledRule[] = [
      { uid: 'a', ruleGroup: 'sre-slo-checkout', labels: { team: 'x' } },
      { uid: 'b', ruleGroup: 'other', labels: { slo_id: 'checkout' } },
      { uid: 'c', ruleGroup: 'sre-slo-checkout-v2', labels: { slo_id: 'checkout-v2' } },
      { ruleGroup: 'sre-slo-checkout', labels: { slo_id: 'checkout' } },
    ];
    expect(staleRuleUids(installed, 'checkout', [])).toEqual([]);
  });
});
