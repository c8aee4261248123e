import { TopicDefinition, partyTopicName } from '../../catalog';
import { createKafka, ensureTopics } from '../../platform/events/kafka';
import { TestHub, testKafkaAdmin } from './hub-fixture';

/**
 * Creates parties' own inbound topics (`court.case-events.v1.<court id>`) under the hub's prefix, as the operator
 * does when a party is registered, and returns their full names. The hub's consumers, in this process, hear of them
 * at once (`onTopicsEnsured`) and rejoin their groups with them.
 */
export async function partyTopics(
  t: Pick<TestHub, 'brokers' | 'topicPrefix'>,
  family: TopicDefinition,
  partyIds: string[],
): Promise<string[]> {
  const settings = {
    brokers: t.brokers,
    clientId: 'test-operator',
    topicPrefix: t.topicPrefix,
    sasl: testKafkaAdmin(),
  };
  const logical = partyIds.map((id) => partyTopicName(family, id));
  await ensureTopics(createKafka(settings), settings, logical);
  return logical.map((name) => `${t.topicPrefix}${name}`);
}
