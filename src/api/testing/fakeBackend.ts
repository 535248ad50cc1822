import { of, throwError } from 'rxjs';
import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';

export interface RecordedRequest {
  method: string;
  url: string;
  body?: unknown;
  params?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export type Responder = (req: RecordedRequest) => { status?: number; data: unknown };

/**
 * A stand-in for Grafana's BackendSrv at the boundary of our api/ layer: it records every request our code
 * sends and answers from `respond`. Tests install it with
 * `jest.mock('@grafana/runtime', () => ({ ...jest.requireActual('@grafana/runtime'), getBackendSrv: () => fake }))`.
 */
export function createFakeBackend(respond: Responder) {
  const requests: RecordedRequest[] = [];
  const fetch = (options: BackendSrvRequest) => {
    const req: RecordedRequest = {
      method: (options.method ?? 'GET').toUpperCase(),
      url: options.url,
      body: options.data,
      params: options.params,
      ...(options.headers ? { headers: options.headers } : {}),
    };
    requests.push(req);
    const { status = 200, data } = respond(req);
    if (status >= 400) {
      return throwError(() => ({ status, data, statusText: 'error', config: options }));
    }
    return of({ data, status, ok: true } as FetchResponse);
  };
  return { requests, srv: { fetch } };
}
