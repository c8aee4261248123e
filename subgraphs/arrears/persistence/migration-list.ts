import { MigrationEntry, migrationEntries } from '../../../platform/db/orm';
import { Migration20261122000000_initial } from './migrations/Migration20261122000000_initial';
import { Migration20261122010000_billable_households } from './migrations/Migration20261122010000_billable_households';
import { Migration20261122020000_filing_snapshots } from './migrations/Migration20261122020000_filing_snapshots';
import { Migration20261122030000_ledger } from './migrations/Migration20261122030000_ledger';
import { Migration20261122040000_claim_version } from './migrations/Migration20261122040000_claim_version';
import { Migration20261122050000_settled_amount } from './migrations/Migration20261122050000_settled_amount';
import { Migration20261130000000_levy_decisions_and_violations } from './migrations/Migration20261130000000_levy_decisions_and_violations';
import { Migration20261130100000_idempotency_keys } from './migrations/Migration20261130100000_idempotency_keys';
import { Migration20261130200000_outbox_notify } from './migrations/Migration20261130200000_outbox_notify';
import { Migration20261201100000_holiday_years } from './migrations/Migration20261201100000_holiday_years';
import { Migration20261201100000_outbox_traceparent } from './migrations/Migration20261201100000_outbox_traceparent';
import { Migration20261201120000_open_charge_index } from './migrations/Migration20261201120000_open_charge_index';
import { Migration20261201130000_arrears_balance } from './migrations/Migration20261201130000_arrears_balance';
import { Migration20261201150000_limitation_announcement } from './migrations/Migration20261201150000_limitation_announcement';
import { Migration20261204000000_service_fee_unique_by_month } from './migrations/Migration20261204000000_service_fee_unique_by_month';
import { Migration20261206000000_inbox_topic_key } from './migrations/Migration20261206000000_inbox_topic_key';
import { Migration20261207000000_receipts_per_company } from './migrations/Migration20261207000000_receipts_per_company';
import { Migration20261208000000_credit_applications } from './migrations/Migration20261208000000_credit_applications';
import { Migration20261210000000_followed_referral } from './migrations/Migration20261210000000_followed_referral';
import { Migration20261210010000_late_fee_waiver } from './migrations/Migration20261210010000_late_fee_waiver';
import { Migration20261212000000_payment_reversal } from './migrations/Migration20261212000000_payment_reversal';
import { Migration20261216000000_handover_month } from './migrations/Migration20261216000000_handover_month';
import { Migration20261222000000_household_owner_since } from './migrations/Migration20261222000000_household_owner_since';
import { Migration20261223000000_household_owner_died_on } from './migrations/Migration20261223000000_household_owner_died_on';
import { Migration20261228020000_outbox_recorded_at } from './migrations/Migration20261228020000_outbox_recorded_at';
import { Migration20261229000000_account_household_index } from './migrations/Migration20261229000000_account_household_index';
import { Migration20261229020000_filing_snapshot_contract_index } from './migrations/Migration20261229020000_filing_snapshot_contract_index';
import { Migration20261230000000_filing_snapshot_continued_from } from './migrations/Migration20261230000000_filing_snapshot_continued_from';
import { Migration20261231020000_filing_snapshot_amends_filing } from './migrations/Migration20261231020000_filing_snapshot_amends_filing';
import { Migration20261231030000_committee_view_term_ends_on } from './migrations/Migration20261231030000_committee_view_term_ends_on';
import { Migration20261231040000_referral_step } from './migrations/Migration20261231040000_referral_step';
import { Migration20261231050000_month_parts } from './migrations/Migration20261231050000_month_parts';
import { Migration20261231060000_subsidy_filing_rates } from './migrations/Migration20261231060000_subsidy_filing_rates';

/**
 * The subgraph's checked-in migrations, in order. Only what migrates, verifies or hashes them loads this file (and
 * `@mikro-orm/migrations` with it): `migrations` in module.ts.
 */
export const migrations: MigrationEntry[] = migrationEntries(
  Migration20261122000000_initial,
  Migration20261122010000_billable_households,
  Migration20261122020000_filing_snapshots,
  Migration20261122030000_ledger,
  Migration20261122040000_claim_version,
  Migration20261122050000_settled_amount,
  Migration20261130000000_levy_decisions_and_violations,
  Migration20261130100000_idempotency_keys,
  Migration20261130200000_outbox_notify,
  Migration20261201100000_holiday_years,
  Migration20261201100000_outbox_traceparent,
  Migration20261201120000_open_charge_index,
  Migration20261201130000_arrears_balance,
  Migration20261201150000_limitation_announcement,
  Migration20261204000000_service_fee_unique_by_month,
  Migration20261206000000_inbox_topic_key,
  Migration20261207000000_receipts_per_company,
  Migration20261208000000_credit_applications,
  Migration20261210000000_followed_referral,
  Migration20261210010000_late_fee_waiver,
  Migration20261212000000_payment_reversal,
  Migration20261216000000_handover_month,
  Migration20261222000000_household_owner_since,
  Migration20261223000000_household_owner_died_on,
  Migration20261228020000_outbox_recorded_at,
  Migration20261229000000_account_household_index,
  Migration20261229020000_filing_snapshot_contract_index,
  Migration20261230000000_filing_snapshot_continued_from,
  Migration20261231020000_filing_snapshot_amends_filing,
  Migration20261231030000_committee_view_term_ends_on,
  Migration20261231040000_referral_step,
  Migration20261231050000_month_parts,
  Migration20261231060000_subsidy_filing_rates,
);
