import { Migration } from '@mikro-orm/migrations';

/** The English phrase Beijing's settings carried until the certificate printed the article's words (the match). */
export const BEIJING_FILING_AUTHORITY_BEFORE = 'the street office and the district housing authority of the area';
/** The words 临江市's settings carried until the certificate printed the bureau's name alone (the match). */
export const LINJIANG_FILING_AUTHORITY_BEFORE =
  '临江市城市管理行政执法局 (the city urban-management enforcement bureau), the street office supervising';

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
    // What the migration writes, as it wrote it (statutes.ts holds today's wording, which may be corrected since).
    const cities = [
      [
        '110000',
        BEIJING_FILING_AUTHORITY_BEFORE,
        '街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门',
        'Beijing Property Management Regulation art. 63 para. 3: 物业服务人应当将物业服务合同报街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门备案',
      ],
      [
        '220681',
        LINJIANG_FILING_AUTHORITY_BEFORE,
        '临江市城市管理行政执法局',
        "《建国街道住宅小区物业管理工作实施方案》 (临江市建国街道办事处, 临建办发〔2024〕64号, 2024-08-29; seed 004) §六(七): 签订的前期物业服务合同需报市城管执法局备案 (preliminary contracts; for regular contracts no source is confirmed, and these settings send them to the same bureau); the bureau's full name as the seed's preamble writes it: 临江市城市管理行政执法局",
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
