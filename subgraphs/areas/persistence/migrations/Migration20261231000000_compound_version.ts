import { Migration } from '@mikro-orm/migrations';

/**
 * A compound's version, bumped by each correction under the compound's row lock and carried in
 * hub.areas.compound.changed, so that a consumer keeps the newest copy whatever order the events arrive in (two
 * corrections at once each published the compound as their own transaction read it, and the copy of whichever came
 * last stayed, losing the other's change: a concurrency audit, 2026-12-07). Compounds registered before start at 1.
 */
export class Migration20261231000000_compound_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."compound" add column "version" int not null default 1 check ("version" >= 1)`);
  }
}
