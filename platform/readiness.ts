/**
 * Readiness probes answer orchestrators and load balancers, who call them often and without a token: a check must
 * finish in bounded time whatever its dependency does, and a flood of probes must not become a flood of database
 * or broker connections.
 */
export type DependencyStatus = 'UP' | 'DOWN';

/** UP when `check` resolves within `timeoutMs`; DOWN when it fails or takes longer (it is left to finish alone). */
export async function probe(check: () => Promise<unknown>, timeoutMs: number): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DependencyStatus>((resolve) => {
    timer = setTimeout(() => resolve('DOWN'), timeoutMs);
  });
  try {
    return await Promise.race([
      check().then(
        () => 'UP' as const,
        () => 'DOWN' as const,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One check in flight at a time, and its answer serves every caller for `ttlMs` after it came: a check that takes
 * its whole timeout (a dependency that does not answer) is not joined by a second one started beside it.
 */
export function shared<T>(check: () => Promise<T>, ttlMs: number): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  let last: { at: number; answer: T } | undefined;
  return () => {
    if (inFlight) return inFlight;
    if (last && Date.now() - last.at < ttlMs) return Promise.resolve(last.answer);
    const running = check().then(
      (answer) => {
        last = { at: Date.now(), answer };
        return answer;
      },
      (error: unknown) => {
        last = undefined;
        throw error;
      },
    );
    inFlight = running.finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };
}
