// The reviewer picker is a Combobox: it needs canvas text measuring and element sizes, which jsdom lacks.
import { giveElementsASize } from '../../components/testing/jsdomPolyfills';
import React from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setupUser } from '../../components/testing/user';
import { getIncident, type LoadedIncident } from '../../api/incidents';
import { canWriteAnnotations, currentLogin } from '../../api/permissions';
import { getPluginSettings } from '../../api/pluginSettings';
import { appendPostmortemEvent, getPostmortem, startPostmortem } from '../../api/postmortems';
import { testIds } from '../../components/testIds';
import { DEFAULT_SECTIONS, type Postmortem } from '../../domain/postmortem';
import { queryClient } from '../data/queryClient';
import PostmortemPage from './PostmortemPage';
import { ev, INC, postmortem, written } from './testing/fixtures';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  PluginPage: jest.requireActual('../../components/testing/TestPluginPage').TestPluginPage,
}));
jest.mock('../../api/postmortems');
jest.mock('../../api/incidents', () => ({ ...jest.requireActual('../../api/incidents'), getIncident: jest.fn() }));
jest.mock('../../api/pluginSettings', () => ({ getPluginSettings: jest.fn() }));
jest.mock('../../api/users', () => ({ searchOrgUsers: jest.fn() }));
jest.mock('../../api/permissions');

configure({ asyncUtilTimeout: 5000 });
const user = setupUser();
const get = jest.mocked(getPostmortem);
const append = jest.mocked(appendPostmortemEvent);
const start = jest.mocked(startPostmortem);

function Location() {
  const l = useLocation();
  return <output data-testid="location">{`${l.pathname}${l.search}`}</output>;
}

function renderAt(search = '') {
  return render(
    <MemoryRouter initialEntries={[`/postmortems/${INC}${search}`]}>
      <Routes>
        <Route path="postmortems/:incidentId" element={<PostmortemPage />} />
      </Routes>
      <Location />
    </MemoryRouter>
  );
}

const serve = (pm: Postmortem | undefined) => get.mockResolvedValue({ postmortem: pm, problems: [] });
/** appendPostmortemEvent answers with the postmortem the next read would give. */
const answer = (pm: Postmortem) => append.mockResolvedValueOnce({ postmortem: pm, problems: [] });
/** One write-up section by title (the action items component inside "Action items" is a region of its own). */
const section = (title: string) =>
  screen.getAllByTestId(testIds.postmortem.section).find((s) => s.getAttribute('aria-label') === title)!;
const commands = () => append.mock.calls.map((c) => c[1]);

beforeAll(() => giveElementsASize());
beforeEach(() => {
  jest.clearAllMocks();
  queryClient.clear();
  jest.mocked(canWriteAnnotations).mockReturnValue(true);
  jest.mocked(currentLogin).mockReturnValue('alice');
  jest.mocked(getPluginSettings).mockResolvedValue({ enabled: true, pinned: false, jsonData: {} });
});

describe('Postmortem page: loading and starting', () => {
  it('shows loading, then a failed read with Retry, which reads again', async () => {
    get.mockRejectedValueOnce(new Error('annotations: 502 Bad Gateway'));
    get.mockResolvedValueOnce({ postmortem: written(), problems: [] });
    renderAt();
    expect(screen.getByText('Loading postmortem…')).toBeInTheDocument();
    expect(await screen.findByText('annotations: 502 Bad Gateway')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Postmortem: Checkout errors', level: 1 })).toBeInTheDocument();
  });

  it('says there is none yet and offers Start; Start (?start=1) starts it from the incident with the template', async () => {
    serve(undefined);
    const incident = { id: INC, status: 'resolved', title: 'Checkout errors' } as LoadedIncident;
    jest.mocked(getIncident).mockResolvedValue({ incident, problems: [] });
    start.mockResolvedValue(postmortem());
    renderAt();
    expect(await screen.findByText(`Incident ${INC} has no postmortem yet`)).toBeInTheDocument();
    expect(start).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Start postmortem' }));
    expect(await screen.findByTestId(testIds.postmortem.facts)).toBeInTheDocument();
    expect(start).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledWith(incident, DEFAULT_SECTIONS);
    expect(screen.getByTestId('location')).toHaveTextContent(new RegExp(`/postmortems/${INC}$`));
  });

  it('does not start one for an incident that is not resolved, and says why', async () => {
    serve(undefined);
    jest
      .mocked(getIncident)
      .mockResolvedValue({ incident: { id: INC, status: 'mitigating' } as LoadedIncident, problems: [] });
    renderAt('?start=1');
    expect(
      await screen.findByText(`Incident ${INC} is mitigating: a postmortem starts once it is resolved.`)
    ).toBeInTheDocument();
    expect(start).not.toHaveBeenCalled();
  });

  it('opens an existing postmortem on ?start=1 without starting another', async () => {
    serve(written());
    renderAt('?start=1');
    await screen.findByTestId(testIds.postmortem.facts);
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(new RegExp(`/postmortems/${INC}$`)));
    expect(start).not.toHaveBeenCalled();
  });
});

describe('Postmortem page: the write-up', () => {
  it('shows the prefill facts: severity, services, responders and roles, window, MTTx, budget with share, Explore', async () => {
    serve(written());
    renderAt();
    const facts = await screen.findByTestId(testIds.postmortem.facts);
    expect(facts).toHaveTextContent('SEV2');
    expect(facts).toHaveTextContent('checkout, payments');
    expect(facts).toHaveTextContent('Incident commander: Bob Jones');
    expect(facts).toHaveTextContent('Technical lead: carol');
    // Detect 5m, acknowledge 5m after detection, mitigate 40m, resolve 50m.
    expect(facts).toHaveTextContent('5m / 5m / 40m / 50m');
    expect(facts).toHaveTextContent('Checkout availability: 35.12% of its budget (policy line 20%)');
    expect(within(facts).getByRole('link', { name: /Open in Explore/ })).toHaveAttribute(
      'href',
      '/explore?left=%7B%7D'
    );
  });

  it('renders the sections in template order, as Markdown', async () => {
    serve(written());
    renderAt();
    await screen.findByTestId(testIds.postmortem.facts);
    const titles = screen.getAllByTestId(testIds.postmortem.section).map((s) => s.getAttribute('aria-label'));
    expect(titles).toEqual(DEFAULT_SECTIONS.map((s) => s.title));
    expect(within(section('Summary')).getByText('40 minutes').tagName).toBe('STRONG');
    // An empty section says so, but the Action items section is not empty: it holds the items table.
    expect(within(section('Detection')).getByText('Not written yet.')).toBeInTheDocument();
    expect(within(section('Action items')).queryByText('Not written yet.')).not.toBeInTheDocument();
  });

  it('saves an edit based on the revision it was loaded from, and shows the saved text', async () => {
    const pm = written();
    serve(pm);
    renderAt();
    await user.click(await screen.findByRole('button', { name: 'Edit Impact' }));
    const box = within(section('Impact')).getByRole('textbox');
    expect(box).toHaveValue('12% of checkouts failed.');
    answer(
      written([ev({ type: 'section_edited', section: 'impact', markdown: 'Most checkouts failed.', baseRevision: 1 })])
    );
    await user.clear(box);
    await user.type(box, 'Most checkouts failed.');
    await user.click(within(section('Impact')).getByRole('button', { name: 'Save' }));
    expect(await within(section('Impact')).findByText('Most checkouts failed.')).toBeInTheDocument();
    expect(append).toHaveBeenCalledWith(pm, {
      type: 'section_edited',
      section: 'impact',
      markdown: 'Most checkouts failed.',
      baseRevision: 1,
    });
  });

  it('flags blaming language as it is typed, with the suggestion, and still saves', async () => {
    serve(written());
    renderAt();
    await user.click(await screen.findByRole('button', { name: 'Edit Root causes and trigger' }));
    const box = within(section('Root causes and trigger')).getByRole('textbox');
    fireEvent.change(box, { target: { value: 'Bob Jones forgot to run the canary. It was human error.' } });
    const flags = await within(section('Root causes and trigger')).findByTestId(testIds.postmortem.flags);
    expect(flags).toHaveTextContent('“human error”');
    expect(flags).toHaveTextContent('Try: Name the condition that let it happen');
    expect(flags).toHaveTextContent('Bob Jones');
    answer(written());
    const save = within(section('Root causes and trigger')).getByRole('button', { name: 'Save' });
    expect(save).toBeEnabled();
    await user.click(save);
    await waitFor(() => expect(append).toHaveBeenCalledTimes(1));
  });

  it('shows a refused save (too large) in the editor and keeps the text', async () => {
    serve(written());
    renderAt();
    await user.click(await screen.findByRole('button', { name: 'Edit Summary' }));
    append.mockRejectedValueOnce(new Error('Summary is 70,000 bytes; Grafana stores at most 65,535'));
    await user.click(within(section('Summary')).getByRole('button', { name: 'Save' }));
    expect(
      await within(section('Summary')).findByText('Summary is 70,000 bytes; Grafana stores at most 65,535')
    ).toBeInTheDocument();
    expect(within(section('Summary')).getByRole('textbox')).toHaveValue('Checkout failed for **40 minutes**.');
  });

  it('shows a same-section conflict side by side and saves the merge with `resolves`', async () => {
    const mine = ev(
      { type: 'section_edited', section: 'summary', markdown: 'Mine: the push broke checkout.', baseRevision: 1 },
      { author: 'alice' }
    );
    const pm = written([
      ev(
        { type: 'section_edited', section: 'summary', markdown: 'Theirs: checkout broke.', baseRevision: 1 },
        { author: 'dave' }
      ),
      mine,
    ]);
    expect(pm.conflicts).toHaveLength(1);
    serve(pm);
    renderAt();
    const conflict = await within(await screen.findByRole('region', { name: 'Summary' })).findByTestId(
      testIds.postmortem.conflict
    );
    expect(conflict).toHaveTextContent('Theirs: checkout broke.');
    expect(conflict).toHaveTextContent('Mine: the push broke checkout.');
    expect(conflict).toHaveTextContent('Saved: dave');
    expect(conflict).toHaveTextContent('Not applied: alice');
    await user.click(within(conflict).getByRole('button', { name: 'Merge' }));
    const box = within(section('Summary')).getByRole('textbox');
    expect(box).toHaveValue('Mine: the push broke checkout.');
    answer(written());
    fireEvent.change(box, { target: { value: 'The push broke checkout.' } });
    await user.click(within(section('Summary')).getByRole('button', { name: 'Save merged text' }));
    await waitFor(() =>
      expect(commands()).toEqual([
        {
          type: 'section_edited',
          section: 'summary',
          markdown: 'The push broke checkout.',
          baseRevision: 2,
          resolves: [mine.id],
        },
      ])
    );
  });

  it('renders <img onerror>, <script> and javascript: links in every section and amendment inert', async () => {
    const XSS = '<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> [x](javascript:window.__xss=3)';
    const pm = postmortem([
      ...DEFAULT_SECTIONS.map((s) =>
        ev({ type: 'section_edited', section: s.key, markdown: `${s.key} ${XSS}`, baseRevision: 0 })
      ),
    ]);
    serve(pm);
    renderAt();
    await screen.findByTestId(testIds.postmortem.facts);
    const page = screen.getByTestId(testIds.postmortem.print);
    for (const s of DEFAULT_SECTIONS) {
      expect(section(s.title)).toHaveTextContent(s.key);
    }
    expect(page.querySelectorAll('script')).toHaveLength(0);
    expect(page.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(page.querySelectorAll('a[href^="javascript"]')).toHaveLength(0);
    expect(page.querySelectorAll('img')).toHaveLength(DEFAULT_SECTIONS.length);
    expect((window as unknown as { __xss?: number }).__xss).toBeUndefined();
  });
});

describe('Postmortem page: workflow', () => {
  it('submits a draft for review', async () => {
    serve(written());
    renderAt();
    answer(written([ev({ type: 'status_changed', to: 'in_review' })]));
    await user.click(await screen.findByRole('button', { name: 'Submit for review' }));
    expect(await screen.findByRole('button', { name: 'Back to draft' })).toBeInTheDocument();
    expect(commands()).toEqual([{ type: 'status_changed', from: 'draft', to: 'in_review' }]);
  });

  it('lists what publishing still needs and asks for a reason when there are no action items', async () => {
    serve(postmortem([ev({ type: 'status_changed', to: 'in_review' })]));
    renderAt();
    await user.click(await screen.findByRole('button', { name: 'Publish…' }));
    const panel = screen.getByTestId(testIds.postmortem.publish);
    expect(panel).toHaveTextContent('Write the Summary section.');
    expect(panel).toHaveTextContent('Add at least one action item, or state why none is needed.');
    // 35% of the budget is over the 20% line: a P0 item is needed.
    expect(panel).toHaveTextContent('Add a P0 action item');
    expect(within(panel).getByRole('button', { name: 'Publish' })).toBeDisabled();
    await user.type(within(panel).getByLabelText(/Why no action items are needed/), 'Fixed by the vendor.');
    expect(panel).not.toHaveTextContent('Add at least one action item');
  });

  it('lists open blameless flags with an acknowledge checkbox; publishing records the acknowledgement', async () => {
    const pm = written([
      ev({ type: 'section_edited', section: 'went_wrong', markdown: 'It was human error.', baseRevision: 0 }),
      ev({ type: 'status_changed', to: 'in_review' }),
    ]);
    serve(pm);
    renderAt();
    await user.click(await screen.findByRole('button', { name: 'Publish…' }));
    const panel = screen.getByTestId(testIds.postmortem.publish);
    const publish = within(panel).getByRole('button', { name: 'Publish' });
    expect(publish).toBeDisabled();
    const box = within(panel).getByRole('checkbox', { name: /Acknowledge: What went wrong: "Human error"/ });
    await user.click(box);
    expect(publish).toBeEnabled();
    answer(pm);
    answer(written([ev({ type: 'status_changed', to: 'in_review' }), ev({ type: 'status_changed', to: 'published' })]));
    await user.click(publish);
    await waitFor(() => expect(append).toHaveBeenCalledTimes(2));
    expect(commands()[0]).toEqual({
      type: 'flags_acknowledged',
      flags: [{ section: 'went_wrong', message: expect.stringContaining('"Human error"') }],
    });
    expect(commands()[1]).toEqual({ type: 'status_changed', from: 'in_review', to: 'published' });
    expect(await screen.findByText(/Published by alice/)).toBeInTheDocument();
  });

  it('is read-only once published: no Edit, amendments recorded and shown with who and when', async () => {
    const published = written([
      ev({ type: 'status_changed', to: 'in_review' }),
      ev({ type: 'status_changed', to: 'published' }),
      ev({ type: 'amended', section: 'impact', text: 'Also **EU** users.' }, { author: 'erin' }),
    ]);
    serve(published);
    renderAt();
    await screen.findByTestId(testIds.postmortem.facts);
    expect(screen.queryByRole('button', { name: /^Edit / })).not.toBeInTheDocument();
    const amendment = within(section('Impact')).getByTestId(testIds.postmortem.amendment);
    expect(amendment).toHaveTextContent(/Amended by erin/);
    expect(within(amendment).getByText('EU').tagName).toBe('STRONG');
    await user.click(within(section('Summary')).getByRole('button', { name: 'Add amendment' }));
    answer(published);
    fireEvent.change(within(section('Summary')).getByRole('textbox'), { target: { value: 'Duration was 45m.' } });
    await user.click(within(section('Summary')).getByRole('button', { name: 'Record amendment' }));
    await waitFor(() =>
      expect(commands()).toEqual([{ type: 'amended', section: 'summary', text: 'Duration was 45m.' }])
    );
  });

  it('adds a reviewer and lets a reviewer approve while in review', async () => {
    const inReview = written([
      ev({ type: 'status_changed', to: 'in_review' }),
      ev({ type: 'reviewer_added', reviewer: { login: 'alice' } }),
    ]);
    serve(inReview);
    renderAt();
    const reviewers = await screen.findByTestId(testIds.postmortem.reviewers);
    expect(reviewers).toHaveTextContent('alice not approved yet');
    answer(written([...inReview.history.slice(1), ev({ type: 'approved' })]));
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(await screen.findByText(/approved/, { selector: 'span' })).toBeInTheDocument();
    expect(commands()).toEqual([{ type: 'approved' }]);
  });

  it('is read-only without permission to write annotations', async () => {
    jest.mocked(canWriteAnnotations).mockReturnValue(false);
    serve(written());
    renderAt();
    expect(await screen.findByTestId(testIds.postmortem.readOnly)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add reviewer' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit for review' })).toHaveAttribute('aria-disabled', 'true');
    // Export still works for readers.
    expect(screen.getByRole('button', { name: 'Download Markdown' })).toBeEnabled();
  });
});

describe('Postmortem page: export', () => {
  it('downloads and copies the Markdown export', async () => {
    serve(
      written([ev({ type: 'section_edited', section: 'went_well', markdown: '<script>x</script>', baseRevision: 0 })])
    );
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:x';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderAt();
    await user.click(await screen.findByRole('button', { name: 'Download Markdown' }));
    expect(click).toHaveBeenCalled();
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]);
    });
    expect(text).toContain('# Postmortem: Checkout errors');
    expect(text).not.toContain('<script>');
    // ClipboardButton writes through navigator.clipboard only in a secure context, as a browser on https is.
    Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy Markdown' }));
    expect(await navigator.clipboard.readText()).toBe(text);
    click.mockRestore();
  });
});
