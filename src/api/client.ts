import { lastValueFrom } from 'rxjs';
import { getBackendSrv, isFetchError } from '@grafana/runtime';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  method: HttpMethod;
  url: string;
  data?: unknown;
  params?: Record<string, string | number | boolean | string[] | undefined>;
  /** Extra HTTP headers, e.g. `X-Disable-Provenance` for the alerting provisioning API. */
  headers?: Record<string, string>;
}

/** An HTTP failure with Grafana's message, ready to show to the user. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The response body, for callers that can use a partial answer (e.g. /api/ds/query per-query errors). */
    readonly body?: unknown
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Sends one request through Grafana's backend service; every api/ function goes through here. */
export async function request<T>({ method, url, data, params, headers }: ApiRequest): Promise<T> {
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<T>({
        method,
        url,
        data,
        params,
        ...(headers ? { headers } : {}),
        showErrorAlert: false,
        showSuccessAlert: false,
      })
    );
    return response.data;
  } catch (err) {
    throw toApiError(err, `${method} ${url}`);
  }
}

/** Normalises whatever Grafana's fetch threw into an ApiError with a readable message. */
export function toApiError(err: unknown, what: string): ApiError {
  if (err instanceof ApiError) {
    return err;
  }
  if (isFetchError(err)) {
    const body = err.data as { message?: string; error?: string; results?: Record<string, { error?: string }> } | undefined;
    // /api/ds/query reports a failing query inside results.<refId>.error, not in message.
    const queryError = Object.values(body?.results ?? {}).find((r) => r?.error)?.error;
    const detail = body?.message || body?.error || queryError || err.statusText || 'request failed';
    return new ApiError(`${what} failed (${err.status}): ${detail}`, err.status, err.data);
  }
  return new ApiError(`${what} failed: ${err instanceof Error ? err.message : String(err)}`, 0);
}
