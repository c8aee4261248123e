import { randomUUID } from 'node:crypto';
import net from 'node:net';
import {
  ACCOUNTS_TOPIC,
  CLAIMS_TOPIC,
  FILINGS_TOPIC,
  HOUSEHOLDS_TOPIC,
  AREAS_TOPIC,
  REFERRALS_TOPIC,
} from '../catalog';
import { ALL_SUBGRAPHS } from '../hub/subgraphs';
import {
  alterScramCredentials,
  authenticates,
  awaitCredentials,
  createGrants,
  deleteGrants,
  deletePrefixed,
  Grant,
  grantsOf,
  newPassword,
  principalOf,
  revokeStaleGrants,
} from '../platform/events/broker-admin';
import { createKafka, ensureTopics, KafkaSettings } from '../platform/events/kafka';
import { logger } from '../platform/logging';
import { ownedByHub, provisionSubgraphPrincipals } from '../platform/subgraph/broker-access';
import { subgraphTopics } from '../platform/subgraph/runtime';
import { uniqueSuffix } from './support/hub-fixture';
import { probeTopics, rawProducer, testKafkaClient } from './support/kafka-probe';
import { waitFor } from './support/wait-for';
import { SecuredBroker, securedBroker, tryConsume, tryProduce } from './support/secured-broker';
import { kafkaTlsFromEnv } from '../platform/config';
import { MAX_CONNECTIONS_PER_ADDRESS } from '../tools/kafka/local-kafka';

/**
 * Issue 13 §1 on a real broker with SASL/SCRAM-SHA-512 and StandardAuthorizer: strangers are refused, and each
 * subgraph's principal reaches only what its subgraph declares.
 */
describe('the broker refuses strangers', () => {
  const prefix = `s${uniqueSuffix()}.`;
  const topic = (name: string) => `${prefix}${name}`;
  let broker: SecuredBroker;
  let grants: Grant[] = [];
  let admin: KafkaSettings;
  const party = { username: `party-${uniqueSuffix()}`, password: newPassword() };

  beforeAll(async () => {
    broker = await securedBroker();
    admin = {
      brokers: broker.brokers,
      clientId: 'security-test',
      topicPrefix: prefix,
      partitions: 1,
      sasl: broker.credentials.admin,
    };
    const adminKafka = createKafka(admin);
    await ensureTopics(adminKafka, admin, ALL_SUBGRAPHS.flatMap(subgraphTopics));
    grants = await provisionSubgraphPrincipals(adminKafka, admin, ALL_SUBGRAPHS, broker.credentials.subgraphs);
    // A party's principal with a password but no ACL at all.
    await alterScramCredentials(adminKafka, [party]);
    await awaitCredentials(admin, [party]);
    // Something to read on the internal topics.
    const producer = rawProducer(broker.brokers, broker.credentials.admin);
    await producer.connect();
    for (const t of [ACCOUNTS_TOPIC, CLAIMS_TOPIC, HOUSEHOLDS_TOPIC])
      await producer.send({ topic: topic(t.name), acks: -1, messages: [{ key: 'k', value: 'internal' }] });
    await producer.disconnect();
  });

  afterAll(async () => {
    if (admin)
      await Promise.all([deleteGrants(createKafka(admin), grants), deletePrefixed(createKafka(admin), prefix)]);
    await broker?.stop();
  });

  const sub = (name: keyof SecuredBroker['credentials']['subgraphs']) => broker.credentials.subgraphs[name];

  it('refuses a client without credentials, and a wrong password, before any topic is touched', async () => {
    expect(await tryProduce(broker.brokers, null, topic(AREAS_TOPIC.name))).not.toBe('OK');
    expect(await tryConsume(broker.brokers, null, topic(ACCOUNTS_TOPIC.name), `${prefix}arrears.anyone`)).not.toEqual(
      expect.any(Array),
    );
    const wrong = { username: sub('areas').username, password: `${sub('areas').password}x` };
    expect(await tryProduce(broker.brokers, wrong, topic(AREAS_TOPIC.name))).toBe('SASL_AUTHENTICATION_FAILED');
    expect(
      await tryProduce(broker.brokers, { username: party.username, password: 'guessed' }, topic(AREAS_TOPIC.name)),
    ).toBe('SASL_AUTHENTICATION_FAILED');
  });

  it('closes at once the connections one address opens past its bound, before any authentication', async () => {
    // 127.0.0.2 stands for a stranger's address (the hub and the tests reach the broker from 127.0.0.1).
    const [host, port] = broker.brokers[0].split(':');
    const sockets: net.Socket[] = [];
    const closed: number[] = [];
    const open = (i: number) =>
      new Promise<void>((resolve, reject) => {
        const socket = net.connect({ host, port: Number(port), localAddress: '127.0.0.2' }, () => resolve());
        socket.on('error', reject).on('close', () => closed.push(i));
        sockets.push(socket);
      });
    try {
      for (let i = 0; i <= MAX_CONNECTIONS_PER_ADDRESS; i++) await open(i);
      await waitFor('the broker to close the connection past the bound', () => closed.length > 0, {
        timeoutMs: 10_000,
      });
      expect(closed).toEqual([MAX_CONNECTIONS_PER_ADDRESS]);
      // A client from 127.0.0.1 is served meanwhile, and the address's other connections stay open.
      expect(await tryProduce(broker.brokers, sub('areas'), topic(AREAS_TOPIC.name))).toBe('OK');
      expect(closed).toEqual([MAX_CONNECTIONS_PER_ADDRESS]);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });

  it('serves the same principals and ACLs over TLS, to clients that trust its certificate only', async () => {
    // A party elsewhere reads owners' names and ID numbers (a court's referrals): over SASL_SSL they, and the
    // SCRAM exchange, are encrypted. The client's CA comes the way a subgraph's does (KAFKA_TLS_CA_FILE).
    const tls = kafkaTlsFromEnv({ KAFKA_TLS_CA_FILE: broker.tls.caFile });
    const sent = `over tls ${randomUUID()}`;
    expect(tls?.ca).toHaveLength(1);
    const overTls = { brokers: broker.tls.brokers, tls };
    expect(await tryProduce(overTls, sub('areas'), topic(AREAS_TOPIC.name), sent)).toBe('OK');
    // The same ACLs: another subgraph's topic is refused over TLS too; a wrong password still fails SCRAM.
    expect(await tryProduce(overTls, sub('areas'), topic(FILINGS_TOPIC.name))).toBe('TOPIC_AUTHORIZATION_FAILED');
    const wrong = { username: sub('areas').username, password: `${sub('areas').password}x` };
    expect(await tryProduce(overTls, wrong, topic(AREAS_TOPIC.name))).toBe('SASL_AUTHENTICATION_FAILED');
    // A client that trusts only the system's CAs refuses the broker's certificate: no password is sent to it.
    expect(await tryProduce({ ...overTls, tls: {} }, sub('areas'), topic(AREAS_TOPIC.name))).toBe(
      'SELF_SIGNED_CERTIFICATE',
    );
    // Plain TCP to the TLS listener gets nowhere.
    expect(await tryProduce(broker.tls.brokers, sub('areas'), topic(AREAS_TOPIC.name))).not.toBe('OK');
    // What went over TLS is there for a reader on the plain listener (one broker, two doors).
    const probe = await probeTopics(broker.brokers, [topic(AREAS_TOPIC.name)], broker.credentials.admin);
    try {
      const read = await probe.waitForCount(
        'the event written over TLS',
        (m) => m.message.value?.toString() === sent,
        1,
      );
      expect(read).toHaveLength(1);
    } finally {
      await probe.stop();
    }
  });

  it("lets a subgraph write its own topics only, never another subgraph's", async () => {
    expect(await tryProduce(broker.brokers, sub('areas'), topic(AREAS_TOPIC.name))).toBe('OK');
    expect(await tryProduce(broker.brokers, sub('areas'), topic(FILINGS_TOPIC.name))).toBe(
      'TOPIC_AUTHORIZATION_FAILED',
    );
    expect(await tryProduce(broker.brokers, sub('contracts'), topic(REFERRALS_TOPIC.name))).toBe(
      'TOPIC_AUTHORIZATION_FAILED',
    );
    expect(await tryProduce(broker.brokers, sub('arrears'), topic('litigation.dead-letter.v1'))).toBe(
      'TOPIC_AUTHORIZATION_FAILED',
    );
    expect(await tryProduce(broker.brokers, sub('arrears'), topic('arrears.dead-letter.v1'))).toBe('OK');
    // Its own dead letters it reads back (an operator's `npm run dead-letters`), another subgraph's never.
    const group = () => `${prefix}arrears.dead-letters.${randomUUID()}`;
    expect(await tryConsume(broker.brokers, sub('arrears'), topic('arrears.dead-letter.v1'), group())).toEqual([
      'probe',
    ]);
    expect(await tryConsume(broker.brokers, sub('arrears'), topic('litigation.dead-letter.v1'), group())).toBe(
      'TOPIC_AUTHORIZATION_FAILED',
    );
  });

  it("revokes what a subgraph no longer declares under its prefix, and nothing of another hub's", async () => {
    // Before, provisioning only added ACLs: a subgraph that stopped writing a topic could write it for good.
    const adminKafka = createKafka(admin);
    const areas = grants.find((g) => g.principal === principalOf(sub('areas').username))!.principal;
    const stale: Grant = { principal: areas, resource: 'TOPIC', name: topic(FILINGS_TOPIC.name), operation: 'WRITE' };
    const elsewhere: Grant = { ...stale, name: `other-${prefix}${FILINGS_TOPIC.name}` };
    await createGrants(adminKafka, [stale, elsewhere]);
    try {
      expect(await tryProduce(broker.brokers, sub('areas'), topic(FILINGS_TOPIC.name))).toBe('OK');
      expect(await revokeStaleGrants(adminKafka, grants, ownedByHub(prefix))).toEqual([expect.objectContaining(stale)]);
      expect(await tryProduce(broker.brokers, sub('areas'), topic(FILINGS_TOPIC.name))).toBe(
        'TOPIC_AUTHORIZATION_FAILED',
      );
      expect(await tryProduce(broker.brokers, sub('areas'), topic(AREAS_TOPIC.name))).toBe('OK');
      const held = await grantsOf(adminKafka, areas);
      expect(held).toContainEqual(expect.objectContaining(elsewhere));
      expect(await revokeStaleGrants(adminKafka, grants, ownedByHub(prefix))).toEqual([]);
    } finally {
      await deleteGrants(adminKafka, [stale, elsewhere]);
    }
  });

  it('lets a subgraph read what it consumes, in groups of its own prefix only', async () => {
    // litigation keeps the claims; contracts never reads households or accounts.
    expect(
      await tryConsume(
        broker.brokers,
        sub('litigation'),
        topic(CLAIMS_TOPIC.name),
        `${prefix}litigation.${randomUUID()}`,
      ),
    ).toEqual(['internal']);
    expect(
      await tryConsume(
        broker.brokers,
        sub('contracts'),
        topic(ACCOUNTS_TOPIC.name),
        `${prefix}contracts.${randomUUID()}`,
      ),
    ).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(
      await tryConsume(broker.brokers, sub('litigation'), topic(CLAIMS_TOPIC.name), `${prefix}arrears.${randomUUID()}`),
    ).toBe('GROUP_AUTHORIZATION_FAILED');
  });

  it("refuses a party's principal every internal topic carrying households or claims", async () => {
    for (const t of [HOUSEHOLDS_TOPIC, CLAIMS_TOPIC, ACCOUNTS_TOPIC]) {
      expect(await tryConsume(broker.brokers, party, topic(t.name), `party.${randomUUID()}`)).toMatch(
        /AUTHORIZATION_FAILED/,
      );
    }
    expect(await tryProduce(broker.brokers, party, topic(AREAS_TOPIC.name))).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it("deletes every topic and consumer group under a hub's prefix when it goes, and nothing under another", async () => {
    const gone = `${prefix}gone.`;
    const kept = `${prefix}gonex.`; // the same first letters, another prefix
    const adminKafka = createKafka(admin);
    await ensureTopics(adminKafka, { ...admin, topicPrefix: gone, partitions: 1 }, ['a.v1', 'b.v1']);
    await ensureTopics(adminKafka, { ...admin, topicPrefix: kept, partitions: 1 }, ['a.v1']);
    // A group that read and committed, then left, as a hub's consumers do when it stops.
    const producer = rawProducer(broker.brokers, broker.credentials.admin);
    await producer.connect();
    await producer.send({ topic: `${gone}a.v1`, acks: -1, messages: [{ key: 'k', value: 'v' }] });
    await producer.disconnect();
    const consumer = testKafkaClient(broker.brokers, 'cleanup-test', broker.credentials.admin).consumer({
      groupId: `${gone}reader`,
      maxWaitTimeInMs: 100,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [`${gone}a.v1`], fromBeginning: true });
    let read = 0;
    await consumer.run({ eachMessage: async () => void read++ });
    await waitFor('the group to read the message', () => read > 0 || undefined);
    await consumer.disconnect();
    const client = adminKafka.admin();
    await client.connect();
    try {
      const groups = async () => (await client.listGroups()).groups.map((g) => g.groupId);
      expect(await groups()).toContain(`${gone}reader`);

      await deletePrefixed(adminKafka, gone);
      const topics = await waitFor('the topics to go', async () => {
        const names = await client.listTopics();
        return names.some((t) => t.startsWith(gone)) ? undefined : names;
      });
      expect(topics).toContain(`${kept}a.v1`);
      expect(await groups()).not.toContain(`${gone}reader`);
      await expect(deletePrefixed(adminKafka, '')).rejects.toThrow(/needs a prefix/);
    } finally {
      await client.disconnect();
    }
  });

  it('checks whether a credential works without logging the refusal it expects as an authentication error', async () => {
    const warned = jest.spyOn(logger, 'warn'); // the hub's loggers are children of this one
    try {
      const stranger = { username: `stranger-${uniqueSuffix()}`, password: newPassword() };
      const settings = { brokers: broker.brokers, clientId: 'security-test' };
      expect(await authenticates(settings, stranger)).toBe(false);
      expect(warned).not.toHaveBeenCalled();
      // Any other client of the hub refused so is logged (kafkajs's error, a level lower).
      const client = createKafka({ ...settings, sasl: stranger }).admin();
      await expect(client.connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
      await client.disconnect();
      expect(warned).toHaveBeenCalled();
    } finally {
      warned.mockRestore();
    }
  });
});
