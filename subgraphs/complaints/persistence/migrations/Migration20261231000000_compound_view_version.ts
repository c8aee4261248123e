import { Migration } from '@mikro-orm/migrations';

/**
 * The version of hub.areas.compound.changed a compound's copy was taken from: an event replaces the copy only when
 * its version is newer, so of two corrections at once the later one stays whichever event arrives last. 0 for a copy
 * taken from an event published before compounds had versions (any versioned event replaces it).
 */
export class Migration20261231000000_compound_view_version extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "complaints"."compound_view" add column "version" int not null default 0 check ("version" >= 0)`,
    );
  }
}
