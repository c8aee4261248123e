import {
  COMMITTEE_MAX_TERM,
  ELECTION_DECISION_MATTER,
  type JointDecisionMatterCode,
  type PreparatoryMemberRole,
} from '../../../catalog';

/**
 * The statutory numbers behind the areas and governance rules, each with the article it comes from. Rules read
 * them from here and nowhere else, so an amended statute is one edit. Fractions are exact rationals: they are
 * only ever compared by cross-multiplication, never turned into floats.
 */

export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * Civil Code art. 1259: "以上" includes the figure itself, "超过" (and so "过半数") does not. The statutes say which
 * one they mean, and a count exactly on the line passes or fails on it.
 */
export type Comparison = 'AT_LEAST' | 'MORE_THAN';

export interface Threshold {
  readonly fraction: Fraction;
  readonly comparison: Comparison;
  readonly source: string;
}

/** Whether part/whole reaches the threshold, compared exactly (part·d vs whole·n in bigint, so no overflow). */
export function meetsThreshold(part: number | bigint, whole: number | bigint, threshold: Threshold): boolean {
  const left = BigInt(part) * BigInt(threshold.fraction.denominator);
  const right = BigInt(whole) * BigInt(threshold.fraction.numerator);
  return threshold.comparison === 'AT_LEAST' ? left >= right : left > right;
}

// ---------------------------------------------------------------------------------------------------------------
// Owners' joint decisions (业主共同决定), Civil Code art. 278.
// ---------------------------------------------------------------------------------------------------------------

/** The nine matters of Civil Code art. 278 para. 1, in the article's order: JOINT_DECISION_MATTERS (catalog/vocabulary.ts). */
export type JointDecisionMatter = JointDecisionMatterCode;

/**
 * Items 6–8 of art. 278 para. 1 take money from owners or change what they own in common, so para. 2 asks for
 * a three-quarter consent instead of a simple majority. Using an existing maintenance fund (item 5) is an
 * ordinary matter: the Civil Code split it from raising one (Property Law art. 76 had both in one item).
 */
export const SPECIAL_MATTERS: ReadonlySet<JointDecisionMatter> = new Set<JointDecisionMatter>([
  'RAISE_MAINTENANCE_FUND',
  'REBUILD',
  'CHANGE_COMMON_USE_OR_BUSINESS',
]);

/**
 * Civil Code art. 278 para. 2: owners holding 三分之二以上 of the exclusive-part area and 三分之二以上 of the
 * owners must take part in the vote. Applied to area and to headcount separately.
 */
export const JOINT_DECISION_PARTICIPATION: Threshold = {
  fraction: { numerator: 2, denominator: 3 },
  comparison: 'AT_LEAST',
  source: 'Civil Code art. 278 para. 2',
};

/**
 * Civil Code art. 278 para. 2, items 6–8: consent of 四分之三以上 of the participating area and of the
 * participating owners.
 */
export const SPECIAL_MATTER_CONSENT: Threshold = {
  fraction: { numerator: 3, denominator: 4 },
  comparison: 'AT_LEAST',
  source: 'Civil Code art. 278 para. 2 (items 6–8)',
};

/**
 * Civil Code art. 278 para. 2, every other item: consent of 过半数 of the participating area and of the
 * participating owners; exactly half is not enough.
 */
export const ORDINARY_MATTER_CONSENT: Threshold = {
  fraction: { numerator: 1, denominator: 2 },
  comparison: 'MORE_THAN',
  source: 'Civil Code art. 278 para. 2 (other items)',
};

// ---------------------------------------------------------------------------------------------------------------
// Property-management committee (物业管理委员会, 物管会), Beijing Property Management Regulation arts. 52–59:
// the street office forms it where an owners' assembly cannot be formed, and it stands in until one is.
// ---------------------------------------------------------------------------------------------------------------

const BEIJING_PMC = 'Beijing Property Management Regulation arts. 52–59';
const BEIJING_REGULATION = 'Beijing Property Management Regulation';

/**
 * At least seven members and an odd number (七人以上单数), art. 54 para. 1: "物业管理委员会由居民委员会、村民委员会、
 * 业主、物业使用人代表等七人以上单数组成".
 */
export const PMC_MIN_MEMBERS = 7;
export const PMC_MEMBER_COUNT_SOURCE = `${BEIJING_REGULATION} art. 54 para. 1: 物业管理委员会由居民委员会、村民委员会、业主、物业使用人代表等七人以上单数组成`;

/**
 * Owner members (业主代表) are at least half of the committee, so exactly half qualifies, art. 54 para. 1:
 * "其中业主代表不少于物业管理委员会委员人数的二分之一".
 */
export const PMC_OWNER_MEMBER_SHARE: Threshold = {
  fraction: { numerator: 1, denominator: 2 },
  comparison: 'AT_LEAST',
  source: `${BEIJING_REGULATION} art. 54 para. 1: 其中业主代表不少于物业管理委员会委员人数的二分之一`,
};

/**
 * The chair is the residents' (or villagers') committee representative, art. 54 para. 2: "物业管理委员会主任由居民委员会、
 * 村民委员会代表担任，副主任由居民委员会、村民委员会指定一名业主代表担任" (property-management-committee.ts
 * CHAIR_NOT_RESIDENTS_COMMITTEE).
 */
export const PMC_CHAIR_SOURCE = `${BEIJING_REGULATION} art. 54 para. 2: 物业管理委员会主任由居民委员会、村民委员会代表担任`;

/**
 * Filed (备案) with the street office within 30 days of its formation, art. 55 para. 1: "成立业主大会但是尚未成立业主委员会
 * 的，物业管理委员会自成立之日起三十日内，持下列材料向物业所在地的街道办事处、乡镇人民政府申请备案" (only where an owners'
 * assembly is formed: PMC_FILING_CONDITION).
 */
export const PMC_FILING_DAYS = 30;
export const PMC_FILING_SOURCE = `${BEIJING_REGULATION} art. 55 para. 1`;

/**
 * A term of at most three years, art. 58: "物业管理委员会的任期一般不超过三年。期满仍未推动成立业主大会、选举产生业主委员会
 * 的，由街道办事处、乡镇人民政府重新组建物业管理委员会". The article says 一般 (as a rule); the hub holds three years as the
 * maximum (catalog/governance.ts COMMITTEE_MAX_TERM, which arrears reads too).
 */
export const PMC_MAX_TERM_YEARS = COMMITTEE_MAX_TERM.PROPERTY_MANAGEMENT_COMMITTEE.years;
export const PMC_TERM_SOURCE = `${BEIJING_REGULATION} art. 58: 物业管理委员会的任期一般不超过三年`;

/**
 * Dissolved within 30 days after an owners' committee of the area is elected and recorded, art. 59: "已成立业主大会、
 * 选举产生业主委员会，并按照本条例第四十三条规定备案的…街道办事处、乡镇人民政府应当在三十日内解散物业管理委员会，并在物业
 * 管理区域内显著位置公示".
 */
export const PMC_DISSOLUTION_DAYS = 30;
export const PMC_DISSOLUTION_SOURCE = `${BEIJING_REGULATION} art. 59: 已成立业主大会、选举产生业主委员会，并按照本条例第四十三条规定备案的…街道办事处、乡镇人民政府应当在三十日内解散物业管理委员会`;

/**
 * Recorded (予以备案) by the street office within five working days of the filing (Beijing art. 55 para. 2:
 * "街道办事处、乡镇人民政府对以上材料进行核实，符合要求的，五个工作日内予以备案"). Art. 55 writes the 30-day filing
 * and this recording for a committee of an area whose owners' assembly is formed but has no owners' committee yet
 * (para. 1: "成立业主大会但是尚未成立业主委员会的，物业管理委员会自成立之日起三十日内…申请备案"); a committee of an
 * area without an assembly applies for its seal with the street office's certificate of formation (para. 3), with no
 * period: PMC_FILING_CONDITION. Before, the hub applied both to every committee, as docs/domain.md does (a legal
 * audit, 2026-12-07: 广安门北街20号院's committee, of an area without an assembly, was listed as filed late).
 */
export const PMC_RECORDING_WORKING_DAYS = 5;
/** When the filing and recording periods above run: the area's owners' assembly on record when the committee formed. */
export const PMC_FILING_CONDITION =
  "Beijing Property Management Regulation art. 55 para. 1 (an owners' assembly formed)";
export const PMC_RECORDING_SOURCE = 'Beijing Property Management Regulation art. 55';

/**
 * The committee's decisions are posted in a conspicuous place of the area within three days after the meeting
 * (会议结束后三日内), for ten working days (公示十个工作日), Beijing art. 57 para. 3.
 */
export const PMC_DECISION_POSTING_DAYS = 3;
export const PMC_DECISION_POSTING_WORKING_DAYS = 10;
export const PMC_DECISION_POSTING_SOURCE = 'Beijing Property Management Regulation art. 57';

/**
 * Where the rules above hold: Beijing's regulation, for Beijing's divisions (GB/T 2260 11). The hub holds no other
 * city's: seed 004 has 临江市's street offices form 物业管理委员会 too, but no article of 吉林省 or 临江市 on their
 * composition, term, filing or posting could be confirmed, so a committee elsewhere is checked against none of these
 * figures and no deadline is announced for it (before, every city's was held to Beijing's articles and told so).
 */
export const PMC_RULES_DIVISIONS = { '11': BEIJING_PMC } as const;
export type PmcRules = keyof typeof PMC_RULES_DIVISIONS;

/**
 * The division of `divisions` (keyed by GB/T 2260 prefix) a district lies in, or undefined: the one look-up of the
 * rules held by city (property-management committees, preparatory groups, owners' committees).
 */
function divisionOf<K extends string>(divisions: Readonly<Record<K, unknown>>, districtCode: string): K | undefined {
  return (Object.keys(divisions) as K[]).find((d) => districtCode.startsWith(d));
}

/** The rules an area's committee is held to, by its district: Beijing's, or null where the hub holds none. */
export function pmcRulesOf(districtCode: string): PmcRules | null {
  return divisionOf(PMC_RULES_DIVISIONS, districtCode) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Preparatory group (筹备组) for an area's first owners' assembly (domain/preparatory-group.ts).
// ---------------------------------------------------------------------------------------------------------------

/** What a city's regulation requires of a preparatory group: its composition, its leader and its period. */
export interface PreparatoryGroupRules {
  /** The group's members are an odd number. */
  readonly oddMembers: boolean;
  /** The owner representatives' (业主代表) share of the members. */
  readonly ownerShare: Threshold;
  /** The article of the two figures above. */
  readonly source: string;
  /** The role its leader (组长) must hold, with the article; null where the regulation names none. */
  readonly leader: { readonly role: PreparatoryMemberRole; readonly source: string } | null;
  /** The days it has from its formation to convene the first owners' assembly, with the article; null where none. */
  readonly preparationPeriod: { readonly days: number; readonly source: string } | null;
}

/**
 * Beijing art. 31 para. 4: "筹备组人数应当为单数，其中业主代表人数不低于筹备组人数的二分之一" (an odd number of members,
 * owner representatives at least half). The hub holds no other city's: seed 004 (临江市) has the street office form the
 * group (§五(一)) but gives no composition, and no article of 吉林省 could be confirmed.
 */
export const BEIJING_PREPARATORY_GROUP_SOURCE =
  'Beijing Property Management Regulation art. 31 para. 4: 筹备组人数应当为单数，其中业主代表人数不低于筹备组人数的二分之一';
/**
 * Beijing art. 31 para. 1: the street office "指定居民委员会、村民委员会工作人员担任筹备组组长" (appoints a residents' or
 * villagers' committee staff member the group's leader): role RESIDENTS_COMMITTEE, which stands for both committees as
 * the property-management committee's chair seat does (PMC_CHAIR_SOURCE). Before, any member could lead a Beijing
 * group, the street office's own official included (a legal audit, 2026-12-07).
 */
export const BEIJING_PREPARATORY_GROUP_LEADER_SOURCE =
  'Beijing Property Management Regulation art. 31 para. 1: 指定居民委员会、村民委员会工作人员担任筹备组组长';
/**
 * Beijing art. 32 para. 4: "筹备组应当自成立之日起六十日内，组织召开首次业主大会会议" (the first assembly within 60 days of
 * the group's formation). Before, the street office entered any period or none for a Beijing group, and a group with
 * none was never overdue (a legal audit, 2026-12-07).
 */
export const BEIJING_PREPARATION_PERIOD_DAYS = 60;
export const BEIJING_PREPARATION_PERIOD_SOURCE =
  'Beijing Property Management Regulation art. 32 para. 4: 筹备组应当自成立之日起六十日内，组织召开首次业主大会会议';
export const BEIJING_PREPARATORY_GROUP_RULES: PreparatoryGroupRules = Object.freeze({
  oddMembers: true,
  ownerShare: Object.freeze({
    fraction: Object.freeze({ numerator: 1, denominator: 2 }),
    comparison: 'AT_LEAST' as const,
    source: BEIJING_PREPARATORY_GROUP_SOURCE,
  }),
  source: BEIJING_PREPARATORY_GROUP_SOURCE,
  leader: Object.freeze({ role: 'RESIDENTS_COMMITTEE' as const, source: BEIJING_PREPARATORY_GROUP_LEADER_SOURCE }),
  preparationPeriod: Object.freeze({
    days: BEIJING_PREPARATION_PERIOD_DAYS,
    source: BEIJING_PREPARATION_PERIOD_SOURCE,
  }),
});

/** Where a city's own preparatory-group rules hold, by GB/T 2260 prefix (Beijing: 11); elsewhere none. */
export const PREPARATORY_GROUP_RULES_DIVISIONS: Readonly<Record<string, PreparatoryGroupRules>> = {
  '11': BEIJING_PREPARATORY_GROUP_RULES,
};

/** The rules of an area's preparatory group (composition, leader, period), by its district: Beijing's, else none. */
export function preparatoryGroupRulesOf(districtCode: string): PreparatoryGroupRules | null {
  const division = divisionOf(PREPARATORY_GROUP_RULES_DIVISIONS, districtCode);
  return division === undefined ? null : PREPARATORY_GROUP_RULES_DIVISIONS[division];
}

// ---------------------------------------------------------------------------------------------------------------
// Owners' assembly (业主大会) and owners' committee (业主委员会): one assembly per area, formed of all its owners;
// the owners' committee is its executive body, elected by it (Property Management Regulation of the State Council
// arts. 8–9 and 15; Civil Code arts. 277–278).
// ---------------------------------------------------------------------------------------------------------------

export const OWNERS_ASSEMBLY_SOURCE =
  "State Council Property Management Regulation arts. 8–9 (all owners form one assembly per area), 15 (the owners' committee carries out its decisions)";

// ---------------------------------------------------------------------------------------------------------------
// The owners' committee's size, members and term (owners-committee.ts), by city as the property-management
// committee's rules are (pmcRulesOf): Beijing's regulation in Beijing, the Ministry's guidance elsewhere.
// ---------------------------------------------------------------------------------------------------------------

export interface OwnersCommitteeRules {
  /** The articles the figures come from. */
  readonly source: string;
  /** The fewest members, and an odd number (单数) in both texts below, so a vote cannot tie. */
  readonly minMembers: number;
  /** The most members; null where the article sets no ceiling. */
  readonly maxMembers: number | null;
  /** A residential area of at most `maxHouseholds` households (以下: the figure included, Civil Code art. 1259) may have a committee of `members`. */
  readonly smallArea: { readonly maxHouseholds: number; readonly members: number } | null;
  /** Each term (每届任期) at most this many years, to the corresponding day (Civil Code art. 202). */
  readonly maxTermYears: number;
  /** The committee applies to the street office for its recording (备案) within this many days of its election. */
  readonly filingDays: number;
  /** The street office records an application within this many working days; null where the text sets none. */
  readonly recordingWorkingDays: number | null;
  /** The article the two periods come from. */
  readonly filingSource: string;
}

/**
 * The Ministry of Housing and Urban-Rural Development's 《业主大会和业主委员会指导规则》 (建房〔2009〕274号,
 * 2009-12-01), art. 31: "业主委员会由业主大会会议选举产生，由5至11人单数组成。业主委员会委员应当是物业管理区域内的业主";
 * art. 32: "业主委员会委员实行任期制，每届任期不超过5年，可连选连任". The national guidance, held to wherever the hub holds
 * no city's own article (临江市's: seed 004 has its street offices set up owners' committees, and no article of
 * 吉林省 or 临江市 on their size or term could be confirmed).
 */
export const NATIONAL_OWNERS_COMMITTEE_RULES: OwnersCommitteeRules = {
  source: '业主大会和业主委员会指导规则 (建房〔2009〕274号) arts. 31–32',
  minMembers: 5,
  maxMembers: 11,
  smallArea: null,
  maxTermYears: COMMITTEE_MAX_TERM.OWNERS_COMMITTEE.years,
  filingDays: 30,
  recordingWorkingDays: null,
  filingSource:
    '业主大会和业主委员会指导规则 (建房〔2009〕274号) art. 33: 业主委员会应当自选举产生之日起30日内…办理备案手续 (no period for the office)',
};

/**
 * Beijing Property Management Regulation (2020, amended 2024-03-29) art. 39 para. 1: "业主委员会由五人以上单数组成，
 * 具体人数根据本物业管理区域的实际情况确定。户数一百户以下的住宅小区，业主委员会可以由三人组成"; para. 2: "业主委员会委员、
 * 候补委员应当为本物业管理区域的自然人业主或者单位业主授权的自然人代表"; art. 41 para. 1: "业主委员会委员实行任期制，
 * 每届任期不超过五年，可以连选连任". A local regulation, it sets no ceiling where the Ministry's guidance has 11, and lets
 * an area of at most 100 households have three members. Art. 43 para. 1: "业主委员会应当自选举产生之日起三十日内，持下列
 * 材料向物业所在地的街道办事处、乡镇人民政府申请备案"; para. 2: the office verifies them and "符合要求的，五个工作日内予以备案"
 * (the guidance's art. 33 has the same 30 days and gives the office no period).
 */
export const BEIJING_OWNERS_COMMITTEE_RULES: OwnersCommitteeRules = {
  source: 'Beijing Property Management Regulation arts. 39, 41',
  minMembers: 5,
  maxMembers: null,
  smallArea: { maxHouseholds: 100, members: 3 },
  maxTermYears: COMMITTEE_MAX_TERM.OWNERS_COMMITTEE.years,
  filingDays: 30,
  recordingWorkingDays: 5,
  filingSource: `${BEIJING_REGULATION} art. 43: 业主委员会应当自选举产生之日起三十日内…申请备案; 街道办事处…五个工作日内予以备案`,
};

/** Where a city's own rules hold, by GB/T 2260 prefix (Beijing: 11); elsewhere NATIONAL_OWNERS_COMMITTEE_RULES. */
export const OWNERS_COMMITTEE_RULES_DIVISIONS = { '11': BEIJING_OWNERS_COMMITTEE_RULES } as const;
/** The division whose rules an owners' committee was recorded under (kept with it); null for the national guidance. */
export type OwnersCommitteeDivision = keyof typeof OWNERS_COMMITTEE_RULES_DIVISIONS;

/** The division of an area's district whose owners' committee rules hold, or null where the national guidance does. */
export function ownersCommitteeDivisionOf(districtCode: string): OwnersCommitteeDivision | null {
  return divisionOf(OWNERS_COMMITTEE_RULES_DIVISIONS, districtCode) ?? null;
}

/** The rules of a division (ownersCommitteeDivisionOf): its own, or the national guidance for null. */
export function ownersCommitteeRulesOfDivision(division: OwnersCommitteeDivision | null): OwnersCommitteeRules {
  return division === null ? NATIONAL_OWNERS_COMMITTEE_RULES : OWNERS_COMMITTEE_RULES_DIVISIONS[division];
}

/** The rules an area's owners' committee is held to, by its district. */
export function ownersCommitteeRulesOf(districtCode: string): OwnersCommitteeRules {
  return ownersCommitteeRulesOfDivision(ownersCommitteeDivisionOf(districtCode));
}

// ---------------------------------------------------------------------------------------------------------------
// The owner registered: since when, and their death (domain/compound.ts ownerDaysOf).
// ---------------------------------------------------------------------------------------------------------------

/**
 * Heirs own the flat from the death: succession opens then (Civil Code art. 1121: "继承从被继承人死亡时开始") and
 * real property acquired by succession passes from the opening of the succession, without registration (art. 230:
 * "因继承取得物权的，自继承开始时发生效力").
 */
export const HEIRS_OWN_FROM_DEATH_SOURCE = 'Civil Code arts. 1121, 230';

/**
 * A legal person does not die: its capacity ends when it terminates (art. 59), which follows its winding up and
 * deregistration (art. 68).
 */
export const ORGANISATION_ENDS_BY_DEREGISTRATION_SOURCE = 'Civil Code arts. 59, 68';

/**
 * The owners' joint decision electing an owners' committee or replacing its members (选举业主委员会或者更换业主委员会
 * 成员), which its recording may name (owners-assembly.ts checkElectionDecision).
 */
export { ELECTION_DECISION_MATTER };
export const ELECTION_DECISION_SOURCE = 'Civil Code art. 278 para. 1 item 3';

// ---------------------------------------------------------------------------------------------------------------
// A former owner's particulars: kept while a referral may still need them (domain/former-owner-retention.ts).
// ---------------------------------------------------------------------------------------------------------------

/**
 * Personal information is kept no longer than its purpose needs: PIPL art. 19 "除法律、行政法规另有规定外，个人信息的
 * 保存期限应当为实现处理目的所必要的最短时间", and art. 47 item 1 has it erased once no longer needed.
 */
export const SHORTEST_RETENTION_SOURCE = 'Personal Information Protection Law arts. 19, 47 para. 1 item 1';

/**
 * PIPL (《个人信息保护法》, 2021-08-20) art. 47 para. 1: "有下列情形之一的，个人信息处理者应当主动删除个人信息；个人信息处理者
 * 未删除的，个人有权请求删除：（一）处理目的已实现、无法实现或者为实现处理目的不再必要；（二）个人信息处理者停止提供产品或者服务，
 * 或者保存期限已届满；…" With art. 19 (above): a former owner kept for a court's case (domain/court-case-end.ts) is
 * needed no longer once that case is over, and erased then unless the horizon for referrals still to come keeps them
 * (former-owner-retention.ts).
 */
export const DELETION_WHEN_PURPOSE_ACHIEVED =
  '个人信息保护法 第四十七条: "有下列情形之一的，个人信息处理者应当主动删除个人信息；个人信息处理者未删除的，个人有权请求删除：（一）处理目的已实现、无法实现或者为实现处理目的不再必要；（二）个人信息处理者停止提供产品或者服务，或者保存期限已届满"; 第十九条: "除法律、行政法规另有规定外，个人信息的保存期限应当为实现处理目的所必要的最短时间"';

/**
 * When a court's case against an owner is over for the hub (domain/court-case-end.ts): withdrawn (撤诉), refused
 * (不予受理) or closed (结案), as litigation reports them; or judged or settled and the period to apply for enforcement
 * run without an application: Civil Procedure Law art. 250 (2023 amendment) "申请执行的期间为二年", whose last day the
 * litigation subgraph computes and announces (`ENFORCEMENT_APPLICATION` on litigation.deadlines.v1); areas takes that
 * day and copies no rule of it.
 */
export const COURT_CASE_END_SOURCE =
  'Civil Procedure Law art. 250 (2023 amendment): "申请执行的期间为二年" (the day as litigation announces it, ENFORCEMENT_APPLICATION)';

/**
 * The period in which the company sues the seller for their months: three years (Civil Code art. 188 para. 1:
 * "向人民法院请求保护民事权利的诉讼时效期间为三年"), from each month's due date.
 */
export {
  LIMITATION_PERIOD_SOURCE as SELLER_LIMITATION_PERIOD_SOURCE,
  LIMITATION_PERIOD_YEARS as SELLER_LIMITATION_PERIOD_YEARS,
} from '../../../kernel/limitation-period';
