import { setMaxListeners } from 'node:events';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { EdgeContext } from './caller';

/**
 * How many listeners one subgraph's abort signal may have before Node warns of a leak: requests in flight to one
 * subgraph stay far below it (tens at the benchmarks' 10 connections), listeners that were never removed would pass it.
 */
export const SUBGRAPH_SIGNAL_MAX_LISTENERS = 1000;

/**
 * The runtime's HTTP executor gives every fetch of one subgraph the same abort signal (its own, aborted when the
 * gateway stops), and each request in flight listens on it until its answer ends (Node's `ClientRequest` removes the
 * listener then). So the signal's listeners count the subgraph's requests in flight: past Node's default of 10 it
 * printed "MaxListenersExceededWarning: Possible EventTarget memory leak detected" (`npm start` did while loading
 * the demo), though nothing leaked. Each signal a fetch carries gets SUBGRAPH_SIGNAL_MAX_LISTENERS, once, at its first
 * fetch; a signal made for one request (a per-request timeout, say) has one listener either way.
 */
export function useSubgraphAbortSignals(): GatewayPlugin<EdgeContext> {
  // Once per signal, not at every fetch: setting the limit again also resets Node's warned-once flag, so a real leak
  // past the limit would be reported at every fetch after it.
  const raised = new WeakSet<AbortSignal>();
  return {
    onFetch({ options }) {
      const signal = options.signal;
      if (!signal || raised.has(signal)) return;
      raised.add(signal);
      setMaxListeners(SUBGRAPH_SIGNAL_MAX_LISTENERS, signal);
    },
  };
}
