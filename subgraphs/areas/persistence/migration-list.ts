import { MigrationEntry, migrationEntries } from '../../../platform/db/orm';
import { Migration20261201220000_contract_areas } from './migrations/Migration20261201220000_contract_areas';
import { Migration20261213000000_declared_households } from './migrations/Migration20261213000000_declared_households';
import { Migration20261214000000_joint_decision_agenda_item } from './migrations/Migration20261214000000_joint_decision_agenda_item';
import { Migration20261222010000_organisation_owners } from './migrations/Migration20261222010000_organisation_owners';
import { Migration20261222020000_owner_since } from './migrations/Migration20261222020000_owner_since';
import { Migration20261223000000_owner_died_on } from './migrations/Migration20261223000000_owner_died_on';
import { Migration20261224000000_tally_bounded } from './migrations/Migration20261224000000_tally_bounded';
import { Migration20261225000000_area_delimitation } from './migrations/Migration20261225000000_area_delimitation';
import { Migration20261225010000_committee_election_decision } from './migrations/Migration20261225010000_committee_election_decision';
import { Migration20261226000000_committee_rules } from './migrations/Migration20261226000000_committee_rules';
import { Migration20261227000000_committee_filing_condition } from './migrations/Migration20261227000000_committee_filing_condition';
import { Migration20261122000000_initial } from './migrations/Migration20261122000000_initial';
import { Migration20261122010000_compounds } from './migrations/Migration20261122010000_compounds';
import { Migration20261122020000_governance } from './migrations/Migration20261122020000_governance';
import { Migration20261122030000_divisions } from './migrations/Migration20261122030000_divisions';
import { Migration20261122040000_read_grants } from './migrations/Migration20261122040000_read_grants';
import { Migration20261122050000_owners_assembly } from './migrations/Migration20261122050000_owners_assembly';
import { Migration20261130000000_owner_identity } from './migrations/Migration20261130000000_owner_identity';
import { Migration20261130100000_idempotency_keys } from './migrations/Migration20261130100000_idempotency_keys';
import { Migration20261130200000_outbox_notify } from './migrations/Migration20261130200000_outbox_notify';
import { Migration20261201100000_preparatory_groups } from './migrations/Migration20261201100000_preparatory_groups';
import { Migration20261201110000_patrols } from './migrations/Migration20261201110000_patrols';
import { Migration20261201120000_elevators_replaced } from './migrations/Migration20261201120000_elevators_replaced';
import { Migration20261201000000_caretaking } from './migrations/Migration20261201000000_caretaking';
import { Migration20261201130000_self_management } from './migrations/Migration20261201130000_self_management';
import { Migration20261201100000_holiday_years } from './migrations/Migration20261201100000_holiday_years';
import { Migration20261201100000_outbox_traceparent } from './migrations/Migration20261201100000_outbox_traceparent';
import { Migration20261206000000_inbox_topic_key } from './migrations/Migration20261206000000_inbox_topic_key';
import { Migration20261208000000_trimmed_owner_references } from './migrations/Migration20261208000000_trimmed_owner_references';
import { Migration20261208010000_joint_decision_tally_source } from './migrations/Migration20261208010000_joint_decision_tally_source';
import { Migration20261209000000_court_household_owner } from './migrations/Migration20261209000000_court_household_owner';
import { Migration20261228020000_outbox_recorded_at } from './migrations/Migration20261228020000_outbox_recorded_at';
import { Migration20261229020000_filing_snapshot_contract_index } from './migrations/Migration20261229020000_filing_snapshot_contract_index';
import { Migration20261230000000_filing_snapshot_continued_from } from './migrations/Migration20261230000000_filing_snapshot_continued_from';
import { Migration20261231020000_filing_snapshot_amends_filing } from './migrations/Migration20261231020000_filing_snapshot_amends_filing';
import { Migration20261231030000_former_owners } from './migrations/Migration20261231030000_former_owners';
import { Migration20261231040000_owner_data_access_owner } from './migrations/Migration20261231040000_owner_data_access_owner';
import { Migration20261231050000_court_household_case_end } from './migrations/Migration20261231050000_court_household_case_end';
import { Migration20261231060000_court_case_pending } from './migrations/Migration20261231060000_court_case_pending';
import { Migration20261230010000_owners_committee_election } from './migrations/Migration20261230010000_owners_committee_election';
import { Migration20261231000000_compound_version } from './migrations/Migration20261231000000_compound_version';

/**
 * The subgraph's checked-in migrations, in order. Only what migrates, verifies or hashes them loads this file (and
 * `@mikro-orm/migrations` with it): `migrations` in module.ts.
 */
export const migrations: MigrationEntry[] = migrationEntries(
  Migration20261122000000_initial,
  Migration20261122010000_compounds,
  Migration20261122020000_governance,
  Migration20261122030000_divisions,
  Migration20261122040000_read_grants,
  Migration20261122050000_owners_assembly,
  Migration20261130000000_owner_identity,
  Migration20261130100000_idempotency_keys,
  Migration20261130200000_outbox_notify,
  Migration20261201000000_caretaking,
  Migration20261201100000_holiday_years,
  Migration20261201100000_preparatory_groups,
  Migration20261201110000_patrols,
  Migration20261201100000_outbox_traceparent,
  Migration20261201120000_elevators_replaced,
  Migration20261201130000_self_management,
  Migration20261201220000_contract_areas,
  Migration20261206000000_inbox_topic_key,
  Migration20261208000000_trimmed_owner_references,
  Migration20261208010000_joint_decision_tally_source,
  Migration20261209000000_court_household_owner,
  Migration20261213000000_declared_households,
  Migration20261214000000_joint_decision_agenda_item,
  Migration20261222010000_organisation_owners,
  Migration20261222020000_owner_since,
  Migration20261223000000_owner_died_on,
  Migration20261224000000_tally_bounded,
  Migration20261225000000_area_delimitation,
  Migration20261225010000_committee_election_decision,
  Migration20261226000000_committee_rules,
  Migration20261227000000_committee_filing_condition,
  Migration20261228020000_outbox_recorded_at,
  Migration20261229020000_filing_snapshot_contract_index,
  Migration20261230000000_filing_snapshot_continued_from,
  Migration20261230010000_owners_committee_election,
  Migration20261231000000_compound_version,
  Migration20261231020000_filing_snapshot_amends_filing,
  Migration20261231030000_former_owners,
  Migration20261231040000_owner_data_access_owner,
  Migration20261231050000_court_household_case_end,
  Migration20261231060000_court_case_pending,
);
