/**
 * Reference subscriber for city bureaus: keeps a local table of every service-contract filing from the hub's
 * `contracts.filings.v1` feed. It is deliberately standalone (kafkajs and pg only, no hub code) so a bureau can
 * copy this one file into its own system. Run it with:
 *
 *   KAFKA_BROKERS=127.0.0.1:19092 SUBSCRIBER_DATABASE_URL=postgres://... SUBSCRIBER_GROUP=xicheng-bureau-filings \
 *     npm run subscriber:filings
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
 */
import { readFileSync } from 'node:fs';
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { Pool } from 'pg';

export interface FilingsSubscriberOptions {
  brokers: string[];
  /** The party's own principal (SASL/SCRAM-SHA-512), as `registerFeedSubscriber` returned it; none on an open broker. */
  sasl?: { username: string; password: string };
  /** TLS to the broker (SASL_SSL): `ca` the PEM certificates to trust, none for the system's CAs. */
  tls?: { ca?: string[] };
  /** The subscriber's own consumer group, e.g. `xicheng-bureau-filings`. */
  groupId: string;
  /** The topic name as the hub publishes it (with a deployment's prefix, if any). */
  topic: string;
  databaseUrl: string;
  /** The PostgreSQL schema of the local table. */
  schema?: string;
}

export interface RunningSubscriber {
  stop(): Promise<void>;
}

const FILING_TYPE_PREFIX = 'hub.contracts.filing.';

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
    alter table "${schema}"."filings" alter column deadline drop not null`;
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
  const pool = new Pool({ connectionString: options.databaseUrl, max: 2 });
  await pool.query(tableDdl(schema));
  const upsert = upsertSql(schema);

  const kafka = new Kafka({
    clientId: `reference-subscriber-${options.groupId}`,
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    ...(options.sasl ? { sasl: { mechanism: 'scram-sha-512' as const, ...options.sasl } } : {}),
    ...(options.tls ? { ssl: options.tls.ca ? { ca: options.tls.ca } : true } : {}),
  });
  const consumer = kafka.consumer({ groupId: options.groupId });
  await consumer.connect();
  await consumer.subscribe({ topics: [options.topic], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const type = header(message, 'ce_type');
      // The feed may gain event types; a subscriber skips what it does not know instead of stopping.
      if (!type?.startsWith(FILING_TYPE_PREFIX) || !message.value) return;
      const f = JSON.parse(message.value.toString('utf8'));
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
    },
  });
  return {
    stop: async () => {
      await consumer.disconnect();
      await pool.end();
    },
  };
}

if (require.main === module) {
  const env = process.env;
  const missing = ['KAFKA_BROKERS', 'SUBSCRIBER_DATABASE_URL'].filter((name) => !env[name]);
  if (missing.length > 0) {
    console.error(`set ${missing.join(' and ')} (and optionally SUBSCRIBER_GROUP, FILINGS_TOPIC, SUBSCRIBER_SCHEMA)`);
    process.exit(2);
  }
  void startFilingsSubscriber({
    brokers: env.KAFKA_BROKERS!.split(','),
    sasl: env.KAFKA_SASL_USERNAME
      ? { username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD ?? '' }
      : undefined,
    tls: env.KAFKA_TLS_CA_FILE
      ? { ca: [readFileSync(env.KAFKA_TLS_CA_FILE, 'utf8')] }
      : env.KAFKA_TLS === 'true'
        ? {}
        : undefined,
    groupId: env.SUBSCRIBER_GROUP ?? 'bureau-filings-reference',
    topic: env.FILINGS_TOPIC ?? 'contracts.filings.v1',
    databaseUrl: env.SUBSCRIBER_DATABASE_URL!,
    schema: env.SUBSCRIBER_SCHEMA,
  }).then((running) => {
    console.log('reference subscriber running; Ctrl-C stops it');
    const stop = () => void running.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
