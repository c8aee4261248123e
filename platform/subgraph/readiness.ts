import type { Admin, Kafka } from 'kafkajs';
import type { HubOrm } from '../db/orm';
import { DependencyStatus, probe, shared } from '../readiness';

export interface SubgraphReadiness {
  database: DependencyStatus;
  broker: DependencyStatus;
}

export interface ReadinessCheck {
  check(): Promise<SubgraphReadiness>;
  stop(): Promise<void>;
}

/**
 * What a subgraph needs to serve: its database answers, and the broker its outbox relay publishes to answers.
 * One admin client is kept for the broker question, so a probe costs one metadata request, not a connection.
 */
export function subgraphReadiness(
  orm: HubOrm,
  kafka: Kafka,
  options: { timeoutMs?: number; ttlMs?: number } = {},
): ReadinessCheck {
  const timeoutMs = options.timeoutMs ?? 2000;
  let admin: Promise<Admin> | undefined;
  const connectedAdmin = () => {
    admin ??= (async () => {
      const client = kafka.admin();
      await client.connect();
      return client;
    })().catch((error: unknown) => {
      admin = undefined; // try a fresh connection next time
      throw error;
    });
    return admin;
  };
  const check = shared(async () => {
    const [database, broker] = await Promise.all([
      probe(() => orm.em.getConnection().execute('select 1'), timeoutMs),
      probe(async () => (await connectedAdmin()).describeCluster(), timeoutMs),
    ]);
    return { database, broker };
  }, options.ttlMs ?? 1000);
  return {
    check,
    stop: async () => {
      const client = await admin?.catch(() => undefined);
      await client?.disconnect().catch(() => undefined);
    },
  };
}
