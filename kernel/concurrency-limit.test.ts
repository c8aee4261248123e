import { ConcurrencyLimit, KeyedConcurrencyLimit } from './concurrency-limit';

class Busy extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A task the test finishes by hand, recording when it started. */
function gate(started: string[], name: string) {
  let finish!: (v: string) => void;
  let fail!: (e: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const task = () => {
    started.push(name);
    return done;
  };
  return { task, finish: () => finish(name), fail: (e: Error) => fail(e) };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('ConcurrencyLimit', () => {
  const limit = (queued = 16, waitMs = 10_000) =>
    new ConcurrencyLimit({ running: 2, queued, waitMs }, (reason) => new Busy(reason));

  it('runs at most `running` tasks at once and starts the waiting ones in arrival order', async () => {
    const l = limit();
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd', 'e'].map((n) => gate(started, n));
    const results = gates.map((g) => l.run(g.task));
    await flush();
    expect(started).toEqual(['a', 'b']);
    expect(l.load).toEqual({ running: 2, waiting: 3 });
    gates[1].finish();
    await flush();
    expect(started).toEqual(['a', 'b', 'c']);
    gates[0].finish();
    await flush();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    gates[2].finish();
    gates[3].finish();
    await flush();
    gates[4].finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(l.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a task beyond the queue at once, without running it', async () => {
    const l = limit(1);
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(started, n));
    const running = [l.run(a.task), l.run(b.task), l.run(c.task)];
    const refused = jest.fn(() => Promise.resolve('never'));
    await expect(l.run(refused)).rejects.toEqual(new Busy('QUEUE_FULL'));
    expect(refused).not.toHaveBeenCalled();
    [a, b, c].forEach((g) => g.finish());
    expect(await Promise.all(running)).toEqual(['a', 'b', 'c']);
  });

  it('refuses a waiting task whose wait runs out, and the queue moves on without it', async () => {
    jest.useFakeTimers();
    try {
      const l = limit(16, 10_000);
      const started: string[] = [];
      const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => gate(started, n));
      const first = [l.run(a.task), l.run(b.task)];
      const late = l.run(c.task);
      jest.advanceTimersByTime(5_000);
      const later = l.run(d.task);
      jest.advanceTimersByTime(5_000);
      await expect(late).rejects.toEqual(new Busy('WAIT_TIMEOUT'));
      expect(l.load).toEqual({ running: 2, waiting: 1 });
      a.finish();
      await jest.advanceTimersByTimeAsync(0);
      expect(started).toEqual(['a', 'b', 'd']);
      b.finish();
      d.finish();
      expect(await Promise.all([...first, later])).toEqual(['a', 'b', 'd']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('gives the slot back when a task fails, and passes its error on', async () => {
    const l = limit();
    const started: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(started, n));
    const failing = l.run(a.task);
    const others = [l.run(b.task), l.run(c.task)];
    a.fail(new Error('read failed'));
    await expect(failing).rejects.toThrow('read failed');
    await flush();
    expect(started).toEqual(['a', 'b', 'c']);
    b.finish();
    c.finish();
    expect(await Promise.all(others)).toEqual(['b', 'c']);
    expect(l.load).toEqual({ running: 0, waiting: 0 });
  });

  it('gives the slot back when a task throws before returning a promise', async () => {
    const l = new ConcurrencyLimit({ running: 1, queued: 0, waitMs: 10 }, (r) => new Busy(r));
    await expect(
      l.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(await l.run(() => Promise.resolve('ok'))).toBe('ok');
  });

  it('holds an acquired slot until it is released, and counts a second release as none', async () => {
    const l = new ConcurrencyLimit({ running: 1, queued: 1, waitMs: 10_000 }, (r) => new Busy(r));
    const turn = await l.acquire();
    const started: string[] = [];
    const b = gate(started, 'b');
    const waiting = l.run(b.task);
    await flush();
    expect(started).toEqual([]);
    turn.release();
    turn.release();
    await flush();
    expect(started).toEqual(['b']);
    expect(l.load).toEqual({ running: 1, waiting: 0 });
    b.finish();
    expect(await waiting).toBe('b');
    expect(l.load).toEqual({ running: 0, waiting: 0 });
  });

  it('weighs tasks: light ones side by side up to the limit, one heavier than the limit alone', async () => {
    const l = new ConcurrencyLimit({ running: 10, queued: 16, waitMs: 10_000 }, (r) => new Busy(r));
    const started: string[] = [];
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => gate(started, n));
    const results = [l.run(a.task, 4), l.run(b.task, 6), l.run(c.task, 50), l.run(d.task, 1)];
    await flush();
    expect(started).toEqual(['a', 'b']);
    expect(l.load).toEqual({ running: 10, waiting: 2 });
    a.finish();
    await flush();
    expect(started).toEqual(['a', 'b']);
    b.finish();
    await flush();
    expect(started).toEqual(['a', 'b', 'c']);
    expect(l.load).toEqual({ running: 10, waiting: 1 });
    c.finish();
    await flush();
    d.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(l.load).toEqual({ running: 0, waiting: 0 });
  });

  it('starts the light tasks behind a heavy waiter once its wait runs out', async () => {
    jest.useFakeTimers();
    try {
      const l = new ConcurrencyLimit({ running: 10, queued: 16, waitMs: 10_000 }, (r) => new Busy(r));
      const started: string[] = [];
      const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(started, n));
      const first = l.run(a.task, 8);
      const heavy = l.run(b.task, 10);
      jest.advanceTimersByTime(1_000);
      const light = l.run(c.task, 2);
      jest.advanceTimersByTime(9_000);
      await expect(heavy).rejects.toEqual(new Busy('WAIT_TIMEOUT'));
      await jest.advanceTimersByTimeAsync(0);
      expect(started).toEqual(['a', 'c']);
      a.finish();
      c.finish();
      expect(await Promise.all([first, light])).toEqual(['a', 'c']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('adds weight to a held turn at once, and gives all of it back on release', async () => {
    const l = new ConcurrencyLimit({ running: 10, queued: 16, waitMs: 10_000 }, (r) => new Busy(r));
    const turn = await l.acquire(6);
    turn.add(6);
    expect(l.load).toEqual({ running: 12, waiting: 0 });
    const started: string[] = [];
    const b = gate(started, 'b');
    const waiting = l.run(b.task, 1);
    await flush();
    expect(started).toEqual([]);
    turn.release();
    turn.add(5);
    await flush();
    expect(started).toEqual(['b']);
    expect(l.load).toEqual({ running: 1, waiting: 0 });
    b.finish();
    expect(await waiting).toBe('b');
  });
});

describe('KeyedConcurrencyLimit', () => {
  it("limits each key on its own, refuses past a key's queue, and forgets a key nothing holds or waits for", async () => {
    const keyed = new KeyedConcurrencyLimit(
      (key) => ({ running: key === 'wide' ? 3 : 1, queued: 1, waitMs: 10_000 }),
      (r) => new Busy(r),
    );
    const a1 = await keyed.acquire('a');
    const a2 = keyed.acquire('a');
    await expect(keyed.acquire('a')).rejects.toEqual(new Busy('QUEUE_FULL'));
    // another key is not held up by a's
    const b = await keyed.acquire('b');
    const wide = await Promise.all([keyed.acquire('wide'), keyed.acquire('wide'), keyed.acquire('wide')]);
    expect(keyed.keys).toBe(3);
    a1.release();
    (await a2).release();
    b.release();
    for (const turn of wide) turn.release();
    expect(keyed.keys).toBe(0);
  });
});
