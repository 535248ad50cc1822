// The declare form at /incidents/new; the list and the detail route are in IncidentsPage.test.tsx.
// Loaded first, as in IncidentsPage.test.tsx: the page pulls in scenes and Grafana UI, which need what jsdom lacks.
import '../../components/testing/jsdomPolyfills';
import { screen, waitFor } from '@testing-library/react';
import { setupUser } from '../../components/testing/user';
import { OrgRole } from '@grafana/data';
import { backend, respondWith } from '../../api/testing/fakeApi';
import { testIds } from '../../components/testIds';
import { at } from '../../domain/incident/__fixtures__/events';
import { location, renderAt, setUpIncidentsPageTests, setRole } from './testing/listFixtures';
import { BASE, IMG, NOW } from './testing/renderIncidentsPage';

const user = setupUser();

jest.mock('@grafana/runtime', () => jest.requireActual('./testing/mockRuntime').mockRuntime());


setUpIncidentsPageTests();

describe('declare form', () => {
  it('shows inline errors for a missing title and services and sends nothing', async () => {
    renderAt(`${BASE}/new`);
    await user.click(screen.getByTestId(testIds.incidents.submit));
    expect(screen.getByText('A title is required')).toBeInTheDocument();
    expect(screen.getByText('Name at least one affected service')).toBeInTheDocument();
    expect(backend.requests).toEqual([]);
    expect(location()).toBe(`${BASE}/new`);
  });

  it('declares: posts the declared event and the region annotation, then opens the incident', async () => {
    respondWith((req) => (req.method === 'POST' ? { data: { id: 9, message: 'Annotation added' } } : { data: [] }));
    renderAt(`${BASE}/new`);
    await user.type(screen.getByTestId(testIds.incidents.title), 'Checkout errors');
    await user.click(screen.getByRole('radio', { name: /SEV1/ }));
    await user.type(screen.getByTestId(testIds.incidents.services), 'checkout, cart');
    await user.click(screen.getByTestId(testIds.incidents.submit));

    await waitFor(() => expect(location()).toMatch(new RegExp(`^${BASE}/INC-20261128-[0-9a-z]{4}$`)));
    const id = location()!.split('/').pop();
    const posts = backend.requests.filter((r) => r.method === 'POST');
    expect(posts.map((p) => p.url)).toEqual(['/api/annotations', '/api/annotations']);
    expect(posts[0].body).toMatchObject({
      tags: ['sre-incident-event', `incident:${id}`],
      data: { type: 'declared', title: 'Checkout errors', severity: 1, services: ['checkout', 'cart'] },
    });
    expect(posts[1].body).toMatchObject({
      time: NOW,
      timeEnd: NOW,
      tags: ['sre-incident', `incident:${id}`, 'sev:1', 'status:detected', 'service:checkout', 'service:cart'],
    });
  });

  it('keeps the form and shows the error when the API fails', async () => {
    respondWith((req) => (req.method === 'POST' ? { status: 403, data: { message: 'access denied' } } : { data: {} }));
    renderAt(`${BASE}/new`);
    await user.type(screen.getByTestId(testIds.incidents.title), 'Checkout errors');
    await user.type(screen.getByTestId(testIds.incidents.services), 'checkout');
    await user.click(screen.getByTestId(testIds.incidents.submit));
    expect(await screen.findByText('The incident was not declared')).toBeInTheDocument();
    expect(screen.getByText(/access denied/)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.incidents.title)).toHaveValue('Checkout errors');
    expect(location()).toBe(`${BASE}/new`);
  });

  it('prefills from URL parameters: title, services, impact start and SLOs linked right after declaring', async () => {
    const posts: Array<{ tags: string[]; data?: { type: string; sloId?: string; startedAt?: number } }> = [];
    respondWith((req) => {
      if (req.method === 'POST') {
        posts.push(req.body as (typeof posts)[number]);
        return { data: { id: posts.length } };
      }
      if (req.method === 'PATCH') {
        return { data: {} };
      }
      return { data: req.url.includes('/plugins/') ? { jsonData: {} } : posts.filter((p) => p.data) };
    });
    const from = at(30);
    renderAt(
      `${BASE}/new?title=${encodeURIComponent(IMG)}&service=checkout&service=cart&slo=errors&from=${from}&to=${NOW}`
    );
    expect(screen.getByTestId(testIds.incidents.title)).toHaveValue(IMG);
    expect(screen.getByTestId(testIds.incidents.services)).toHaveValue('checkout, cart');
    expect(screen.getByTestId(testIds.incidents.sloIds)).toHaveTextContent('errors');
    expect(screen.getByTestId(testIds.incidents.startedAt)).toBeInTheDocument();
    await user.click(screen.getByTestId(testIds.incidents.submit));

    await waitFor(() => expect(location()).toMatch(new RegExp(`^${BASE}/INC-`)));
    const events = posts.filter((p) => p.tags.includes('sre-incident-event')).map((p) => p.data!);
    expect(events.map((e) => e.type)).toEqual(['declared', 'slo_linked']);
    expect(events[0]).toMatchObject({ title: IMG, services: ['checkout', 'cart'], startedAt: from });
    expect(events[1]).toMatchObject({ sloId: 'errors' });
  });

  it('declares from now when the prefilled start is dropped, and ignores a start in the future', async () => {
    respondWith((req) => (req.method === 'POST' ? { data: { id: 1 } } : { data: [] }));
    renderAt(`${BASE}/new?title=x&service=a&from=${NOW + 1}`);
    expect(screen.queryByTestId(testIds.incidents.startedAt)).not.toBeInTheDocument();
    await user.click(screen.getByTestId(testIds.incidents.submit));
    await waitFor(() => expect(location()).toMatch(new RegExp(`^${BASE}/INC-`)));
    const declaredEvent = (backend.requests[0].body as { data: Record<string, unknown> }).data;
    expect(declaredEvent.startedAt).toBeUndefined();
  });

  it('offers no form to read-only users', () => {
    setRole(OrgRole.Viewer);
    renderAt(`${BASE}/new`);
    expect(screen.queryByTestId(testIds.incidents.form)).not.toBeInTheDocument();
    expect(screen.getByText(/Declaring an incident needs permission/)).toBeInTheDocument();
  });
});
