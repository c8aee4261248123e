import { wholeNumberFromEnv } from '../../../platform/config';
import type { HubOrm } from '../../../platform/db/orm';
import type { BackgroundWork } from '../../../platform/subgraph/module';
import { LONGEST_TIMER_MS } from '../../../platform/subgraph/periodic';
import { logger } from '../../../platform/logging';
import { publishDueCreditEntries } from './publish-due-credit-entries';

/**
 * How often the credit sweep looks for entries whose notice period has run (`CREDIT_SWEEP_INTERVAL_MS`): 600,000 ms
 * when unset or blank, else whole milliseconds from 1 s to a timer's longest (about 24.8 days); anything else is
 * refused at start, by name (wholeNumberFromEnv: before, a typo such as `10m` or `500` silently became the default,
 * `1e4` was taken, and a value beyond a timer's longest ran the sweep every millisecond).
 */
export function creditSweepIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  return wholeNumberFromEnv(
    'CREDIT_SWEEP_INTERVAL_MS',
    600_000,
    { min: 1_000, max: LONGEST_TIMER_MS, what: 'milliseconds' },
    env,
  );
}

/**
 * Publishes credit entries once their notice period has run: at start and then every interval (a period ends at a
 * day's end in China, so ten minutes late at most by default). Entries already due when recorded are published in
 * their own transaction; this only catches those that fall due later.
 */
export class CreditPublication implements BackgroundWork {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private readonly log = logger.child({ component: 'credit-publication' });

  constructor(
    private readonly orm: HubOrm,
    private readonly intervalMs = creditSweepIntervalMs(),
  ) {}

  start(): void {
    if (this.timer) return;
    const sweep = () => {
      this.running = publishDueCreditEntries(this.orm.em.fork()).then(
        (published) => {
          if (published > 0) this.log.info({ published }, 'credit entries published');
        },
        (error: unknown) => this.log.warn({ err: error }, 'credit sweep failed; will retry'),
      );
    };
    sweep();
    this.timer = setInterval(sweep, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
