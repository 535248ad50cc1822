import React from 'react';
import { render, screen } from '@testing-library/react';
import { setupUser } from '../../components/testing/user';
import { ApiError } from '../../api/client';
import { installRuleGroup, rulerStatus } from '../../api/ruler';
import { slaRuleGroups } from '../../domain/rules/slaRecording';
import { saveFile } from '../Slos/detail/downloads';
import { SlaRulesModal, scrapeIntervalProblem } from './SlaRulesModal';
import { makeSla, slo } from './testing/slaFixtures';

const timeIntervals: Record<string, string | undefined> = { mimir: '15s', prom: '45s' };
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getDataSourceSrv: () => ({
    getInstanceSettings: (uid: string) => ({ uid, jsonData: { timeInterval: timeIntervals[uid] } }),
  }),
}));
jest.mock('../../api/ruler', () => ({ rulerStatus: jest.fn(), installRuleGroup: jest.fn() }));
jest.mock('../Slos/detail/downloads', () => ({ saveFile: jest.fn() }));

const user = setupUser();
const status = jest.mocked(rulerStatus);
const install = jest.mocked(installRuleGroup);
const save = jest.mocked(saveFile);

const slos = [{ ...slo('checkout-avail'), datasource: { uid: 'mimir' } }, slo('other')];
const events = makeSla('acme');
const uptime = makeSla('globex', { method: { kind: 'uptime', unavailableAbove: 0.05 } });
const elsewhere = makeSla('initech', { indicator: { sloId: 'other' } });
const slas = [events, uptime, elsewhere];

beforeEach(() => {
  status.mockReset();
  install.mockReset();
  save.mockReset();
});

const open = (sla = events, list = slas, defaultUid?: string) =>
  render(<SlaRulesModal sla={sla} slas={list} slos={slos} defaultUid={defaultUid} onDismiss={jest.fn()} />);

describe('SlaRulesModal', () => {
  it("installs the SLO's shared group, with every SLA on that SLO, at the data source's scrape interval", async () => {
    status.mockResolvedValue({ status: 'available', subtype: 'mimir', message: 'Mimir with its ruler API on.' });
    install.mockResolvedValue('created');
    open();
    expect(screen.getByLabelText(/^Scrape interval/)).toHaveValue('15s');
    await user.click(await screen.findByRole('button', { name: 'Install rule group' }));
    const [group, namespace, target] = install.mock.calls[0];
    expect(group).toEqual(slaRuleGroups([events, uptime], slos, '15s')[0]);
    // The uptime SLA's per-minute test is in the group although the dialog is for the events SLA.
    expect(group.rules.some((r) => 'labels' in r && r.labels?.sla_id === 'globex')).toBe(true);
    expect(group.rules.some((r) => 'labels' in r && r.labels?.sla_id === 'initech')).toBe(false);
    expect([namespace, target]).toEqual(['sre-reliability', { datasourceUid: 'mimir', subtype: 'mimir' }]);
    expect(
      await screen.findByText('Group sre-sla-slo-checkout-avail created in namespace sre-reliability.')
    ).toBeVisible();
  });

  it('without a ruler, offers the rule file; the file holds the group at the interval typed', async () => {
    status.mockResolvedValue({ status: 'none', message: 'Prometheus reads rules from files.' });
    open();
    expect(await screen.findByText(/Prometheus reads rules from files/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Install rule group' })).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText(/^Scrape interval/));
    await user.type(screen.getByLabelText(/^Scrape interval/), '30s');
    await user.click(screen.getByRole('button', { name: 'Download rule file' }));
    const file = save.mock.calls[0][0];
    expect(file.filename).toBe('sla-slo-checkout-avail.rules.yaml');
    expect(file.text).toContain('name: sre-sla-slo-checkout-avail');
    // 1m + 30s - 1ms: the per-minute rate's range for a 30s scrape.
    expect(file.text).toContain('[1m29s999ms]');
  });

  it('refuses a scrape interval that does not divide a minute, naming the field', async () => {
    status.mockResolvedValue({ status: 'available', subtype: 'cortex', message: 'Cortex.' });
    // The default data source's setting (45s) cannot be used, so the dialog starts from 1m.
    open(elsewhere, slas, 'prom');
    expect(screen.getByLabelText(/^Scrape interval/)).toHaveValue('1m');
    await user.clear(screen.getByLabelText(/^Scrape interval/));
    await user.type(screen.getByLabelText(/^Scrape interval/), '45s');
    expect(screen.getByText(/Scrape interval: must divide 1m/)).toBeVisible();
    expect(await screen.findByRole('button', { name: 'Install rule group' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Download rule file' })).toBeDisabled();
  });

  it('says permission denied when the ruler refuses the write', async () => {
    status.mockResolvedValue({ status: 'available', subtype: 'mimir', message: 'Mimir.' });
    install.mockRejectedValue(new ApiError('POST /api/ruler/mimir/api/v1/rules/sre-reliability: 403 forbidden', 403));
    open();
    await user.click(await screen.findByRole('button', { name: 'Install rule group' }));
    expect(await screen.findByText(/^Permission denied: .*403/)).toBeVisible();
  });

  it('explains an SLA whose SLO is gone instead of generating nothing', () => {
    open(makeSla('orphan', { indicator: { sloId: 'deleted' } }));
    expect(screen.getByText('The SLA measures no known SLO')).toBeVisible();
    expect(status).not.toHaveBeenCalled();
  });

  it.each([
    ['15s', undefined],
    ['1m', undefined],
    ['45s', /must divide 1m/],
    ['soon', /a duration/],
    ['0s', /a duration/],
  ])('scrape interval %s', (value, problem) => {
    const p = scrapeIntervalProblem(value);
    if (problem) {
      expect(p).toMatch(problem);
    } else {
      expect(p).toBeUndefined();
    }
  });
});
