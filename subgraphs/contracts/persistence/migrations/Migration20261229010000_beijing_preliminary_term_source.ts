import { Migration } from '@mikro-orm/migrations';
import {
  BEIJING,
  BEIJING_PRELIMINARY_CONTRACT_TERM_SOURCE,
  BEIJING_PRELIMINARY_CONTRACT_TERM_SOURCE_BEFORE,
} from '../../domain/statutes';

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
                 to_jsonb(${literal(BEIJING_PRELIMINARY_CONTRACT_TERM_SOURCE)}::text)),
               "version" = "version" + 1, "changed_at" = now(), "changed_by" = 'migration'
         where "city_code" = '${BEIJING.cityCode}'
           and "settings" #>> '{sources,preliminaryContractTerm}' = ${literal(BEIJING_PRELIMINARY_CONTRACT_TERM_SOURCE_BEFORE)}
        returning "city_code", "version", "settings", "changed_at")
      insert into "contracts"."city_settings_change"
      select gen_random_uuid(), "city_code", "version", "settings", "changed_at", 'migration',
        'The two-year cap on a preliminary contract cites its article: Beijing Property Management Regulation art. 19 para. 3'
      from changed`);
  }
}
