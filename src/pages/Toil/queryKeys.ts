/** The first element of every toil query key: invalidating it refetches the Toil page after any write. */
export const TOIL_QUERY_KEY = ['toil'] as const;
