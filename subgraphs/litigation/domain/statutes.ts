import { DomainError } from '../../../kernel/errors';
import { IsoDate } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';

/**
 * The statutory numbers behind the litigation rules, each with where it comes from. Rules read them from here and
 * nowhere else, so an amended statute or a newly published threshold is one edit.
 *
 * Article numbers are those of the Civil Procedure Law (民事诉讼法) as amended in 2021 (in force 2022-01-01), which the
 * 2023 amendment kept for the small-claims chapter. Money in integer fen (分).
 */

// ---------------------------------------------------------------------------------------------------------------
// Small claims (小额诉讼): Civil Procedure Law arts. 165–169.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Art. 165: a simple money claim "标的额为各省、自治区、直辖市上年度就业人员年平均工资百分之五十以下的" must be tried
 * under the small-claims procedure (one instance, final); "超过…百分之五十但在二倍以下的，当事人双方也可以约定适用".
 * "以下" includes the figure itself (Civil Code art. 1259), so a claim of exactly the threshold is a small claim.
 */
export const SMALL_CLAIMS_MANDATORY_PERCENT_OF_WAGE = 50;
export const SMALL_CLAIMS_CONSENT_PERCENT_OF_WAGE = 200;
export const SMALL_CLAIMS_SOURCE = 'Civil Procedure Law art. 165 (2021 amendment)';

/**
 * Art. 166: cases the small-claims procedure never applies to, whatever the amount. Item 6 ("其他不宜适用") is the
 * court's catch-all; the hub records it when the court says so.
 */
export const SMALL_CLAIMS_EXCLUSIONS = Object.freeze({
  PERSONAL_STATUS_OR_PROPERTY_TITLE:
    'art. 166 item 1: a case about personal status or confirming title to property (人身关系、财产确权)',
  FOREIGN_RELATED: 'art. 166 item 2: a foreign-related case (涉外案件)',
  NEEDS_APPRAISAL:
    'art. 166 item 3: the case needs valuation or appraisal, or a party disputes a pre-suit one (需要评估、鉴定)',
  WHEREABOUTS_UNKNOWN: "art. 166 item 4: a party's whereabouts are unknown (一方当事人下落不明)",
  COUNTERCLAIM: 'art. 166 item 5: a party has filed a counterclaim (反诉)',
  OTHER_UNSUITABLE: 'art. 166 item 6: the court finds the case otherwise unsuitable for the small-claims procedure',
} as const);
export type SmallClaimsExclusion = keyof typeof SMALL_CLAIMS_EXCLUSIONS;
export const SMALL_CLAIMS_EXCLUSION_NAMES = Object.freeze(
  Object.keys(SMALL_CLAIMS_EXCLUSIONS) as SmallClaimsExclusion[],
);

/**
 * Art. 168: "应当在立案之日起两个月内审结。有特殊情况需要延长的，经本院院长批准，可以延长一个月" — decided within two
 * months of docketing; the court president may extend once, by one month.
 */
/**
 * What counts as 诉讼费用 (court costs): 诉讼费用交纳办法 (State Council, 2006) art. 6, "案件受理费；申请费；证人、鉴定人、
 * 翻译人员、理算人员在人民法院指定日期出庭发生的交通费、住宿费、生活费和误工补贴". The court assesses them and decides
 * who bears them (art. 29: 由败诉方负担), so a complaint only asks that the defendant bear them (the model complaint's
 * "是否主张诉讼费用 是□ 否□"); they are not part of the amount in dispute. Any other sum the company claims (a lawyer's fee
 * the contract puts on the owner, say) is a claim of its own (其他请求), part of the amount in dispute (标的额) that
 * decides the procedure (Civil Procedure Law art. 165).
 */
export const COURT_COSTS_SOURCE = '诉讼费用交纳办法 arts. 6, 29; Civil Procedure Law art. 165 (标的额)';

/**
 * The case acceptance fee (案件受理费) of a property case (财产案件), 诉讼费用交纳办法 art. 13 item 1: "根据诉讼请求的金额
 * 或者价额，按照下列比例分段累计交纳：1．不超过1万元的，每件交纳50元；2．超过1万元至10万元的部分，按照2.5%交纳；3．超过
 * 10万元至20万元的部分，按照2%交纳；4．超过20万元至50万元的部分，按照1.5%交纳；5．超过50万元至100万元的部分，按照1%交纳；
 * 6．超过100万元至200万元的部分，按照0.9%交纳；7．超过200万元至500万元的部分，按照0.8%交纳；8．超过500万元至1000万元的
 * 部分，按照0.7%交纳；9．超过1000万元至2000万元的部分，按照0.6%交纳；10．超过2000万元的部分，按照0.5%交纳。" Each band:
 * the part of the amount above `aboveFen` (up to the next band's) at `perTenThousand` ten-thousandths. Art. 16: "适用简易
 * 程序审理的案件减半交纳案件受理费" (small claims are tried under the simple procedure: Civil Procedure Law chapter 13,
 * arts. 160–170); art. 15: "以调解方式结案或者当事人申请撤诉的，减半交纳案件受理费"; the SPC's interpretation of the Civil
 * Procedure Law (2022) art. 206: "只能减半一次". Art. 20: the plaintiff pays it in advance (预交); art. 29: the losing
 * party bears it.
 */
export const CASE_ACCEPTANCE_FEE_MINIMUM_FEN: Fen = 5_000;
export const CASE_ACCEPTANCE_FEE_BANDS: readonly { aboveFen: Fen; perTenThousand: number }[] = Object.freeze([
  { aboveFen: 1_000_000, perTenThousand: 250 },
  { aboveFen: 10_000_000, perTenThousand: 200 },
  { aboveFen: 20_000_000, perTenThousand: 150 },
  { aboveFen: 50_000_000, perTenThousand: 100 },
  { aboveFen: 100_000_000, perTenThousand: 90 },
  { aboveFen: 200_000_000, perTenThousand: 80 },
  { aboveFen: 500_000_000, perTenThousand: 70 },
  { aboveFen: 1_000_000_000, perTenThousand: 60 },
  { aboveFen: 2_000_000_000, perTenThousand: 50 },
]);
export const CASE_ACCEPTANCE_FEE_SOURCE = '诉讼费用交纳办法 art. 13 item 1';
export const SIMPLE_PROCEDURE_HALF_FEE_SOURCE =
  '诉讼费用交纳办法 art. 16 (适用简易程序审理的案件减半交纳案件受理费; small claims are tried under the simple procedure: Civil Procedure Law chapter 13, arts. 160–170)';

/**
 * The fee of a consolidated batch (合并审理) is the sum of its cases' fees, each on its own amount, never art. 13 item
 * 1's scale on the batch's combined amount. The fee is per case: "不超过1万元的，每件交纳50元" (art. 13 item 1), and
 * a batch joins separate cases, one owner each, for the court's calendar (consolidation.ts): each keeps its own amount
 * and procedure (Civil Procedure Law art. 165) and the court dockets each with its own case number. The articles on
 * combining do not reach such a batch: 诉讼费用交纳办法 art. 18 is about claims joined to one case, "被告提起反诉、有独立
 * 请求权的第三人提出与本案有关的诉讼请求，人民法院决定合并审理的，分别减半交纳案件受理费" (a counterclaim also takes a
 * case out of small claims, Civil Procedure Law art. 166 item 5; the hub records none); the SPC interpretation of the
 * Civil Procedure Law (2022) art. 201 para. 2, "有多个财产性诉讼请求的，合并计算交纳诉讼费", combines the claims of one
 * case, as the amount in dispute already does (fees, late fee, other claims). Only a court turning the owners into
 * co-defendants of one suit would put one fee on the combined amount, "诉讼标的是同一种类、人民法院认为可以合并审理并经
 * 当事人同意的，为共同诉讼" (Civil Procedure Law art. 55 para. 1), which the hub does not model: the figures differ (the
 * scale falls from 2.5% to 0.5% and the ¥50 is per case), so a combined figure would misstate what the company
 * prepays (art. 20: "案件受理费由原告…预交"; art. 22: "原告自接到人民法院交纳诉讼费用通知次日起7日内交纳案件受理费").
 */
export const BATCH_ACCEPTANCE_FEE_SOURCE =
  '诉讼费用交纳办法 art. 13 item 1 (每件: per case), summed over the cases of the batch, each on its own amount and procedure (art. 16); a joint hearing combines no amounts (art. 18 and SPC interpretation art. 201 para. 2 combine the claims of one case)';

export const SMALL_CLAIMS_DECISION_MONTHS = 2;
export const SMALL_CLAIMS_EXTENSION_MONTHS = 1;
export const SMALL_CLAIMS_MAX_EXTENSIONS = 1;
export const SMALL_CLAIMS_DEADLINE_SOURCE = 'Civil Procedure Law art. 168';

/**
 * Art. 169 (2023 text): "人民法院在审理过程中，发现案件不宜适用小额诉讼的程序的，应当适用简易程序的其他规定审理或者裁定
 * 转为普通程序" — a small claim found unsuitable is tried under the simple procedure's other rules or converted to the
 * ordinary procedure; the court reports it (PROCEDURE_CHANGED, SIMPLE_OR_ORDINARY). The art. 168 decision period then no
 * longer applies: the simple procedure's is three months from docketing (art. 164: "应当在立案之日起三个月内审结"), the
 * ordinary procedure's six (art. 152: "应当在立案之日起六个月内审结"), and the judgment is appealable within fifteen days
 * of service (art. 171), no longer final (art. 165). Which of the two the court chose is not reported, so the hub
 * computes neither deadline.
 */
export const SIMPLE_PROCEDURE_DECISION_MONTHS = 3;
export const ORDINARY_PROCEDURE_DECISION_MONTHS = 6;
export const SMALL_CLAIMS_CONVERSION_SOURCE =
  'Civil Procedure Law art. 169 (periods: arts. 164, 152; appeal: art. 171)';

/**
 * Pre-litigation mediation (诉前调解) normally runs up to 30 days (docs/domain.md, "Litigation referral"). The figure
 * is usually traced to the Supreme People's Court's guidance on court-commissioned mediation (委派调解); that text is
 * not among our documents, so confirm the citation before quoting it to a court.
 */
export const PRE_LITIGATION_MEDIATION_DAYS = 30;
export const PRE_LITIGATION_MEDIATION_SOURCE =
  'docs/domain.md (Litigation referral): pre-litigation mediation normally up to 30 days';

// ---------------------------------------------------------------------------------------------------------------
// Applying for enforcement (申请执行): Civil Procedure Law art. 250 (2023 amendment).
// ---------------------------------------------------------------------------------------------------------------

/**
 * Art. 250 (2023 text; art. 246 before the 2023 amendment renumbered it): "申请执行的期间为二年。申请执行时效的中止、中断，
 * 适用法律有关诉讼时效中止、中断的规定。" Para. 2: "前款规定的期间，从法律文书规定履行期间的最后一日起计算；法律文书规定
 * 分期履行的，从最后一期履行期限届满之日起计算；法律文书未规定履行期间的，从法律文书生效之日起计算。" When the defendant
 * does not pay what a judgment or a mediation agreement (调解书) orders, the company applies to the court for enforcement
 * within two years of the last day of the performance period (of the last instalment's), or of the document's taking
 * effect where it sets none. The period's last day follows art. 85 (below); suspension and interruption follow the
 * limitation rules (Civil Code arts. 194–195), which the hub does not track for this period: a payment the debtor
 * promises or makes in part after the judgment restarts it, so the hub's date is the earliest one, the safe one.
 */
export const ENFORCEMENT_APPLICATION_YEARS = 2;
export const ENFORCEMENT_APPLICATION_SOURCE =
  'Civil Procedure Law art. 250 (2023 amendment): "申请执行的期间为二年" counted "从法律文书规定履行期间的最后一日起计算；法律文书规定分期履行的，从最后一期履行期限届满之日起计算；法律文书未规定履行期间的，从法律文书生效之日起计算"';

/**
 * When the documents the hub follows take effect, where the court reports no performance period. Art. 165 (2023
 * text): a small claim "实行一审终审", so its judgment is final when made; art. 100 para. 3: "调解书经双方当事人签收后，即具有
 * 法律效力". A judgment under the simple or ordinary procedure takes effect only once the appeal period has run (art.
 * 171: fifteen days from service) unappealed, and the hub is told neither the day of service nor of an appeal, so it
 * dates no period from such a judgment unless the court reports the performance period's last day.
 */
export const SMALL_CLAIMS_FINAL_SOURCE = 'Civil Procedure Law art. 165 (一审终审)';
export const MEDIATION_DOCUMENT_EFFECT_SOURCE =
  'Civil Procedure Law art. 100 para. 3 (调解书经双方当事人签收后，即具有法律效力)';

/**
 * Art. 85 (2023 text) on periods: "期间以时、日、月、年计算。期间开始的时和日，不计算在期间内。" and "期间届满的最后一日是
 * 法定休假日的，以法定休假日后的第一日为期间届满的日期。" The hub's one calendar applies it (kernel/working-days.ts
 * lastDayOfPeriod, as Civil Code art. 203 for limitation).
 */
export const PERIODS_SOURCE = 'Civil Procedure Law art. 85 (2023 amendment)';

// ---------------------------------------------------------------------------------------------------------------
// Whose fees: the owner of the month. Civil Code arts. 209, 944.
// ---------------------------------------------------------------------------------------------------------------

/**
 * The owner pays the fees (art. 944 para. 1: "业主应当按照约定向物业服务人支付物业费"), and a flat passes to its buyer
 * when the transfer is registered (art. 209 para. 1: "不动产物权的设立、变更、转让和消灭，经依法登记，发生效力"); a buyer
 * from the developer who lawfully took the flat over is 业主 from the handover, registered or not (法释〔2009〕7号 art. 1
 * para. 2). So the fees of the months before are the former owner's debt: the new owner is not sued for them, and a
 * referral of the household leaves out every month begun before the day the register gives (PRIOR_OWNER), the month
 * of the transfer whole, as the hub cannot split it; the company claims those from the former owner outside the hub.
 */
export const PRIOR_OWNER_SOURCE =
  'Civil Code art. 944 para. 1 (the owner pays), art. 209 para. 1 (ownership passes on registration); 法释〔2009〕7号 art. 1 para. 2 (a buyer from the developer is 业主 from the lawful handover)';

/**
 * A deceased owner is no defendant. A natural person bears rights and duties from birth to death (Civil Code art. 13:
 * "自然人从出生时起到死亡时止，具有民事权利能力，依法享有民事权利，承担民事义务"), and a suit needs a definite defendant
 * (Civil Procedure Law art. 122 item 2, 2017 text art. 119: "有明确的被告"; parties are citizens, legal persons and
 * other organisations, 2017 text art. 48 para. 1): a court asks a plaintiff who names a dead person to name the proper
 * party and dismisses the suit if it does not. Succession opens at the death (Civil Code art. 1121), and heirs (继承人;
 * not legatees, whom art. 230 no longer names) take real property from then without registration (art. 230), so the
 * fees of the months since are the heirs' own as owners, jointly where several hold the flat (art. 307); the
 * deceased's own fees are a debt of the estate that the heirs pay up to its value (art. 1161). Claiming those from the
 * heirs, a judgment limited to the estate, is left outside the green channel by the hub's choice, not by law; a
 * surviving spouse co-owning the flat (art. 1153) owes its fees as a co-owner too, which the hub does not model. The
 * hub refuses a referral of a household whose registered owner is recorded dead (OWNER_DECEASED) until the street
 * office registers the heirs as the owner, on or after the day of the death (the months before are then left out as
 * PRIOR_OWNER), and generates no complaint naming a defendant recorded dead after the referral (DEFENDANT_DECEASED).
 */
export const OWNER_DECEASED_SOURCE =
  'Civil Code art. 13 (capacity ends at death); Civil Procedure Law art. 122 item 2 (a definite defendant); Civil Code arts. 1121, 230 (the heirs own from the death), 1161 (the deceased’s debts, up to the estate’s value)';

// ---------------------------------------------------------------------------------------------------------------
// Territorial jurisdiction: Civil Procedure Law art. 24.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Art. 24: "因合同纠纷提起的诉讼，由被告住所地或者合同履行地人民法院管辖". The hub takes the property's location as the
 * place of performance of a property-service contract, as courts commonly do for owners' fees, so the court of the
 * area's district hears them. That reading is the hub's, not settled law: for a claim to money, where the contract
 * names no place of performance, the Supreme People's Court's interpretation of the Civil Procedure Law (art. 18 para.
 * 2) takes the place of the party receiving it, the company; and a contract may choose another connected court in
 * writing (art. 35). The owner's own domicile is the other competent court, which the hub does not know. A company
 * whose contract names another court, or that sues where the owner lives, does so outside the green channel; a court
 * of the area's district that sees its jurisdiction otherwise transfers the case (art. 37).
 */
export const COURT_TERRITORY_SOURCE =
  "Civil Procedure Law art. 24 (2021 amendment): the court of the place of performance, taken as where the property is (the hub's reading)";

// ---------------------------------------------------------------------------------------------------------------
// The reasonable period after a demand for payment: Civil Code art. 944 para. 2.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Art. 944 para. 2: "业主违反约定逾期不支付物业费的，物业服务人可以催告其在合理期限内支付；合理期限届满仍不支付的，
 * 物业服务人可以提起诉讼或者申请仲裁". The article fixes no number of days, and we found no Beijing provision that
 * does (北京市物业管理条例 was searched; none confirmed). So N is a setting, taken in this order (demandPeriodOf):
 * the contract's own term where its filing states one (contracts.filings.v1 terms.demandPeriodDays), else the city's
 * settings (contracts.city-settings.v1 demandPeriod, entered by the admin with a source), else the hub operator's
 * default below, which is a choice of the operator, not a statute. HUB_DEMAND_PERIOD_DAYS overrides that default
 * (platform/config.ts).
 */
export type DemandPeriodSetBy = 'CONTRACT' | 'CITY' | 'HUB_DEFAULT';

export interface DemandPeriod {
  readonly days: number;
  readonly source: string;
  /** Which of the three set N; absent is read as HUB_DEFAULT. */
  readonly setBy?: DemandPeriodSetBy;
}

export const DEFAULT_DEMAND_PERIOD: DemandPeriod = Object.freeze({
  days: 15,
  source: "the hub operator's default reasonable period (Civil Code art. 944 para. 2 fixes no number of days)",
  setBy: 'HUB_DEFAULT',
});

/**
 * The reasonable period that applies to a claim: the contract's own term when it states one, else the city's
 * setting, else the hub's default (art. 944 para. 2 fixes no number, so each carries where it comes from).
 */
export function demandPeriodOf(
  contract: { contractId: string; days: number } | null,
  city: { cityName: string; days: number; source: string } | null,
  hubDefault: DemandPeriod,
): DemandPeriod {
  if (contract)
    return {
      days: contract.days,
      source: `the contract ${contract.contractId}'s own term (Civil Code art. 944 para. 2: the reasonable period)`,
      setBy: 'CONTRACT',
    };
  if (city) return { days: city.days, source: `${city.cityName}'s setting: ${city.source}`, setBy: 'CITY' };
  return { ...hubDefault, setBy: 'HUB_DEFAULT' };
}

// ---------------------------------------------------------------------------------------------------------------
// Published thresholds, per province and year of application.
// ---------------------------------------------------------------------------------------------------------------

/**
 * A threshold as a province's high court published it. The notices publish the threshold amount itself (already
 * 50% of the wage figure, rounded to the yuan) and the consent ceiling (200%); both are recorded as published,
 * because 4 × the rounded threshold is not the ceiling (Zhejiang 2022: 4 × 54,323 = 217,292, published 217,290).
 * "Previous-year wage" in practice is the latest year the statistics yearbook has published, often two years back.
 */
export interface PublishedSmallClaimsThreshold {
  /** GB/T 2260 province code, e.g. 330000. */
  readonly provinceCode: string;
  readonly province: string;
  /** The year of docketing the figure is used for. */
  readonly applicationYear: number;
  /** The first day the notice applies to; cases docketed earlier that year fell under the previous figure. */
  readonly effectiveFrom: IsoDate;
  /** The art. 165 threshold: claims at or below it are small claims. */
  readonly thresholdFen: Fen;
  /** The 200% ceiling: above the threshold and at or below this, small claims only by both parties' consent. */
  readonly consentCeilingFen: Fen;
  readonly wageBasis: string;
  readonly source: string;
}

/**
 * The figures held in code, from the notices quoted in docs/domain.md. Courts add the others as data
 * (recordSmallClaimsThreshold, small-claims-threshold.ts). Beijing: no 北京市高级人民法院 notice could be confirmed
 * from our sources, so none is held and Beijing courts' referrals stay UNDETERMINED until a court records one.
 */
export const SMALL_CLAIMS_THRESHOLDS: readonly PublishedSmallClaimsThreshold[] = Object.freeze([
  Object.freeze({
    provinceCode: '330000',
    province: 'Zhejiang',
    applicationYear: 2022,
    effectiveFrom: '2022-01-11',
    thresholdFen: 5_432_300,
    consentCeilingFen: 21_729_000,
    wageBasis:
      "2020 average wage of employed persons in the province's non-private units (Zhejiang Statistical Yearbook 2021)",
    source:
      '浙江省高级人民法院关于适用小额诉讼程序审理民事案件标的限额的通知 (2022-01-13): ¥54,323 and below (含), consent up to ¥217,290 (含); ' +
      "threshold as quoted in docs/domain.md; text seen in a third-party reprint, check against the court's own publication",
  }),
  Object.freeze({
    provinceCode: '320000',
    province: 'Jiangsu',
    applicationYear: 2024,
    effectiveFrom: '2024-01-06',
    thresholdFen: 6_086_200,
    consentCeilingFen: 24_344_800,
    wageBasis:
      "2022 average annual wage of employed persons in the province's urban non-private units (Jiangsu Statistical Yearbook 2023)",
    source:
      '江苏省高级人民法院关于适用小额诉讼程序审理民事案件标的限额的通知, 苏高法电〔2024〕9号 (2024-01-05): ¥60,862 and below, consent up to ¥243,448; ' +
      "threshold as quoted in docs/domain.md; text seen in a third-party reprint, check against the court's own publication",
  }),
]);

/**
 * The threshold for the province and year, or null when none is held: of the notices a court of the province (or
 * the admin) recorded with recordSmallClaimsThreshold (`recorded`, oldest first, kept with who recorded it and when)
 * and the figures held above in code, the one that took effect last, and of those taking effect the same day the one
 * recorded last (a correction; a record before a figure held in code). With `on`, only a notice in force that day
 * (`effectiveFrom` on or before it): a case docketed that year before the notice fell under the previous figure,
 * which a court may record afterwards, from the year's first day (before, a Jiangsu referral of 2024-01-03 was judged
 * by the notice in force from 2024-01-06; and a figure recorded last replaced a later notice for the rest of the
 * year, the code's too). Never falls back to another year or province: the amount decides whether a judgment is
 * final at first instance, so a guess is worse than none.
 */
export function findSmallClaimsThreshold(
  provinceCode: string,
  applicationYear: number,
  recorded: readonly PublishedSmallClaimsThreshold[] = [],
  on?: IsoDate,
): PublishedSmallClaimsThreshold | null {
  const matches = (t: PublishedSmallClaimsThreshold) =>
    t.provinceCode === provinceCode &&
    t.applicationYear === applicationYear &&
    (on === undefined || t.effectiveFrom <= on);
  return [...SMALL_CLAIMS_THRESHOLDS, ...recorded]
    .filter(matches)
    .reduce<PublishedSmallClaimsThreshold | null>(
      (found, t) => (found === null || t.effectiveFrom >= found.effectiveFrom ? t : found),
      null,
    );
}

/** As findSmallClaimsThreshold, but a missing figure is the domain error NO_SMALL_CLAIMS_THRESHOLD. */
export function smallClaimsThreshold(
  provinceCode: string,
  applicationYear: number,
  recorded: readonly PublishedSmallClaimsThreshold[] = [],
  on?: IsoDate,
): PublishedSmallClaimsThreshold {
  const found = findSmallClaimsThreshold(provinceCode, applicationYear, recorded, on);
  if (found) return found;
  const recordedYears = [...SMALL_CLAIMS_THRESHOLDS, ...recorded]
    .filter((t) => t.provinceCode === provinceCode)
    .map((t) => t.applicationYear);
  throw new DomainError(
    'NO_SMALL_CLAIMS_THRESHOLD',
    `No small-claims threshold is recorded for province ${provinceCode} in ${applicationYear}${on ? ` in force on ${on}` : ''}; record the high court's published figure first`,
    { problems: ['NO_SMALL_CLAIMS_THRESHOLD'], provinceCode, applicationYear, recordedYears },
  );
}
