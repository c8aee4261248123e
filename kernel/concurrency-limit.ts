/**
 * At most `running` tasks at a time; up to `queued` more wait their turn in arrival order, each at most `waitMs`.
 * A task beyond the queue, or one whose wait runs out, is refused with `busy()` and never runs. A slot is given back
 * however the task ends (value or error) and passed straight to the oldest waiter, so a later caller cannot overtake.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: { start: () => void; timer: ReturnType<typeof setTimeout> }[] = [];

  constructor(
    private readonly limits: { running: number; queued: number; waitMs: number },
    private readonly busy: (reason: 'QUEUE_FULL' | 'WAIT_TIMEOUT') => Error,
  ) {}

  /** Tasks running now and tasks waiting (for tests and metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.active, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await task();
    } finally {
      release();
    }
  }

  /**
   * A slot held until the returned function is called (once counts; later calls do nothing): for work that goes on
   * after a task's promise settles, such as sending its answer.
   */
  async acquire(): Promise<() => void> {
    await this.take();
    let held = true;
    return () => {
      if (held) this.release();
      held = false;
    };
  }

  private take(): Promise<void> {
    if (this.active < this.limits.running) {
      this.active++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queued) return Promise.reject(this.busy('QUEUE_FULL'));
    return new Promise((resolve, reject) => {
      const entry = {
        start: () => {
          clearTimeout(entry.timer);
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(this.busy('WAIT_TIMEOUT'));
        }, this.limits.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  /** The slot goes to the oldest waiter (active stays the same), or is freed. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next.start();
    else this.active--;
  }
}
