import { MigrationEntry, migrationEntries } from '../../../platform/db/orm';
import { Migration20261201130000_city_provinces } from './migrations/Migration20261201130000_city_provinces';
import { Migration20261122000000_initial } from './migrations/Migration20261122000000_initial';
import { Migration20261122020000_filing_snapshots } from './migrations/Migration20261122020000_filing_snapshots';
import { Migration20261122030000_referrals } from './migrations/Migration20261122030000_referrals';
import { Migration20261122040000_extension } from './migrations/Migration20261122040000_extension';
import { Migration20261130000000_small_claims_thresholds } from './migrations/Migration20261130000000_small_claims_thresholds';
import { Migration20261130000000_documents } from './migrations/Migration20261130000000_documents';
import { Migration20261130100000_idempotency_keys } from './migrations/Migration20261130100000_idempotency_keys';
import { Migration20261130200000_outbox_notify } from './migrations/Migration20261130200000_outbox_notify';
import { Migration20261130230000_referral_list_index } from './migrations/Migration20261130230000_referral_list_index';
import { Migration20261201100000_service_complaints } from './migrations/Migration20261201100000_service_complaints';
import { Migration20261201100000_holiday_years } from './migrations/Migration20261201100000_holiday_years';
import { Migration20261201100000_outbox_traceparent } from './migrations/Migration20261201100000_outbox_traceparent';
import { Migration20261201200000_deadline_sequence } from './migrations/Migration20261201200000_deadline_sequence';
import { Migration20261201210000_city_demand_period } from './migrations/Migration20261201210000_city_demand_period';
import { Migration20261206000000_inbox_topic_key } from './migrations/Migration20261206000000_inbox_topic_key';
import { Migration20261206010000_court_event_per_court } from './migrations/Migration20261206010000_court_event_per_court';
import { Migration20261209000000_court_territory } from './migrations/Migration20261209000000_court_territory';
import { Migration20261210000000_referral_pending_per_account } from './migrations/Migration20261210000000_referral_pending_per_account';
import { Migration20261214000000_evidence_upload_completed } from './migrations/Migration20261214000000_evidence_upload_completed';
import { Migration20261215000000_service_complaint_company } from './migrations/Migration20261215000000_service_complaint_company';
import { Migration20261218000000_service_complaint_company_response } from './migrations/Migration20261218000000_service_complaint_company_response';
import { Migration20261221000000_referral_small_claims_question } from './migrations/Migration20261221000000_referral_small_claims_question';
import { Migration20261221010000_referral_enforcement_case_number } from './migrations/Migration20261221010000_referral_enforcement_case_number';
import { Migration20261222000000_threshold_recorded_organisation } from './migrations/Migration20261222000000_threshold_recorded_organisation';
import { Migration20261225000000_joint_decisions } from './migrations/Migration20261225000000_joint_decisions';
import { Migration20261228010000_complaint_generations } from './migrations/Migration20261228010000_complaint_generations';
import { Migration20261228020000_outbox_recorded_at } from './migrations/Migration20261228020000_outbox_recorded_at';
import { Migration20261229020000_filing_snapshot_contract_index } from './migrations/Migration20261229020000_filing_snapshot_contract_index';
import { Migration20261230000000_filing_snapshot_continued_from } from './migrations/Migration20261230000000_filing_snapshot_continued_from';
import { Migration20261231020000_filing_snapshot_amends_filing } from './migrations/Migration20261231020000_filing_snapshot_amends_filing';
import { Migration20261230010000_referral_procedure_changed_on } from './migrations/Migration20261230010000_referral_procedure_changed_on';
import { Migration20261231000000_referral_amounts_non_negative } from './migrations/Migration20261231000000_referral_amounts_non_negative';
import { Migration20261231010000_referral_deadline_sequence_non_negative } from './migrations/Migration20261231010000_referral_deadline_sequence_non_negative';
import { Migration20261231030000_referral_performance_due_on } from './migrations/Migration20261231030000_referral_performance_due_on';

/**
 * The subgraph's checked-in migrations, in order. Only what migrates, verifies or hashes them loads this file (and
 * `@mikro-orm/migrations` with it): `migrations` in module.ts.
 */
export const migrations: MigrationEntry[] = migrationEntries(
  Migration20261122000000_initial,
  Migration20261122020000_filing_snapshots,
  Migration20261122030000_referrals,
  Migration20261122040000_extension,
  Migration20261130000000_small_claims_thresholds,
  Migration20261130000000_documents,
  Migration20261130100000_idempotency_keys,
  Migration20261130200000_outbox_notify,
  Migration20261130230000_referral_list_index,
  Migration20261201100000_holiday_years,
  Migration20261201100000_service_complaints,
  Migration20261201100000_outbox_traceparent,
  Migration20261201130000_city_provinces,
  Migration20261201200000_deadline_sequence,
  Migration20261201210000_city_demand_period,
  Migration20261206000000_inbox_topic_key,
  Migration20261206010000_court_event_per_court,
  Migration20261209000000_court_territory,
  Migration20261210000000_referral_pending_per_account,
  Migration20261214000000_evidence_upload_completed,
  Migration20261215000000_service_complaint_company,
  Migration20261218000000_service_complaint_company_response,
  Migration20261221000000_referral_small_claims_question,
  Migration20261221010000_referral_enforcement_case_number,
  Migration20261222000000_threshold_recorded_organisation,
  Migration20261225000000_joint_decisions,
  Migration20261228010000_complaint_generations,
  Migration20261228020000_outbox_recorded_at,
  Migration20261229020000_filing_snapshot_contract_index,
  Migration20261230000000_filing_snapshot_continued_from,
  Migration20261230010000_referral_procedure_changed_on,
  Migration20261231000000_referral_amounts_non_negative,
  Migration20261231010000_referral_deadline_sequence_non_negative,
  Migration20261231020000_filing_snapshot_amends_filing,
  Migration20261231030000_referral_performance_due_on,
);
