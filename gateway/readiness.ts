import { DependencyStatus, probe, shared } from '../platform/readiness';

export interface GatewayReadiness {
  ready: boolean;
  checks: { database: DependencyStatus; broker: DependencyStatus; subgraphs: DependencyStatus };
}

interface SubgraphAnswer {
  database?: DependencyStatus;
  broker?: DependencyStatus;
}

/**
 * Ready when every subgraph (one of its instances) answers its own `/readyz` (which checks its database and the broker its relay
 * publishes to): the gateway holds no database or broker credentials of its own, and a subgraph that cannot reach
 * them cannot serve. The answer names which kind of dependency is down, never which host or why.
 */
export function gatewayReadiness(
  subgraphInstances: Record<string, string[]>,
  options: { timeoutMs: number; ttlMs: number },
): () => Promise<GatewayReadiness> {
  const askSubgraph = async (graphqlUrl: string): Promise<SubgraphAnswer | undefined> => {
    let answer: SubgraphAnswer | undefined;
    const reached = await probe(async () => {
      const res = await fetch(new URL('/readyz', graphqlUrl), { signal: AbortSignal.timeout(options.timeoutMs) });
      answer = (await res.json()) as SubgraphAnswer;
    }, options.timeoutMs);
    return reached === 'UP' ? answer : undefined;
  };
  return shared(async () => {
    // a subgraph with several instances is ready when one of them is: the gateway routes around the others
    const answers = await Promise.all(
      Object.values(subgraphInstances).map(async (urls) => {
        const each = await Promise.all(urls.map(askSubgraph));
        return each.find((a) => a?.database === 'UP' && a.broker === 'UP') ?? each.find((a) => a !== undefined);
      }),
    );
    const reached = answers.filter((a): a is SubgraphAnswer => a !== undefined);
    // a subgraph that did not answer is reported as such, not as a database or broker it may well reach
    const allUp = (of: keyof SubgraphAnswer): DependencyStatus =>
      reached.every((a) => a[of] === 'UP') ? 'UP' : 'DOWN';
    const checks = {
      database: allUp('database'),
      broker: allUp('broker'),
      subgraphs: reached.length === answers.length ? ('UP' as const) : ('DOWN' as const),
    };
    return { ready: Object.values(checks).every((s) => s === 'UP'), checks };
  }, options.ttlMs);
}
