import { ConcurrencyLimit } from '../../kernel/concurrency-limit';
import { DomainError } from '../../kernel/errors';

/**
 * How many whole-file downloads (an answer carrying a file's bytes as base64: filing documents, court documents and
 * a batch's ZIP bundle) one process serves at once. The hub ships with a 320 MB heap (platform/memory-flags.ts); two
 * 20 MB documents downloaded at once took it to 240 MB of heap (README › Performance › Memory: the bytes, their
 * base64, the JSON answer and, in the one-process hub, the gateway's copy over a ~125 MB live heap), so a third at
 * once can exceed the cap and kill the process. So: 2 at a time in the process (one limit shared by every subgraph
 * in it), up to 16 more waiting in arrival order, each at most 10 s, so a waiting caller is told to retry rather
 * than held past its client's patience (two 20 MB downloads at once took 18.3 s on the loaded 2-core test machine, a
 * small document well under a second); past that the caller gets DOWNLOADS_BUSY and retries.
 */
export const WHOLE_FILE_DOWNLOADS = { running: 2, queued: 16, waitMs: 10_000 } as const;

const RETRY_AFTER_SECONDS = 10;

const downloads = new ConcurrencyLimit(
  WHOLE_FILE_DOWNLOADS,
  (reason) =>
    new DomainError('DOWNLOADS_BUSY', `Too many file downloads at once: retry in about ${RETRY_AFTER_SECONDS} s`, {
      reason,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    }),
);

/** The slot each request holds, taken by its first whole-file field and given back when its answer is sent. */
const slots = new WeakMap<object, Promise<void>>();

async function slotUntil(responded: Promise<unknown>): Promise<void> {
  const release = await downloads.acquire();
  responded.then(release, release);
}

/**
 * Runs `read` (which loads a whole file and encodes it) once its request holds one of the process's download slots.
 * A request takes one slot however many files it asks for (so fields of one answer never wait for each other) and
 * holds it until `ctx.responded` settles, i.e. until the answer carrying the bytes has been sent; without it (a
 * context not made by the subgraph server) the slot covers the one read.
 */
export async function wholeFileDownload<T>(ctx: { responded?: Promise<unknown> }, read: () => Promise<T>): Promise<T> {
  if (!ctx.responded) return downloads.run(read);
  let slot = slots.get(ctx);
  if (!slot) {
    slot = slotUntil(ctx.responded);
    slots.set(ctx, slot);
  }
  await slot;
  return read();
}
