import { useRef } from 'react';

/** The key of the attempt sending a payload, with when that attempt began and how to close it. */
export interface AttemptKey {
  (payload: unknown): string;
  /** When the attempt sending this payload began: its first press. */
  startedAt(payload: unknown): Date;
  /** The attempt succeeded: a later press, even of the same content, is a new one (a second, identical entry). */
  done(): void;
}

/**
 * One idempotency key per attempt: a press that sends exactly what the previous press sent is its retry and keeps
 * its key (a lost answer is not filed twice); different terms or documents are a new attempt with a fresh key (the
 * hub refuses a key reused for other content). Once an attempt succeeded (`done`), the same content again is a new
 * attempt: before, a second identical mediation session was taken for the first and not recorded.
 */
export function useAttemptKey(): AttemptKey {
  const last = useRef<{ payload: string; key: string; startedAt: Date } | undefined>(undefined);
  const attempt = (payload: unknown) => {
    const sent = JSON.stringify(payload);
    if (last.current?.payload !== sent)
      last.current = { payload: sent, key: crypto.randomUUID(), startedAt: new Date() };
    return last.current;
  };
  return Object.assign((payload: unknown) => attempt(payload).key, {
    startedAt: (payload: unknown) => attempt(payload).startedAt,
    done: () => {
      last.current = undefined;
    },
  });
}

/** The variables with the attempt's key (`idempotencyKey`, as the API names it on most mutations). */
export function withAttemptKey<T extends object>(attemptKey: AttemptKey, variables: T) {
  return { ...variables, idempotencyKey: attemptKey(variables) };
}
