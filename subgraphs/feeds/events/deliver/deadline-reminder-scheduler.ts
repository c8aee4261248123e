import { todayInChina } from '../../../../kernel/clock';
import type { HubOrm } from '../../../../platform/db/orm';
import { logger } from '../../../../platform/logging';
import type { BackgroundWork } from '../../../../platform/subgraph/module';
import { sendDeadlineReminders } from '../../application/send-deadline-reminders';

/**
 * Runs the deadline reminders every `intervalMs` (and once at start) for today in China. Every instance runs it;
 * the advisory lock in sendDeadlineReminders lets one at a time work, and the reminders' unique key sends each once.
 */
export class DeadlineReminderScheduler implements BackgroundWork {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> = Promise.resolve();
  private readonly log = logger.child({ component: 'deadline-reminders' });

  constructor(
    private readonly orm: HubOrm,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => this.run(), this.intervalMs);
    this.timer.unref();
    this.run();
  }

  private run(): void {
    this.current = this.current.then(async () => {
      try {
        const { sent, withoutParty } = await sendDeadlineReminders(this.orm.em.fork(), todayInChina());
        if (sent > 0) this.log.info({ sent }, 'deadline reminders sent');
        if (withoutParty.length > 0)
          this.log.warn(
            { deadlineKeys: withoutParty.slice(0, 20) },
            'deadline reminders left out: owner has no party id',
          );
      } catch (error) {
        this.log.error({ err: error }, 'deadline reminders failed; retried at the next run');
      }
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.current;
  }
}
