import { HIRING_DECISION_MATTER, MAX_DEMAND_PERIOD_DAYS } from '../../../catalog';
import { InvalidInputError } from '../../../kernel/errors';
import { PROVINCE_CODE, cityPrefix, settingsCovering } from '../../../kernel/city-code';
import { MaterialItem, checklistProblems } from './materials';

/**
 * The statutory numbers behind the contracts rules, each with where it comes from. Rules read them from here and
 * nowhere else, so an amended statute is one edit. Filing deadlines, the agreement-selection threshold and the
 * preliminary-contract term are set by each city's regulation, not nationally, so they travel together as one
 * CitySettings value and every rule takes the settings of the area's city as an argument.
 *
 * Units: money in integer fen (分), floor areas in integer hundredths of a square metre.
 */

/** The consequence a city's regulation attaches to a contract filed after its deadline. */
export interface LateFilingPenalty {
  /** The authority first warns (警告); the fine follows only if the filing is still not put right. */
  readonly warningFirst: boolean;
  readonly fineMinFen: number;
  readonly fineMaxFen: number;
  /** The statutory consequence in words, attached to every late filing so reviewers see it without looking it up. */
  readonly description: string;
  readonly source: string;
}

/** Where each number of a city's settings comes from; shown to reviewers next to a flag the number raised. */
export const FILING_REVIEWER_ROLES = ['CITY_BUREAU', 'ENFORCEMENT_BUREAU'] as const;
export type FilingReviewerRole = (typeof FILING_REVIEWER_ROLES)[number];

export interface CitySettingSources {
  /** Null where the city has no confirmed filing deadline. */
  readonly filingDeadline: string | null;
  readonly agreementSelection: string;
  /** Null where the city sets no maximum term for preliminary contracts. */
  readonly preliminaryContractTerm: string | null;
  readonly filingAuthority: string;
  /** Null (or absent) where the city gives no notice period for credit records. */
  readonly creditNoticePeriod?: string | null;
  /** Why the small-claims province is that province; null (or absent) with the province. */
  readonly smallClaimsProvince?: string | null;
  /** Why the city's reasonable period after a demand is that many days; null (or absent) with the period. */
  readonly demandPeriod?: string | null;
}

export interface CitySettings {
  /**
   * GB/T 2260 code of the city, e.g. 110000 for Beijing, 220681 for 临江市 (a county-level city). Its significant
   * digits (trailing "00" pairs dropped) prefix the district codes of its areas; the most specific city wins.
   */
  readonly cityCode: string;
  readonly cityName: string;
  /** The regulation that governs, by name. */
  readonly regulation: string;
  /** Days after signing or amending a contract within which it must be filed (备案); null where no deadline is confirmed. */
  readonly filingDeadlineDays: number | null;
  /**
   * The largest total building floor area (建筑面积) for which a provider may be chosen by agreement; null where no
   * figure of the city is confirmed: the approval reference alone is checked, and the authority approving the
   * agreement judges the project's size.
   */
  readonly agreementSelectionMaxFloorAreaCentiM2: number | null;
  /** The longest term of a preliminary contract (前期物业服务合同), in years; null where the city sets none. */
  readonly preliminaryContractMaxYears: number | null;
  /**
   * Who receives the filings, in Chinese as the source names the authority: the certificate (备案证明) prints it as its
   * 备案机关 and verifyFilingCertificate answers it, so it must contain Chinese (defineCitySettings).
   */
  readonly filingAuthority: string;
  /**
   * The bureau role that reviews filings beside the area's street office: CITY_BUREAU (Beijing: the district housing
   * authority, or a city bureau over it) or ENFORCEMENT_BUREAU (Linjiang: 市城市管理行政执法局, seed 004 §六(七)).
   */
  readonly filingReviewerRole: FilingReviewerRole;
  /**
   * Whether the area's street office decides (accepts or returns) a filing beside that bureau: true, or absent as in
   * settings entered before it was kept, in Beijing (art. 63 files the contract with the street office and the district
   * authority); false in 临江市, where the contract is filed with the enforcement bureau and the street office
   * supervises (seed 004 §六(七)): it reads the filings, the bureau decides them.
   */
  readonly streetOfficeDecidesFilings?: boolean | null;
  /** Null where no penalty for late filing is recorded for the city; the penalty carries its own source. */
  readonly lateFilingPenalty: LateFilingPenalty | null;
  /**
   * Days after an entry (a company's conduct, an owner's listing by a court) before the credit feed publishes it, so
   * the party can object first (issue 17 §3). Null or absent where the city gives none: its entries are recorded and
   * shown to the company and the bureaus but never published. No confirmed statute gives a figure for either city.
   */
  readonly creditNoticePeriodDays?: number | null;
  /**
   * GB/T 2260 code of the province whose high court's small-claims threshold applies to the city's cases (Civil
   * Procedure Law art. 165: 50% of the province's previous-year average wage): 110000 for Beijing, 220000 (吉林省) for
   * 临江市. The litigation subgraph takes it from here (contracts.city-settings.v1), not from a court's registration.
   * Null or absent: referrals of the city's areas are UNDETERMINED, the court decides.
   */
  readonly smallClaimsProvinceCode?: string | null;
  /**
   * The reasonable period (合理期限) after a demand for payment before the company may sue (Civil Code art. 944
   * para. 2, which fixes no number of days), in days, for contracts that state none. The litigation subgraph takes it
   * from here (contracts.city-settings.v1). Null or absent: the hub operator's default applies.
   */
  readonly demandPeriodDays?: number | null;
  readonly sources: CitySettingSources;
  /**
   * The materials checklist (materials.ts): what a filing of each contract kind must carry, each item with its
   * source. Absent in settings entered before the checklist existed: then only the contract text is required.
   */
  readonly materials?: readonly MaterialItem[];
}

// ---------------------------------------------------------------------------------------------------------------
// Beijing: Beijing Property Management Regulation (北京市物业管理条例).
// ---------------------------------------------------------------------------------------------------------------

/**
 * Art. 63 para. 3, the filing duty: the provider files the contract within 15 days of signing it, and again within 15
 * days of amending it ("物业服务合同签订或者变更之日起十五日内，物业服务人应当将物业服务合同报街道办事处、乡镇人民政府、
 * 区住房和城乡建设或者房屋主管部门备案"). Before, the source named "art. 63" alone, whose first two paragraphs are on
 * signing the contract and on valuing the fee.
 */
export const BEIJING_FILING_DEADLINE_DAYS = 15;
export const BEIJING_FILING_DEADLINE_SOURCE =
  'Beijing Property Management Regulation art. 63 para. 3: 物业服务合同签订或者变更之日起十五日内，物业服务人应当将物业服务合同报街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门备案';

/**
 * Art. 63 para. 3 names the authorities a contract is filed with: "物业服务合同签订或者变更之日起十五日内，物业服务人应当
 * 将物业服务合同报街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门备案" (the street office or township
 * government, and the district housing authority). The certificate (备案证明) prints this as its 备案机关, in the
 * article's words: the hub knows the deciding reviewer by organisation id and role only (Filing versions' reviewedBy,
 * reviewerRole), not by a Chinese name it could print. Before, an English phrase ("the street office and the district
 * housing authority of the area") stood as 备案机关 on the Chinese paper.
 */
export const BEIJING_FILING_AUTHORITY = '街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门';
export const BEIJING_FILING_AUTHORITY_SOURCE =
  'Beijing Property Management Regulation art. 63 para. 3: 物业服务人应当将物业服务合同报街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门备案';

/**
 * Art. 91, the liability for art. 63 para. 3: "违反本条例第六十三条规定，物业服务人未按规定将物业服务合同报街道办事处、
 * 乡镇人民政府、区住房和城乡建设或者房屋主管部门备案的，由街道办事处、乡镇人民政府责令限期改正，给予警告；逾期不改的，处五千元
 * 以上一万元以下的罚款". The street office or township government orders the filing made within a time limit and warns;
 * the fine follows only where the filing is still not made by then. Before, the description read "a warning (警告),
 * then a fine of ¥5,000 to ¥10,000", leaving out the order to put it right and making the fine follow the warning as
 * such; a LATE_FILING credit entry, recorded once the filing is accepted (that is, made), quoted it as its basis.
 */
export const BEIJING_LATE_FILING_PENALTY: LateFilingPenalty = {
  warningFirst: true,
  fineMinFen: 500_000,
  fineMaxFen: 1_000_000,
  description:
    'the street office or township government orders the filing made within a time limit and gives a warning (责令限期改正，给予警告); a fine of ¥5,000 to ¥10,000 only if it is not made by then (逾期不改的)',
  source:
    'Beijing Property Management Regulation art. 91: 违反本条例第六十三条规定，物业服务人未按规定将物业服务合同报街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门备案的，由街道办事处、乡镇人民政府责令限期改正，给予警告；逾期不改的，处五千元以上一万元以下的罚款',
};

/**
 * A preliminary contract (signed by the developer before the owners organise) runs at most two years in Beijing, art.
 * 19 para. 3: "前期物业服务合同期限最长不超过二年，具体期限在前期物业服务合同中约定" (不超过: two years itself qualifies).
 * Before, the source cited docs/domain.md only.
 */
export const BEIJING_PRELIMINARY_CONTRACT_MAX_YEARS = 2;
export const BEIJING_PRELIMINARY_CONTRACT_TERM_SOURCE =
  'Beijing Property Management Regulation art. 19 para. 3: 前期物业服务合同期限最长不超过二年，具体期限在前期物业服务合同中约定';

// ---------------------------------------------------------------------------------------------------------------
// Choosing a provider by agreement (协议方式选聘) instead of by tender (招投标).
// ---------------------------------------------------------------------------------------------------------------

/**
 * State Council Property Management Regulation (物业管理条例) art. 24: the developer of residential property
 * chooses the provider by tender; where fewer than three bid or the project is small ("投标人少于3个或者住宅规模较小
 * 的"), the housing authority may approve choosing one by agreement (selection.ts AGREEMENT_GROUNDS). "Small" is left
 * to the cities. Seed 004 (Linjiang, 临建办发〔2024〕64号, section 6 item 7):
 * "建筑面积不超过三万平方米的，经市城管执法局批准，可以采取协议方式选聘". Qingdao uses the same 30,000 m²; other
 * cities 40,000 or 50,000 m². "不超过" includes the figure itself (Civil Code art. 1259), so exactly 30,000.00 m²
 * still qualifies.
 */
export const SEED_004_AGREEMENT_SELECTION_MAX_FLOOR_AREA_CENTI_M2 = 3_000_000;
export const BEIJING_AGREEMENT_SELECTION_SOURCE =
  'State Council Property Management Regulation art. 24; no Beijing figure for "住宅规模较小" is confirmed in our sources, so none is held: the approval reference alone is checked';

/**
 * The owners choose the provider of a regular contract: Civil Code art. 278 para. 1 item 4 (选聘和解聘物业服务企业或者
 * 其他管理人) is decided by the owners jointly, and art. 939 binds the owners to a contract the owners' committee signs
 * with the provider the owners' assembly chose lawfully (业主委员会与业主大会依法选聘的物业服务人订立的物业服务合同，
 * 对业主具有法律约束力). The decision is recorded with its verdict in the areas subgraph.
 */
export { HIRING_DECISION_MATTER };
export const HIRING_DECISION_SOURCE =
  "Civil Code art. 278 para. 1 item 4 (the owners jointly decide on hiring the provider) and art. 939 (a contract with the provider the owners' assembly chose lawfully binds the owners)";

/** Beijing is a province-level municipality: its own high court publishes the threshold (art. 165). */
export const BEIJING_SMALL_CLAIMS_PROVINCE_SOURCE =
  'GB/T 2260: 北京市 (110000) is a province-level municipality; Civil Procedure Law art. 165 takes its average wage';

/**
 * Beijing's settings. No agreement threshold is held: the seeds give none for Beijing, and before, seed 004's 30,000 m²
 * of 临江市 stood in for it, refusing or allowing Beijing contracts on another city's figure (a helper's legal audit,
 * 2026-12-04). The admin enters Beijing's own figure with setCitySettings once confirmed.
 */
export const BEIJING: CitySettings = Object.freeze({
  cityCode: '110000',
  cityName: '北京市',
  regulation: '北京市物业管理条例 (Beijing Property Management Regulation)',
  filingDeadlineDays: BEIJING_FILING_DEADLINE_DAYS,
  agreementSelectionMaxFloorAreaCentiM2: null,
  preliminaryContractMaxYears: BEIJING_PRELIMINARY_CONTRACT_MAX_YEARS,
  filingAuthority: BEIJING_FILING_AUTHORITY,
  filingReviewerRole: 'CITY_BUREAU',
  streetOfficeDecidesFilings: true,
  lateFilingPenalty: BEIJING_LATE_FILING_PENALTY,
  // No confirmed Beijing provision gives a notice period before a credit record is published: none is set.
  creditNoticePeriodDays: null,
  smallClaimsProvinceCode: '110000',
  sources: Object.freeze({
    creditNoticePeriod: null,
    smallClaimsProvince: BEIJING_SMALL_CLAIMS_PROVINCE_SOURCE,
    filingDeadline: BEIJING_FILING_DEADLINE_SOURCE,
    agreementSelection: BEIJING_AGREEMENT_SELECTION_SOURCE,
    preliminaryContractTerm: BEIJING_PRELIMINARY_CONTRACT_TERM_SOURCE,
    filingAuthority: BEIJING_FILING_AUTHORITY_SOURCE,
  }),
});

/**
 * Beijing's materials checklist. Art. 63 files the contract; Civil Code art. 278 gives the choice of a provider to
 * the owners jointly, so a regular contract's filing should carry their decision. The decision and the signatories'
 * authority are listed as recommended, not required, until the operator confirms Beijing's own list: requiring them
 * would refuse filings the bureaus take today.
 */
export const BEIJING_MATERIALS: readonly MaterialItem[] = Object.freeze([
  {
    documentType: 'CONTRACT_TEXT',
    label: '物业服务合同文本 (the signed contract text)',
    contractKinds: ['PRELIMINARY', 'REGULAR'],
    selectionMethods: null,
    required: true,
    source: BEIJING_FILING_DEADLINE_SOURCE,
  },
  {
    documentType: 'JOINT_DECISION',
    label: '业主共同决定选聘物业服务人的决定 (the owners’ decision choosing the provider)',
    contractKinds: ['REGULAR'],
    selectionMethods: null,
    required: false,
    source: 'Civil Code art. 278 (选聘和解聘物业服务企业或者其他管理人 is decided by the owners jointly)',
  },
  {
    documentType: 'SIGNATORY_AUTHORITY',
    label: '签约人授权文件 (the signatories’ authority)',
    contractKinds: ['PRELIMINARY', 'REGULAR'],
    selectionMethods: null,
    required: false,
    source: null,
  },
] satisfies MaterialItem[]);
// ---------------------------------------------------------------------------------------------------------------
// A contract that continues after its term (不定期物业服务合同), nationally: Civil Code arts. 947, 948.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Art. 947 para. 2: a provider that will not continue must say so in writing ninety days before the term ends
 * ("物业服务人不同意续聘的，应当在合同期限届满前九十日书面通知业主或者业主委员会"). From that day on its silence is what
 * art. 948 builds on, so the hub takes the provider's record that it continues serving (recordContinuedService) from
 * ninety days before the term's last day, not earlier: a record a year ahead would be a promise, not the fact that
 * it goes on serving once no renewal or other provider has been decided.
 */
export const CONTINUED_SERVICE_RECORDABLE_DAYS_BEFORE_END = 90;
export const CONTINUED_SERVICE_RECORDABLE_SOURCE =
  'Civil Code art. 947 para. 2: 物业服务人不同意续聘的，应当在合同期限届满前九十日书面通知业主或者业主委员会';

/**
 * Art. 948: after the term, with no lawful decision of the owners to renew or hire another provider, a provider that
 * goes on serving does so under the same contract for an unfixed term (原物业服务合同继续有效，但是服务期限为不定期),
 * which either party may end at any time with sixty days' written notice (当事人可以随时解除不定期物业服务合同，但是应当
 * 提前六十日书面通知对方). Beijing's regulation art. 75 para. 2 says the same (任何一方提出终止合同的，应当提前六十日书面
 * 告知对方), and art. 19 para. 3 has a preliminary provider serve on until the owners' new contract takes effect.
 */
export const UNFIXED_TERM_NOTICE_DAYS = 60;
export const UNFIXED_TERM_SOURCE =
  'Civil Code art. 948: 原物业服务合同继续有效，但是服务期限为不定期。当事人可以随时解除不定期物业服务合同，但是应当提前六十日书面通知对方';

/**
 * Beijing regulation art. 76 para. 1: a provider the owners dismissed hands over within thirty days of the notice
 * ("业主共同决定解聘物业服务人的，物业服务人应当自接到通知之日起三十日内履行下列交接义务，并且退出物业管理区域"). Named in the
 * refusal of a handover day past MAX_HANDOVER_YEARS_AFTER_TERMINATION, not enforced: it runs from the owners' dismissal
 * notice, which a termination does not record (its reason is free text, and a provider's own notice or an agreed end
 * has no such period: Civil Code art. 949 para. 1 "在约定期限或者合理期限内退出"), and a late handover is a breach to
 * record (art. 949 para. 2: no fee after the end), not a day to refuse.
 */
export const BEIJING_DISMISSAL_HANDOVER_DAYS = 30;
/**
 * An input bound, not a statute: the handover day a termination states is at most a year after its `terminatedOn`.
 * Before, any day to the LocalDate scalar's fifty years ahead was taken and published as the handover.
 */
export const MAX_HANDOVER_YEARS_AFTER_TERMINATION = 1;

/**
 * A contract in writing is formed when the parties have signed it, Civil Code art. 490 para. 1 ("当事人采用合同书形式
 * 订立合同的，自当事人均签名、盖章或者按指印时合同成立"), and an amendment changes a contract the parties have, art. 543
 * ("当事人协商一致，可以变更合同"): one agreed before the signing day changes nothing (contract.ts
 * assertAmendedOnceSigned). Filing is no condition of the contract's existence (Beijing art. 63 para. 3 is a duty to
 * file within 15 days), so an amendment agreed after signing but before the filing was accepted is a real one.
 */
export const AMENDMENT_AFTER_SIGNING_SOURCE =
  'Civil Code art. 490 para. 1: 当事人采用合同书形式订立合同的，自当事人均签名、盖章或者按指印时合同成立; art. 543: 当事人协商一致，可以变更合同';

/** An input bound, not a statute: a notice period beyond a year would hold entries back indefinitely. */
export const MAX_CREDIT_NOTICE_DAYS = 365;
/** An input bound, not a statute (Civil Code art. 944 para. 2 names no number): the catalog's, for cities and contracts. */
export { MAX_DEMAND_PERIOD_DAYS };

const positiveWhole = (value: unknown, max = Number.MAX_SAFE_INTEGER): boolean =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && value <= max;

/**
 * Input bounds of a city's periods, not statutes: the longest filing deadline a city may set (a year) and the longest
 * cap on a preliminary contract (20 years). Unbounded, an admin's typo of 100,000,000 days put every deadline past
 * year 9999 and failed each draft of that city.
 */
export const MAX_FILING_DEADLINE_DAYS = 366;
export const MAX_PRELIMINARY_CONTRACT_YEARS = 20;
const text = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
/** A Chinese character: a filing authority printed on the Chinese certificate is named in Chinese. */
const HAN = /\p{Script=Han}/u;

/**
 * Checks another city's settings (they come from configuration, not code) and returns a frozen copy. Every problem
 * is reported at once, by field.
 */
export function defineCitySettings(settings: CitySettings): CitySettings {
  const fields: Record<string, string> = {};
  if (typeof settings.cityCode !== 'string' || !/^[1-9][0-9](?:[0-9]{2}){2}$/.test(settings.cityCode))
    fields.cityCode = 'cityCode must be a 6-digit GB/T 2260 code';
  if (!text(settings.cityName)) fields.cityName = 'cityName must not be empty';
  if (!text(settings.regulation)) fields.regulation = 'regulation must not be empty';
  if (!FILING_REVIEWER_ROLES.includes(settings.filingReviewerRole))
    fields.filingReviewerRole = `one of ${FILING_REVIEWER_ROLES.join(', ')}`;
  if (settings.streetOfficeDecidesFilings != null && typeof settings.streetOfficeDecidesFilings !== 'boolean')
    fields.streetOfficeDecidesFilings = 'true, false or null';
  if (settings.filingDeadlineDays !== null && !positiveWhole(settings.filingDeadlineDays, MAX_FILING_DEADLINE_DAYS)) {
    fields.filingDeadlineDays = `filingDeadlineDays must be a whole number of days, 1–${MAX_FILING_DEADLINE_DAYS}, or null`;
  }
  if (
    settings.agreementSelectionMaxFloorAreaCentiM2 !== null &&
    !positiveWhole(settings.agreementSelectionMaxFloorAreaCentiM2)
  ) {
    fields.agreementSelectionMaxFloorAreaCentiM2 =
      'the agreement threshold must be a positive whole number of hundredths of m², or null';
  }
  if (
    settings.preliminaryContractMaxYears !== null &&
    !positiveWhole(settings.preliminaryContractMaxYears, MAX_PRELIMINARY_CONTRACT_YEARS)
  ) {
    fields.preliminaryContractMaxYears = `preliminaryContractMaxYears must be a whole number of years, 1–${MAX_PRELIMINARY_CONTRACT_YEARS}, or null`;
  }
  if (!text(settings.filingAuthority)) fields.filingAuthority = 'filingAuthority must not be empty';
  else if (!HAN.test(settings.filingAuthority))
    fields.filingAuthority = 'the authority in Chinese, as its source names it: the certificate prints it as 备案机关';
  const penalty = settings.lateFilingPenalty;
  if (penalty !== null) {
    const fen = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    if (!fen(penalty.fineMinFen) || !fen(penalty.fineMaxFen) || penalty.fineMinFen > penalty.fineMaxFen) {
      fields.lateFilingPenalty = 'the fine must be whole fen, 0 or more, with the minimum not above the maximum';
    } else if (!text(penalty.description) || !text(penalty.source)) {
      fields.lateFilingPenalty = 'the penalty needs a description and a source';
    }
  }
  const sources = settings.sources;
  if (!sources || !text(sources.agreementSelection) || !text(sources.filingAuthority)) {
    fields.sources = 'the agreement threshold and filing authority each need a source';
  } else if (
    (settings.filingDeadlineDays === null) !== (sources.filingDeadline === null) ||
    (sources.filingDeadline !== null && !text(sources.filingDeadline))
  ) {
    fields.sources = 'a filing deadline needs a source, and only a deadline has one';
  } else if ((settings.preliminaryContractMaxYears === null) !== (sources.preliminaryContractTerm === null)) {
    fields.sources = 'a preliminary-contract maximum needs a source, and only a maximum has one';
  } else if (
    ((settings.creditNoticePeriodDays ?? null) === null) !== ((sources.creditNoticePeriod ?? null) === null) ||
    (sources.creditNoticePeriod != null && !text(sources.creditNoticePeriod))
  ) {
    fields.sources = 'a credit notice period needs a source, and only a period has one';
  } else if (
    ((settings.demandPeriodDays ?? null) === null) !== ((sources.demandPeriod ?? null) === null) ||
    (sources.demandPeriod != null && !text(sources.demandPeriod))
  ) {
    fields.sources = 'a demand period needs a source, and only a period has one';
  }
  const province = settings.smallClaimsProvinceCode ?? null;
  if (province !== null && (typeof province !== 'string' || !PROVINCE_CODE.test(province)))
    fields.smallClaimsProvinceCode = 'a GB/T 2260 province code (two digits and 0000, e.g. 220000), or null';
  else if (
    (province === null) !== ((sources?.smallClaimsProvince ?? null) === null) ||
    (province !== null && !text(sources.smallClaimsProvince))
  )
    fields.smallClaimsProvinceCode = 'a small-claims province needs a source, and only a province has one';
  if (
    settings.creditNoticePeriodDays != null &&
    (!positiveWhole(settings.creditNoticePeriodDays) || settings.creditNoticePeriodDays > MAX_CREDIT_NOTICE_DAYS)
  ) {
    fields.creditNoticePeriodDays = `creditNoticePeriodDays must be a whole number of days from 1 to ${MAX_CREDIT_NOTICE_DAYS}, or null`;
  }
  if (
    settings.demandPeriodDays != null &&
    (!positiveWhole(settings.demandPeriodDays) || settings.demandPeriodDays > MAX_DEMAND_PERIOD_DAYS)
  ) {
    fields.demandPeriodDays = `demandPeriodDays must be a whole number of days from 1 to ${MAX_DEMAND_PERIOD_DAYS}, or null`;
  }
  Object.assign(fields, checklistProblems(settings.materials));
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The city settings are invalid', { fields });
  return Object.freeze({
    ...settings,
    ...(settings.materials === undefined
      ? {}
      : { materials: Object.freeze(settings.materials.map((m) => Object.freeze({ ...m }))) }),
    lateFilingPenalty: penalty === null ? null : Object.freeze({ ...penalty }),
    sources: Object.freeze({ ...sources }),
  });
}

export { cityPrefix, settingsCovering };

// ---------------------------------------------------------------------------------------------------------------
// 临江市 (Jilin province, under 白山市; GB/T 2260 220681). Seed 004 (临建办发〔2024〕64号) §六(七): the
// 市城市管理行政执法局 approves agreement selection for new estates of at most 30,000 m² and receives the
// preliminary-contract filings. The 吉林省物业管理条例 governs; none of its articles could be confirmed from the
// sources available, so none is cited and no filing deadline, preliminary term or late-filing penalty is set. Seed
// 004 names the bureau for preliminary contracts only; no source is confirmed for regular contracts, which these
// settings send to the same bureau (the sources say so).
// These are the settings the demo enters through setCitySettings; they are data, not code the rules read.
// ---------------------------------------------------------------------------------------------------------------
export const SEED_004_SOURCE =
  '《建国街道住宅小区物业管理工作实施方案》 (临江市建国街道办事处, 临建办发〔2024〕64号, 2024-08-29; seed 004) §六(七)';

export const LINJIANG_FILING_AUTHORITY = '临江市城市管理行政执法局';
export const LINJIANG_FILING_AUTHORITY_SOURCE = `${SEED_004_SOURCE}: 签订的前期物业服务合同需报市城管执法局备案 (preliminary contracts; for regular contracts no source is confirmed, and these settings send them to the same bureau); the bureau's full name as the seed's preamble writes it: 临江市城市管理行政执法局`;

export const LINJIANG_SETTINGS: CitySettings = Object.freeze({
  cityCode: '220681',
  cityName: '临江市',
  regulation: '吉林省物业管理条例 (articles not confirmed: none cited)',
  filingDeadlineDays: null,
  agreementSelectionMaxFloorAreaCentiM2: SEED_004_AGREEMENT_SELECTION_MAX_FLOOR_AREA_CENTI_M2,
  preliminaryContractMaxYears: null,
  // The bureau's name as seed 004 writes it in full (its preamble: 临江市城市管理行政执法局（代）下发…); §六(七) abbreviates
  // it 市城管执法局. The street office's supervision is streetOfficeDecidesFilings false, not part of the name.
  filingAuthority: LINJIANG_FILING_AUTHORITY,
  filingReviewerRole: 'ENFORCEMENT_BUREAU',
  // 签订的前期物业服务合同需报市城管执法局备案; the street office supervises the developer's choice (seed 004 §六(七)).
  streetOfficeDecidesFilings: false,
  lateFilingPenalty: null,
  materials: Object.freeze([
    {
      documentType: 'CONTRACT_TEXT',
      label: '物业服务合同文本 (the signed contract text)',
      contractKinds: ['PRELIMINARY', 'REGULAR'],
      selectionMethods: null,
      required: true,
      source: null,
    },
    {
      documentType: 'SELECTION_APPROVAL',
      label: '市城管执法局协议选聘批准文件 (the bureau’s approval of choosing the provider by agreement)',
      contractKinds: ['PRELIMINARY'],
      selectionMethods: ['AGREEMENT'],
      required: true,
      source: `${SEED_004_SOURCE}: 建筑面积不超过三万平方米的，经市城管执法局批准，可以采取协议方式选聘`,
    },
    {
      documentType: 'TENDER_RESULT',
      label: '招投标结果 (the tender result)',
      contractKinds: ['PRELIMINARY'],
      selectionMethods: ['TENDER'],
      required: true,
      source: null,
    },
    {
      documentType: 'JOINT_DECISION',
      label: '业主共同决定选聘物业服务人的决定 (the owners’ decision choosing the provider)',
      contractKinds: ['REGULAR'],
      selectionMethods: null,
      required: false,
      source: 'Civil Code art. 278',
    },
  ] satisfies MaterialItem[]),
  // Seed 004 §六(六) only says 探索将拒交物业费的纳入个人征信; no notice period could be tied to a source.
  creditNoticePeriodDays: null,
  // 吉林省's threshold applies; no figure of the 吉林省高级人民法院 is seeded (README › Litigation: none confirmed).
  smallClaimsProvinceCode: '220000',
  sources: Object.freeze({
    creditNoticePeriod: null,
    smallClaimsProvince:
      'GB/T 2260: 临江市 (220681) is a county-level city of 白山市 (220600), 吉林省 (220000); Civil Procedure Law art. 165 takes the province’s average wage',
    filingDeadline: null,
    agreementSelection: `State Council Property Management Regulation art. 24; ${SEED_004_SOURCE}: 建筑面积不超过三万平方米的，经市城管执法局批准，可以采取协议方式选聘`,
    preliminaryContractTerm: null,
    filingAuthority: LINJIANG_FILING_AUTHORITY_SOURCE,
  }),
});
