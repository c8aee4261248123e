import { Migration } from '@mikro-orm/migrations';

/**
 * A credit entry keeps the notice period it was recorded under (domain/credit.ts entryNoticeDays): the city's
 * setting changed later moves no window already announced. Entries recorded before keep null and run by the city's
 * current period, as they did.
 */
export class Migration20261216000000_credit_notice_days extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "contracts"."credit_entry" add column "notice_days" int null check ("notice_days" > 0)`);
  }
}
