import { Migration } from '@mikro-orm/migrations';

/**
 * The property company a hotline order stays with (complaints' companyOrganisationId): a case package listed only the
 * orders its plaintiff still held, so those the street office had escalated to a bureau, the ones the company had
 * failed, dropped out of the court's view. Filled for the orders kept so far from the party holding each, a company's
 * when it is one (an order escalated before this column stays off until its next step brings the company).
 */
export class Migration20261215000000_service_complaint_company extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "litigation"."service_complaint" add column "company_organisation_id" text null`);
    this.addSql(
      `update "litigation"."service_complaint" set "company_organisation_id" = "party_organisation_id"
        where "responsible_party_kind" = 'PROPERTY_COMPANY'`,
    );
  }
}
