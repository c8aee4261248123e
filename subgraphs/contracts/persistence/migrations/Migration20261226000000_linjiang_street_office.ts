import { Migration } from '@mikro-orm/migrations';
import { LINJIANG_SETTINGS } from '../../domain/statutes';

/**
 * 临江市's street office supervises and its enforcement bureau decides a filing (seed 004 §六(七):
 * 签订的前期物业服务合同需报市城管执法局备案): settings of 临江市 entered before `streetOfficeDecidesFilings` was kept
 * have it set false, as a new version with its reason in the audit trail. Other cities' are left as they were (absent:
 * the street office decides, as before).
 */
export class Migration20261226000000_linjiang_street_office extends Migration {
  override async up(): Promise<void> {
    // The source as this migration wrote it (statutes.ts's SEED_004_SOURCE has since been corrected): a migration
    // writes what it wrote.
    const reason =
      'The street office supervises and the enforcement bureau decides filings: 临江市建国街道2024年工作方案 (seed 004) §六(七), under 临建办发〔2024〕64号';
    this.addSql(`with changed as (
        update "contracts"."city_settings"
           set "settings" = jsonb_set("settings", '{streetOfficeDecidesFilings}', 'false'),
               "version" = "version" + 1, "changed_at" = now(), "changed_by" = 'migration'
         where "city_code" = '${LINJIANG_SETTINGS.cityCode}' and "settings" -> 'streetOfficeDecidesFilings' is null
           and "settings" ->> 'filingReviewerRole' = 'ENFORCEMENT_BUREAU'
        returning "city_code", "version", "settings", "changed_at")
      insert into "contracts"."city_settings_change"
      select gen_random_uuid(), "city_code", "version", "settings", "changed_at", 'migration', '${reason}'
      from changed`);
  }
}
