import { Migration } from '@mikro-orm/migrations';

/**
 * A contract continuing after its term for an unfixed term (Civil Code art. 948; recordContinuedService): the first day
 * of the unfixed term, on the contract and on its filing in force, whose event carries it to the subscribers.
 */
export class Migration20261230000000_continued_service extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "contracts"."contract" add column "continued_from" date null`);
    this.addSql(`alter table "contracts"."filing" add column "continued_from" date null`);
  }
}
