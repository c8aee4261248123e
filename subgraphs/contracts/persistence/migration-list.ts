import type { MigrationEntry } from '../../../platform/db/orm';
import { Migration20261122000000_initial } from './migrations/Migration20261122000000_initial';
import { Migration20261122010000_area_facts } from './migrations/Migration20261122010000_area_facts';
import { Migration20261122020000_filings } from './migrations/Migration20261122020000_filings';
import { Migration20261122030000_court_referrals } from './migrations/Migration20261122030000_court_referrals';
import { Migration20261130000000_collection_months } from './migrations/Migration20261130000000_collection_months';
import { Migration20261130100000_idempotency_keys } from './migrations/Migration20261130100000_idempotency_keys';
import { Migration20261130200000_outbox_notify } from './migrations/Migration20261130200000_outbox_notify';
import { Migration20261201000000_city_settings } from './migrations/Migration20261201000000_city_settings';
import { Migration20261201100000_credit_entries } from './migrations/Migration20261201100000_credit_entries';
import { Migration20261201100000_deadlines } from './migrations/Migration20261201100000_deadlines';
import { Migration20261201100000_filing_documents } from './migrations/Migration20261201100000_filing_documents';
import { Migration20261201100000_holiday_calendar } from './migrations/Migration20261201100000_holiday_calendar';
import { Migration20261201100000_outbox_traceparent } from './migrations/Migration20261201100000_outbox_traceparent';
import { Migration20261201110000_filing_queue_index } from './migrations/Migration20261201110000_filing_queue_index';
import { Migration20261201130000_credit_cut_off_reports } from './migrations/Migration20261201130000_credit_cut_off_reports';

/**
 * The subgraph's checked-in migrations, in order. Only what migrates, verifies or hashes them loads this file (and
 * `@mikro-orm/migrations` with it): `migrations` in module.ts.
 */
export const migrations: MigrationEntry[] = [
  { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
  { name: 'Migration20261122010000_area_facts', class: Migration20261122010000_area_facts },
  { name: 'Migration20261122020000_filings', class: Migration20261122020000_filings },
  { name: 'Migration20261122030000_court_referrals', class: Migration20261122030000_court_referrals },
  { name: 'Migration20261130000000_collection_months', class: Migration20261130000000_collection_months },
  { name: 'Migration20261130100000_idempotency_keys', class: Migration20261130100000_idempotency_keys },
  { name: 'Migration20261130200000_outbox_notify', class: Migration20261130200000_outbox_notify },
  { name: 'Migration20261201000000_city_settings', class: Migration20261201000000_city_settings },
  { name: 'Migration20261201100000_credit_entries', class: Migration20261201100000_credit_entries },
  { name: 'Migration20261201100000_deadlines', class: Migration20261201100000_deadlines },
  { name: 'Migration20261201100000_filing_documents', class: Migration20261201100000_filing_documents },
  { name: 'Migration20261201100000_holiday_calendar', class: Migration20261201100000_holiday_calendar },
  { name: 'Migration20261201100000_outbox_traceparent', class: Migration20261201100000_outbox_traceparent },
  { name: 'Migration20261201110000_filing_queue_index', class: Migration20261201110000_filing_queue_index },
  { name: 'Migration20261201130000_credit_cut_off_reports', class: Migration20261201130000_credit_cut_off_reports },
];
