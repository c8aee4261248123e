import { Migration } from '@mikro-orm/migrations';
import {
  BEIJING,
  BEIJING_AGREEMENT_SELECTION_SOURCE,
  SEED_004_AGREEMENT_SELECTION_MAX_FLOOR_AREA_CENTI_M2,
} from '../../domain/statutes';

/**
 * Beijing holds no agreement-selection threshold (statutes.ts BEIJING, since ad55be5): a database migrated before kept
 * the 30,000 m² of seed 004 (临江市) that had stood in for it, so Beijing contracts there were still refused or allowed
 * on another city's figure. The stand-in is removed where the migrations wrote it and no admin has changed Beijing's
 * settings since (an admin's own figure stays), as a new version with its reason in the audit trail.
 */
export class Migration20261207000000_beijing_agreement_threshold extends Migration {
  override async up(): Promise<void> {
    const source = JSON.stringify(BEIJING_AGREEMENT_SELECTION_SOURCE).replace(/'/g, "''");
    this.addSql(`with changed as (
        update "contracts"."city_settings"
           set "settings" = jsonb_set(jsonb_set("settings", '{agreementSelectionMaxFloorAreaCentiM2}', 'null'),
                 '{sources,agreementSelection}', '${source}'::jsonb),
               "version" = "version" + 1, "changed_at" = now()
         where "city_code" = '${BEIJING.cityCode}' and "changed_by" = 'migration'
           and "settings" -> 'agreementSelectionMaxFloorAreaCentiM2' = '${SEED_004_AGREEMENT_SELECTION_MAX_FLOOR_AREA_CENTI_M2}'::jsonb
        returning "city_code", "version", "settings", "changed_at")
      insert into "contracts"."city_settings_change"
      select gen_random_uuid(), "city_code", "version", "settings", "changed_at", 'migration',
        'Beijing holds no agreement-selection threshold: the 30,000 m² of seed 004 (临江市) that stood in for it is removed; the admin enters Beijing''s own figure once confirmed'
      from changed`);
  }
}
