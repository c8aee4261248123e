import { Migration } from '@mikro-orm/migrations';

/**
 * The number of households the street office declares an area has (domain/joint-decision.ts checkRegisterComplete):
 * a joint decision is not counted against a register that holds fewer. Areas registered before have none declared.
 */
export class Migration20261213000000_declared_households extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."area" add column "declared_households" integer null
      check ("declared_households" between 1 and 1000000)`);
  }
}
