/**
 * @jest-environment node
 */
import Ajv from 'ajv';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Slo } from '../slo/model';
import {
  chainedRecordings,
  grafanaRecordingRules,
  grafanaRecordingSupport,
  recordingGroupName,
  staleRecordingRuleUids,
} from './grafanaRecording';
import { type InstalledRule, provisionedAlertRules, staleRuleUids } from './grafana';
import { allRecordingRules } from './recording';

const api = JSON.parse(readFileSync(join(__dirname, '../../../tests/contract/api-merged.json'), 'utf8'));
const defs = api.definitions as Record<string, { properties: Record<string, unknown>; required?: string[] }>;

const slo: Slo = {
  id: 'checkout',
  name: 'Checkout',
  service: 'shop',
  labels: { team: 'payments' },
  sli: { kind: 'ratio', bad: 'req_total{code=~"5.."}', total: 'req_total' },
  objective: { target: 0.999 },
  window: { type: 'rolling', duration: '30d' },
};
const slices: Slo = {
  ...slo,
  id: 'checkout-slices-with-a-rather-long-identifier',
  budgeting: { method: 'timeslices', sliceDuration: '5m', sliceTarget: 0.95 },
};
const opts = { datasourceUid: 'prom-main', targetDatasourceUid: 'mimir-write', folderUid: 'slo-folder' };

describe('grafanaRecordingRules', () => {
  it('turns every recording rule of the SLO into one Grafana recording rule, in order', () => {
    const file = allRecordingRules(slo);
    const rules = grafanaRecordingRules(slo, opts);
    expect(rules.map((r) => r.record.metric)).toEqual(file.map((r) => r.record));
    const [first] = rules;
    expect(first).toMatchObject({
      title: `${file[0].record} (checkout)`,
      condition: 'A',
      folderUID: 'slo-folder',
      ruleGroup: 'sre-slo-checkout.recording',
      orgID: 1,
      record: { metric: file[0].record, from: 'A', target_datasource_uid: 'mimir-write' },
      labels: { slo_id: 'checkout', slo_service: 'shop', team: 'payments' },
    });
    expect(first.data).toHaveLength(1);
    expect(first.data[0]).toMatchObject({ refId: 'A', datasourceUid: 'prom-main' });
    expect(first.data[0].model).toMatchObject({ expr: file[0].expr, instant: true, refId: 'A' });
  });

  it('gives every rule a valid, distinct uid apart from the alert uids, for short and long SLO ids', () => {
    for (const s of [slo, slices]) {
      const uids = grafanaRecordingRules(s, opts).map((r) => r.uid);
      for (const uid of uids) {
        expect(uid).toMatch(/^[a-zA-Z0-9-_]{1,40}$/);
      }
      expect(new Set(uids).size).toBe(uids.length);
      const alerts = provisionedAlertRules(s, { datasourceUid: 'p' }).map((r) => r.uid);
      expect(uids.filter((u) => alerts.includes(u))).toEqual([]);
    }
  });

  it("matches Grafana's ProvisionedAlertRule, Record and AlertQuery definitions, with no unknown field", () => {
    const ajv = new Ajv({ strict: false, validateFormats: false });
    const validate = ajv.compile({ $ref: '#/definitions/ProvisionedAlertRule', definitions: defs });
    const all = [...grafanaRecordingRules(slo, opts), ...grafanaRecordingRules(slices, opts)];
    expect(all.length).toBeGreaterThan(20);
    for (const rule of all) {
      expect(validate(rule) ? [] : validate.errors).toEqual([]);
      expect(Object.keys(rule).filter((k) => !(k in defs.ProvisionedAlertRule.properties))).toEqual([]);
      expect(Object.keys(rule.record).filter((k) => !(k in defs.Record.properties))).toEqual([]);
      for (const q of rule.data) {
        expect(Object.keys(q).filter((k) => !(k in defs.AlertQuery.properties))).toEqual([]);
      }
      // Grafana rejects a recording rule whose metric is not a valid Prometheus metric name.
      expect(rule.record.metric).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/);
    }
    // The same validator rejects a body without `record.from`, so the loop above is not vacuous.
    const broken = { ...all[0], record: { metric: 'x' } };
    expect(validate(broken)).toBe(false);
  });

  it('names the field when an option is empty', () => {
    expect(() => grafanaRecordingRules(slo, { ...opts, folderUid: '' })).toThrow('folderUid: must not be empty');
    expect(() => grafanaRecordingRules(slo, { ...opts, targetDatasourceUid: ' ' })).toThrow(
      'targetDatasourceUid: must not be empty'
    );
  });
});

describe('chainedRecordings', () => {
  it('lists the rules that read series other rules record: roll-ups, period ratio, budget, burn rate', () => {
    expect(chainedRecordings(slo)).toEqual([
      'slo:sli_error:ratio_period_hourly',
      'slo:sli_total:rate1h',
      'slo:sli_bad:rate1h',
      'slo:sli_error:ratio_period',
      'slo:error_budget_remaining:ratio',
      'slo:burn_rate:ratio_rate1h',
    ]);
    expect(chainedRecordings(slices)).toContain('slo:sli_slice_good:ratio');
  });
});

describe('staleRecordingRuleUids', () => {
  const all = grafanaRecordingRules(slo, opts);

  it("finds our recording rules the SLO no longer generates, and leaves everyone else's alone", () => {
    const installed: Array<InstalledRule & { record?: unknown }> = [
      ...all,
      { uid: 'old', ruleGroup: 'sre-slo-checkout.recording', labels: { slo_id: 'checkout' }, record: { metric: 'm' } },
      { uid: 'theirs', ruleGroup: 'sre-slo-checkout.recording', labels: { team: 'x' }, record: { metric: 'm' } },
      { uid: 'alert', ruleGroup: 'sre-slo-checkout.recording', labels: { slo_id: 'checkout' } },
      { uid: 'alerts-group', ruleGroup: 'sre-slo-checkout', labels: { slo_id: 'checkout' }, record: { metric: 'm' } },
    ];
    expect(staleRecordingRuleUids(installed, 'checkout', all)).toEqual(['old']);
    expect(staleRecordingRuleUids(all, 'checkout', all.slice(1))).toEqual([all[0].uid]);
  });

  it('keeps the two installs apart: the alert install never removes recording rules as stale', () => {
    expect(recordingGroupName('checkout')).not.toBe('sre-slo-checkout');
    expect(staleRuleUids(all, 'checkout', [])).toEqual([]);
  });
});

describe('grafanaRecordingSupport', () => {
  it('is supported from 11.2 with the toggle; the target is honoured from 12.1', () => {
    expect(grafanaRecordingSupport({ version: '11.2.0', toggle: true })).toEqual({
      supported: true,
      targetHonoured: false,
    });
    expect(grafanaRecordingSupport({ version: '12.1.0-pre', toggle: true, recordingRulesEnabled: true })).toEqual({
      supported: true,
      targetHonoured: true,
    });
    expect(grafanaRecordingSupport({ version: '13.0.1', toggle: true })).toMatchObject({ targetHonoured: true });
  });

  it('gives every reason it is not', () => {
    const no = grafanaRecordingSupport({ version: '11.1.4', toggle: false, recordingRulesEnabled: false });
    expect(no.supported).toBe(false);
    const reasons = no.supported ? [] : no.reasons;
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/Grafana 11\.1\.4.*11\.2 or later/);
    expect(reasons[1]).toMatch(/grafanaManagedRecordingRules is off/);
    expect(reasons[2]).toMatch(/\[recording_rules\] enabled = true/);
    expect(grafanaRecordingSupport({ version: '10.4.0', toggle: true })).toMatchObject({ supported: false });
  });
});
