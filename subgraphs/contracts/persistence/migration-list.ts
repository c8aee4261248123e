import { MigrationEntry, migrationEntries } from '../../../platform/db/orm';
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
import { Migration20261206000000_inbox_topic_key } from './migrations/Migration20261206000000_inbox_topic_key';
import { Migration20261207000000_beijing_agreement_threshold } from './migrations/Migration20261207000000_beijing_agreement_threshold';
import { Migration20261212000000_discarded_drafts } from './migrations/Migration20261212000000_discarded_drafts';
import { Migration20261214000000_filing_document_upload_completed } from './migrations/Migration20261214000000_filing_document_upload_completed';
import { Migration20261216000000_credit_notice_days } from './migrations/Migration20261216000000_credit_notice_days';
import { Migration20261217000000_credit_recorded_on } from './migrations/Migration20261217000000_credit_recorded_on';
import { Migration20261225000000_joint_decisions } from './migrations/Migration20261225000000_joint_decisions';
import { Migration20261226000000_linjiang_street_office } from './migrations/Migration20261226000000_linjiang_street_office';
import { Migration20261229000000_filing_authority_in_chinese } from './migrations/Migration20261229000000_filing_authority_in_chinese';
import { Migration20261229010000_beijing_preliminary_term_source } from './migrations/Migration20261229010000_beijing_preliminary_term_source';
import { Migration20261230000000_continued_service } from './migrations/Migration20261230000000_continued_service';
import { Migration20261228020000_outbox_recorded_at } from './migrations/Migration20261228020000_outbox_recorded_at';
import { Migration20261231010000_counts_non_negative } from './migrations/Migration20261231010000_counts_non_negative';
import { Migration20270101000000_beijing_late_filing_basis } from './migrations/Migration20270101000000_beijing_late_filing_basis';

/**
 * The subgraph's checked-in migrations, in order. Only what migrates, verifies or hashes them loads this file (and
 * `@mikro-orm/migrations` with it): `migrations` in module.ts.
 */
export const migrations: MigrationEntry[] = migrationEntries(
  Migration20261122000000_initial,
  Migration20261122010000_area_facts,
  Migration20261122020000_filings,
  Migration20261122030000_court_referrals,
  Migration20261130000000_collection_months,
  Migration20261130100000_idempotency_keys,
  Migration20261130200000_outbox_notify,
  Migration20261201000000_city_settings,
  Migration20261201100000_credit_entries,
  Migration20261201100000_deadlines,
  Migration20261201100000_filing_documents,
  Migration20261201100000_holiday_calendar,
  Migration20261201100000_outbox_traceparent,
  Migration20261201110000_filing_queue_index,
  Migration20261201130000_credit_cut_off_reports,
  Migration20261206000000_inbox_topic_key,
  Migration20261207000000_beijing_agreement_threshold,
  Migration20261212000000_discarded_drafts,
  Migration20261214000000_filing_document_upload_completed,
  Migration20261216000000_credit_notice_days,
  Migration20261217000000_credit_recorded_on,
  Migration20261225000000_joint_decisions,
  Migration20261226000000_linjiang_street_office,
  Migration20261228020000_outbox_recorded_at,
  Migration20261229000000_filing_authority_in_chinese,
  Migration20261229010000_beijing_preliminary_term_source,
  Migration20261230000000_continued_service,
  Migration20261231010000_counts_non_negative,
  Migration20270101000000_beijing_late_filing_basis,
);
