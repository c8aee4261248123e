import { ConcurrencyLimit } from '../../kernel/concurrency-limit';
import { DomainError } from '../../kernel/errors';

/**
 * Form documents (a court's complaint, PDF and Word) rendered at once in this process: one, and up to 32 more waiting
 * their turn, each at most 20 s; beyond, DOWNLOADS_BUSY with reason `RENDER_…`. A render holds the process's thread
 * for 100–300 ms after its first await (a helper's audit, 2026-12-04: a 0 ms timer set before 20 renders at once had
 * not fired when all 20 finished, some 5 s later), and a court's first read of `referrals(first: 500) { documents }`
 * started 500 of them at once: every caller of the process waited. One at a time, other requests run between renders;
 * the queue bounds what one request can start.
 */
export const FORM_RENDERS = { running: 1, queued: 32, waitMs: 20_000 } as const;

const RETRY_AFTER_SECONDS = 10;

const renders = new ConcurrencyLimit(
  FORM_RENDERS,
  (reason) =>
    new DomainError(
      'DOWNLOADS_BUSY',
      `Too many documents are being generated at once: retry in about ${RETRY_AFTER_SECONDS} s`,
      { reason: `RENDER_${reason}`, retryAfterSeconds: RETRY_AFTER_SECONDS },
    ),
);

/** Runs `render` in its turn (see FORM_RENDERS). */
export const renderInTurn = <T>(render: () => Promise<T>): Promise<T> => renders.run(render);
