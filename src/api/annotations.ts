/**
 * Grafana's annotations API (/api/annotations): one typed function per call the app makes. Incidents are built
 * on these (incidents.ts); the request shapes are checked against Grafana's OpenAPI spec in the tests.
 */
import type { AnnotationBody } from '../domain/incident/annotations';
import { request } from './client';

const ANNOTATIONS = '/api/annotations';

/** An annotation as GET /api/annotations returns it, narrowed to the fields we read. */
export interface AnnotationDto {
  id: number;
  time?: number;
  timeEnd?: number;
  tags?: string[];
  data?: unknown;
}

/** Annotations carrying every one of `tags` in [from, to], at most `limit` of them. */
export function getAnnotations(params: {
  tags: string[];
  from: number;
  to: number;
  limit: number;
}): Promise<AnnotationDto[]> {
  // matchAny=false (also Grafana's default): an annotation must carry every tag listed, not any of them.
  return request<AnnotationDto[]>({
    method: 'GET',
    url: ANNOTATIONS,
    params: {
      tags: params.tags,
      matchAny: false,
      type: 'annotation',
      from: params.from,
      to: params.to,
      limit: params.limit,
    },
  });
}

/** Creates one annotation (org-wide: no dashboard), returning its id. */
export function postAnnotation(body: AnnotationBody): Promise<{ id?: number }> {
  return request<{ id?: number }>({ method: 'POST', url: ANNOTATIONS, data: body });
}

/**
 * Updates an annotation's text, tags and times; PATCH takes nothing else (its `data` cannot be changed). Fields left
 * out are not sent, and Grafana keeps their stored values.
 */
export async function patchAnnotation(
  id: number,
  change: Partial<Pick<AnnotationBody, 'text' | 'tags' | 'time' | 'timeEnd'>>
): Promise<void> {
  await request({
    method: 'PATCH',
    url: `${ANNOTATIONS}/${id}`,
    data: { text: change.text, tags: change.tags, time: change.time, timeEnd: change.timeEnd },
  });
}
