import { Migration } from '@mikro-orm/migrations';

/**
 * A court's referral list (sent referrals, newest first, keyset `(created_at, id)`) reads its page straight from
 * this index, and its count from the index alone; the company's list gets the same order with the id.
 */
export class Migration20261130230000_referral_list_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "referral_court_list_index" on "litigation"."referral" ("court_id", "created_at" desc, "id" desc) where "eligible"`,
    );
    this.addSql(`drop index "litigation"."referral_company_index"`);
    this.addSql(
      `create index "referral_company_index" on "litigation"."referral" ("company_id", "created_at" desc, "id" desc)`,
    );
  }
}
