import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { LapsingCache } from '../../../../platform/auth/token-cache';
import { webhookSecretCipher } from '../../../../platform/crypto/webhook-secret-cipher';
import { NotifyListener } from '../../../../platform/db/notify-listener';
import type { HubOrm } from '../../../../platform/db/orm';
import { logger } from '../../../../platform/logging';
import {
  SentDelivery,
  claimWebhooks,
  eraseExpiredWebhookSecrets,
  recordWebhookAttempts,
  repairWebhookOrder,
  sealStoredWebhookSecrets,
  sendWebhook,
} from '../../application/send-due-webhooks';
import { WebhookConfig } from '../../application/webhook-config';
import { WEBHOOK_DELIVERY_CHANNEL } from '../../persistence/webhook.repository';
import { WebhookHttpClient } from './webhook-http';

/**
 * How many subscriptions' signers a sender keeps. Before, one per secret ever seen stayed for the life of the
 * process: every new or rotated subscription grew the map, and a rotated secret stayed in memory for good.
 */
export const WEBHOOK_SIGNER_CAPACITY = 1_000;

/**
 * The signers of each subscription, for the secrets its last delivery was claimed with (the current one, and the one
 * a rotation replaced while its overlap runs), the `capacity` subscriptions most recently signed for kept. Keyed by
 * the subscription: a delivery claimed with other secrets (a rotation, an overlap's end) replaces its entry, so the
 * signer of a rotated-out secret is dropped at the subscription's next delivery and never signs again; a signer of a
 * secret still presented is kept (the attribute signer is derived once per signer, send-due-webhooks.ts). Before, one
 * signer per secret stayed until 1,000 newer secrets pushed it out: on a quiet hub, a rotated-out secret erased from
 * the database stayed in the process's memory for good.
 */
export function webhookSigners(capacity = WEBHOOK_SIGNER_CAPACITY) {
  const bySubscription = new LapsingCache<{ secrets: readonly string[]; signers: readonly Webhook[] }>(capacity);
  return {
    /** The signers of a delivery of `subscriptionId` claimed with these secrets, in their order (the current first). */
    signersFor(subscriptionId: string, secrets: readonly string[]): readonly Webhook[] {
      const kept = bySubscription.get(subscriptionId);
      if (kept && kept.secrets.length === secrets.length && kept.secrets.every((s, i) => s === secrets[i]))
        return kept.signers;
      const signers = secrets.map((secret) => {
        const i = kept ? kept.secrets.indexOf(secret) : -1;
        return i >= 0 ? kept!.signers[i] : new Webhook(secret);
      });
      bySubscription.set(subscriptionId, { secrets: [...secrets], signers }, Number.POSITIVE_INFINITY);
      return signers;
    },
    /** Subscriptions kept. */
    get size() {
      return bySubscription.size;
    },
  };
}

/**
 * The sender of one hub instance. No transaction is open while a request is: the loop leases due deliveries in one
 * short statement (FOR UPDATE SKIP LOCKED, marked in flight until the lease ends), sends them outside any
 * transaction on keep-alive connections, and records the answers in a second short transaction; answers that come
 * in while one is being recorded are recorded together in the next. The loop claims again as soon as it has room
 * (`maxInFlight` requests open; `perSubscription` per subscription and `perOrganisation` per organisation over all
 * instances, every subscription offered its turn), so one receiver that takes 10 s to time out holds up only its own
 * requests. One aggregate's deliveries go one after the other (the claim
 * takes only the oldest pending one of each): recording an answer wakes the loop for the next.
 *
 * It wakes on new deliveries (the table's NOTIFY, from any instance's dispatcher; in this process also on every
 * commit) and otherwise looks every `pollIntervalMs` (retries falling due, a lost notification).
 */
export class WebhookSender {
  private running = false;
  private loopDone?: Promise<void>;
  private inFlight = 0;
  private readonly sends = new Set<Promise<void>>();
  private answered: SentDelivery[] = [];
  private recording?: Promise<void>;
  private wanted = false;
  private wake?: () => void;
  private readonly signers = webhookSigners();
  private readonly client: WebhookHttpClient;
  private listener?: NotifyListener;
  private readonly log = logger.child({ component: 'webhook-sender' });
  /** Attempts this sender made (the multi-instance test checks both instances shared the work). */
  attempted = 0;

  constructor(
    private readonly orm: HubOrm,
    private readonly config: WebhookConfig,
  ) {
    this.client = new WebhookHttpClient({
      policy: config.policy,
      timeoutMs: config.timeoutMs,
      maxResponseBytes: config.maxResponseBytes,
      dnsServers: config.dnsServers,
    });
  }

  start(): void {
    if (this.running) return;
    // Without its key (WEBHOOK_SECRET_KEY, required in production) the process does not start: it could sign nothing.
    webhookSecretCipher();
    this.running = true;
    this.orm.em.getEventManager().registerSubscriber({ afterTransactionCommit: () => this.nudge() });
    const databaseUrl = this.orm.config.get('clientUrl');
    if (databaseUrl) {
      this.listener = new NotifyListener({
        databaseUrl,
        channel: WEBHOOK_DELIVERY_CHANNEL,
        applicationName: 'webhook-sender',
        onNotify: () => this.nudge(),
      });
      this.listener.start();
    }
    this.loopDone = this.loop();
  }

  /** Asks for an immediate claim instead of waiting for the next poll. */
  nudge(): void {
    this.wanted = true;
    this.wake?.();
  }

  /** Stops claiming, lets the requests in flight finish and records them. */
  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.loopDone;
    await this.listener?.stop();
    while (this.sends.size > 0) await Promise.all([...this.sends]);
    while (this.recording) await this.recording;
    this.client.close();
  }

  private async loop(): Promise<void> {
    let repairedAt = 0;
    while (this.running) {
      this.wanted = false;
      if (Date.now() - repairedAt >= this.config.pollIntervalMs) {
        repairedAt = Date.now();
        await repairWebhookOrder(this.orm.em.fork()).catch((error: unknown) =>
          this.log.warn({ err: error }, 'webhook order repair failed; will retry'),
        );
        // Secrets written in plain text (before they were sealed, or by an older instance still running in a
        // rolling upgrade) are sealed as soon as they are seen.
        await sealStoredWebhookSecrets(this.orm.em.fork()).then(
          (n) => n > 0 && this.log.info({ subscriptions: n }, 'sealed webhook secrets stored in plain text'),
          (error: unknown) => this.log.warn({ err: error }, 'sealing webhook secrets failed; will retry'),
        );
        // A rotated-out secret stops signing at its overlap's end (the claim reads it); here it is erased.
        await eraseExpiredWebhookSecrets(this.orm.em.fork()).then(
          (n) => n > 0 && this.log.info({ subscriptions: n }, 'erased webhook secrets whose rotation overlap ended'),
          (error: unknown) => this.log.warn({ err: error }, 'erasing rotated-out webhook secrets failed; will retry'),
        );
      }
      const room = this.config.maxInFlight - this.inFlight;
      // A claim costs about the same for one row as for a hundred: a busy sender waits for some room.
      if (room > 0 && (this.inFlight === 0 || room >= Math.ceil(this.config.maxInFlight / 8))) {
        try {
          const claimed = await claimWebhooks(this.orm.em.fork(), {
            limit: room,
            perSubscription: this.config.perSubscription,
            perOrganisation: this.config.perOrganisation,
            leaseMs: this.config.leaseMs,
            token: randomUUID(),
          });
          for (const delivery of claimed) this.track(this.send(delivery));
          if (claimed.length === room) continue;
        } catch (error) {
          this.log.warn({ err: error }, 'webhook claim failed; will retry');
        }
      }
      await this.pause(this.config.pollIntervalMs);
    }
  }

  private track(send: Promise<void>): void {
    this.sends.add(send);
    void send.finally(() => this.sends.delete(send));
  }

  private async send(delivery: Parameters<typeof sendWebhook>[1]): Promise<void> {
    this.inFlight++;
    try {
      if (delivery.secret === null)
        this.log.error(
          { deliveryId: delivery.id, subscriptionId: delivery.subscriptionId },
          "a webhook subscription's secret did not open: altered, or sealed with another WEBHOOK_SECRET_KEY",
        );
      const signers =
        delivery.secret === null
          ? null
          : this.signers.signersFor(delivery.subscriptionId, [
              delivery.secret,
              ...(delivery.previousSecret === null ? [] : [delivery.previousSecret]),
            ]);
      // Awaited before `this.answered` is read: a recording may swap the array meanwhile.
      const sent = await sendWebhook(this.client, delivery, signers, this.config);
      this.answered.push(sent);
      this.attempted++;
    } catch (error) {
      // Not recorded: the lease runs out and the delivery is sent again.
      this.log.warn({ err: error, deliveryId: delivery.id }, 'webhook send failed');
    } finally {
      this.inFlight--;
    }
    this.record();
  }

  /** Records the answers in; one recording at a time, the answers meanwhile go into the next. */
  private record(): void {
    if (this.recording || this.answered.length === 0) return;
    const batch = this.answered;
    this.answered = [];
    this.recording = (async () => {
      try {
        await recordWebhookAttempts(this.orm.em.fork(), batch, this.config);
      } catch (error) {
        this.log.warn({ err: error, attempts: batch.length }, 'recording webhook attempts failed; will retry');
        this.answered.unshift(...batch);
        await new Promise((resolve) => setTimeout(resolve, 200));
      } finally {
        this.recording = undefined;
      }
      // The next delivery of each aggregate is due now (the commit's subscriber nudges too).
      this.nudge();
      this.record();
    })();
  }

  /** Waits `ms`, or less when nudged. */
  private pause(ms: number): Promise<void> {
    if (this.wanted || !this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}
