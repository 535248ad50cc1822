import { createFakeBackend, type Responder } from './fakeBackend';

let responder: Responder = () => ({ data: [] });

/**
 * One fake backend for a test file (jest loads modules afresh for each file) whose answers a test can swap. Install it
 * in the test file, which jest.mock needs:
 * `jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => backend.srv }))`.
 */
export const backend = createFakeBackend((req) => responder(req));

export function respondWith(next: Responder): void {
  responder = next;
}

/** What the backend answers now, so a test can wrap it. */
export function currentResponder(): Responder {
  return responder;
}

/** For a `beforeEach`: forget earlier requests, answer `[]` to everything and stop the clock at `now`. */
export function resetFakeApi(now: number): void {
  backend.requests.length = 0;
  responder = () => ({ data: [] });
  jest.spyOn(Date, 'now').mockReturnValue(now);
}
