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

/** The same answer for every caller within `ttlMs`, and one check in flight at a time. */
export function shared<T>(check: () => Promise<T>, ttlMs: number): () => Promise<T> {
  let last: { at: number; answer: Promise<T> } | undefined;
  return () => {
    const now = Date.now();
    if (!last || now - last.at >= ttlMs) last = { at: now, answer: check() };
    return last.answer;
  };
}
