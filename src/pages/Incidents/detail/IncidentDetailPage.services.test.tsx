// The "Affected services" section: adding services and Loki stream selectors, and the logs they feed.
import '../../../components/testing/jsdomPolyfills';
import { screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../../components/testing/user';
import { OrgRole } from '@grafana/data';
import { backend } from '../../../api/testing/fakeApi';
import { testIds } from '../../../components/testIds';
import { declared, ev } from '../../../domain/incident/__fixtures__/events';
import { checkRequest } from '../../../../tests/contract/openapi';
import { IMG, NOW } from '../testing/renderIncidentsPage';
import {
  posted,
  renderDetail,
  SCRIPT,
  serve,
  setRole,
  setSettings,
  setUpDetailPageTests,
} from './testing/detailFixtures';

const user = setupUser();

jest.mock('@grafana/runtime', () => jest.requireActual('../testing/mockRuntime').mockRuntime());
jest.mock('./IncidentLogsScene', () => jest.requireActual('./testing/FakeLogsScene'));

setUpDetailPageTests();

const section = async () => screen.findByTestId(testIds.incidentDetail.affectedServices);
const listed = (testId: string) => screen.queryAllByTestId(testId).map((li) => li.textContent);
/** Every request that changes something; reads (and the settings) are not interesting here. */
const writes = () => backend.requests.filter((r) => r.method !== 'GET');

/** Types `text` into an input without user-event reading `{` as a key name. */
async function enter(testId: string, text: string) {
  const input = screen.getByTestId(testId);
  await user.clear(input);
  await user.click(input);
  await user.paste(text);
}

/** Clicks `button` with `text` in `input` and returns the message under the field; nothing must be sent. */
async function refused(input: string, button: string, text: string): Promise<string> {
  await enter(input, text);
  await user.click(screen.getByTestId(button));
  expect(writes()).toEqual([]);
  // One message at a time: the other field of the section has none.
  return within(await section()).getByRole('alert').textContent ?? '';
}

describe('incident detail: affected services', () => {
  beforeEach(() => setSettings({ settings: { lokiUid: 'loki-1', logServiceLabel: 'app' } }));

  it('adds a service: a service_added event, the region tagged service:<name>, and its logs embedded', async () => {
    renderDetail();
    await section();
    expect(listed(testIds.incidentDetail.service)).toEqual(['checkout']);
    // The logs scene mounts once the app settings (the Loki data source) arrive, a read apart from the incident's:
    // on a busy machine that can be after the services section shows.
    await waitFor(() => expect(screen.getByTestId('logs-scene')).toHaveTextContent('{app="checkout"}'));

    // The Field labels the input (its description is part of the label).
    await user.click(screen.getByRole('textbox', { name: /^Add service/ }));
    await user.paste('  cart ');
    await user.click(screen.getByTestId(testIds.incidentDetail.addService));

    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({
      type: 'service_added',
      service: 'cart',
      incidentId: 'INC-X',
      author: 'bob',
      at: NOW,
    });
    const region = backend.requests.find((r) => r.method === 'PATCH');
    expect(region?.url).toBe('/api/annotations/7');
    expect((region?.body as { tags: string[] }).tags).toEqual(
      expect.arrayContaining(['service:checkout', 'service:cart'])
    );
    for (const r of backend.requests.filter((q) => !q.url.startsWith('/api/plugins/'))) {
      expect(checkRequest(r)).toEqual([]);
    }

    await waitFor(() => expect(listed(testIds.incidentDetail.service)).toEqual(['checkout', 'cart']));
    expect(screen.getByTestId(testIds.incidentDetail.serviceInput)).toHaveValue('');
    await waitFor(() => expect(screen.getByTestId('logs-scene')).toHaveTextContent('{app=~"checkout|cart"}'));
    expect(screen.getByText('Added service cart')).toBeInTheDocument();
  });

  it('adds a service with Enter', async () => {
    renderDetail();
    await section();
    await user.type(screen.getByTestId(testIds.incidentDetail.serviceInput), 'payments{Enter}');
    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ type: 'service_added', service: 'payments' });
  });

  it('refuses an empty, a duplicate or a comma-separated service, saying why, and sends nothing', async () => {
    renderDetail();
    await section();
    const { serviceInput, addService } = testIds.incidentDetail;
    expect(await refused(serviceInput, addService, '   ')).toBe('Enter a service name.');
    expect(await refused(serviceInput, addService, ' checkout ')).toBe('Service checkout is already listed.');
    expect(await refused(serviceInput, addService, 'cart, db')).toBe(
      'A service name cannot contain a comma: add one service at a time.'
    );
    expect(await refused(serviceInput, addService, 'x'.repeat(101))).toBe(
      'A service name must fit a Grafana tag: at most 100 characters, no repeated spaces.'
    );
    // Editing clears the message.
    await user.type(screen.getByTestId(serviceInput), 'x');
    expect(within(await section()).queryByRole('alert')).not.toBeInTheDocument();
    expect(posted()).toEqual([]);
  });

  it('adds a stream selector in canonical form, and the logs show it next to the services', async () => {
    renderDetail();
    await section();
    expect(screen.getByText(/No log selector is added/)).toBeInTheDocument();
    await enter(testIds.incidentDetail.selectorInput, ' { namespace = "shop",app=`cart` } ');
    await user.keyboard('{Enter}');

    await waitFor(() => expect(posted()).toHaveLength(1));
    expect(posted()[0]).toMatchObject({ type: 'log_selector_added', selector: '{namespace="shop", app="cart"}' });
    expect(backend.requests.filter((r) => r.method === 'PATCH').map((r) => r.url)).toEqual(['/api/annotations/7']);
    for (const r of backend.requests.filter((q) => !q.url.startsWith('/api/plugins/'))) {
      expect(checkRequest(r)).toEqual([]);
    }
    await waitFor(() => expect(listed(testIds.incidentDetail.logSelector)).toEqual(['{namespace="shop", app="cart"}']));
    await waitFor(() =>
      expect(screen.getByTestId('logs-scene')).toHaveTextContent('{app="checkout"} | {namespace="shop", app="cart"}')
    );
    expect(screen.getByTestId(testIds.incidentDetail.selectorInput)).toHaveValue('');
  });

  it('refuses an invalid or already listed selector, saying why, and sends nothing', async () => {
    serve([declared(), ev('log_selector_added', 12, { selector: '{namespace="shop", app="cart"}' })]);
    renderDetail();
    await section();
    const { selectorInput, addSelector } = testIds.incidentDetail;
    expect(await refused(selectorInput, addSelector, 'app="cart"')).toBe(
      'Not a valid log selector: expected "{" at offset 0.'
    );
    expect(await refused(selectorInput, addSelector, '{app="cart"} |= "error"')).toBe(
      'Not a valid log selector: only a plain stream selector is allowed; found more at offset 13.'
    );
    expect(await refused(selectorInput, addSelector, '{app!="cart"}')).toMatch(
      /^Not a valid log selector: Loki needs at least one = or =~ matcher that cannot match an empty value/
    );
    expect(await refused(selectorInput, addSelector, '{namespace="shop",app="cart"}')).toBe(
      'Log selector {namespace="shop", app="cart"} is already listed.'
    );
    expect(posted()).toEqual([]);
  });

  it('lists services and selectors read-only, as text, for viewers', async () => {
    setRole(OrgRole.Viewer);
    serve([declared({ services: ['checkout', IMG] }), ev('log_selector_added', 12, { selector: `{app="${SCRIPT}"}` })]);
    const { container } = renderDetail();
    const s = await section();
    expect(listed(testIds.incidentDetail.service)).toEqual(['checkout', IMG]);
    expect(listed(testIds.incidentDetail.logSelector)).toEqual([`{app="${SCRIPT}"}`]);
    expect(within(s).queryByRole('textbox')).not.toBeInTheDocument();
    expect(within(s).queryByRole('button')).not.toBeInTheDocument();
    for (const id of [testIds.incidentDetail.serviceInput, testIds.incidentDetail.addSelector]) {
      expect(screen.queryByTestId(id)).not.toBeInTheDocument();
    }
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
  });
});
