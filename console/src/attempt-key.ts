import { useRef } from 'react';

/**
 * One idempotency key per attempt: a press that sends exactly what the previous press sent is its retry and keeps
 * its key (a lost answer is not filed twice); different terms or documents are a new attempt with a fresh key (the
 * hub refuses a key reused for other content).
 */
export function useAttemptKey() {
  const last = useRef<{ payload: string; key: string } | undefined>(undefined);
  return (payload: unknown) => {
    const sent = JSON.stringify(payload);
    if (last.current?.payload !== sent) last.current = { payload: sent, key: crypto.randomUUID() };
    return last.current.key;
  };
}

/** The variables with the attempt's key (`idempotencyKey`, as the API names it on most mutations). */
export function withAttemptKey<T extends object>(attemptKey: (payload: unknown) => string, variables: T) {
  return { ...variables, idempotencyKey: attemptKey(variables) };
}
