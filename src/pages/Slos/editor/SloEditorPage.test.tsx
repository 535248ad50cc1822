// Combobox needs canvas text measuring, IntersectionObserver and element sizes, which jsdom lacks.
import { giveElementsASize } from '../../../components/testing/jsdomPolyfills';
import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../../components/testing/user';
import { ConflictError, deleteSlo, saveSlo } from '../../../api/slos';
import { LostUpdateError, getPluginSettings } from '../../../api/pluginSettings';
import { canEditSettings } from '../../../api/permissions';
import { fetchSloPreview } from '../../../api/sloPreview';
import { testIds } from '../../../components/testIds';
import type { Slo } from '../../../domain/slo/model';
import SloEditorPage from './SloEditorPage';

jest.mock('../../../api/slos', () => ({
  ...jest.requireActual('../../../api/slos'),
  saveSlo: jest.fn(),
  deleteSlo: jest.fn(),
}));
jest.mock('../../../api/pluginSettings', () => ({
  ...jest.requireActual('../../../api/pluginSettings'),
  getPluginSettings: jest.fn(),
}));
jest.mock('../../../api/permissions');
jest.mock('../../../api/sloPreview');
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  // The real picker needs Grafana's data source service.
  DataSourcePicker: ({ current }: { current: string | null }) => <span>{`prometheus: ${current ?? 'none'}`}</span>,
}));

jest.setTimeout(30000);

const stored: Slo = {
  id: 'checkout-errors',
  name: 'Checkout errors',
  service: 'checkout',
  sli: {
    kind: 'ratio',
    bad: 'http_requests_total{job="checkout",code=~"5.."}',
    total: 'http_requests_total{job="checkout"}',
  },
  objective: { target: 0.995 },
  window: { type: 'rolling', duration: '30d' },
  revision: 3,
};

function Location() {
  return <output data-testid="location">{useLocation().pathname}</output>;
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[`/a/sre-reliability-app/${path}`]}>
      <Routes>
        <Route path="/a/sre-reliability-app/slos/new" element={<SloEditorPage />} />
        <Route path="/a/sre-reliability-app/slos/:id/edit" element={<SloEditorPage />} />
        <Route path="*" element={null} />
      </Routes>
      <Location />
    </MemoryRouter>
  );
}

const user = setupUser();
/** Pastes instead of typing: user-event would read `{` and `[` in PromQL as key names. */
/** A field by the start of its label (Grafana's labels hold the description too). */
const field = (label: string) => screen.getByLabelText(new RegExp(`^${label.replace(/[()]/g, '\\$&')}`));
async function fill(label: string, text: string) {
  const input = field(label);
  await user.clear(input);
  if (text) {
    await user.click(input);
    await user.paste(text);
  }
}
const next = () => user.click(screen.getByTestId(testIds.sloEditor.next));
const goTo = (title: RegExp) =>
  user.click(within(screen.getByTestId(testIds.sloEditor.stepList)).getByRole('button', { name: title }));

beforeAll(() => {
  giveElementsASize();
});

/** The stored SLOs, read (and validated) from the plugin settings like every page does. */
function serveSlos(slos: Slo[]) {
  jest
    .mocked(getPluginSettings)
    .mockResolvedValue({ enabled: true, pinned: false, jsonData: { slos, settings: { defaultPrometheusUid: 'prom' } } });
}

beforeEach(() => {
  jest.clearAllMocks();
  serveSlos([stored]);
  jest.mocked(canEditSettings).mockReturnValue(true);
  jest.mocked(fetchSloPreview).mockResolvedValue({ sli: [], errorRatio: null, remaining: null });
  jest.mocked(saveSlo).mockImplementation(async (slo) => ({ ...slo, revision: 1 }));
  jest.mocked(deleteSlo).mockResolvedValue();
});

describe('SloEditorPage', () => {
  it('creates an SLO through the wizard and opens it', async () => {
    renderAt('slos/new');
    await screen.findByTestId(testIds.sloEditor.stepList);
    await next();
    await fill('Bad events query', 'http_requests_total{job="shop",code=~"5.."}');
    await fill('Total events query', 'http_requests_total{job="shop"}');
    await next();
    await fill('Objective', '99.95');
    await user.click(screen.getByRole('radio', { name: '28d' }));
    await next();
    await user.click(screen.getByRole('switch', { name: 'Enable the slow tier' }));
    await fill('Runbook URL', 'https://runbooks.example.com/shop');
    await next();
    await fill('Name', 'Shop requests succeed');
    expect(field('Id')).toHaveValue('shop-requests-succeed');
    await fill('Service', 'shop');
    await next();
    expect(screen.getByTestId(testIds.sloEditor.openSlo)).toHaveTextContent('kind: SLO');
    await user.click(screen.getByTestId(testIds.sloEditor.save));

    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/a/sre-reliability-app/slos/shop-requests-succeed')
    );
    expect(saveSlo).toHaveBeenCalledWith(
      {
        id: 'shop-requests-succeed',
        name: 'Shop requests succeed',
        service: 'shop',
        sli: {
          kind: 'ratio',
          bad: 'http_requests_total{job="shop",code=~"5.."}',
          total: 'http_requests_total{job="shop"}',
        },
        objective: { target: 0.9995 },
        window: { type: 'rolling', duration: '28d' },
        alerting: { tiers: [{ tier: 'slow', enabled: false }], runbookUrl: 'https://runbooks.example.com/shop' },
      },
      undefined
    );
  });

  it('shows a validation message next to the field and disables Save', async () => {
    renderAt('slos/new');
    await screen.findByTestId(testIds.sloEditor.stepList);
    await goTo(/Objective and window/);
    await fill('Objective', '150');
    expect(screen.getByText('must be between 0 and 1 (exclusive), got 1.5')).toBeInTheDocument();
    expect(screen.getByTestId(testIds.sloEditor.save)).toBeDisabled();
    await goTo(/Review/);
    expect(screen.getByTestId(testIds.sloEditor.problems)).toHaveTextContent('Objective and window: 1 problem');
    expect(saveSlo).not.toHaveBeenCalled();
  });

  it('refuses an SLO whose policy does not exist, at the policy field, and saves nothing', async () => {
    serveSlos([{ ...stored, policy: 'gone' }]);
    renderAt('slos/checkout-errors/edit');
    await screen.findByTestId(testIds.sloEditor.stepList);
    await goTo(/Objective and window/);
    expect(await screen.findByText('no policy "gone" (known: workbook)')).toBeInTheDocument();
    expect(field('Error-budget policy')).toHaveValue('gone (does not exist)');
    expect(screen.getByTestId(testIds.sloEditor.save)).toBeDisabled();
    expect(saveSlo).not.toHaveBeenCalled();
  });

  it('fills the queries from a template', async () => {
    renderAt('slos/new');
    await screen.findByTestId(testIds.sloEditor.stepList);
    await next();
    await user.click(screen.getByRole('combobox', { name: 'Start from a template' }));
    await user.click(await screen.findByRole('option', { name: /Prometheus client/ }));
    await fill('Service label value', 'shop');
    await user.click(screen.getByTestId(testIds.sloEditor.templateApply));
    expect(field('Bad events query')).toHaveValue('http_requests_total{job="shop",code=~"5.."}');
    expect(field('Total events query')).toHaveValue('http_requests_total{job="shop"}');
  });

  it('keeps the edit when another save replaced ours, and re-applies it when asked', async () => {
    jest.mocked(saveSlo).mockRejectedValueOnce(new LostUpdateError('Another save replaced yours.', {}));
    renderAt('slos/checkout-errors/edit');
    await screen.findByTestId(testIds.sloEditor.stepList);
    await goTo(/Details/);
    await fill('Name', 'Mine');
    await user.click(screen.getByTestId(testIds.sloEditor.save));
    const alert = await screen.findByTestId(testIds.sloEditor.conflict);
    expect(alert).toHaveTextContent(/Another save replaced yours/);
    expect(field('Name')).toHaveValue('Mine');
    await user.click(within(alert).getByRole('button', { name: 'Save my change again' }));
    await waitFor(() => expect(saveSlo).toHaveBeenCalledTimes(2));
    expect(saveSlo).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Mine' }), 3);
  });

  it('shows a conflict on save and reloads only when asked', async () => {
    jest
      .mocked(saveSlo)
      .mockRejectedValue(
        new ConflictError(
          'SLO "checkout-errors" was changed by someone else since you opened it (revision 3 → 4). Reload to see their change.'
        )
      );
    renderAt('slos/checkout-errors/edit');
    await screen.findByTestId(testIds.sloEditor.stepList);
    await goTo(/Details/);
    expect(field('Id')).toHaveAttribute('readonly');
    await fill('Name', 'Mine');
    await user.click(screen.getByTestId(testIds.sloEditor.save));
    expect(await screen.findByText(/changed by someone else.*revision 3 → 4/)).toBeInTheDocument();
    expect(saveSlo).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'checkout-errors', name: 'Mine', revision: 3 }),
      3
    );
    expect(field('Name')).toHaveValue('Mine');

    serveSlos([{ ...stored, name: 'Theirs', revision: 4 }]);
    await user.click(screen.getByRole('button', { name: /Reload/ }));
    await waitFor(() => expect(field('Name')).toHaveValue('Theirs'));
    expect(screen.queryByTestId(testIds.sloEditor.conflict)).not.toBeInTheDocument();
  });

  it('asks before deleting, then deletes with the loaded revision and returns to the list', async () => {
    renderAt('slos/checkout-errors/edit');
    await user.click(await screen.findByTestId(testIds.sloEditor.delete));
    expect(deleteSlo).not.toHaveBeenCalled();
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deleteSlo).toHaveBeenCalledWith('checkout-errors', 3));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/a\/sre-reliability-app\/slos$/));
  });

  it('is read-only for non-admins and says who can edit', async () => {
    jest.mocked(canEditSettings).mockReturnValue(false);
    renderAt('slos/checkout-errors/edit');
    expect(await screen.findByTestId(testIds.sloEditor.readOnly)).toHaveTextContent('Only organization admins');
    expect(screen.queryByTestId(testIds.sloEditor.save)).not.toBeInTheDocument();
    expect(screen.queryByTestId(testIds.sloEditor.delete)).not.toBeInTheDocument();
    await goTo(/Details/);
    expect(field('Name')).toBeDisabled();
  });

  it('says so when the SLO does not exist', async () => {
    renderAt('slos/nope/edit');
    expect(await screen.findByTestId(testIds.sloEditor.notFound)).toHaveTextContent('There is no SLO with id "nope"');
    expect(screen.getByRole('link', { name: 'Back to SLOs' })).toHaveAttribute('href', '/a/sre-reliability-app/slos');
  });

  it('imports a Sloth spec from the YAML tab into the form', async () => {
    renderAt('slos/new?tab=yaml');
    const sloth = [
      'version: "prometheus/v1"',
      'service: "myservice"',
      'slos:',
      '  - name: "requests-availability"',
      '    objective: 99.5',
      '    sli:',
      '      events:',
      '        error_query: sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))',
      '        total_query: sum(rate(http_request_duration_seconds_count{job="myservice"}[{{.window}}]))',
      '    alerting:',
      '      name: MyServiceHighErrorRate',
    ].join('\n');
    await user.click(await screen.findByTestId(testIds.sloEditor.yamlInput));
    await user.paste(sloth);
    await user.click(screen.getByTestId(testIds.sloEditor.yamlImport));
    expect(await screen.findByText(/Imported "requests-availability" into the form/)).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Form' }));
    await goTo(/Queries/);
    expect(field('Bad events query')).toHaveValue(
      'sum(rate(http_request_duration_seconds_count{job="myservice",code=~"(5..|429)"}[{{.window}}]))'
    );
    await goTo(/Objective/);
    expect(field('Objective')).toHaveValue('99.5');
    await goTo(/Details/);
    expect(field('Service')).toHaveValue('myservice');
  });

  it('lists a refused Sloth plugin and leaves the form alone', async () => {
    renderAt('slos/new?tab=yaml');
    const yaml = [
      'version: "prometheus/v1"',
      'service: "myservice"',
      'slos:',
      '  - name: "plugin-slo"',
      '    objective: 99.9',
      '    sli:',
      '      plugin:',
      '        id: "sloth-common/kubernetes/apiserver/availability"',
    ].join('\n');
    await user.click(await screen.findByTestId(testIds.sloEditor.yamlInput));
    await user.paste(yaml);
    await user.click(screen.getByTestId(testIds.sloEditor.yamlImport));
    const result = screen.getByTestId(testIds.sloEditor.yamlResult);
    expect(result).toHaveTextContent('Nothing was imported');
    expect(result).toHaveTextContent(
      /slos\[0\]\.sli\.plugin: not supported: .*sloth-common\/kubernetes\/apiserver\/availability/
    );
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    await goTo(/Details/);
    expect(field('Name')).toHaveValue('');
  });
});
