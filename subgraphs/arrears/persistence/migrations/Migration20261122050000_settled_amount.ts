import { Migration } from '@mikro-orm/migrations';

/** What a settlement before the court awarded the company, beside what a judgment awarded (judged_fen). */
export class Migration20261122050000_settled_amount extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "arrears"."account" add column "settled_fen" bigint null`);
  }
}
