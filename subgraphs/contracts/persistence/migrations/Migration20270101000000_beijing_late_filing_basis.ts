import { Migration } from '@mikro-orm/migrations';

/** What Beijing's settings carried before (the match): the filing duty's source, the late-filing penalty's words. */
export const BEIJING_FILING_DEADLINE_SOURCE_BEFORE = 'Beijing Property Management Regulation art. 63';
export const BEIJING_LATE_FILING_DESCRIPTION_BEFORE = 'a warning (警告), then a fine of ¥5,000 to ¥10,000';
export const BEIJING_LATE_FILING_SOURCE_BEFORE = 'Beijing Property Management Regulation art. 91';

/** What the migration writes, as it wrote it (statutes.ts holds today's wording, which may be corrected since). */
const DEADLINE_SOURCE =
  'Beijing Property Management Regulation art. 63 para. 3: 物业服务合同签订或者变更之日起十五日内，物业服务人应当将物业服务合同报街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门备案';
const PENALTY_DESCRIPTION =
  'the street office or township government orders the filing made within a time limit and gives a warning (责令限期改正，给予警告); a fine of ¥5,000 to ¥10,000 only if it is not made by then (逾期不改的)';
const PENALTY_SOURCE =
  'Beijing Property Management Regulation art. 91: 违反本条例第六十三条规定，物业服务人未按规定将物业服务合同报街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门备案的，由街道办事处、乡镇人民政府责令限期改正，给予警告；逾期不改的，处五千元以上一万元以下的罚款';

const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * A late filing's consequence, shown to reviewers and quoted as the basis of its LATE_FILING credit entry, read "art.
 * 63; art. 91: a warning (警告), then a fine of ¥5,000 to ¥10,000". Art. 63's filing duty is its para. 3, and art. 91
 * has the street office or township government order the filing made within a time limit and warn (责令限期改正，给予
 * 警告), the fine only where it is still not made (逾期不改的). Each is replaced, with the article's words, where the
 * settings still hold what the hub wrote (an admin's own wording stays), as one new version with its reason. Entries
 * and filings recorded before keep the basis they were recorded with.
 */
export class Migration20270101000000_beijing_late_filing_basis extends Migration {
  override async up(): Promise<void> {
    const deadlineBefore = `"settings" #>> '{sources,filingDeadline}' = ${literal(BEIJING_FILING_DEADLINE_SOURCE_BEFORE)}`;
    const penaltyBefore = `("settings" #>> '{lateFilingPenalty,description}' = ${literal(BEIJING_LATE_FILING_DESCRIPTION_BEFORE)}
      and "settings" #>> '{lateFilingPenalty,source}' = ${literal(BEIJING_LATE_FILING_SOURCE_BEFORE)})`;
    this.addSql(`with changed as (
        update "contracts"."city_settings"
           set "settings" = case when ${penaltyBefore}
                 then jsonb_set(jsonb_set(s.deadline, '{lateFilingPenalty,description}', to_jsonb(${literal(PENALTY_DESCRIPTION)}::text)),
                   '{lateFilingPenalty,source}', to_jsonb(${literal(PENALTY_SOURCE)}::text))
                 else s.deadline end,
               "version" = "version" + 1, "changed_at" = now(), "changed_by" = 'migration'
          from (select "city_code" as code, case when ${deadlineBefore}
                  then jsonb_set("settings", '{sources,filingDeadline}', to_jsonb(${literal(DEADLINE_SOURCE)}::text))
                  else "settings" end as deadline
                  from "contracts"."city_settings" where "city_code" = '110000') s
         where "city_code" = s.code and (${deadlineBefore} or ${penaltyBefore})
        returning "city_code", "version", "settings", "changed_at")
      insert into "contracts"."city_settings_change"
      select gen_random_uuid(), "city_code", "version", "settings", "changed_at", 'migration',
        'A late filing''s consequence cites the articles in their words: the filing duty is art. 63 para. 3; art. 91 orders the filing made within a time limit with a warning (责令限期改正，给予警告), the fine only where it is not made by then'
      from changed`);
  }
}
