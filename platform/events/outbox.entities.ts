import { EntitySchema } from '@mikro-orm/core';

/**
 * Outbox and inbox live in each subgraph's own schema (MikroORM's default schema of that subgraph), so a state
 * change and its event, or an event and its effect, commit in one PostgreSQL transaction.
 */
export class OutboxMessage {
  id!: string;
  eventId!: string;
  topic!: string;
  messageKey!: string;
  eventType!: string;
  source!: string;
  subject?: string;
  occurredAt!: Date;
  payload!: unknown;
  /** The W3C trace context of the work that recorded the event, carried into the Kafka message (ce_traceparent). */
  traceparent?: string;
  publishedAt?: Date;
  attempts = 0;
  lastError?: string;
}

export const OutboxMessageSchema = new EntitySchema<OutboxMessage>({
  class: OutboxMessage,
  tableName: 'outbox',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    eventId: { type: 'uuid', unique: true },
    topic: { type: 'text' },
    messageKey: { type: 'text' },
    eventType: { type: 'text' },
    source: { type: 'text' },
    subject: { type: 'text', nullable: true },
    occurredAt: { type: 'datetime', columnType: 'timestamptz' },
    payload: { type: 'json' },
    traceparent: { type: 'text', nullable: true },
    publishedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    attempts: { type: 'integer', default: 0 },
    lastError: { type: 'text', nullable: true },
  },
});

export class InboxRecord {
  consumer!: string;
  eventId!: string;
  eventType!: string;
  topic!: string;
  partition!: number;
  offset!: string;
  processedAt!: Date;
  /** SHA-256 of the event's canonical type and data: a later event under the same id must carry the same. */
  dataSha256?: string;
}

export const InboxRecordSchema = new EntitySchema<InboxRecord>({
  class: InboxRecord,
  tableName: 'inbox',
  properties: {
    consumer: { type: 'text', primary: true },
    eventId: { type: 'text', primary: true },
    eventType: { type: 'text' },
    topic: { type: 'text', primary: true },
    partition: { type: 'integer' },
    offset: { type: 'bigint' },
    processedAt: { type: 'datetime', columnType: 'timestamptz' },
    dataSha256: { type: 'text', nullable: true },
  },
});

/** The DDL every subgraph's first migration runs for its outbox and inbox. */
export function outboxAndInboxDdl(schema: string): string[] {
  return [
    `create schema if not exists "${schema}"`,
    `create table "${schema}"."outbox" (
      "id" bigserial primary key,
      "event_id" uuid not null unique,
      "topic" text not null,
      "message_key" text not null,
      "event_type" text not null,
      "source" text not null,
      "subject" text null,
      "occurred_at" timestamptz not null,
      "payload" jsonb not null,
      "traceparent" text null,
      "published_at" timestamptz null,
      "attempts" int not null default 0,
      "last_error" text null)`,
    `create index "outbox_unpublished_idx" on "${schema}"."outbox" ("id") where "published_at" is null`,
    `create table "${schema}"."inbox" (
      "consumer" text not null,
      "event_id" text not null,
      "event_type" text not null,
      "topic" text not null,
      "partition" int not null,
      "offset" bigint not null,
      "processed_at" timestamptz not null default now(),
      "data_sha256" text null,
      primary key ("consumer", "topic", "event_id"))`,
  ];
}

/**
 * The inbox's digest of each event's content, for databases whose inbox predates it (a new one has it from
 * outboxAndInboxDdl); rows from before it have none, and are compared with nothing.
 */
export function inboxDigestDdl(schema: string): string[] {
  return [`alter table "${schema}"."inbox" add column if not exists "data_sha256" text null`];
}

/**
 * The inbox keyed by the topic an event came on as well as its id. Each party sends on its own topic, which the broker
 * lets only that party write (its ACLs): keyed by the id alone, one court's event was taken for a redelivery of
 * another court's event with the same id, and silently dropped (two court systems that both number their events
 * 1, 2, 3 collide without meaning to; CloudEvents makes only source + id unique).
 */
export function inboxTopicKeyDdl(schema: string): string[] {
  return [
    `alter table "${schema}"."inbox" drop constraint "inbox_pkey", add constraint "inbox_pkey" primary key ("consumer", "topic", "event_id")`,
  ];
}

/**
 * The trace context column, for outboxes created before it (a new one has it from outboxAndInboxDdl): rows without
 * one are published without the ce_traceparent extension.
 */
export function outboxTraceparentDdl(schema: string): string[] {
  return [`alter table "${schema}"."outbox" add column if not exists "traceparent" text null`];
}

/**
 * When each outbox row was written (its transaction's time), which the oldest unpublished row's age is measured
 * from: `occurred_at` is the event's business time, so a backfill of last month's hotline orders showed as a
 * month-old stuck outbox until published (an operations audit of 2026-12-07). Rows written before get the time of
 * this migration, those still waiting their event's time (the best there is).
 */
export function outboxRecordedAtDdl(schema: string): string[] {
  return [
    `alter table "${schema}"."outbox" add column if not exists "recorded_at" timestamptz not null default now()`,
    // A row already waiting keeps an age: taken from now, a row stuck before the deploy read as fresh (a review).
    `update "${schema}"."outbox" set "recorded_at" = "occurred_at" where "published_at" is null and "occurred_at" < "recorded_at"`,
  ];
}

/** The channel a subgraph's outbox announces its commits on (LISTEN/NOTIFY; a plain identifier, no quoting). */
export const outboxChannel = (schema: string): string => `outbox_${schema}`;

/**
 * A statement-level trigger that NOTIFYs the outbox's channel whenever rows are inserted: PostgreSQL delivers the
 * notification when (and only if) the transaction commits, to every relay listening in any process, and folds the
 * notifications of one transaction into one.
 */
export function outboxNotifyDdl(schema: string): string[] {
  return [
    `create or replace function "${schema}"."outbox_notify"() returns trigger language plpgsql as $$
      begin perform pg_notify('${outboxChannel(schema)}', ''); return null; end $$`,
    `drop trigger if exists "outbox_notify" on "${schema}"."outbox"`,
    `create trigger "outbox_notify" after insert on "${schema}"."outbox" for each statement execute function "${schema}"."outbox_notify"()`,
  ];
}
