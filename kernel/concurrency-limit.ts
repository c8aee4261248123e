/** A turn taken from a ConcurrencyLimit, held until released. */
export interface Turn {
  /** Gives the turn's weight back (once counts; later calls do nothing). */
  release(): void;
  /**
   * Adds weight to the held turn at once, without waiting (work that must go on with it, such as a second file of
   * the same answer): tasks waiting behind it start only once enough of it has been given back.
   */
  add(weight: number): void;
}

/**
 * At most `running` units of work at a time (a task weighs 1 unless given a weight, e.g. the bytes it loads; one
 * heavier than `running` counts as `running` and runs alone); up to `queued` more tasks wait their turn in arrival
 * order, each at most `waitMs`. A task beyond the queue, or one whose wait runs out, is refused with `busy()` and
 * never runs. A turn's weight is given back however the task ends (value or error) and the oldest waiters start as
 * soon as they fit, so a later caller cannot overtake (a light task waits behind a heavy one that does not fit yet).
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: { weight: number; start: () => void; timer: ReturnType<typeof setTimeout> }[] = [];

  constructor(
    private readonly limits: { running: number; queued: number; waitMs: number },
    private readonly busy: (reason: 'QUEUE_FULL' | 'WAIT_TIMEOUT') => Error,
  ) {}

  /** Units held now and tasks waiting (for tests and metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.active, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>, weight = 1): Promise<T> {
    const turn = await this.acquire(weight);
    try {
      return await task();
    } finally {
      turn.release();
    }
  }

  /** A turn held until it is released: for work that goes on after a task's promise settles, such as sending its answer. */
  async acquire(weight = 1): Promise<Turn> {
    let held = this.weightOf(weight);
    await this.take(held);
    return {
      release: () => {
        const given = held;
        held = 0;
        if (given > 0) this.giveBack(given);
      },
      add: (more: number) => {
        if (held === 0) return;
        const extra = Math.max(0, Math.ceil(more));
        held += extra;
        this.active += extra;
      },
    };
  }

  /** At least 1, at most the whole limit. */
  private weightOf(weight: number): number {
    return Math.min(this.limits.running, Math.max(1, Math.ceil(weight)));
  }

  /** Whether a task of this weight may start now: it fits beside what runs, or nothing runs. */
  private fits(weight: number): boolean {
    return this.active === 0 || this.active + weight <= this.limits.running;
  }

  private take(weight: number): Promise<void> {
    if (this.waiting.length === 0 && this.fits(weight)) {
      this.active += weight;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queued) return Promise.reject(this.busy('QUEUE_FULL'));
    return new Promise((resolve, reject) => {
      const entry = {
        weight,
        start: () => {
          clearTimeout(entry.timer);
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(this.busy('WAIT_TIMEOUT'));
          // A heavy task that gave up may have held back lighter ones behind it.
          this.startWaiting();
        }, this.limits.waitMs),
      };
      this.waiting.push(entry);
    });
  }

  private giveBack(weight: number): void {
    this.active -= weight;
    this.startWaiting();
  }

  /** The oldest waiters start, in order, while they fit. */
  private startWaiting(): void {
    while (this.waiting.length > 0 && this.fits(this.waiting[0].weight)) {
      const next = this.waiting.shift()!;
      this.active += next.weight;
      next.start();
    }
  }
}

/**
 * A ConcurrencyLimit per key (an organisation, a client address), each made at its key's first turn and forgotten
 * once nothing holds or waits for one, so a key's share costs memory only while it is used.
 */
export class KeyedConcurrencyLimit {
  private readonly limits = new Map<string, ConcurrencyLimit>();

  constructor(
    private readonly settings: (key: string) => { running: number; queued: number; waitMs: number },
    private readonly busy: (reason: 'QUEUE_FULL' | 'WAIT_TIMEOUT') => Error,
  ) {}

  /** Keys with turns held or waited for (for tests). */
  get keys(): number {
    return this.limits.size;
  }

  async acquire(key: string, weight = 1): Promise<Turn> {
    let limit = this.limits.get(key);
    if (!limit) {
      limit = new ConcurrencyLimit(this.settings(key), this.busy);
      this.limits.set(key, limit);
    }
    const forget = () => {
      const { running, waiting } = limit.load;
      if (running === 0 && waiting === 0 && this.limits.get(key) === limit) this.limits.delete(key);
    };
    let turn: Turn;
    try {
      turn = await limit.acquire(weight);
    } catch (error) {
      forget();
      throw error;
    }
    return {
      add: turn.add,
      release: () => {
        turn.release();
        forget();
      },
    };
  }
}
