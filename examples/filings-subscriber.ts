/**
 * Reference subscriber for city bureaus: keeps a local table of every service-contract filing from the hub's
 * `contracts.filings.v1` feed. It is deliberately standalone (kafkajs and pg only, no hub code) so a bureau can
 * copy this one file into its own system. Run it with:
 *
 *   KAFKA_BROKERS=127.0.0.1:19092 KAFKA_SASL_USERNAME=<party id> KAFKA_SASL_PASSWORD=... \
 *     SUBSCRIBER_GROUP=<party id>.filings FILINGS_TOPICS=contracts.filings.v1.110102 \
 *     SUBSCRIBER_DATABASE_URL=postgres://... npm run subscriber:filings
 *
 * The group must start with the party's id and the topics be its districts' (the broker's ACLs refuse anything else).
 * A bureau for a whole city reads every district's topic with a pattern, FILINGS_TOPICS=/^contracts\.filings\.v1\.11\d{4}$/:
 * the topics it matches are looked up every 10 minutes, so a district's topic created later is read from its start.
 *
 * Off the hub's machine, connect to its TLS listener (SASL_SSL) and trust its certificate: KAFKA_BROKERS=<host>:19094
 * KAFKA_TLS_CA_FILE=ca.pem (the local broker's `.local/kafka/data/tls/ca.pem`), or KAFKA_TLS=true where the broker's
 * certificate is signed by a public CA. The password and the owners' data then never cross the network in clear.
 *
 * How it stays correct:
 * - Its own consumer group, so it reads the whole feed at its own pace and never takes messages from anyone else.
 * - Each message carries the whole filing after the transition (a snapshot), keyed by filing id, so one filing's
 *   messages arrive in order. The upsert keeps a row only if the message's `sequence` is newer than the stored
 *   one: redelivery (at-least-once) and replays from the beginning change nothing.
 * - The offset is committed only after the row is written, so a crash re-reads rather than skips.
 * - A message it cannot store (not JSON, a field missing, a value the table refuses) is kept in `rejected_messages`
 *   with the reason, and the feed goes on: retrying it would stop its partition for good. A failure that may pass (the
 *   database unreachable) is retried instead.
 */
import { readFileSync } from 'node:fs';
import { Consumer, Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { Pool } from 'pg';

export interface FilingsSubscriberOptions {
  brokers: string[];
  /** The party's own principal (SASL/SCRAM-SHA-512), as `registerFeedSubscriber` returned it; none on an open broker. */
  sasl?: { username: string; password: string };
  /** TLS to the broker (SASL_SSL): `ca` the PEM certificates to trust, none for the system's CAs. */
  tls?: { ca?: string[] };
  /** The subscriber's own consumer group, e.g. `xicheng-bureau-filings`. */
  groupId: string;
  /**
   * The topics as the hub publishes them (with a deployment's prefix, if any): names, or patterns matched against the
   * topics the principal may see, looked up again every `topicRefreshMs`.
   */
  topics: (string | RegExp)[];
  /** How often patterns are matched again for new topics (10 minutes unless set). */
  topicRefreshMs?: number;
  /** Called when the consumer stops for good (a revoked credential, a refused group): the CLI exits non-zero. */
  onCrash?: (error: Error) => void;
  /** Where problems are reported (console.error unless set). */
  log?: (message: string) => void;
  databaseUrl: string;
  /** The PostgreSQL schema of the local table. */
  schema?: string;
}

export interface RunningSubscriber {
  stop(): Promise<void>;
}

const FILING_TYPE_PREFIX = 'hub.contracts.filing.';
const DEFAULT_TOPIC_REFRESH_MS = 10 * 60_000;

/**
 * A message that will never store, whatever the retries: not JSON or a field missing (SyntaxError, TypeError), or a
 * value PostgreSQL refuses (SQLSTATE class 22, data exception; 23, integrity constraint violation).
 */
function isPoison(error: unknown): boolean {
  if (error instanceof SyntaxError || error instanceof TypeError) return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

const header = (message: KafkaMessage, name: string): string | undefined => {
  const value = message.headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : String(first);
};

function tableDdl(schema: string): string {
  return `create schema if not exists "${schema}";
    create table if not exists "${schema}"."filings" (
      filing_id uuid primary key,
      contract_id uuid not null,
      area_id uuid not null,
      company_id text not null,
      kind text not null,
      status text not null,
      version int not null,
      sequence int not null,
      record_number text,
      submitted_on date not null,
      deadline date,
      deadline_provisional boolean not null default false,
      late boolean not null,
      accepted_on date,
      terminated_on date,
      handover_on date,
      contract_number text not null,
      starts_on date not null,
      ends_on date not null,
      terms jsonb not null,
      terms_sha256 text not null,
      last_event_id text not null,
      last_event_type text not null,
      received_at timestamptz not null default now());
    alter table "${schema}"."filings" add column if not exists deadline_provisional boolean not null default false;
    alter table "${schema}"."filings" alter column deadline drop not null;
    create table if not exists "${schema}"."rejected_messages" (
      topic text not null,
      partition int not null,
      "offset" bigint not null,
      reason text not null,
      headers jsonb not null,
      value bytea,
      rejected_at timestamptz not null default now(),
      primary key (topic, partition, "offset"))`;
}

/** Upserts the snapshot unless the stored row already has this or a later sequence. */
function upsertSql(schema: string): string {
  return `insert into "${schema}"."filings" as f (filing_id, contract_id, area_id, company_id, kind, status, version, sequence, record_number,
      submitted_on, deadline, late, accepted_on, terminated_on, handover_on, contract_number, starts_on, ends_on, terms, terms_sha256,
      last_event_id, last_event_type, deadline_provisional, received_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, now())
    on conflict (filing_id) do update set contract_id = excluded.contract_id, area_id = excluded.area_id, company_id = excluded.company_id,
      kind = excluded.kind, status = excluded.status, version = excluded.version, sequence = excluded.sequence,
      record_number = excluded.record_number, submitted_on = excluded.submitted_on, deadline = excluded.deadline,
      deadline_provisional = excluded.deadline_provisional, late = excluded.late,
      accepted_on = excluded.accepted_on, terminated_on = excluded.terminated_on, handover_on = excluded.handover_on,
      contract_number = excluded.contract_number, starts_on = excluded.starts_on, ends_on = excluded.ends_on, terms = excluded.terms,
      terms_sha256 = excluded.terms_sha256, last_event_id = excluded.last_event_id, last_event_type = excluded.last_event_type,
      received_at = now()
    where f.sequence < excluded.sequence`;
}

export async function startFilingsSubscriber(options: FilingsSubscriberOptions): Promise<RunningSubscriber> {
  const schema = options.schema ?? 'bureau';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  if (options.topics.length === 0) throw new Error('name at least one topic or pattern');
  const log = options.log ?? ((message: string) => console.error(message));
  const kafka = new Kafka({
    clientId: `reference-subscriber-${options.groupId}`,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    ...(options.sasl ? { sasl: { mechanism: 'scram-sha-512' as const, ...options.sasl } } : {}),
    ...(options.tls ? { ssl: options.tls.ca ? { ca: options.tls.ca } : true } : {}),
  });

  const pool = new Pool({ connectionString: options.databaseUrl, max: 2 });
  // An idle connection dropped by the server (a restart, a failover) is reported here instead of crashing the
  // process; the pool opens a new one at the next query.
  pool.on('error', (error) => log(`database connection lost: ${error.message}`));
  await pool.query(tableDdl(schema)).catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw error;
  });
  const upsert = upsertSql(schema);
  const reject = `insert into "${schema}"."rejected_messages" (topic, partition, "offset", reason, headers, value)
    values ($1, $2, $3, $4, $5, $6) on conflict do nothing`;

  const store = async (message: KafkaMessage, type: string) => {
    const f = JSON.parse(message.value!.toString('utf8'));
    await pool.query(upsert, [
      f.filingId,
      f.contractId,
      f.areaId,
      f.companyId,
      f.kind,
      f.status,
      f.version,
      f.sequence,
      f.recordNumber,
      f.submittedOn,
      f.deadline,
      f.late,
      f.acceptedOn,
      f.terminatedOn,
      f.handoverOn,
      f.terms.number,
      f.terms.startsOn,
      f.terms.endsOn,
      JSON.stringify(f.terms),
      f.termsSha256,
      header(message, 'ce_id'),
      type,
      // Absent in messages published before the field: a firm deadline.
      f.deadlineProvisional ?? false,
    ]);
  };

  const patterns = options.topics.filter((t): t is RegExp => t instanceof RegExp);
  const names = options.topics.filter((t): t is string => typeof t === 'string');
  const admin = kafka.admin();
  /** The topics to read: the names, and every topic the principal may see that a pattern matches. */
  const topicsNow = async () => {
    const seen = patterns.length > 0 ? await admin.listTopics() : [];
    return [...new Set([...names, ...seen.filter((t) => patterns.some((p) => p.test(t)))])].sort();
  };

  let consumer: Consumer | undefined;
  let reading: string[] = [];
  const consume = async (topics: string[]) => {
    const next = kafka.consumer({ groupId: options.groupId });
    next.on(next.events.CRASH, ({ payload }) => {
      if (!payload.restart) {
        log(`the subscriber stopped: ${payload.error.message}`);
        options.onCrash?.(payload.error);
      }
    });
    await next.connect();
    try {
      // A topic new to the group is read from its start; the others go on from the group's committed offsets.
      await next.subscribe({ topics, fromBeginning: true });
    } catch (error) {
      await next.disconnect().catch(() => undefined);
      throw error;
    }
    await next.run({
      eachMessage: async ({ topic, partition, message }) => {
        const type = header(message, 'ce_type');
        // The feed may gain event types; a subscriber skips what it does not know instead of stopping.
        if (!type?.startsWith(FILING_TYPE_PREFIX) || !message.value) return;
        try {
          await store(message, type);
        } catch (error) {
          if (!isPoison(error)) throw error; // kafkajs retries it, then restarts the consumer at this offset
          // PostgreSQL's text and jsonb refuse NUL: a body or header holding one is kept without it.
          const storable = (text: string) => text.split('\u0000').join('');
          const headers = Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([k, v]) => [
              storable(k),
              storable(String(Array.isArray(v) ? v[0] : v)),
            ]),
          );
          const reason = storable(String((error as Error).message)).slice(0, 1000);
          await pool
            .query(reject, [topic, partition, message.offset, reason, JSON.stringify(headers), message.value])
            // Still refused (headers the table will not take): the reason alone, so the feed goes on all the same.
            .catch(() => pool.query(reject, [topic, partition, message.offset, reason, '{}', message.value]));
          log(`rejected ${topic}/${partition}@${message.offset}: ${(error as Error).message}`);
        }
      },
    });
    consumer = next;
    reading = topics;
  };
  // A start that fails half-way closes what it opened (the admin client, the pool), so a caller retrying leaks none.
  try {
    await admin.connect();
    await consume(await topicsNow());
  } catch (error) {
    await admin.disconnect().catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw error;
  }

  // A pattern's new topics: the consumer is made again with them (kafkajs matches patterns only when it subscribes).
  let refreshing = Promise.resolve();
  const timer =
    patterns.length > 0
      ? setInterval(() => {
          refreshing = refreshing.then(async () => {
            try {
              const topics = await topicsNow();
              if (topics.join('\n') === reading.join('\n')) return;
              await consumer?.disconnect();
              await consume(topics);
            } catch (error) {
              log(`looking for new topics failed; will try again: ${(error as Error).message}`);
            }
          });
        }, options.topicRefreshMs ?? DEFAULT_TOPIC_REFRESH_MS)
      : undefined;

  return {
    stop: async () => {
      if (timer) clearInterval(timer);
      await refreshing;
      await consumer?.disconnect();
      await admin.disconnect();
      await pool.end();
    },
  };
}

/** FILINGS_TOPICS: comma-separated topic names, or patterns written /…/ (which may hold commas, as in \d{2,4}). */
export function topicsFromEnv(value: string): (string | RegExp)[] {
  return (value.match(/\s*\/(?:\\.|[^\\/])+\/\s*|[^,]+/g) ?? [])
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => (t.length > 2 && t.startsWith('/') && t.endsWith('/') ? new RegExp(t.slice(1, -1)) : t));
}

if (require.main === module) {
  const env = process.env;
  const topics = topicsFromEnv(env.FILINGS_TOPICS ?? env.FILINGS_TOPIC ?? '');
  if (env.KAFKA_TLS_CA_FILE && ['false', '0'].includes(env.KAFKA_TLS?.trim().toLowerCase() ?? '')) {
    console.error('KAFKA_TLS_CA_FILE is set but KAFKA_TLS is false');
    process.exit(2);
  }
  const missing = ['KAFKA_BROKERS', 'SUBSCRIBER_DATABASE_URL', 'SUBSCRIBER_GROUP'].filter((name) => !env[name]);
  if (missing.length > 0 || topics.length === 0) {
    console.error(
      `set ${[...missing, ...(topics.length === 0 ? ['FILINGS_TOPICS'] : [])].join(', ')}: the group starts with your ` +
        "party id (<party id>.filings) and the topics are your districts' (contracts.filings.v1.<district>, or a " +
        'pattern /^contracts\\.filings\\.v1\\.11\\d{4}$/); optionally KAFKA_SASL_USERNAME/PASSWORD, ' +
        'KAFKA_TLS_CA_FILE or KAFKA_TLS=true, SUBSCRIBER_SCHEMA',
    );
    process.exit(2);
  }
  startFilingsSubscriber({
    brokers: env.KAFKA_BROKERS!.split(','),
    sasl: env.KAFKA_SASL_USERNAME
      ? { username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD ?? '' }
      : undefined,
    // As the hub reads them (platform/config.ts kafkaTlsFromEnv): a CA file, or KAFKA_TLS=true|1 for the system's CAs.
    tls: env.KAFKA_TLS_CA_FILE
      ? { ca: [readFileSync(env.KAFKA_TLS_CA_FILE, 'utf8')] }
      : ['true', '1'].includes(env.KAFKA_TLS?.trim().toLowerCase() ?? '')
        ? {}
        : undefined,
    groupId: env.SUBSCRIBER_GROUP!,
    topics,
    databaseUrl: env.SUBSCRIBER_DATABASE_URL!,
    schema: env.SUBSCRIBER_SCHEMA,
    // Stopped for good (a revoked credential, a refused group): exit non-zero, so a supervisor sees it and restarts.
    onCrash: () => process.exit(1),
  }).then(
    (running) => {
      console.log('reference subscriber running; Ctrl-C stops it');
      const stop = () => void running.stop().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(`the subscriber could not start: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
