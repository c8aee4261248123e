import { Migration } from '@mikro-orm/migrations';

/**
 * When the plaintiff company accepted a hotline order itself (complaints' companyRespondedAt): a case package gave the
 * court only the order's first acceptance, a bureau's after an escalation included, under the company's orders (a
 * helper's audit, 2026-12-06). Filled for the orders kept so far that the company still holds, whose acceptance was
 * its own (an order is accepted by the party holding it, and re-dispatched only before it is accepted); not known for
 * one escalated away from it: null until its next step brings it.
 */
export class Migration20261218000000_service_complaint_company_response extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."service_complaint" add column "company_responded_at" timestamptz null`);
    this.addSql(
      `update "litigation"."service_complaint" set "company_responded_at" = "responded_at"
        where "responsible_party_kind" = 'PROPERTY_COMPANY' and "party_organisation_id" = "company_organisation_id"`,
    );
  }
}
