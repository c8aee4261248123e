import { Migration } from '@mikro-orm/migrations';

/**
 * A draft entered by mistake, never filed, is discarded (application/discard-contract-draft.ts): it stays, DISCARDED,
 * with its filing deadline cancelled. Before, it could not be removed and its deadline was shown missed.
 */
export class Migration20261212000000_discarded_drafts extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "contracts"."contract" drop constraint "contract_status_check"`);
    this.addSql(`alter table "contracts"."contract" add constraint "contract_status_check"
      check ("status" in ('DRAFT','SUBMITTED','RETURNED','ACCEPTED','TERMINATED','SUPERSEDED','DISCARDED'))`);
  }
}
