import {
  BrokerCredentials,
  brokerCredentialsFromEnv,
  loadOrCreateBrokerCredentials,
  localKafkaCredentialsFile,
} from '../platform/events/broker-credentials';
import { kafkaBrokersFromEnv, kafkaTlsFromEnv } from '../platform/config';
import type { KafkaTls } from '../platform/events/kafka';
import { stopEachLogged } from '../platform/stop-each';
import {
  LocalKafka,
  localKafkaDataDir,
  localKafkaPorts,
  runningPid,
  startLocalKafka,
  stopLocalKafka,
} from '../tools/kafka/local-kafka';

/** The broker a command of this machine's hub uses and its credentials. */
export interface HubBroker {
  brokers: string[];
  credentials: BrokerCredentials | undefined;
  /** How the hub reaches a configured broker over TLS (KAFKA_TLS, KAFKA_TLS_CA_FILE); none for the local one. */
  tls: KafkaTls | undefined;
  /** The local broker's TLS listener for parties and the certificate they trust (not for a configured broker). */
  partyTls?: LocalKafka['tls'];
}

/**
 * KAFKA_BROKERS (with KAFKA_CREDENTIALS_FILE) when set, else the local broker of localKafkaDataDir (KAFKA_DATA_DIR,
 * else .local/kafka/data) under the credentials generated there on first start. One way for `npm start`, `npm run start:topology` and
 * `npm run demo:documents`: the last started the local broker without its credentials, so on the same data directory
 * it was formatted afresh (every topic, offset and principal gone) or, already running, refused it (a helper's audit
 * of 2026-12-06). A local broker this call starts is stopped with `servers`; a configured one, or one already
 * running, stays up.
 */
export async function hubBroker(root: string, servers: StartedServers): Promise<HubBroker> {
  const configured = kafkaBrokersFromEnv();
  if (configured) return { brokers: configured, credentials: brokerCredentialsFromEnv(), tls: kafkaTlsFromEnv() };
  process.stderr.write('starting a local Kafka 3.9 broker (first run resolves its jars with Maven)...\n');
  const dataDir = localKafkaDataDir(root);
  // Generated on first start, kept under .local/: the broker's super user and one principal per subgraph.
  const credentials = loadOrCreateBrokerCredentials(localKafkaCredentialsFile(root));
  const reused = runningPid(dataDir) !== undefined;
  // Registered before the start: the broker is spawned (detached, with its pid file) before it is ready, so a Ctrl-C
  // during its start stops it too (stopLocalKafka stops whatever the pid file names, nothing without one).
  if (!reused) servers.add('Kafka', () => stopLocalKafka(dataDir));
  const kafka = await startLocalKafka({
    projectRoot: root,
    dataDir,
    ...localKafkaPorts(),
    admin: credentials.admin,
  });
  // A broker left running by `npm run kafka:start` stays up; one started here stops with the command. The hub's own
  // processes use the plain listener on loopback; parties elsewhere the TLS one.
  return { brokers: kafka.brokers, credentials, tls: undefined, partyTls: kafka.tls };
}

/**
 * What a command started, stopped in reverse order once: on Ctrl-C or SIGTERM at any point (before, the handlers
 * came only after the demo data had loaded, minutes in), and when its start fails (before, an error left the
 * detached broker, and an embedded PostgreSQL, running for good; the next start then took the broker as not its own).
 */
export class StartedServers {
  private readonly steps: { name: string; stop: () => Promise<void> }[] = [];
  private stopping: Promise<boolean> | undefined;

  /** Registers what was just started; once the stop has begun, stops it at once (it finished starting meanwhile). */
  add(name: string, stop: () => Promise<void>): void {
    if (this.stopping) void this.stopping.then(() => stopEachLogged([{ name, stop }]));
    else this.steps.push({ name, stop });
  }

  /** Stops everything registered, last first, each even when an earlier one failed; true when all stopped cleanly. */
  stopAll(): Promise<boolean> {
    this.stopping ??= stopEachLogged([...this.steps].reverse());
    return this.stopping;
  }

  /** Stops everything on SIGINT or SIGTERM, then exits 130 or 143 as a shell reports the signal (1 when unclean). */
  stopOnSignals(message: string): void {
    const onSignal = (code: number) => () => {
      this.signalled = true;
      process.stderr.write(`${message}\n`);
      void this.stopAll().then((clean) => process.exit(clean ? code : 1));
    };
    process.once('SIGINT', onSignal(130));
    process.once('SIGTERM', onSignal(143));
  }

  private signalled = false;

  /**
   * Runs a command's start; on its failure stops what it started, reports the error and exits 1. A start failing
   * because a signal is stopping what it used is the signal's to report.
   */
  run(main: () => Promise<void>, report: (error: unknown) => void = (error) => console.error(error)): void {
    main().catch(async (error) => {
      if (this.signalled) return;
      report(error);
      await this.stopAll();
      process.exit(1);
    });
  }
}
