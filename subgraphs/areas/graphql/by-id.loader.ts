import DataLoader from 'dataloader';
import { RequestContext, requestLoader } from '../../../platform/subgraph/context';

/**
 * A per-request loader of rows by id, all ids asked in one tick fetched with one query (gateway `_entities` batches
 * and single lookups alike). An id the fetch does not return, missing or out of the caller's reach, loads null.
 */
export function byIdLoader<T extends { id: string }>(
  ctx: RequestContext,
  key: string,
  fetch: (ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return requestLoader(
    ctx,
    key,
    () =>
      new DataLoader<string, T | null>(async (ids) => {
        const found = new Map((await fetch(ids)).map((row) => [row.id, row]));
        return ids.map((id) => found.get(id) ?? null);
      }),
  );
}
