import path from 'node:path';
import {
  BrokerCredentials,
  brokerCredentialsFromEnv,
  loadOrCreateBrokerCredentials,
  localKafkaCredentialsFile,
} from '../platform/events/broker-credentials';
import { kafkaBrokersFromEnv } from '../platform/config';
import { logger } from '../platform/logging';
import { runningPid, startLocalKafka } from '../tools/kafka/local-kafka';

/** The broker a command of this machine's hub uses, its credentials, and how to stop it if this command started it. */
export interface HubBroker {
  brokers: string[];
  credentials: BrokerCredentials | undefined;
  /** Stops the local broker if this call started it; a configured one, or one already running, stays up. */
  stop(): Promise<void>;
}

/**
 * KAFKA_BROKERS (with KAFKA_CREDENTIALS_FILE) when set, else the local broker of .local/kafka/data under the
 * credentials generated there on first start. One way for `npm start`, `npm run start:topology` and
 * `npm run demo:documents`: the last started the local broker without its credentials, so on the same data directory
 * it was formatted afresh (every topic, offset and principal gone) or, already running, refused it (a helper's audit
 * of 2026-12-06).
 */
export async function hubBroker(root: string): Promise<HubBroker> {
  const configured = kafkaBrokersFromEnv();
  if (configured) return { brokers: configured, credentials: brokerCredentialsFromEnv(), stop: async () => undefined };
  process.stderr.write('starting a local Kafka 3.9 broker (first run resolves its jars with Maven)...\n');
  const dataDir = path.join(root, '.local', 'kafka', 'data');
  // Generated on first start, kept under .local/: the broker's super user and one principal per subgraph.
  const credentials = loadOrCreateBrokerCredentials(localKafkaCredentialsFile(root));
  const reused = runningPid(dataDir) !== undefined;
  const kafka = await startLocalKafka({
    projectRoot: root,
    dataDir,
    port: 19092,
    controllerPort: 19093,
    admin: credentials.admin,
  });
  // A broker left running by `npm run kafka:start` stays up; one started here stops with the command.
  return { brokers: kafka.brokers, credentials, stop: reused ? async () => undefined : kafka.stop };
}

/**
 * What a command started, stopped in reverse order once: on Ctrl-C or SIGTERM at any point (before, the handlers
 * came only after the demo data had loaded, minutes in), and when its start fails (before, an error left the
 * detached broker, and an embedded PostgreSQL, running for good; the next start then took the broker as not its own).
 */
export class StartedServers {
  private readonly steps: { name: string; stop: () => Promise<void> }[] = [];
  private stopping: Promise<boolean> | undefined;

  /** Registers what was just started. */
  add(name: string, stop: () => Promise<void>): void {
    this.steps.push({ name, stop });
  }

  /** Stops everything registered, last first, each even when an earlier one failed; true when all stopped cleanly. */
  stopAll(): Promise<boolean> {
    this.stopping ??= (async () => {
      let clean = true;
      for (const step of [...this.steps].reverse()) {
        try {
          await step.stop();
        } catch (error) {
          clean = false;
          logger.error({ err: error, step: step.name }, 'did not stop cleanly');
        }
      }
      return clean;
    })();
    return this.stopping;
  }

  /** Stops everything on SIGINT or SIGTERM, then exits (1 when something did not stop cleanly). */
  stopOnSignals(message: string): void {
    const onSignal = () => {
      process.stderr.write(`${message}\n`);
      void this.stopAll().then((clean) => process.exit(clean ? 0 : 1));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  /** Runs a command's start; on its failure stops what it started, reports the error and exits 1. */
  run(main: () => Promise<void>, report: (error: unknown) => void = (error) => console.error(error)): void {
    main().catch(async (error) => {
      report(error);
      await this.stopAll();
      process.exit(1);
    });
  }
}
