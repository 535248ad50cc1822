// Combobox needs canvas text measuring, IntersectionObserver and element sizes, which jsdom lacks.
import { giveElementsASize } from '../../components/testing/jsdomPolyfills';
import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../components/testing/user';
import { getPluginSettings } from '../../api/pluginSettings';
import { canEditSettings, canWriteAnnotations } from '../../api/permissions';
import { cancelMaintenance, listMaintenance, planMaintenance } from '../../api/maintenance';
import { fetchSlaResults } from '../../api/slaCompliance';
import { ConflictError, saveSla } from '../../api/slas';
import { testIds } from '../../components/testIds';
import type { Sla } from '../../domain/sla/model';
import SlasPage from './SlasPage';
import { H, NOW, makeSla, result, slo, window as mwindow } from './testing/slaFixtures';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: jest.requireActual('../../components/testing/TestPluginPage').TestPluginPage,
}));
jest.mock('../../api/pluginSettings', () => ({
  ...jest.requireActual('../../api/pluginSettings'),
  getPluginSettings: jest.fn(),
}));
jest.mock('../../api/slas', () => ({
  ...jest.requireActual('../../api/slas'),
  saveSla: jest.fn(),
  deleteSla: jest.fn(),
}));
jest.mock('../../api/permissions');
jest.mock('../../api/maintenance', () => ({
  ...jest.requireActual('../../api/maintenance'),
  listMaintenance: jest.fn(),
  planMaintenance: jest.fn(),
  cancelMaintenance: jest.fn(),
}));
// sla-core's module, mocked at the api/ boundary: the pages only show what it computes.
jest.mock('../../api/slaCompliance', () => ({ fetchSlaResults: jest.fn() }));

const user = setupUser();
const getSettings = jest.mocked(getPluginSettings);
const fetchResults = jest.mocked(fetchSlaResults);
const listWindows = jest.mocked(listMaintenance);

const XSS = '<img src=x onerror="window.__xss=1">';
const acme = makeSla('acme-checkout', { name: 'Acme checkout' });
const globex = makeSla('globex-search', {
  name: 'Globex search',
  customer: 'Globex',
  services: ['search'],
  method: { kind: 'uptime', unavailableAbove: 0.05 },
  period: { unit: 'month', timeZone: 'Asia/Kolkata' },
});

function serve(slas: unknown[], extra: Record<string, unknown> = {}) {
  getSettings.mockResolvedValue({
    enabled: true,
    pinned: false,
    jsonData: {
      slos: [slo('checkout-avail')],
      slas: slas as Sla[],
      settings: { defaultPrometheusUid: 'prom' },
      ...extra,
    },
  });
}

/** Each SLA's periods answered with a fixed figure per SLA id; the last period is the running one. */
const FIGURES: Record<string, number | undefined> = { 'acme-checkout': 0.9992, 'globex-search': 0.98 };

function Location() {
  return <output data-testid="location">{useLocation().search}</output>;
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="slas/*" element={<SlasPage />} />
      </Routes>
      <Location />
    </MemoryRouter>
  );
}

// Settings, then maintenance, then results: three async reads before a row is complete, on a shared 2-core machine.
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => giveElementsASize());

beforeEach(() => {
  jest.clearAllMocks();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
  jest.mocked(canEditSettings).mockReturnValue(true);
  jest.mocked(canWriteAnnotations).mockReturnValue(true);
  serve([acme, globex]);
  listWindows.mockResolvedValue({ windows: [], problems: [] });
  fetchResults.mockImplementation(async (sla, _slos, periods) =>
    periods.map((p, i) => result(p, i === 0 && periods.length > 1 ? 0.985 : FIGURES[sla.id]))
  );
});
// Only Date.now: restoreAllMocks would also undo giveElementsASize, and the pickers' lists would render empty.
afterEach(() => jest.mocked(Date.now).mockRestore());

describe('SLA list', () => {
  it('shows loading, then each SLA with this period’s standing, achieved, target and budget left', async () => {
    renderAt('/slas');
    expect(screen.getByText('Loading SLAs…')).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId(testIds.slas.standing)).toHaveLength(2));
    const [a, g] = screen.getAllByTestId(testIds.slas.row);
    expect(within(a).getByRole('link', { name: 'Acme checkout' })).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/slas/acme-checkout'
    );
    expect(within(a).getByText('99.920%')).toBeInTheDocument();
    expect(within(a).getByText('99.500%')).toBeInTheDocument();
    expect(within(a).getByText('Met so far')).toBeInTheDocument();
    expect(within(a).getByText('420 bad events left')).toBeInTheDocument();
    expect(within(a).getByText('2026-03')).toBeInTheDocument();
    expect(within(g).getByText('At risk so far')).toBeInTheDocument();
    // One maintenance read for the whole list, covering every SLA's current period.
    expect(listWindows).toHaveBeenCalledTimes(1);
    expect(fetchResults).toHaveBeenCalledWith(
      acme,
      [slo('checkout-avail')],
      [expect.objectContaining({ label: '2026-03' })],
      [],
      NOW,
      'prom'
    );
  });

  it('filters by customer, service and standing, kept in the URL', async () => {
    renderAt('/slas?standing=at_risk');
    await waitFor(() => expect(screen.getAllByTestId(testIds.slas.row)).toHaveLength(1));
    expect(screen.getByText('Globex search')).toBeInTheDocument();
  });

  it('filters by customer with the picker and writes it to the URL', async () => {
    renderAt('/slas');
    await waitFor(() => expect(screen.getAllByTestId(testIds.slas.row)).toHaveLength(2));
    // Keyboard only: type into the picker and choose with Enter.
    await user.type(screen.getByLabelText('Customer'), 'Acm');
    await screen.findByRole('option', { name: 'Acme' });
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getAllByTestId(testIds.slas.row)).toHaveLength(1));
    expect(screen.getByTestId('location').textContent).toBe('?customer=Acme');
  });

  it('says when no SLA matches the filters', async () => {
    renderAt('/slas?customer=Nobody');
    expect(await screen.findByText('No SLAs match these filters')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findAllByTestId(testIds.slas.row)).toHaveLength(2);
    expect(screen.getByTestId('location').textContent).toBe('');
  });

  it('shows the empty state with Create for Admins and a read-only note for Viewers', async () => {
    serve([]);
    const { unmount } = renderAt('/slas');
    expect(await screen.findByTestId(testIds.slas.empty)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Create SLA/ })).toBeInTheDocument();
    unmount();
    jest.mocked(canEditSettings).mockReturnValue(false);
    renderAt('/slas');
    expect(await screen.findByTestId(testIds.slas.readOnly)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Create SLA/ })).not.toBeInTheDocument();
  });

  it('shows a load error with Retry', async () => {
    getSettings.mockRejectedValueOnce(new Error('settings unreachable'));
    renderAt('/slas');
    expect(await screen.findByText('settings unreachable')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findAllByTestId(testIds.slas.row)).toHaveLength(2);
  });

  it('shows a failed computation on its row, and no data as "No data"', async () => {
    fetchResults.mockImplementation(async (sla, _s, periods) => {
      if (sla.id === 'globex-search') {
        throw new Error('No Prometheus data source');
      }
      return periods.map((p) => result(p, undefined));
    });
    renderAt('/slas');
    expect(await screen.findByText('No Prometheus data source')).toBeInTheDocument();
    expect(await screen.findByText('No data')).toBeInTheDocument();
  });

  it('shows broken stored SLAs naming the field and the reason (an unknown SLO, a javascript: link), never linked', async () => {
    serve([
      acme,
      { ...makeSla('orphan'), indicator: { sloId: 'deleted' } },
      { ...makeSla('evil'), name: XSS, contractUrl: 'javascript:alert(1)' },
    ]);
    renderAt('/slas');
    const broken = await screen.findAllByTestId(testIds.slas.brokenRow);
    expect(broken[0]).toHaveTextContent('slas[1].indicator.sloId: no SLO has the id "deleted"');
    expect(broken[1]).toHaveTextContent('slas[2].contractUrl: must be an http(s) URL');
    expect(broken[1]).toHaveTextContent(XSS);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it('renders user text as text, never as HTML', async () => {
    serve([makeSla('x', { name: XSS, customer: `${XSS}co`, services: [XSS] })]);
    renderAt('/slas');
    expect(await screen.findByRole('link', { name: XSS })).toBeInTheDocument();
    expect(screen.getByText(`${XSS}co`)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect((globalThis as { __xss?: number }).__xss).toBeUndefined();
  });
});

describe('SLA page', () => {
  it('shows the current period live, the last 12 periods with credits, and the exclusions applied', async () => {
    fetchResults.mockImplementation(async (_sla, _s, periods) =>
      periods.map((p, i) =>
        result(
          p,
          i === 0 ? 0.985 : 0.9992,
          i === 10
            ? {
                excludedMs: 2 * H,
                exclusions: [{ start: p.start + H, end: p.start + 3 * H, title: `Upgrade ${XSS}`, id: 'mnt-x-1' }],
              }
            : {}
        )
      )
    );
    renderAt('/slas/acme-checkout');
    const current = await screen.findByTestId(testIds.slas.current);
    expect(within(current).getByText('This month: 2026-03')).toBeInTheDocument();
    expect(within(current).getByText('99.920%')).toBeInTheDocument();
    expect(within(current).getByText('420 bad events left')).toBeInTheDocument();
    const rows = within(screen.getByTestId(testIds.slas.periods)).getAllByRole('row');
    expect(rows).toHaveLength(13);
    expect(rows[1]).toHaveTextContent('2026-03 (running)');
    expect(rows[12]).toHaveTextContent('2025-04');
    expect(rows[12]).toHaveTextContent('98.500%');
    expect(rows[12]).toHaveTextContent('Breached');
    expect(rows[12]).toHaveTextContent('1,500 of 100,000 bad');
    expect(rows[12]).toHaveTextContent('25%');
    expect(rows[2]).toHaveTextContent('2 h 00 min');
    const exclusions = screen.getByTestId(testIds.slas.exclusions);
    expect(exclusions).toHaveTextContent('2026-02');
    expect(exclusions).toHaveTextContent('2026-02-01 01:00'); // Berlin time: the period starts at local midnight
    expect(within(exclusions).getByText(`Upgrade ${XSS}`)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    const [[, , periods]] = fetchResults.mock.calls;
    expect(periods.map((p) => p.label)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(screen.getByRole('link', { name: /Edit/ })).toHaveAttribute(
      'href',
      '/a/sre-reliability-app/slas/acme-checkout/edit'
    );
  });

  it('says "no data" for a period without data, and shows a failed computation with Retry', async () => {
    fetchResults.mockImplementation(async (_sla, _s, periods) => periods.map((p) => result(p, undefined)));
    const { unmount } = renderAt('/slas/acme-checkout');
    expect(await screen.findByText(/No data yet for this period/)).toBeInTheDocument();
    unmount();
    fetchResults.mockRejectedValueOnce(new Error('query timed out'));
    renderAt('/slas/acme-checkout');
    expect(await screen.findByText('query timed out')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('passes maintenance to the computation, lists the SLA’s windows and cancels one that has not ended', async () => {
    const planned = mwindow();
    const ran = mwindow({
      id: 'mnt-a-2',
      title: 'Cut short',
      start: NOW - 5 * H,
      end: NOW - 4 * H,
      plannedEnd: NOW - 2 * H,
      cancelled: true,
    });
    const other = mwindow({ id: 'mnt-a-3', title: 'Search reindex', services: ['search'] });
    listWindows.mockResolvedValue({ windows: [planned, ran, other], problems: [] });
    jest.mocked(cancelMaintenance).mockResolvedValue();
    renderAt('/slas/acme-checkout');
    const section = await screen.findByTestId(testIds.slas.maintenance);
    const rows = within(section).getAllByTestId(testIds.slas.maintenanceRow);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Planned');
    expect(rows[0]).toHaveTextContent('DB upgrade');
    expect(rows[0]).toHaveTextContent('2026-03-16 13:00 → 2026-03-16 15:00 (Europe/Berlin)');
    expect(rows[1]).toHaveTextContent('Cancelled while running');
    // The part of a cancelled window that ran is still excluded.
    await waitFor(() => expect(fetchResults).toHaveBeenCalled());
    expect(fetchResults.mock.calls[0][3]).toEqual([
      { ...planned, cancelled: false },
      { ...ran, cancelled: false },
      { ...other, cancelled: false },
    ]);
    await user.click(within(rows[0]).getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Cancel maintenance' }));
    expect(cancelMaintenance).toHaveBeenCalledWith(planned);
  });

  it('plans maintenance with the SLA’s services by default, showing problems at their fields', async () => {
    jest.mocked(planMaintenance).mockResolvedValue('mnt-new-1');
    renderAt('/slas/acme-checkout');
    await user.click(await screen.findByTestId(testIds.slas.planMaintenance));
    const form = screen.getByTestId(testIds.slas.maintenanceForm);
    expect(within(form).getByLabelText(/^Services/)).toHaveValue('checkout');
    await user.click(within(form).getByRole('button', { name: 'Plan maintenance' }));
    expect(await within(form).findByText('Say what the maintenance is (shown on every dashboard)')).toBeInTheDocument();
    expect(planMaintenance).not.toHaveBeenCalled();
    await user.type(within(form).getByLabelText(/^Title/), 'Kernel patch');
    await user.click(within(form).getByRole('button', { name: 'Plan maintenance' }));
    await waitFor(() => expect(planMaintenance).toHaveBeenCalledTimes(1));
    const input = jest.mocked(planMaintenance).mock.calls[0][0];
    expect(input).toMatchObject({ title: 'Kernel patch', services: ['checkout'] });
    expect(input.start).toBe(Math.ceil(NOW / H) * H);
    expect(input.end - input.start).toBe(2 * H);
  });

  it('gives Viewers the page with disabled maintenance actions and no Edit', async () => {
    jest.mocked(canEditSettings).mockReturnValue(false);
    jest.mocked(canWriteAnnotations).mockReturnValue(false);
    listWindows.mockResolvedValue({ windows: [mwindow()], problems: [] });
    renderAt('/slas/acme-checkout');
    const section = await screen.findByTestId(testIds.slas.maintenance);
    // Disabled with a tooltip saying who can (aria-disabled keeps it focusable for keyboard users).
    expect(within(section).getByRole('button', { name: /Plan maintenance/ })).toHaveAttribute('aria-disabled', 'true');
    expect(within(section).getByRole('button', { name: /Cancel/ })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('link', { name: /Edit/ })).not.toBeInTheDocument();
  });

  it('names the problems of a broken SLA, and says when there is none with the id', async () => {
    serve([{ ...acme, target: 2 }]);
    const { unmount } = renderAt('/slas/acme-checkout');
    expect(await screen.findByText(/slas\[0\]\.target: must be a fraction/)).toBeInTheDocument();
    unmount();
    renderAt('/slas/nope');
    expect(await screen.findByText('No SLA with the id "nope"')).toBeInTheDocument();
  });
});

describe('SLA report', () => {
  it('shows the customer’s SLAs for the last complete period by default, printable, and downloads CSV and Markdown', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    }) as never;
    URL.revokeObjectURL = jest.fn();
    renderAt('/slas/report?customer=Acme');
    const report = await screen.findByTestId(testIds.slas.report);
    expect(report).toHaveTextContent('SLA report · Acme · 2026-02');
    await waitFor(() => expect(within(report).getByTestId(testIds.slas.periods)).toBeInTheDocument());
    expect(within(report).queryByText('Globex search')).not.toBeInTheDocument();
    expect(fetchResults).toHaveBeenCalledWith(
      acme,
      expect.anything(),
      [expect.objectContaining({ label: '2026-02' })],
      [],
      NOW,
      'prom'
    );
    // Grafana's chrome is hidden in print by CSS that keeps only the report and its ancestors.
    const printCss = Array.from(document.querySelectorAll('style'))
      .map((el) => el.textContent ?? '')
      .find((t) => t.includes('@media print'));
    expect(printCss).toMatch(/@media print[\s\S]*display: none !important/);
    await user.click(screen.getByTestId(testIds.slas.downloadCsv));
    await user.click(screen.getByTestId(testIds.slas.downloadMarkdown));
    expect(blobs).toHaveLength(2);
    // jsdom's Blob has no text(); FileReader reads it.
    const read = (b: Blob) =>
      new Promise<string>((resolve) => {
        const r = new FileReader();
        r.onload = () => resolve(String(r.result));
        r.readAsText(b);
      });
    const [csv, md] = await Promise.all(blobs.map(read));
    expect(csv.split('\r\n')[0]).toMatch(/^sla_id,sla_name,customer,period/);
    expect(csv).toContain('acme-checkout,Acme checkout,Acme,2026-02');
    expect(md).toContain('# SLA report: Acme checkout');
  });

  it('switches period from the picker, kept in the URL', async () => {
    renderAt('/slas/report?customer=Globex&period=2026-01');
    const report = await screen.findByTestId(testIds.slas.report);
    expect(report).toHaveTextContent('SLA report · Globex · 2026-01');
    await waitFor(() => expect(within(report).getByText('98.000%')).toBeInTheDocument());
    expect(within(report).getByText('Breached')).toBeInTheDocument();
  });
});

describe('SLA editor', () => {
  it('is read-only for non-Admins', async () => {
    jest.mocked(canEditSettings).mockReturnValue(false);
    renderAt('/slas/new');
    expect(await screen.findByTestId(testIds.slas.readOnly)).toHaveTextContent(
      'Admins can create, edit and delete SLAs'
    );
    expect(screen.queryByRole('button', { name: 'Save SLA' })).not.toBeInTheDocument();
  });

  it('shows validateSla’s problems at their fields, including credit tiers, and saves nothing', async () => {
    renderAt('/slas/new');
    await user.type(await screen.findByLabelText(/^Id/), 'Bad Id');
    await user.clear(screen.getByLabelText(/^Target/));
    await user.type(screen.getByLabelText(/^Target/), '99.85');
    await user.clear(screen.getByLabelText('Credit (% of the bill)', { selector: '#sla-credit-percent-1' }));
    await user.type(screen.getByLabelText('Credit (% of the bill)', { selector: '#sla-credit-percent-1' }), '5');
    await user.type(screen.getByLabelText(/^Contract link/), 'javascript:alert(1)');
    await user.click(screen.getByRole('button', { name: 'Save SLA' }));
    const problems = await screen.findByTestId(testIds.slas.editorProblems);
    expect(problems).toHaveTextContent('id: must be a slug');
    expect(problems).toHaveTextContent('credits[0].below: must not be above the target');
    expect(problems).toHaveTextContent(
      'credits[1].creditPercent: credits must increase as thresholds fall: 5 is not above 10'
    );
    expect(problems).toHaveTextContent('contractUrl: must be an http(s) URL');
    expect(problems).toHaveTextContent('indicator.sloId');
    // At the field too (the list above names the path, the field shows the message alone).
    expect(screen.getByText('credits must increase as thresholds fall: 5 is not above 10')).toBeInTheDocument();
    expect(screen.getByText('must be an http(s) URL, got "javascript:alert(1)"')).toBeInTheDocument();
    expect(saveSla).not.toHaveBeenCalled();
  });

  it('edits an SLA, warns when it is not looser than its SLO, saves from the loaded revision, and shows a conflict', async () => {
    serve([makeSla('acme-checkout', { target: 0.999, revision: 4 })]);
    jest
      .mocked(saveSla)
      .mockRejectedValueOnce(
        new ConflictError(
          'SLA "acme-checkout" was changed by someone else since you opened it (revision 4 → 5). Reload to see their change.'
        )
      );
    renderAt('/slas/acme-checkout/edit');
    expect(await screen.findByTestId(testIds.slas.editorWarnings)).toHaveTextContent('give no early warning');
    expect(screen.getByLabelText(/^Id/)).toBeDisabled();
    await user.clear(screen.getByLabelText(/^Name/));
    await user.type(screen.getByLabelText(/^Name/), 'Acme checkout v2');
    await user.click(screen.getByRole('button', { name: 'Save SLA' }));
    expect(await screen.findByTestId(testIds.slas.conflict)).toHaveTextContent('revision 4 → 5');
    expect(saveSla).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'acme-checkout', name: 'Acme checkout v2', target: 0.999, revision: 4 }),
      4
    );
  });
});
