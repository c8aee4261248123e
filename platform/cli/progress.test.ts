import { createProgress } from './progress';

/** A clock the test moves by hand, so rates are exact. */
function fakeClock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createProgress', () => {
  it('redraws one line in place on a terminal, only when the percent changes', () => {
    const out: string[] = [];
    const clock = fakeClock();
    const progress = createProgress({
      total: 200,
      label: 'validating',
      write: (s) => out.push(s),
      isTTY: true,
      now: clock.now,
    });
    clock.advance(500);
    progress.tick(100);
    progress.tick(0); // same percent: nothing to redraw
    clock.advance(500);
    progress.tick(100);
    progress.done();

    expect(out).toHaveLength(3);
    expect(out.slice(0, 2).every((s) => s.startsWith('\r') && !s.includes('\n'))).toBe(true);
    expect(out[0]).toContain('[############------------] validating 100/200 50% 200/s');
    expect(out[1]).toContain('[########################] validating 200/200 100% 200/s');
    expect(out[2]).toBe('\n');
  });

  it('prints a plain line at every 10% when not on a terminal', () => {
    const out: string[] = [];
    const clock = fakeClock();
    const progress = createProgress({
      total: 1_000,
      label: 'validating',
      write: (s) => out.push(s),
      isTTY: false,
      now: clock.now,
    });
    for (let i = 0; i < 1_000; i++) {
      clock.advance(1);
      progress.tick();
    }
    progress.done();

    expect(out).toHaveLength(10);
    expect(out.every((s) => s.endsWith('\n') && !s.includes('\r'))).toBe(true);
    expect(out[0]).toBe('validating 100/1000 10% 1000/s\n');
    expect(out[9]).toBe('validating 1000/1000 100% 1000/s\n');
  });

  it('shows an empty job once, as done', () => {
    const out: string[] = [];
    const progress = createProgress({
      total: 0,
      label: 'validating',
      write: (s) => out.push(s),
      isTTY: false,
      now: () => 0,
    });
    progress.done();
    progress.done();
    expect(out).toEqual(['validating 0/0 100% 0/s\n']);
  });
});
