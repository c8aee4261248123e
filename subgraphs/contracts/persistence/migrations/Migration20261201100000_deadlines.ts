import { Migration } from '@mikro-orm/migrations';

/** Issue 21: a contract counts the announcements of its filing deadline to the register (their `sequence`). */
export class Migration20261201100000_deadlines extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "contracts"."contract" add column "deadline_sequence" int not null default 0`);
  }
}
