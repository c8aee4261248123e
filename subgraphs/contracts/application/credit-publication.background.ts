import type { HubOrm } from '../../../platform/db/orm';
import type { BackgroundWork } from '../../../platform/subgraph/module';
import { logger } from '../../../platform/logging';
import { publishDueCreditEntries } from './publish-due-credit-entries';

/** How often the credit sweep looks for entries whose notice period has run (`CREDIT_SWEEP_INTERVAL_MS`). */
export function creditSweepIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.CREDIT_SWEEP_INTERVAL_MS ?? 600_000);
  return Number.isSafeInteger(value) && value >= 1_000 ? value : 600_000;
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
