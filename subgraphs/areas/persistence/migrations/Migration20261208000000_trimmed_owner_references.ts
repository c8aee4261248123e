import { Migration } from '@mikro-orm/migrations';

/**
 * Owner references are trimmed when registered (domain/compound.ts validateHousehold); before 2026-12-05 a household
 * registered through GraphQL kept the spaces around it, so "A-1 " and "A-1" counted as two owners in a joint
 * decision (法释〔2009〕7号 art. 9). The class is what String.prototype.trim removes.
 */
export class Migration20261208000000_trimmed_owner_references extends Migration {
  override async up(): Promise<void> {
    const space = String.raw`[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]`;
    this.addSql(
      `update "areas"."household" set "owner_reference" = regexp_replace("owner_reference", '^${space}+|${space}+$', '', 'g')
        where "owner_reference" ~ '^${space}|${space}$'`,
    );
  }
}
