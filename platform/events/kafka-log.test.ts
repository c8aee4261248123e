import { Kafka, ProducerConfig, logLevel } from 'kafkajs';
import { HUB_PRODUCER, LIMITED_RETRIES_WARNING, kafkajsLogLevel } from './kafka';

/** What kafkajs logs when a producer is made with these options (no broker needed: it warns as it makes one). */
function warningsOf(options: ProducerConfig): { level: logLevel; message: string }[] {
  const warned: { level: logLevel; message: string }[] = [];
  const silenced = process.env.KAFKAJS_NO_PARTITIONER_WARNING;
  delete process.env.KAFKAJS_NO_PARTITIONER_WARNING; // the tests' own clients set it (test/support/env.ts)
  try {
    const kafka = new Kafka({
      brokers: ['127.0.0.1:1'],
      retry: { retries: 3 },
      logLevel: logLevel.WARN,
      logCreator:
        () =>
        ({ level, log }) =>
          void warned.push({ level, message: log.message }),
    });
    kafka.producer(options);
  } finally {
    if (silenced !== undefined) process.env.KAFKAJS_NO_PARTITIONER_WARNING = silenced;
  }
  return warned;
}

describe("kafkajs's messages in the hub's log", () => {
  it('are one level lower than kafkajs gives them: its errors are warnings, its warnings info', () => {
    expect(kafkajsLogLevel(logLevel.ERROR, 'Connection error: connect ECONNREFUSED 127.0.0.1:9092')).toBe('warn');
    expect(kafkajsLogLevel(logLevel.WARN, 'The group coordinator is not available')).toBe('info');
    expect(kafkajsLogLevel(logLevel.INFO, 'Starting')).toBe('debug');
  });

  it("keep the relay's limited retries out of the info log, in kafkajs's own words", () => {
    // The relay's producer: idempotent, with the client's bounded retries.
    const relays = warningsOf({ ...HUB_PRODUCER, idempotent: true, maxInFlightRequests: 1 });
    expect(relays).toEqual([{ level: logLevel.WARN, message: LIMITED_RETRIES_WARNING }]);
    expect(kafkajsLogLevel(logLevel.WARN, LIMITED_RETRIES_WARNING)).toBe('debug');
  });

  it("name kafkajs's default partitioner, so that no producer of the hub is warned that the default changed", () => {
    expect(warningsOf(HUB_PRODUCER)).toEqual([]);
    expect(warningsOf({ allowAutoTopicCreation: false }).map((w) => w.message)).toEqual([
      expect.stringContaining('switched default partitioner'),
    ]);
  });
});
