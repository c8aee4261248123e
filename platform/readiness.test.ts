import { probe, shared } from './readiness';

describe('readiness helpers', () => {
  it('shares one check in flight and keeps its answer for the ttl after it came, not after it started', async () => {
    let runs = 0;
    let finish: (value: number) => void = () => undefined;
    const check = shared(
      () =>
        new Promise<number>((resolve) => {
          runs++;
          finish = resolve;
        }),
      60_000,
    );
    const first = [check(), check(), check()];
    expect(runs).toBe(1);
    finish(7);
    expect(await Promise.all(first)).toEqual([7, 7, 7]);
    expect(await check()).toBe(7);
    expect(runs).toBe(1);
  });

  it('asks again once the ttl has passed, and after a failed check', async () => {
    let runs = 0;
    const check = shared(async () => {
      runs++;
      if (runs === 2) throw new Error('down');
      return runs;
    }, 0);
    expect(await check()).toBe(1);
    await expect(check()).rejects.toThrow('down');
    expect(await check()).toBe(3);
  });

  it('answers DOWN for a check that never settles, after its timeout', async () => {
    expect(await probe(() => new Promise(() => undefined), 20)).toBe('DOWN');
    expect(await probe(async () => 'ok', 1000)).toBe('UP');
    expect(await probe(async () => Promise.reject(new Error('no')), 1000)).toBe('DOWN');
  });
});
