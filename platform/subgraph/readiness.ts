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
 * A subgraph's own checks wait at most this long, half the gateway's 2 s (gateway/config.ts `readiness`): a slow
 * database or broker is then reported as that dependency, not as a subgraph the gateway could not hear from.
 */
export const SUBGRAPH_READINESS_TIMEOUT_MS = 1000;

/**
 * What a subgraph needs to serve: its database answers, and the broker its outbox relay publishes to answers.
 * Both questions run side by side, at most one at a time, their answer kept for `ttlMs` (1 s) for every prober.
 * - The database is asked through the process's own pool, which keeps one connection (platform/db/orm.ts), so a
 *   probe never opens a connection, even while the server is at its connection limit; and a statement of the
 *   process's ordinary work that completed within `ttlMs` already shows the database answers, so a busy pool
 *   (every connection serving requests) is not reported down because the probe's `select 1` would wait in line.
 * - One admin client is kept for the broker question, connected when the check is made, so a probe costs one
 *   metadata request, not a connection.
 */
export function subgraphReadiness(
  orm: HubOrm,
  kafka: Kafka,
  options: { timeoutMs?: number; ttlMs?: number } = {},
): ReadinessCheck {
  const timeoutMs = options.timeoutMs ?? SUBGRAPH_READINESS_TIMEOUT_MS;
  const ttlMs = options.ttlMs ?? 1000;
  const knex = orm.em.getConnection().getKnex();
  let answeredAt = Number.NEGATIVE_INFINITY;
  const answered = () => {
    answeredAt = Date.now();
  };
  knex.on('query-response', answered);
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
  // Connected now, beside the subgraph's start: the first probe then costs a metadata request, not a SASL
  // handshake that a loaded machine can stretch past the probe's timeout.
  connectedAdmin().catch(() => undefined);
  const database = (): Promise<DependencyStatus> =>
    Date.now() - answeredAt < ttlMs
      ? Promise.resolve('UP')
      : probe(() => orm.em.getConnection().execute('select 1'), timeoutMs);
  const check = shared(async () => {
    const [db, broker] = await Promise.all([
      database(),
      probe(async () => (await connectedAdmin()).describeCluster(), timeoutMs),
    ]);
    return { database: db, broker };
  }, ttlMs);
  return {
    check,
    stop: async () => {
      knex.off('query-response', answered);
      const client = await admin?.catch(() => undefined);
      await client?.disconnect().catch(() => undefined);
    },
  };
}
