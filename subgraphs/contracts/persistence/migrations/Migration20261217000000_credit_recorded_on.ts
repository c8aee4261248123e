import { Migration } from '@mikro-orm/migrations';

/**
 * A credit entry's notice period runs from the day it was recorded (domain/credit.ts entryNoticeEndsOn), the day the
 * company or the owner's street office can first see it and object: kept with the entry in China's calendar, as the
 * hub's day was when it was recorded. Entries recorded before take the China day of their `recorded_at`.
 */
export class Migration20261217000000_credit_recorded_on extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "contracts"."credit_entry" add column "recorded_on" date null`);
    this.addSql(
      `update "contracts"."credit_entry" set "recorded_on" = ("recorded_at" at time zone 'Asia/Shanghai')::date`,
    );
    this.addSql(`alter table "contracts"."credit_entry" alter column "recorded_on" set not null,
      alter column "recorded_on" set default (now() at time zone 'Asia/Shanghai')::date`);
  }
}
