import type { EntityManager } from '@mikro-orm/core';
import { AgedRows, pruneAgedRows, retentionDaysFromEnv } from '../db/retention';

/**
 * How long a published outbox row is kept: `HUB_OUTBOX_RETENTION_DAYS`, 30 days by default, 0 to keep them for
 * good. The event itself is on Kafka (its topic's retention); the row is kept for the operator to look into what was
 * sent. Before, every event a subgraph ever recorded stayed in its outbox: a million households billed a month
 * added their events every month, for good.
 */
export const outboxRetentionDays = (env: NodeJS.ProcessEnv = process.env): number =>
  retentionDaysFromEnv(env, 'HUB_OUTBOX_RETENTION_DAYS', 30);

/** A subgraph's outbox as aged rows: a row published before the cutoff may go; one not yet published always stays. */
export const outboxAgedRows = (schema: string): AgedRows => ({
  table: `"${schema}"."outbox"`,
  prunable: 'published_at < cutoff',
  recent: 'published_at >= cutoff',
});

/** Deletes the subgraph's outbox rows published more than `days` ago. */
export const prunePublishedOutbox = (em: EntityManager, schema: string, days: number): Promise<number> =>
  pruneAgedRows(em, outboxAgedRows(schema), days);
