import type { HubOrm } from '../../../../platform/db/orm';
import { logger } from '../../../../platform/logging';
import { sendDueWebhooks } from '../../application/send-due-webhooks';
import { WebhookConfig } from '../../application/webhook-config';
import { WebhookHttpClient } from './webhook-http';

/**
 * The sender loops of one hub instance: each claims its own batch of due deliveries, so a receiver that takes
 * 10 s to time out holds up one loop's batch, not the instance. A loop that found work looks again at once; an
 * idle one polls (deliveries other instances queued, retries falling due), and looks at once when this instance
 * commits a transaction (the dispatcher fanning events out). An idle pass opens no transaction, so it wakes nobody.
 */
export class WebhookSender {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();
  private readonly client: WebhookHttpClient;
  private readonly log = logger.child({ component: 'webhook-sender' });

  constructor(
    private readonly orm: HubOrm,
    private readonly config: WebhookConfig,
  ) {
    this.client = new WebhookHttpClient({
      policy: config.policy,
      timeoutMs: config.timeoutMs,
      maxResponseBytes: config.maxResponseBytes,
    });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.orm.em.getEventManager().registerSubscriber({ afterTransactionCommit: () => this.nudge() });
    this.loops = Array.from({ length: this.config.senders }, () => this.loop());
  }

  /** Wakes the idle loops. */
  nudge(): void {
    for (const wake of this.sleepers) wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await Promise.all(this.loops);
    this.client.close();
  }

  private async loop(): Promise<void> {
    let busy = false;
    while (this.running) {
      try {
        const sent = await sendDueWebhooks(this.orm.em.fork(), this.client, this.config, { probe: !busy });
        busy = sent > 0;
        if (busy) continue;
      } catch (error) {
        busy = false;
        this.log.warn({ err: error }, 'webhook pass failed; will retry');
      }
      await this.sleep(this.config.pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
