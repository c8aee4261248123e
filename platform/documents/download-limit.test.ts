import { DomainError } from '../../kernel/errors';
import { DOWNLOADS_PER_ORGANISATION, WHOLE_FILE_DOWNLOADS, wholeFileDownload } from './download-limit';

/** A request's context (of an organisation, when named) whose answer the test "sends" by hand. */
function request(organisationId?: string) {
  let send!: () => void;
  const responded = new Promise<void>((resolve) => (send = resolve));
  return { ctx: { responded, ...(organisationId && { identity: { organisationId } }) }, send };
}

const flush = () => new Promise((r) => setImmediate(r));
const MiB = 2 ** 20;
/** The largest file the hub takes (MAX_DOCUMENT_BYTES of the contracts subgraph, 20 MiB of evidence). */
const LARGEST = 20 * MiB;

describe('wholeFileDownload', () => {
  /** Downloads of `size` bytes for each request, recording which were read. */
  const downloads = (read: string[]) => (r: ReturnType<typeof request>, name: string, size: number | 'unknown') =>
    wholeFileDownload(r.ctx, size, async () => {
      read.push(name);
      return name;
    });

  it('serves two files of the largest size at a time: the next starts once an earlier answer has been sent', async () => {
    const [a, b, c] = [request(), request(), request()];
    const read: string[] = [];
    const download = downloads(read);
    expect(await Promise.all([download(a, 'a', LARGEST), download(b, 'b', LARGEST)])).toEqual(['a', 'b']);
    const third = download(c, 'c', LARGEST);
    await flush();
    expect(read).toEqual(['a', 'b']);
    b.send();
    expect(await third).toBe('c');
    a.send();
    c.send();
    await flush();
  });

  it('budgets bytes: as many files at once as fit in the budget; one more waits for an answer to be sent', async () => {
    const small = 10 * MiB;
    const fitting = Math.floor(WHOLE_FILE_DOWNLOADS.bytes / small);
    expect(fitting).toBeGreaterThanOrEqual(2);
    const requests = Array.from({ length: fitting + 1 }, request);
    const read: string[] = [];
    const download = downloads(read);
    const answers = requests.map((r, i) => download(r, `f${i}`, small));
    await flush();
    expect(read).toEqual(requests.slice(0, fitting).map((_, i) => `f${i}`));
    requests[0].send();
    await flush();
    expect(read).toHaveLength(fitting + 1);
    requests.forEach((r) => r.send());
    await Promise.all(answers);
    await flush();
  });

  it('keeps arrival order: a small file behind a large one that does not fit yet waits for it', async () => {
    const [a, b, c] = [request(), request(), request()];
    const read: string[] = [];
    const download = downloads(read);
    await download(a, 'a', 30 * MiB);
    const large = download(b, 'b', LARGEST);
    const small = download(c, 'c', MiB);
    await flush();
    expect(read).toEqual(['a']);
    a.send();
    await large;
    await flush();
    expect(read).toEqual(['a', 'b', 'c']);
    await small;
    b.send();
    c.send();
    await flush();
  });

  it('serves a file of unknown size (a bundle built whole) alone', async () => {
    const [a, b] = [request(), request()];
    const read: string[] = [];
    const download = downloads(read);
    await download(a, 'bundle', 'unknown');
    const small = download(b, 'small', 1024);
    await flush();
    expect(read).toEqual(['bundle']);
    a.send();
    expect(await small).toBe('small');
    b.send();
    await flush();
  });

  it('adds the later files of one answer to its turn without waiting, up to the budget; others wait until that answer is sent', async () => {
    const [a, b] = [request(), request()];
    const read: string[] = [];
    const download = downloads(read);
    const files = await Promise.all(['1', '2', '3'].map((n) => download(a, n, LARGEST).catch((e: DomainError) => e)));
    expect(files.slice(0, 2)).toEqual(['1', '2']);
    // A third 20 MiB file would take the request past the 48 MiB: refused, not read (before: added, without a bound).
    expect(files[2]).toMatchObject({ code: 'DOWNLOAD_TOO_LARGE', details: { maxBytes: WHOLE_FILE_DOWNLOADS.bytes } });
    expect(read).toEqual(['1', '2']);
    const other = download(b, 'b', LARGEST);
    await flush();
    expect(read).toEqual(['1', '2']);
    a.send();
    expect(await other).toBe('b');
    b.send();
    await flush();
  });

  it('refuses any file after a bundle in the same answer, and a bundle after a file', async () => {
    const [c, d] = [request(), request()];
    const read: string[] = [];
    const download = downloads(read);
    expect(await download(c, 'bundle', 'unknown')).toBe('bundle');
    await expect(download(c, 'small', 1)).rejects.toMatchObject({ code: 'DOWNLOAD_TOO_LARGE' });
    c.send();
    expect(await download(d, 'small', 1)).toBe('small');
    await expect(download(d, 'bundle', 'unknown')).rejects.toMatchObject({ code: 'DOWNLOAD_TOO_LARGE' });
    d.send();
    await flush();
    expect(read).toEqual(['bundle', 'small']);
  });

  it('answers DOWNLOADS_BUSY beyond the queue, without reading', async () => {
    const requests = Array.from({ length: 2 + WHOLE_FILE_DOWNLOADS.queued }, request);
    const served = requests.map((r) => wholeFileDownload(r.ctx, LARGEST, async () => 'ok'));
    const read = jest.fn(async () => 'never');
    const refused = await wholeFileDownload(request().ctx, MiB, read).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'DOWNLOADS_BUSY', details: { reason: 'QUEUE_FULL', retryAfterSeconds: 10 } });
    expect(read).not.toHaveBeenCalled();
    for (const r of requests) {
      r.send();
      await flush();
    }
    expect(new Set(await Promise.all(served))).toEqual(new Set(['ok']));
  });

  it("keeps one organisation to 4 requests at the budget: another's request waits behind those, not behind all it sent", async () => {
    expect(DOWNLOADS_PER_ORGANISATION).toEqual({ requests: 4, queued: 8, waitMs: 10_000 });
    const read: string[] = [];
    const download = downloads(read);
    // A party's script asks for 12 of its largest files at once: 2 are read, 2 wait at the budget, 8 at its door.
    const mine = Array.from({ length: 12 }, () => request('company-a'));
    const answers = mine.map((r, i) => download(r, `a${i}`, LARGEST).catch((e: unknown) => e));
    const theirs = request('court-b');
    const their = download(theirs, 'b', MiB);
    await flush();
    expect(read).toEqual(['a0', 'a1']);
    // Before, its 12 took the budget's whole queue (16), so a 17th request of anyone was refused outright.
    for (const r of mine.slice(0, 3)) {
      r.send();
      await flush();
    }
    expect(read.slice(0, 5)).toEqual(['a0', 'a1', 'a2', 'a3', 'b']);
    expect(await their).toBe('b');
    theirs.send();
    for (const r of mine.slice(3)) {
      r.send();
      await flush();
    }
    expect(await Promise.all(answers)).toEqual(mine.map((_, i) => `a${i}`));
  });

  it("refuses an organisation's request past its door's queue with DOWNLOADS_BUSY, without reading; others still queue", async () => {
    const mine = Array.from({ length: 12 }, () => request('company-a'));
    const served = mine.map((r) => wholeFileDownload(r.ctx, LARGEST, async () => 'ok'));
    const read = jest.fn(async () => 'never');
    const refused = await wholeFileDownload(request('company-a').ctx, MiB, read).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      code: 'DOWNLOADS_BUSY',
      details: { reason: 'ORGANISATION_QUEUE_FULL', retryAfterSeconds: 10 },
    });
    expect(read).not.toHaveBeenCalled();
    const theirs = request('court-b');
    const their = wholeFileDownload(theirs.ctx, MiB, async () => 'b');
    for (const r of mine) {
      r.send();
      await flush();
    }
    expect(await their).toBe('b');
    theirs.send();
    expect(new Set(await Promise.all(served))).toEqual(new Set(['ok']));
  });

  it('gives the turn back when the read fails and the answer (its error) is sent', async () => {
    const [a, b] = [request(), request()];
    await expect(
      wholeFileDownload(a.ctx, 'unknown', async () => {
        throw new Error('digest mismatch');
      }),
    ).rejects.toThrow('digest mismatch');
    const next = wholeFileDownload(b.ctx, LARGEST, async () => 'b');
    a.send();
    expect(await next).toBe('b');
    b.send();
    await flush();
  });
});
