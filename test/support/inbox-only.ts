import { Migration } from '@mikro-orm/migrations';
import { HubOrm, initOrm, migrateUp } from '../../platform/db/orm';
import { KafkaSettings } from '../../platform/events/kafka';
import { outboxAndInboxDdl } from '../../platform/events/outbox.entities';
import { ensureDatabase } from '../../tools/postgres/local-postgres';
import { TEST_CONSUMER_MAX_WAIT_MS, adminPostgresUrl, kafkaBrokers, testKafkaAdmin } from './hub-fixture';

/**
 * A database of its own holding one schema with only the outbox and inbox, for the shared consumer tested on its own
 * (handlers of the test's making, no subgraph).
 */
export async function inboxOnlyOrm(database: string, schema: string): Promise<HubOrm> {
  class InboxOnly extends Migration {
    override async up(): Promise<void> {
      for (const sql of outboxAndInboxDdl(schema)) this.addSql(sql);
    }
  }
  const orm = await initOrm({
    databaseUrl: await ensureDatabase(adminPostgresUrl(), database),
    schema,
    entities: [],
    migrations: [{ name: 'InboxOnly', class: InboxOnly }],
  });
  await migrateUp(orm);
  return orm;
}

/** The run's broker as its super user, under a topic prefix of the test's own, one partition a topic. */
export const probeKafkaSettings = (clientId: string, topicPrefix: string): KafkaSettings => ({
  brokers: kafkaBrokers(),
  clientId,
  topicPrefix,
  partitions: 1,
  consumerMaxWaitMs: TEST_CONSUMER_MAX_WAIT_MS,
  sasl: testKafkaAdmin(),
});
