import { DEFAULT_POSTMORTEM_POLICY, DEFAULT_SECTIONS } from '../domain/postmortem';
import { LostUpdateError } from './pluginSettings';
import { readPostmortemConfig, savePostmortemConfig } from './postmortemConfig';
import { ConflictError, ValidationError } from './storedItems';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';

type Stored = { enabled: boolean; pinned: boolean; jsonData: Record<string, unknown> };
let stored: Stored;
/** What a GET answers after the first POST; lets a test simulate another save landing between write and read. */
let afterPost: ((s: Stored) => Stored) | undefined;
const backend = createFakeBackend((req: RecordedRequest) => {
  if (req.method === 'POST') {
    stored = req.body as Stored;
    if (afterPost) {
      stored = afterPost(stored);
    }
    return { data: { message: 'Plugin settings updated' } };
  }
  return { data: JSON.parse(JSON.stringify(stored)) };
});

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

const sections = [
  { key: 'summary', title: 'TL;DR', order: 10 },
  { key: 'impact', title: 'Impact', order: 20 },
  { key: 'root_causes', title: 'Causes', order: 30 },
];
const policy = { ...DEFAULT_POSTMORTEM_POLICY, budgetShare: 0.3 };

beforeEach(() => {
  backend.requests.length = 0;
  afterPost = undefined;
  stored = { enabled: true, pinned: true, jsonData: { slos: [{ id: 'keep' }] } };
});

describe('readPostmortemConfig', () => {
  it('gives the defaults at revision 0 when nothing is stored', () => {
    expect(readPostmortemConfig({})).toEqual({
      sections: DEFAULT_SECTIONS,
      policy: DEFAULT_POSTMORTEM_POLICY,
      revision: 0,
      problems: [],
    });
    expect(readPostmortemConfig(undefined).revision).toBe(0);
  });

  it('reads a stored template and policy with their revision', () => {
    const config = readPostmortemConfig({ postmortems: { sections, policy, revision: 4 } });
    expect(config).toEqual({ sections, policy, revision: 4, problems: [] });
  });

  it('takes fields a provisioned policy leaves out from the defaults', () => {
    const config = readPostmortemConfig({ postmortems: { policy: { budgetShare: 0.1 } } });
    expect(config.policy).toEqual({ ...DEFAULT_POSTMORTEM_POLICY, budgetShare: 0.1 });
    expect(config.problems).toEqual([]);
  });

  it('falls back to the default sections when the stored template is invalid, naming the field', () => {
    const config = readPostmortemConfig({
      postmortems: { sections: [...sections, { key: 'Bad Key', title: 'x', order: 1 }] },
    });
    expect(config.sections).toEqual(DEFAULT_SECTIONS);
    expect(config.problems[0]).toMatch(/^postmortems\.sections\[3\]\.key: must be 1-40 lower-case letters/);
  });

  it('falls back to the default for each invalid policy field only, naming it', () => {
    const config = readPostmortemConfig({
      postmortems: {
        policy: { ...policy, dueBusinessDays: 0, actionItemDueDays: { P0: 7, P1: 'soon', P2: 90, P3: 180 }, x: 1 },
      },
    });
    expect(config.policy).toEqual({ ...DEFAULT_POSTMORTEM_POLICY, budgetShare: 0.3 });
    expect(config.problems).toEqual([
      'postmortems.policy.dueBusinessDays: must be a whole number of business days from 1 to 60',
      'postmortems.policy.actionItemDueDays.P1: must be a whole number of days from 1 to 3650',
      'postmortems.policy.x: is not a policy field',
    ]);
  });

  it('reports a stored value that is not an object, and a bad revision', () => {
    expect(readPostmortemConfig({ postmortems: [1] }).problems).toEqual([
      'postmortems: must be an object {sections, policy, revision}, got a list',
    ]);
    expect(readPostmortemConfig({ postmortems: { policy: 'strict' } }).problems).toEqual([
      'postmortems.policy: must be an object',
    ]);
    const bad = readPostmortemConfig({ postmortems: { revision: -2 } });
    expect(bad.revision).toBe(0);
    expect(bad.problems).toEqual(['postmortems.revision: must be a whole number from 0, got -2']);
  });
});

describe('savePostmortemConfig', () => {
  it('stores the template and policy with the next revision, keeping everything else', async () => {
    await savePostmortemConfig({ sections, policy: { ...policy, revision: 9 } }, 0);
    expect(stored.jsonData).toEqual({ slos: [{ id: 'keep' }], postmortems: { sections, policy, revision: 1 } });
    expect(stored.enabled).toBe(true);
    expect(stored.pinned).toBe(true);
    // Plugin settings are not in Grafana's OpenAPI spec; contract.test.ts checks updateJsonData's requests.
    expect(backend.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/plugins/sre-reliability-app/settings',
      'POST /api/plugins/sre-reliability-app/settings',
      'GET /api/plugins/sre-reliability-app/settings',
    ]);
    await savePostmortemConfig({ sections, policy: DEFAULT_POSTMORTEM_POLICY }, 1);
    expect(readPostmortemConfig(stored.jsonData).revision).toBe(2);
  });

  it('refuses an invalid template or policy naming each field, sending nothing', async () => {
    const bad = savePostmortemConfig(
      { sections: [{ key: 'summary', title: ' ', order: 1 }], policy: { ...policy, budgetShare: 5 } },
      0
    );
    await expect(bad).rejects.toThrow(ValidationError);
    await expect(bad).rejects.toMatchObject({
      problems: expect.arrayContaining([
        { path: 'postmortems.sections[0].title', message: 'must not be empty' },
        { path: 'postmortems.policy.budgetShare', message: expect.stringMatching(/between 0.01 and 1/) },
      ]),
    });
    expect(backend.requests).toEqual([]);
  });

  it('refuses to drop a section the publish rules read', async () => {
    await expect(savePostmortemConfig({ sections: sections.slice(0, 2), policy }, 0)).rejects.toThrow(
      /postmortems.sections: must keep the "root_causes" section/
    );
  });

  it('refuses with a conflict when someone saved since the editor loaded, writing nothing', async () => {
    stored.jsonData.postmortems = { sections, policy, revision: 3 };
    await expect(savePostmortemConfig({ sections, policy: DEFAULT_POSTMORTEM_POLICY }, 2)).rejects.toThrow(
      new ConflictError(
        'The postmortem settings were changed by someone else since you opened them (revision 2 → 3). Reload to see their change.'
      )
    );
    expect(backend.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('says so when another save replaced ours between the write and the read-back', async () => {
    afterPost = (s) => ({ ...s, jsonData: { ...s.jsonData, postmortems: { sections, policy, revision: 7 } } });
    await expect(savePostmortemConfig({ sections, policy: DEFAULT_POSTMORTEM_POLICY }, 0)).rejects.toThrow(
      LostUpdateError
    );
  });
});
