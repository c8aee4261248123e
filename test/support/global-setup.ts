import os from 'node:os';
import path from 'node:path';
import { startLocalKafka } from '../../infra/kafka/local-kafka';
import { projectRoot } from '../../infra/dev/paths';

/**
 * One real Kafka broker for the whole run (tests isolate themselves by topic prefix and consumer group), unless
 * KAFKA_BROKERS points at one. PostgreSQL is the machine's server or DATABASE_URL; each test file makes its own
 * database.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  if (process.env.KAFKA_BROKERS) return;
  const root = projectRoot(__dirname);
  const kafka = await startLocalKafka({
    projectRoot: root,
    dataDir: path.join(root, '.local', 'kafka', `test-${os.hostname()}`),
    port: Number(process.env.TEST_KAFKA_PORT ?? 19192),
    controllerPort: Number(process.env.TEST_KAFKA_CONTROLLER_PORT ?? 19193),
    heapMb: 512,
  });
  process.env.KAFKA_BROKERS = kafka.brokers.join(',');
  process.env.HUB_TEST_KAFKA_STARTED = kafka.pid.toString();
  (globalThis as { __hubKafka?: typeof kafka }).__hubKafka = kafka;
}
