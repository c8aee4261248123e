import { DomainError } from '../../kernel/errors';
import { WHOLE_FILE_DOWNLOADS, wholeFileDownload } from './download-limit';

/** A request's context whose answer the test "sends" by hand. */
function request() {
  let send!: () => void;
  const responded = new Promise<void>((resolve) => (send = resolve));
  return { ctx: { responded }, send };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('wholeFileDownload', () => {
  it('lets two requests download at once; the next starts once an earlier answer has been sent', async () => {
    const [a, b, c] = [request(), request(), request()];
    const read: string[] = [];
    const download = (r: ReturnType<typeof request>, name: string) =>
      wholeFileDownload(r.ctx, async () => {
        read.push(name);
        return name;
      });
    expect(await Promise.all([download(a, 'a'), download(b, 'b')])).toEqual(['a', 'b']);
    const third = download(c, 'c');
    await flush();
    expect(read).toEqual(['a', 'b']);
    b.send();
    expect(await third).toBe('c');
    a.send();
    c.send();
    await flush();
  });

  it('takes one slot per request, so the files of one answer never wait for each other', async () => {
    const [a, b] = [request(), request()];
    await wholeFileDownload(a.ctx, async () => 'a');
    const files = await Promise.all(['1', '2', '3'].map((n) => wholeFileDownload(b.ctx, async () => n)));
    expect(files).toEqual(['1', '2', '3']);
    a.send();
    b.send();
    await flush();
  });

  it('answers DOWNLOADS_BUSY beyond the queue, without reading', async () => {
    const requests = Array.from({ length: WHOLE_FILE_DOWNLOADS.running + WHOLE_FILE_DOWNLOADS.queued }, request);
    const served = requests.map((r) => wholeFileDownload(r.ctx, async () => 'ok'));
    const read = jest.fn(async () => 'never');
    const refused = await wholeFileDownload(request().ctx, read).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'DOWNLOADS_BUSY', details: { reason: 'QUEUE_FULL', retryAfterSeconds: 10 } });
    expect(read).not.toHaveBeenCalled();
    requests.forEach((r) => r.send());
    expect(new Set(await Promise.all(served))).toEqual(new Set(['ok']));
    await flush();
  });

  it('gives the slot back when the read fails and the answer (its error) is sent', async () => {
    const [a, b, c] = [request(), request(), request()];
    await expect(
      wholeFileDownload(a.ctx, async () => {
        throw new Error('digest mismatch');
      }),
    ).rejects.toThrow('digest mismatch');
    await wholeFileDownload(b.ctx, async () => 'b');
    const third = wholeFileDownload(c.ctx, async () => 'c');
    a.send();
    expect(await third).toBe('c');
    b.send();
    c.send();
    await flush();
  });
});
