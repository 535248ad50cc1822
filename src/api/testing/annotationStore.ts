import type { RecordedRequest } from './fakeBackend';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

interface Stored {
  id: number;
  time: number;
  timeEnd: number;
  tags: string[];
  text: string;
  data?: unknown;
}

/**
 * An in-memory stand-in for Grafana's annotation store behind /api/annotations, answering as Grafana does for the
 * calls our api/ layer makes: GET matches every tag given (matchAny=false) and a region overlapping [from, to],
 * newest first, at most `limit`; POST returns the new id; PATCH changes only the fields it is sent.
 */
export function createAnnotationStore() {
  const items: Stored[] = [];
  let nextId = 1;
  const respond = (req: RecordedRequest): { status?: number; data: unknown } => {
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && path === '/api/annotations') {
      const p = req.params ?? {};
      const tags = (p.tags as string[] | undefined) ?? [];
      const from = Number(p.from ?? 0);
      const to = Number(p.to ?? Number.MAX_SAFE_INTEGER);
      const limit = Number(p.limit ?? 100);
      const found = items
        .filter((a) => tags.every((t) => a.tags.includes(t)) && a.time <= to && a.timeEnd >= from)
        .sort((a, b) => b.time - a.time || b.id - a.id)
        .slice(0, limit);
      return { data: clone(found) };
    }
    if (req.method === 'POST' && path === '/api/annotations') {
      const body = req.body as Omit<Stored, 'id' | 'timeEnd'> & { timeEnd?: number };
      const id = nextId++;
      items.push({ ...clone(body), id, timeEnd: body.timeEnd ?? body.time } as Stored);
      return { data: { id, message: 'Annotation added' } };
    }
    const patch = /^\/api\/annotations\/(\d+)$/.exec(path);
    if (req.method === 'PATCH' && patch) {
      const item = items.find((a) => a.id === Number(patch[1]));
      if (!item) {
        return { status: 404, data: { message: 'Annotation not found' } };
      }
      for (const [k, v] of Object.entries(req.body as Record<string, unknown>)) {
        if (v !== undefined) {
          (item as unknown as Record<string, unknown>)[k] = v;
        }
      }
      return { data: { message: 'Annotation patched' } };
    }
    return { status: 404, data: { message: `no fake for ${req.method} ${path}` } };
  };
  return { items, respond };
}
