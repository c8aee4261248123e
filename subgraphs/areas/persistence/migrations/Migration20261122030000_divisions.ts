import { Migration } from '@mikro-orm/migrations';

export class Migration20261122030000_divisions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "areas"."division" (
      "code" text primary key,
      "name" text not null,
      "level" text not null check ("level" in ('DISTRICT','STREET','COMMUNITY')),
      "parent_code" text null references "areas"."division" ("code"))`);
    this.addSql(`create index "division_parent_code_index" on "areas"."division" ("parent_code")`);
  }
}
