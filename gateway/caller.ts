import type { Identity } from '../kernel/identity';
import type { CallerLimits } from './config';

/**
 * Who the edge decided the caller is, once per request, before the body is read: every later hook (body size,
 * document limits, the public decision, cost, identity forwarding) reads this instead of deciding again.
 */
export interface Caller {
  identity: Identity;
  anonymous: boolean;
  /** What the caller's limits count by: `org:<organisation>`, or `address:<address>` without a token. */
  key: string;
  limits: CallerLimits;
  /**
   * The signed identity assertion the subgraphs trust (`x-hub-identity`); only the gateway can make one. Signed when
   * a subgraph is first called, so a refused request costs no signature.
   */
  assertion(): Promise<string>;
}

/** The runtime's context gets the caller, so `propagateHeaders` can forward its assertion. */
export interface EdgeContext {
  caller?: Caller;
}

const callers = new WeakMap<Request, Caller>();

export const admitCaller = (request: Request, caller: Caller) => callers.set(request, caller);
export const callerOf = (request: Request | undefined): Caller | undefined =>
  request ? callers.get(request) : undefined;
