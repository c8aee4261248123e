import { Migration } from '@mikro-orm/migrations';
import {
  BEIJING,
  BEIJING_FILING_AUTHORITY,
  BEIJING_FILING_AUTHORITY_BEFORE,
  BEIJING_FILING_AUTHORITY_SOURCE,
  LINJIANG_FILING_AUTHORITY,
  LINJIANG_FILING_AUTHORITY_BEFORE,
  LINJIANG_FILING_AUTHORITY_SOURCE,
  LINJIANG_SETTINGS,
} from '../../domain/statutes';

const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * The certificate (备案证明) prints the city's filing authority as its 备案机关: Beijing's settings held an English
 * phrase, 临江市's the bureau's name followed by English words and "the street office supervising". Each is replaced
 * by the authority in Chinese as its source names it (Beijing art. 63 para. 3; seed 004's name of the bureau), with
 * that source, as a new version with its reason, only where the settings still hold the words the hub wrote (an
 * admin's own wording stays). Certificates issued before keep what they state: their digest covers it.
 */
export class Migration20261229000000_filing_authority_in_chinese extends Migration {
  override async up(): Promise<void> {
    const cities = [
      [BEIJING.cityCode, BEIJING_FILING_AUTHORITY_BEFORE, BEIJING_FILING_AUTHORITY, BEIJING_FILING_AUTHORITY_SOURCE],
      [
        LINJIANG_SETTINGS.cityCode,
        LINJIANG_FILING_AUTHORITY_BEFORE,
        LINJIANG_FILING_AUTHORITY,
        LINJIANG_FILING_AUTHORITY_SOURCE,
      ],
    ];
    for (const [cityCode, before, authority, source] of cities) {
      this.addSql(`with changed as (
          update "contracts"."city_settings"
             set "settings" = jsonb_set(jsonb_set("settings", '{filingAuthority}', to_jsonb(${literal(authority)}::text)),
                   '{sources,filingAuthority}', to_jsonb(${literal(source)}::text)),
                 "version" = "version" + 1, "changed_at" = now(), "changed_by" = 'migration'
           where "city_code" = '${cityCode}' and "settings" ->> 'filingAuthority' = ${literal(before)}
          returning "city_code", "version", "settings", "changed_at")
        insert into "contracts"."city_settings_change"
        select gen_random_uuid(), "city_code", "version", "settings", "changed_at", 'migration',
          'The certificate prints the filing authority as 备案机关: named in Chinese as its source names it, not in English words'
        from changed`);
    }
  }
}
