import { Migration } from '@mikro-orm/migrations';

/**
 * Since when a hotline system has served each of its divisions. A backfill may not import a street's orders received
 * since its hotline system began sending them; one start a system (its first registration's) also refused the
 * earlier history of every street a later registration added. Filled for the divisions held so far with that start,
 * the only one known.
 */
export class Migration20261220000000_hotline_served_since extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "complaints"."hotline_sender" add column "served_since" jsonb null`);
    this.addSql(
      `update "complaints"."hotline_sender" s
          set "served_since" = (select coalesce(jsonb_object_agg(j, to_jsonb(s.registered_at)), '{}'::jsonb)
                                  from unnest(s.jurisdictions) j)`,
    );
    this.addSql(`alter table "complaints"."hotline_sender" alter column "served_since" set not null`);
  }
}
