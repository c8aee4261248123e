import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { leaseLocalKafka, releaseLocalKafka, startLocalKafka } from '../../tools/kafka/local-kafka';
import { portFromEnv } from '../../platform/config';
import { projectRoot } from '../../platform/project-root';
import { markTestRun } from './run-databases';
import { shareMigrationsFingerprint } from './template-database';
import { loadOrCreateBrokerCredentials, localKafkaCredentialsFile } from '../../platform/events/broker-credentials';

/** What the global teardown gives back: the run's lease on the broker. */
export interface RunBroker {
  stop(): Promise<unknown>;
}

/**
 * One real Kafka broker for the whole run (tests isolate themselves by topic prefix and consumer group), unless
 * KAFKA_BROKERS points at one. The run's broker is secured like production: SASL/SCRAM-SHA-512 and ACLs, with the
 * development credentials of .local/kafka/credentials.json (KAFKA_CREDENTIALS_FILE tells the test files; give it
 * with KAFKA_BROKERS for an outside secured broker, leave it out for an open PLAINTEXT one). PostgreSQL is the
 * machine's server or DATABASE_URL; each test file makes its own database.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  markTestRun();
  // The migrations loaded once here, not in every file (test/support/template-database.ts).
  await shareMigrationsFingerprint();
  if (process.env.KAFKA_BROKERS) return;
  const root = projectRoot(__dirname);
  const dataDir = path.join(root, '.local', 'kafka', `test-${os.hostname()}`);
  // Held until the run's end: a parallel run finishing first leaves the broker to this one (and the last stops it).
  const lease = leaseLocalKafka(dataDir);
  const credentialsFile = localKafkaCredentialsFile(root);
  const { admin } = loadOrCreateBrokerCredentials(credentialsFile);
  const kafka = await startLocalKafka({
    admin,
    projectRoot: root,
    dataDir,
    port: portFromEnv('TEST_KAFKA_PORT', 19192),
    controllerPort: portFromEnv('TEST_KAFKA_CONTROLLER_PORT', 19193),
    // Its SASL_SSL listener, for the test that parties can read and write over TLS (test/broker-security.it.test.ts).
    tlsPort: portFromEnv('TEST_KAFKA_TLS_PORT', 19194),
    heapMb: 512,
    forTests: true,
  });
  process.env.KAFKA_BROKERS = kafka.brokers.join(',');
  process.env.KAFKA_CREDENTIALS_FILE = credentialsFile;
  if (kafka.tls) {
    process.env.TEST_KAFKA_TLS_BROKERS = kafka.tls.brokers.join(',');
    process.env.TEST_KAFKA_TLS_CA_FILE = kafka.tls.caFile;
  }
  // A broker another run started is reused; whichever run ends last stops it (before, the run that started it stopped
  // it at its end, in the middle of a parallel run's files).
  (globalThis as { __hubKafka?: RunBroker }).__hubKafka = { stop: () => releaseLocalKafka(dataDir, lease) };
}
