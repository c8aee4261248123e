import { MigrationEntry, migrationEntries } from '../../../platform/db/orm';
import { Migration20261201000000_initial } from './migrations/Migration20261201000000_initial';
import { Migration20261201100000_outbox_traceparent } from './migrations/Migration20261201100000_outbox_traceparent';
import { Migration20261201200000_partial_party_index } from './migrations/Migration20261201200000_partial_party_index';
import { Migration20261205000000_order_number_per_street } from './migrations/Migration20261205000000_order_number_per_street';
import { Migration20261206000000_inbox_topic_key } from './migrations/Migration20261206000000_inbox_topic_key';
import { Migration20261209000000_item_per_category } from './migrations/Migration20261209000000_item_per_category';
import { Migration20261215000000_order_company } from './migrations/Migration20261215000000_order_company';
import { Migration20261215010000_order_backfilled_at } from './migrations/Migration20261215010000_order_backfilled_at';
import { Migration20261218000000_company_responded_at } from './migrations/Migration20261218000000_company_responded_at';
import { Migration20261220000000_hotline_served_since } from './migrations/Migration20261220000000_hotline_served_since';
import { Migration20261222000000_order_number_per_sender } from './migrations/Migration20261222000000_order_number_per_sender';
import { Migration20261222030000_backfill_number_once } from './migrations/Migration20261222030000_backfill_number_once';
import { Migration20261224000000_order_number_sender_index } from './migrations/Migration20261224000000_order_number_sender_index';
import { Migration20261226000000_taxonomy_per_division } from './migrations/Migration20261226000000_taxonomy_per_division';
import { Migration20261228000000_company_hold } from './migrations/Migration20261228000000_company_hold';
import { Migration20261228020000_outbox_recorded_at } from './migrations/Migration20261228020000_outbox_recorded_at';
import { Migration20261229020000_filing_snapshot_contract_index } from './migrations/Migration20261229020000_filing_snapshot_contract_index';
import { Migration20261230000000_filing_snapshot_continued_from } from './migrations/Migration20261230000000_filing_snapshot_continued_from';
import { Migration20261231020000_filing_snapshot_amends_filing } from './migrations/Migration20261231020000_filing_snapshot_amends_filing';
import { Migration20261231000000_compound_view_version } from './migrations/Migration20261231000000_compound_view_version';
import { Migration20261231010000_counts_non_negative } from './migrations/Migration20261231010000_counts_non_negative';

/**
 * The subgraph's checked-in migrations, in order. Only what migrates, verifies or hashes them loads this file (and
 * `@mikro-orm/migrations` with it): `migrations` in module.ts.
 */
export const migrations: MigrationEntry[] = migrationEntries(
  Migration20261201000000_initial,
  Migration20261201100000_outbox_traceparent,
  Migration20261201200000_partial_party_index,
  Migration20261205000000_order_number_per_street,
  Migration20261206000000_inbox_topic_key,
  Migration20261209000000_item_per_category,
  Migration20261215000000_order_company,
  Migration20261215010000_order_backfilled_at,
  Migration20261218000000_company_responded_at,
  Migration20261220000000_hotline_served_since,
  Migration20261222000000_order_number_per_sender,
  Migration20261222030000_backfill_number_once,
  Migration20261224000000_order_number_sender_index,
  Migration20261226000000_taxonomy_per_division,
  Migration20261228000000_company_hold,
  Migration20261228020000_outbox_recorded_at,
  Migration20261229020000_filing_snapshot_contract_index,
  Migration20261230000000_filing_snapshot_continued_from,
  Migration20261231000000_compound_view_version,
  Migration20261231010000_counts_non_negative,
  Migration20261231020000_filing_snapshot_amends_filing,
);
