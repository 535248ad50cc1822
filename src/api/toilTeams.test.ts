import { checkRequest } from '../../tests/contract/openapi';
import { listTeams } from './teams';
import { ConflictError, ValidationError } from './storedItems';
import { createFakeBackend, type RecordedRequest } from './testing/fakeBackend';
import { deleteToilTeam, readToilTeams, saveToilTeam } from './toilTeams';

type Stored = { enabled: boolean; pinned: boolean; jsonData: Record<string, unknown> };
let stored: Stored;
let teamsAnswer: (req: RecordedRequest) => { status?: number; data: unknown };
const backend = createFakeBackend((req: RecordedRequest) => {
  if (req.url === '/api/teams/search') {
    return teamsAnswer(req);
  }
  if (req.method === 'POST') {
    stored = req.body as Stored;
    return { data: { message: 'Plugin settings updated' } };
  }
  return { data: JSON.parse(JSON.stringify(stored)) };
});

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => backend.srv,
}));

beforeEach(() => {
  backend.requests.length = 0;
  stored = {
    enabled: true,
    pinned: false,
    jsonData: {
      slos: [],
      toilTeams: [{ id: 'payments', team: 'Payments', capacityHoursPerWeek: 120, budget: 0.5, revision: 3 }],
    },
  };
});

describe('toil team settings', () => {
  it('reads valid teams and reports a broken one naming the field', () => {
    const list = readToilTeams({
      toilTeams: [
        { id: 'payments', team: 'Payments', capacityHoursPerWeek: 120, budget: 0.5 },
        { id: 'web', team: 'Web', capacityHoursPerWeek: -1, budget: 0.5 },
      ],
    });
    expect(list.items.map((t) => t.team)).toEqual(['Payments']);
    expect(list.broken[0].problems).toEqual([
      { path: 'toilTeams[1].capacityHoursPerWeek', message: 'must be a number of hours above 0' },
    ]);
  });

  it('adds a team keyed by its lower-case name, keeping the other settings', async () => {
    const saved = await saveToilTeam({ team: ' Web Platform ', capacityHoursPerWeek: 77.5, budget: 0.4 }, undefined);
    expect(saved).toEqual({
      id: 'web platform',
      team: 'Web Platform',
      capacityHoursPerWeek: 77.5,
      budget: 0.4,
      revision: 1,
    });
    expect(stored.jsonData.toilTeams).toHaveLength(2);
    expect(stored.jsonData.slos).toEqual([]);
  });

  it('refuses a second settings item for the same team in other letter case', async () => {
    await expect(
      saveToilTeam({ team: 'PAYMENTS', capacityHoursPerWeek: 1, budget: 0.5 }, undefined)
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('refuses an edit based on an old revision, and invalid values before any request', async () => {
    await expect(saveToilTeam({ team: 'Payments', capacityHoursPerWeek: 100, budget: 0.5 }, 2)).rejects.toBeInstanceOf(
      ConflictError
    );
    backend.requests.length = 0;
    await expect(saveToilTeam({ team: 'Payments', capacityHoursPerWeek: 100, budget: 1.5 }, 3)).rejects.toBeInstanceOf(
      ValidationError
    );
    expect(backend.requests).toEqual([]);
  });

  it('deletes a team at the revision it was loaded', async () => {
    await deleteToilTeam('payments', 3);
    expect(stored.jsonData.toilTeams).toEqual([]);
  });
});

describe('listTeams', () => {
  afterEach(() => {
    for (const req of backend.requests) {
      expect(checkRequest({ method: req.method, url: req.url, body: req.body, params: req.params })).toEqual([]);
    }
  });

  it('reads every page of teams, sorted', async () => {
    teamsAnswer = (req) => {
      const page = Number(req.params?.page);
      const names =
        page === 1 ? Array.from({ length: 100 }, (_, i) => `team-${String(i).padStart(3, '0')}`) : ['Alpha'];
      return { data: { totalCount: 101, page, perPage: 100, teams: names.map((name, id) => ({ id, name })) } };
    };
    const { teams, canList } = await listTeams();
    expect(canList).toBe(true);
    expect(teams).toHaveLength(101);
    expect(teams[0]).toBe('Alpha');
    expect(backend.requests.map((r) => r.params?.page)).toEqual([1, 2]);
  });

  it('says the user may not list teams on 403', async () => {
    teamsAnswer = () => ({ status: 403, data: { message: 'forbidden' } });
    await expect(listTeams()).resolves.toEqual({ teams: [], canList: false });
  });
});
