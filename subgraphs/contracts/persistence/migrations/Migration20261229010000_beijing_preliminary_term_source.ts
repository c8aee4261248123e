import { Migration } from '@mikro-orm/migrations';

/** The source Beijing's settings carried before (the match). */
export const BEIJING_PRELIMINARY_CONTRACT_TERM_SOURCE_BEFORE =
  'Beijing Property Management Regulation, preliminary service contracts (docs/domain.md: term at most 2 years in Beijing)';
/** What the migration writes, as it wrote it (statutes.ts holds today's wording). */
const TERM_SOURCE =
  'Beijing Property Management Regulation art. 19 para. 3: 前期物业服务合同期限最长不超过二年，具体期限在前期物业服务合同中约定';

const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * Beijing's two-year cap on a preliminary contract cited docs/domain.md only; its article is art. 19 para. 3
 * (前期物业服务合同期限最长不超过二年). The source is replaced where the settings still hold the one the hub wrote, as a
 * new version with its reason; the figure is unchanged.
 */
export class Migration20261229010000_beijing_preliminary_term_source extends Migration {
  override async up(): Promise<void> {
    this.addSql(`with changed as (
        update "contracts"."city_settings"
           set "settings" = jsonb_set("settings", '{sources,preliminaryContractTerm}',
                 to_jsonb(${literal(TERM_SOURCE)}::text)),
               "version" = "version" + 1, "changed_at" = now(), "changed_by" = 'migration'
         where "city_code" = '110000'
           and "settings" #>> '{sources,preliminaryContractTerm}' = ${literal(BEIJING_PRELIMINARY_CONTRACT_TERM_SOURCE_BEFORE)}
        returning "city_code", "version", "settings", "changed_at")
      insert into "contracts"."city_settings_change"
      select gen_random_uuid(), "city_code", "version", "settings", "changed_at", 'migration',
        'The two-year cap on a preliminary contract cites its article: Beijing Property Management Regulation art. 19 para. 3'
      from changed`);
  }
}
