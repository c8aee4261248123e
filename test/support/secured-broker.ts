import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompressionTypes, Consumer, Kafka } from 'kafkajs';
import { BrokerCredentials, loadOrCreateBrokerCredentials } from '../../platform/events/broker-credentials';
import { KafkaTls, SaslCredential, createKafka } from '../../platform/events/kafka';
import { LocalKafkaOptions, runningPid, startLocalKafka } from '../../tools/kafka/local-kafka';
import { freePort } from './events';
import { kafkaBrokers, testKafkaCredentials } from './hub-fixture';
import { testKafkaClient } from './kafka-probe';
import { waitFor } from './wait-for';

export interface SecuredBroker {
  brokers: string[];
  credentials: BrokerCredentials;
  /** Its SASL_SSL listener and the certificate (PEM) its clients trust. */
  tls: { brokers: string[]; caFile: string };
  stop(): Promise<void>;
}

/**
 * A broker with SASL/SCRAM and ACLs on: the run's own (the global setup's, or KAFKA_BROKERS with
 * KAFKA_CREDENTIALS_FILE), else, when the run uses an open PLAINTEXT broker, one of the file's own on free ports,
 * stopped by `stop()`. Security tests always run against authentication.
 */
export async function securedBroker(): Promise<SecuredBroker> {
  const credentials = testKafkaCredentials();
  const tls = runTlsListener();
  if (credentials && tls) return { brokers: kafkaBrokers(), credentials, tls, stop: async () => undefined };
  return ownSecuredBroker();
}

/** The run's broker's TLS listener (the global setup's), none for an outside broker. */
function runTlsListener(): SecuredBroker['tls'] | undefined {
  const brokers = process.env.TEST_KAFKA_TLS_BROKERS?.split(',');
  const caFile = process.env.TEST_KAFKA_TLS_CA_FILE;
  return brokers && caFile ? { brokers, caFile } : undefined;
}

export interface OwnSecuredBroker extends SecuredBroker {
  /** SIGKILLs the broker's JVM (by its PID), as a crash would, and waits until its port is closed. */
  kill(): Promise<void>;
  /** Starts it again on the same ports and data (Kafka recovers its logs), and waits until it serves. */
  restart(): Promise<void>;
}

/** A secured broker of the test file's own, on free ports, with its own principals: one it may kill and restart. */
export async function ownSecuredBroker(
  tuning: Pick<LocalKafkaOptions, 'minSessionTimeoutMs'> = {},
): Promise<OwnSecuredBroker> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-kafka-secured-'));
  const own = loadOrCreateBrokerCredentials(path.join(dataDir, 'credentials.json'));
  const options = {
    ...tuning,
    shortLived: true,
    forTests: true,
    dataDir,
    port: await freePort(),
    controllerPort: await freePort(),
    tlsPort: await freePort(),
    heapMb: 384,
    admin: own.admin,
  };
  let kafka = await startLocalKafka(options);
  return {
    brokers: kafka.brokers,
    credentials: own,
    tls: kafka.tls!,
    kill: async () => {
      process.kill(kafka.pid, 'SIGKILL');
      await waitFor('the killed broker to exit', () => runningPid(dataDir) === undefined, { timeoutMs: 30_000 });
    },
    restart: async () => {
      kafka = await startLocalKafka(options);
    },
    stop: async () => {
      await kafka.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The broker's error type behind a kafkajs failure (e.g. TOPIC_AUTHORIZATION_FAILED), or its name. */
export function brokerErrorType(error: unknown): string {
  for (let e = error as { type?: string; name?: string; cause?: unknown; originalError?: unknown } | undefined; e;) {
    if (e.type && e.type !== 'UNKNOWN') return e.type;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  const message = String((error as Error)?.message ?? error);
  if (/Topic authorization failed/i.test(message)) return 'TOPIC_AUTHORIZATION_FAILED';
  // kafkajs turns FindCoordinator's GROUP_AUTHORIZATION_FAILED into "Failed to find group coordinator".
  if (/Group authorization failed|Failed to find group coordinator/i.test(message)) return 'GROUP_AUTHORIZATION_FAILED';
  if (/SASL/i.test(message)) return 'SASL_AUTHENTICATION_FAILED';
  // A client refusing the broker's certificate (not signed by a CA it trusts) sends it nothing.
  if (/self[- ]signed certificate/i.test(message)) return 'SELF_SIGNED_CERTIFICATE';
  return (error as Error)?.name ?? 'UNKNOWN';
}

/**
 * Produces one message as `sasl` (`null`: without credentials) to `at`: a listener's brokers, or with `tls` its TLS
 * listener's, the client made as the hub makes its own (createKafka, so TLS settings go the way a subgraph's do);
 * resolves 'OK' or the broker's refusal.
 */
export async function tryProduce(
  at: string[] | { brokers: string[]; tls?: KafkaTls },
  sasl: SaslCredential | null,
  topic: string,
  value = 'probe',
  compression = CompressionTypes.None,
): Promise<string> {
  const { brokers, tls } = Array.isArray(at) ? { brokers: at, tls: undefined } : at;
  const kafka = createKafka({ clientId: 'security-probe', brokers, sasl: sasl ?? undefined, tls }, { quiet: true });
  const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 2, initialRetryTime: 100 } });
  try {
    await producer.connect();
    await producer.send({ topic, acks: -1, compression, messages: [{ key: 'k', value }] });
    return 'OK';
  } catch (error) {
    return brokerErrorType(error);
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
}

/**
 * Reads a topic from the beginning with a consumer group as `sasl` until `count` messages arrived; resolves the
 * values read, or the broker's refusal (a consumer that crashes on an authorization error, or fails to join).
 */
export async function tryConsume(
  brokers: string[],
  sasl: SaslCredential | null,
  topic: string,
  groupId: string,
  { count = 1, timeoutMs = 15000 } = {},
): Promise<string[] | string> {
  const kafka: Kafka = testKafkaClient(brokers, 'security-probe', sasl);
  const consumer: Consumer = kafka.consumer({
    groupId,
    maxWaitTimeInMs: 200,
    retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 2000 },
  });
  const values: string[] = [];
  try {
    return await new Promise<string[] | string>((resolve) => {
      const timer = setTimeout(() => resolve(values), timeoutMs);
      const done = (result: string[] | string) => {
        clearTimeout(timer);
        resolve(result);
      };
      consumer.on(consumer.events.CRASH, ({ payload }) => done(brokerErrorType(payload.error)));
      (async () => {
        await consumer.connect();
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ message }) => {
            values.push(message.value?.toString() ?? '');
            if (values.length >= count) done(values);
          },
        });
      })().catch((error: unknown) => done(brokerErrorType(error)));
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}
