import { Client } from 'pg';
import { logger } from '../logging';

/**
 * One dedicated connection LISTENing on a channel: each notification calls `onNotify`. When the connection drops it
 * is re-opened with backoff (and `onNotify` called once it is back, since a commit may have gone unheard meanwhile)
 * until stopped. Used by the outbox relay and the webhook sender.
 */
export class NotifyListener {
  private running = false;
  private client?: Client;
  private readonly log;

  constructor(
    private readonly options: {
      databaseUrl: string;
      channel: string;
      applicationName: string;
      onNotify: () => void;
      maxBackoffMs?: number;
    },
  ) {
    this.log = logger.child({ component: 'notify-listener', channel: options.channel });
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.listen();
  }

  async stop(): Promise<void> {
    this.running = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async listen(retryInMs = 200): Promise<void> {
    const { databaseUrl, channel, applicationName, onNotify } = this.options;
    if (!this.running) return;
    const client = new Client({ connectionString: databaseUrl, application_name: applicationName });
    let retried = false;
    const retry = (error?: Error) => {
      if (retried) return;
      retried = true;
      if (this.client === client) this.client = undefined;
      void client.end().catch(() => undefined);
      if (!this.running) return;
      this.log.warn({ err: error, retryInMs }, 'lost the LISTEN connection; will reconnect');
      setTimeout(() => void this.listen(Math.min(retryInMs * 2, this.options.maxBackoffMs ?? 5000)), retryInMs).unref();
    };
    client.on('error', retry);
    client.on('end', () => retry());
    client.on('notification', () => onNotify());
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (error) {
      retry(error as Error);
      return;
    }
    if (!this.running) {
      retried = true;
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    onNotify();
  }
}
