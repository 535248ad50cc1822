import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Sla } from '../sla/model';
import type { Slo } from '../slo/model';
import { parsePromQL } from '../slo/promql';
import { toYaml } from './prometheus';
import { slaIndicatorSlo, slaRuleGroups, slaSloRuleGroup, unavailableMinuteExpr } from './slaRecording';
import type { RecordingRule } from './types';

const slo: Slo = {
  id: 'cart"x',
  name: 'Cart',
  service: 'cart',
  sli: { kind: 'ratio', bad: 'http_requests_total{code=~"5.."}', total: 'http_requests_total' },
  objective: { target: 0.99 },
  window: { type: 'rolling', duration: '30d' },
};
const sla = (id: string, method: Sla['method'], indicator: Sla['indicator'] = { sloId: slo.id }): Sla => ({
  id,
  name: id,
  services: ['cart'],
  indicator,
  target: 0.999,
  method,
  period: { unit: 'month', timeZone: 'UTC' },
  credits: [],
});

const expr = (g: { rules: unknown[] }, record: string) =>
  (g.rules as RecordingRule[]).find((r) => r.record === record)!.expr;

describe('SLA recording rules', () => {
  it('records, pinned to the whole minute before each evaluation, rates over 1m + scrape interval − 1 ms', () => {
    expect(expr(slaSloRuleGroup(slo), 'sla:sli_total:rate1m')).toBe(
      'last_over_time((sum(rate(http_requests_total[1m59s999ms])))[59s999ms:1m])'
    );
    expect(expr(slaSloRuleGroup(slo, [], '15s'), 'sla:sli_total:rate1m')).toBe(
      'last_over_time((sum(rate(http_requests_total[1m14s999ms])))[59s999ms:1m])'
    );
    expect(slaSloRuleGroup(slo).interval).toBe('1m');
  });

  it('refuses a scrape interval that does not divide the minute', () => {
    expect(() => slaSloRuleGroup(slo, [], '45s')).toThrow('scrapeInterval: must divide 1m, got 45s');
  });

  it('escapes the slo_id in every selector and carries the SLO labels', () => {
    const g = slaSloRuleGroup(slo);
    expect(expr(g, 'sla:sli_total:rate1h')).toContain('slo_id="cart\\"x"');
    expect((g.rules[0] as RecordingRule).labels).toEqual({ slo_id: 'cart"x', slo_service: 'cart' });
    expect(unavailableMinuteExpr('a"b', 0.05)).toContain('slo_id="a\\"b"');
  });

  it('writes roll-ups once per clock hour or 5 minutes, at the evaluation just after it', () => {
    const g = slaSloRuleGroup(slo);
    expect(expr(g, 'sla:sli_bad:rate1h')).toBe(
      '(avg_over_time(sla:sli_bad:rate1m{slo_id="cart\\"x"}[59m59s999ms])) and on() (minute() == 0)'
    );
    expect(expr(g, 'sla:sli_error:ratio5m')).toMatch(/>= 0\) and on\(\) \(minute\(\) % 5 == 0\)$/);
  });

  it('one group per measured SLO, shared by its SLAs, holding its uptime SLAs; own SLIs get an sla- slo_id', () => {
    const own = sla('own', { kind: 'events' }, { sli: slo.sli });
    const groups = slaRuleGroups(
      [sla('a', { kind: 'events' }), sla('b', { kind: 'uptime', unavailableAbove: 0.01 }), own],
      [slo]
    );
    expect(groups.map((g) => g.name)).toEqual(['sre-sla-slo-cart"x', 'sre-sla-slo-sla-own']);
    const uptime = (groups[0].rules as RecordingRule[]).filter((r) => r.labels?.sla_id);
    expect(uptime.map((r) => [r.record, r.labels?.sla_id])).toEqual([
      ['sla:sli_unavailable:minute', 'b'],
      ['sla:unavailable_minutes:count1h', 'b'],
    ]);
    expect(uptime[0].expr).toBe(
      'sum(sla:sli_bad:rate1m{slo_id="cart\\"x"}) / sum(sla:sli_total:rate1m{slo_id="cart\\"x"}) > bool 0.01'
    );
    expect(slaIndicatorSlo(own, [])?.id).toBe('sla-own');
    expect(slaIndicatorSlo(sla('z', { kind: 'events' }, { sloId: 'missing' }), [slo])).toBeUndefined();
  });

  it('every expression parses and the groups pass promtool check rules', () => {
    const ok: Slo = { ...slo, id: 'cart' };
    const groups = slaRuleGroups([sla('b', { kind: 'uptime', unavailableAbove: 0.01 }, { sloId: 'cart' })], [ok]);
    expect(groups).toHaveLength(1);
    for (const g of groups) {
      for (const r of g.rules as RecordingRule[]) {
        expect(parsePromQL(r.expr)).toEqual([]);
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'sla-rules-'));
    try {
      writeFileSync(join(dir, 'rules.yaml'), toYaml({ groups }));
      const out = execFileSync('promtool', ['check', 'rules', join(dir, 'rules.yaml')], { encoding: 'utf8' });
      expect(out).toContain('SUCCESS: 9 rules found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
