import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../auth/identity';
import type { Logger } from '../logging';

/** What every resolver gets: the verified caller, a request-scoped EntityManager fork, and a request logger. */
export interface RequestContext {
  identity: Identity;
  em: EntityManager;
  log: Logger;
  requestId: string;
  /** Per-request memo for batch loaders, so `_entities` lookups become one query per type. */
  loaders: Map<string, unknown>;
}

/** Returns the request's loader for `key`, creating it once per request. */
export function requestLoader<T>(ctx: RequestContext, key: string, create: () => T): T {
  if (!ctx.loaders.has(key)) ctx.loaders.set(key, create());
  return ctx.loaders.get(key) as T;
}
