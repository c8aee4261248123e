import { Migration } from '@mikro-orm/migrations';

/**
 * An owner that is a legal person or other organisation is identified by its unified social credit code
 * (catalog/vocabulary.ts OWNER_ID_TYPES): the identity's document type takes UNIFIED_SOCIAL_CREDIT_CODE.
 */
export class Migration20261222010000_organisation_owners extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."owner_identity" drop constraint "owner_identity_id_type_check"`);
    this.addSql(`alter table "areas"."owner_identity" add constraint "owner_identity_id_type_check"
      check ("id_type" in ('RESIDENT_ID','PASSPORT','OTHER','UNIFIED_SOCIAL_CREDIT_CODE'))`);
  }
}
