import { Migration } from '@mikro-orm/migrations';

/**
 * The last day of a committee's term, from hub.areas.committee.formed (termEndsOn): a committee reports a utility
 * cut-off only within its term (domain/utility-violation.ts committeeMandateProblem). Null for the committees kept
 * before this column, as for one with no recorded term (areas.governance.v1 is not read again by the migration).
 */
export class Migration20261231030000_committee_view_term_ends_on extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "arrears"."committee_view" add column "term_ends_on" date null`);
  }
}
