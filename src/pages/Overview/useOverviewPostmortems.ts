import { useQuery } from '@tanstack/react-query';
import { listPostmortems } from '../../api/postmortems';
import { queryClient } from '../data/queryClient';
import { DEFAULT_DAYS, rangeOf } from '../Postmortems/actionItems/viewParams';

/** The Overview's window for postmortems and their action items: the Action items view's default range. */
export const overviewPostmortemRange = (now: number) => rangeOf(DEFAULT_DAYS, now);

/**
 * The postmortems started in the Overview's window: ONE annotations request, shared (same key and `now`) by the
 * overdue action items and the postmortems due, and with the Postmortems page's list of the same range.
 */
export function useOverviewPostmortems(now: number) {
  const range = overviewPostmortemRange(now);
  return useQuery(
    { queryKey: ['postmortems', range.from, range.to], queryFn: () => listPostmortems(range) },
    queryClient
  );
}
