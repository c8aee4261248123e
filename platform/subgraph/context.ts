import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../kernel/identity';
import type { Logger } from '../logging';
import type { BrokerAdministration } from '../events/broker-admin';

/** What every resolver gets: the verified caller, a request-scoped EntityManager fork, and a request logger. */
export interface RequestContext {
  identity: Identity;
  em: EntityManager;
  log: Logger;
  requestId: string;
  /** Per-request memo for batch loaders, so `_entities` lookups become one query per type. */
  loaders: Map<string, unknown>;
  /** The broker's administration (super user), only in a subgraph that registers parties' principals (feeds). */
  broker?: BrokerAdministration;
  /** Settles once the answer has been sent or the connection closed (whole-file downloads hold their slot until then). */
  responded?: Promise<void>;
}

/** Returns the request's loader for `key`, creating it once per request. */
export function requestLoader<T>(ctx: RequestContext, key: string, create: () => T): T {
  if (!ctx.loaders.has(key)) ctx.loaders.set(key, create());
  return ctx.loaders.get(key) as T;
}

/**
 * A per-request loader of the rows that belong to each parent id (a compound's buildings, an area's bodies):
 * every parent asked for in one tick is fetched with one query, so lists never cost a query per item.
 */
export function childrenLoader<T>(
  ctx: RequestContext,
  key: string,
  fetch: (parentIds: string[]) => Promise<T[]>,
  parentOf: (row: T) => string,
): DataLoader<string, T[]> {
  return requestLoader(
    ctx,
    key,
    () =>
      new DataLoader<string, T[]>(async (ids) => {
        const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
        for (const row of await fetch([...ids])) groups.get(parentOf(row))?.push(row);
        return ids.map((id) => groups.get(id)!);
      }),
  );
}
