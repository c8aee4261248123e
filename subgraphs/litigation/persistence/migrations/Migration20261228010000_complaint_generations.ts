import { Migration } from '@mikro-orm/migrations';

/**
 * A package version's complaint may be generated again before docketing, when what it states changed since the court
 * first read it (evidence uploaded, the company's particulars entered): each generation is kept, numbered, with the
 * digest of the complaint it renders (complaint_digest; null for those generated before, which the next read before
 * docketing therefore generates again). Before, the first read's complaint was served for good, so evidence uploaded
 * afterwards went to the court without appearing in its evidence list, an owner recorded dead since was still named
 * the defendant, and particulars entered later stayed 由原告填写 (a court documents audit, 2026-12-07).
 */
export class Migration20261228010000_complaint_generations extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`alter table "litigation"."court_document" add column "generation" int not null default 1 check ("generation" >= 1),
      add column "complaint_digest" text null`);
    this.addSql(`alter table "litigation"."court_document" drop constraint "court_document_pkey"`);
    this.addSql(
      `alter table "litigation"."court_document" add primary key ("referral_id", "package_version", "generation", "kind")`,
    );
  }
}
