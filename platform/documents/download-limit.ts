import { ConcurrencyLimit, KeyedConcurrencyLimit, Turn } from '../../kernel/concurrency-limit';
import { DomainError } from '../../kernel/errors';

/**
 * How many bytes of whole files (an answer carrying a file's bytes as base64: filing documents, court documents and
 * a batch's ZIP bundle) one process loads at once, counted by each file's recorded size before its bytes are read.
 * The hub ships with a 320 MB heap and aims at 512 MB of RSS (platform/memory-flags.ts); a 20 MB document costs many
 * times its size while it is served (its base64, the subgraph's JSON answer and its bytes on the wire, then, in the
 * one-process hub, the gateway's copies of each: README › Performance › Memory). So: two files of the largest size
 * (20 MB) at a time, as before, or many small ones, up to 48 MiB together (one limit shared by every subgraph in the
 * process); one 20 MB file at a time made a second caller's wait run out on the loaded test machine (a 20 MB
 * download took up to 26 s there). Up to 16 more requests wait in arrival order, each at most 10 s, so a waiting
 * caller is told to retry rather than held past its client's patience; past that the caller gets DOWNLOADS_BUSY and
 * retries.
 */
export const WHOLE_FILE_DOWNLOADS = { bytes: 48 * 2 ** 20, queued: 16, waitMs: 10_000 } as const;

const RETRY_AFTER_SECONDS = 10;

/**
 * One organisation's share: its requests holding or waiting for a turn above are at most 4 at once, and up to 8 more
 * wait at its own door (each at most 10 s). Without it one party's script asking for its large files in parallel
 * filled the budget and the queue, and every other party's download was DOWNLOADS_BUSY for as long as it went on; now
 * another party's request waits behind at most 4 of that party's.
 */
export const DOWNLOADS_PER_ORGANISATION = { requests: 4, queued: 8, waitMs: 10_000 } as const;

const busy = (reason: string) =>
  new DomainError('DOWNLOADS_BUSY', `Too many file downloads at once: retry in about ${RETRY_AFTER_SECONDS} s`, {
    reason,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });

const downloads = new ConcurrencyLimit(
  { running: WHOLE_FILE_DOWNLOADS.bytes, queued: WHOLE_FILE_DOWNLOADS.queued, waitMs: WHOLE_FILE_DOWNLOADS.waitMs },
  busy,
);

/** Each organisation's door, kept only while it has requests at it. */
const doors = new KeyedConcurrencyLimit(
  () => ({
    running: DOWNLOADS_PER_ORGANISATION.requests,
    queued: DOWNLOADS_PER_ORGANISATION.queued,
    waitMs: DOWNLOADS_PER_ORGANISATION.waitMs,
  }),
  (reason) => busy(`ORGANISATION_${reason}`),
);

/** A turn of the process's budget, taken after a place at the organisation's door; releasing gives back both. */
async function downloadTurnOf(organisationId: string | undefined, weight: number): Promise<Turn> {
  const place = organisationId === undefined ? undefined : await doors.acquire(organisationId);
  try {
    const turn = await downloads.acquire(weight);
    return {
      add: turn.add,
      release: () => {
        turn.release();
        place?.release();
      },
    };
  } catch (error) {
    place?.release();
    throw error;
  }
}

/** What a download needs of its request's context: when its answer has been sent, and whose it is. */
interface DownloadContext {
  responded?: Promise<unknown>;
  identity?: { organisationId: string };
}

/**
 * The turn each request holds, taken by its first whole-file field and given back when its answer is sent, and the
 * bytes its fields have been counted at.
 */
const turns = new WeakMap<object, { turn: Promise<Turn>; bytes: number }>();

/** DOWNLOAD_TOO_LARGE: files past what one request may download (the budget, `details.maxBytes`). */
export const downloadTooLarge = (message: string, details: Record<string, number>) =>
  new DomainError('DOWNLOAD_TOO_LARGE', message, { maxBytes: WHOLE_FILE_DOWNLOADS.bytes, ...details });

/** Past the budget in one request: its later fields would have been added without a wait and without a bound. */
const tooLarge = (held: number, more: number) =>
  downloadTooLarge(
    `The files of this request would add up to more than ${WHOLE_FILE_DOWNLOADS.bytes / 2 ** 20} MiB (a batch bundle counts as all of it): ask for the rest in another request (one batch's bundle per request)`,
    { heldBytes: held, askedBytes: more },
  );

async function turnUntil(
  organisationId: string | undefined,
  responded: Promise<unknown>,
  sizeBytes: number,
): Promise<Turn> {
  const turn = await downloadTurnOf(organisationId, sizeBytes);
  responded.then(turn.release, turn.release);
  return turn;
}

/**
 * The size a download is counted at: its recorded size, or 'unknown' for a file built whole in memory before its
 * size is known (a batch's ZIP bundle), which then runs alone.
 */
export type DownloadSize = number | 'unknown';

/** Loads a file of `sizeBytes` once the request may (wholeFileDownload, bound to a request's context). */
export type DownloadTurn = <T>(sizeBytes: DownloadSize, read: () => Promise<T>) => Promise<T>;

/**
 * Runs `read` (which loads a whole file and encodes it) once its request's files fit in the process's budget. A
 * request waits once, for its first file; its later files (fields of the same answer) are added to its turn without
 * waiting, so fields of one answer never wait for each other, up to the budget: a field past it is refused
 * DOWNLOAD_TOO_LARGE (50 batch bundles in one request were all built at once, some 4 GB of evidence, while every
 * other caller's download waited). It holds its turn until `ctx.responded` settles, i.e.
 * until the answer carrying the bytes has been sent; without it (a context not made by the subgraph server) the
 * turn covers the one read.
 */
export async function wholeFileDownload<T>(
  ctx: DownloadContext,
  sizeBytes: DownloadSize,
  read: () => Promise<T>,
): Promise<T> {
  const weight = sizeBytes === 'unknown' ? WHOLE_FILE_DOWNLOADS.bytes : sizeBytes;
  if (!ctx.responded) {
    const turn = await downloadTurnOf(ctx.identity?.organisationId, weight);
    try {
      return await read();
    } finally {
      turn.release();
    }
  }
  const held = turns.get(ctx);
  if (held) {
    if (held.bytes + weight > WHOLE_FILE_DOWNLOADS.bytes) throw tooLarge(held.bytes, weight);
    held.bytes += weight;
    (await held.turn).add(weight);
  } else {
    const turn = turnUntil(ctx.identity?.organisationId, ctx.responded, weight);
    turns.set(ctx, { turn, bytes: weight });
    await turn;
  }
  return read();
}

/** wholeFileDownload bound to a request's context, for application code that learns the size after its checks. */
export const downloadTurn =
  (ctx: DownloadContext): DownloadTurn =>
  (sizeBytes, read) =>
    wholeFileDownload(ctx, sizeBytes, read);
