/**
 * The statutory numbers behind the arrears rules, and the seed figures they are tested against, each with where it
 * comes from. Rules read them from here and nowhere else, so an amended statute is one edit.
 *
 * Units: money in integer fen (分), floor areas in integer hundredths of a square metre, percentages as integers.
 */

import { type JointDecisionMatterCode, UTILITY_KINDS } from '../../../catalog';

// ---------------------------------------------------------------------------------------------------------------
// Limitation of actions (诉讼时效), Civil Code arts. 188–195.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Art. 188 para. 1: "向人民法院请求保护民事权利的诉讼时效期间为三年", counted from when the creditor knew or should have
 * known of the harm and the debtor. For a fee with a due date that is the due date; art. 201 leaves that day out, so
 * the period ends on the corresponding day three years on (art. 202).
 */
export { LIMITATION_PERIOD_SOURCE, LIMITATION_PERIOD_YEARS } from '../../../kernel/limitation-period';

/**
 * Art. 195: "有下列情形之一的，诉讼时效中断，从中断、有关程序终结时起，诉讼时效期间重新计算". Items 1, 2 and 4 are
 * collection steps the company records; item 3 (suing, "权利人提起诉讼或者申请仲裁") is the litigation subgraph's
 * referral, which arrears follows (SUIT_INTERRUPTION).
 */
export const INTERRUPTION_GROUNDS = {
  /** Item 1: 权利人向义务人提出履行请求. */
  CREDITOR_DEMAND: 'Civil Code art. 195 item 1',
  /** Item 2: 义务人同意履行义务; a promise, an instalment plan or a part payment all show that consent. */
  DEBTOR_CONSENT: 'Civil Code art. 195 item 2',
  /** Item 4: 与提起诉讼或者申请仲裁具有同等效力的其他情形, such as asking a mediator to resolve the claim. */
  SAME_EFFECT_AS_SUIT: 'Civil Code art. 195 item 4',
} as const;
export type InterruptionGround = keyof typeof INTERRUPTION_GROUNDS;

/**
 * A suit interrupts the period of the claims it makes (Civil Code art. 195 item 3: "权利人提起诉讼或者申请仲裁") on the
 * day the complaint reached the court: "当事人一方向人民法院提交起诉状或者口头起诉的，诉讼时效从提交起诉状或者口头起诉
 * 之日起中断" (SPC provisions on limitation, 法释〔2008〕11号 as amended by 法释〔2020〕17号, art. 10). That is the
 * referral's submission (the package reaches the court's green channel that day), not its docketing (立案): the
 * provisions date the interruption by the complaint, whatever the court then does with it. The period runs afresh from
 * the day the proceedings ended ("从中断、有关程序终结时起", art. 195): the withdrawal (撤诉), the court's refusal, its
 * judgment or settlement, or the file closed. Neither the Civil Code nor the provisions take the interruption back when
 * the suit is withdrawn or refused (the provisions say nothing of withdrawal; their only undoing, art. 13 para. 2, is
 * for a report to the police or procuratorate that is not taken up), so a withdrawn suit still interrupted. Only the
 * months the referral claimed are interrupted: each month is its own claim (limitation.ts).
 */
export const SUIT_INTERRUPTION = Object.freeze({
  ground: 'Civil Code art. 195 item 3',
  source: 'SPC provisions on limitation (法释〔2008〕11号, amended by 法释〔2020〕17号) art. 10; Civil Code art. 195',
  text: '当事人一方向人民法院提交起诉状或者口头起诉的，诉讼时效从提交起诉状或者口头起诉之日起中断',
});

/**
 * A part payment is the debtor's consent (art. 195 item 2) only when the debtor makes it: "义务人作出分期履行、部分履行、
 * 提供担保、请求延期履行、制定清偿债务计划等承诺或者行为的，应当认定为民法典第一百九十五条规定的'义务人同意履行义务'"
 * (SPC provisions on limitation, 法释〔2008〕11号 as amended by 法释〔2020〕17号, art. 14). After a sale the new owner's
 * money toward a month of the former owner's settles what it pays but is not the former owner's act, so it restarts
 * nothing of that month's period (domain/claim.ts).
 */
export const PART_PAYMENT_CONSENT = Object.freeze({
  ground: 'Civil Code art. 195 item 2',
  source: 'SPC provisions on limitation (法释〔2008〕11号, amended by 法释〔2020〕17号) art. 14',
  text: '义务人作出分期履行、部分履行、提供担保、请求延期履行、制定清偿债务计划等承诺或者行为的，应当认定为民法典第一百九十五条规定的“义务人同意履行义务”',
});

/**
 * After the period ran out, the debtor's agreement to pay bars the defence: "诉讼时效期间届满后，义务人同意履行的，不得
 * 以诉讼时效期间届满为由抗辩" (Civil Code art. 192 para. 2), and so does a new agreement of both parties on the original
 * debt: "当事人双方就原债务达成新的协议，债权人主张义务人放弃诉讼时效抗辩权的，人民法院应予支持" (SPC provisions on
 * limitation art. 19 para. 2). A payment promise, an instalment plan, and a mediation that ended in an agreement to pay
 * (outcome AGREED) are such agreements; the hub counts a fresh period from the day each was made. A mediation merely
 * applied for, failed or withdrawn is no agreement: a demand made too late revives nothing.
 */
export const LATE_AGREEMENT_SOURCE = 'Civil Code art. 192 para. 2; SPC provisions on limitation art. 19 para. 2';

/**
 * When a demand interrupts: a letter "到达或者应当到达对方当事人的" (art. 8 item 2 of the Supreme People's Court's
 * provisions on limitation, 法释〔2008〕11号 as amended by 法释〔2020〕17号; art. 10 before 2020), as a declaration not
 * made face to face takes effect on arrival (Civil Code art. 137 para. 2). The company proves the arrival: a letter
 * whose arrival it has not recorded interrupts nothing in the hub's count (but one recorded before arrivals could
 * be, which counts from its sending as it did: collection-action.ts effectiveOn), and one arriving after the period's
 * last day comes too late however early it was sent.
 */
export const DEMAND_ARRIVAL_SOURCE =
  'SPC provisions on limitation (法释〔2008〕11号, amended by 法释〔2020〕17号) art. 8 item 2; Civil Code art. 137 para. 2';

/**
 * When a notice handed over or posted interrupts: "当事人一方直接向对方当事人送交主张权利文书，对方当事人在文书上签名、
 * 盖章、按指印或者虽未签名、盖章、按指印但能够以其他方式证明该文书到达对方当事人的" (the same provisions, art. 8
 * item 1). A notice posted at the owner's own door with proof (a photo of it there, the owner's acknowledgement)
 * reached the owner; one posted only at the building entrance or in another common part proves no arrival, and the
 * hub does not count it as a demand (a legal audit, 2026-12-07: every posted notice interrupted the period).
 */
export const NOTICE_ARRIVAL_SOURCE =
  'SPC provisions on limitation (法释〔2008〕11号, amended by 法释〔2020〕17号) art. 8 item 1';

// ---------------------------------------------------------------------------------------------------------------
// Collection (催缴) and payment.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Civil Code art. 944 para. 3: "物业服务人不得采取停止供电、供水、供热、供燃气等方式催交物业费". Para. 2 gives the
 * lawful route instead: demand payment within a reasonable time, then sue or arbitrate.
 */
export const UTILITY_CUT_OFF_BAN = Object.freeze({
  utilities: UTILITY_KINDS,
  source: 'Civil Code art. 944 para. 3',
  text: '物业服务人不得采取停止供电、供水、供热、供燃气等方式催交物业费',
});
export type Utility = (typeof UTILITY_CUT_OFF_BAN.utilities)[number];

/**
 * The longest a committee's term can have run, for a committee whose term arrears does not hold (kept before
 * arrears.committee_view.term_ends_on, or published without one): its mandate to report a cut-off is taken to end on
 * the corresponding day that many years after it was formed or recorded (Civil Code art. 202), never to run on. The
 * figures and their articles are the catalog's (catalog/governance.ts), the same areas records terms by.
 */
export { COMMITTEE_MAX_TERM } from '../../../catalog';

// ---------------------------------------------------------------------------------------------------------------
// Levies: Civil Code art. 278.
// ---------------------------------------------------------------------------------------------------------------

/**
 * Art. 278 para. 1 item 6: "筹集建筑物及其附属设施的维修资金" is for the owners to decide jointly, and para. 2 asks
 * for three-quarters of the participating owners, by area and by number (the areas subgraph judges the vote and
 * publishes its verdict on areas.governance.v1). A levy on the owners for repairs is such a raising of funds: it is
 * owed only under a recorded, valid decision of that matter in the area; otherwise it is a voluntary contribution,
 * never arrears, never aged, never referred and never running a limitation period.
 */
export const LEVY_DECISION_MATTER: JointDecisionMatterCode = 'RAISE_MAINTENANCE_FUND';
export const LEVY_DECISION_SOURCE = 'Civil Code art. 278 para. 1 item 6, para. 2';
export const LEVY_BASES = ['JOINT_DECISION', 'VOLUNTARY'] as const;
export type LevyBasis = (typeof LEVY_BASES)[number];

// ---------------------------------------------------------------------------------------------------------------
// Aging of arrears. Not a statute: the reporting buckets the bureaus read the arrears ledger in.
// ---------------------------------------------------------------------------------------------------------------

export interface AgingBucketDefinition {
  readonly bucket: AgingBucket;
  /** Days overdue, both ends included; maxDays null for the open-ended last bucket. */
  readonly minDays: number;
  readonly maxDays: number | null;
}

export type AgingBucket = 'DAYS_0_30' | 'DAYS_31_90' | 'DAYS_91_180' | 'DAYS_181_365' | 'OVER_365';

/** In order, without gaps or overlaps, so every whole number of days falls in exactly one bucket. */
export const AGING_BUCKETS: readonly AgingBucketDefinition[] = Object.freeze([
  { bucket: 'DAYS_0_30', minDays: 0, maxDays: 30 },
  { bucket: 'DAYS_31_90', minDays: 31, maxDays: 90 },
  { bucket: 'DAYS_91_180', minDays: 91, maxDays: 180 },
  { bucket: 'DAYS_181_365', minDays: 181, maxDays: 365 },
  { bucket: 'OVER_365', minDays: 366, maxDays: null },
]);

// ---------------------------------------------------------------------------------------------------------------
// Seed 002 (润枫欣尚, 天通苑南街道; 北青社区报 2023-07-21): the elevator levy, the demo levy and test expectations.
// ---------------------------------------------------------------------------------------------------------------

/** "业主按房本面积17.93元/平缴费": once, per m² of certificate floor area. */
export const SEED_002_LEVY_RATE_FEN_PER_M2 = 1_793;

/** "待每栋楼费用收缴达到50%后，启动该楼全部电梯的维修": per building; "达到" includes 50% itself. */
export const SEED_002_ACTIVATION_THRESHOLD_PERCENT = 50;

/** "小区物业先行垫资42万元": ¥420,000 advanced by the company for one elevator per building. */
export const SEED_002_COMPANY_ADVANCE_FEN = 42_000_000;

/** "共有6栋楼1080户，每栋楼有3部电梯". */
export const SEED_002_BUILDINGS = 6;
export const SEED_002_HOUSEHOLDS = 1_080;
export const SEED_002_ELEVATORS_PER_BUILDING = 3;

/** "954户业主已缴纳电梯维修费用，达到全体住户的88.3%" (mid-July 2023). */
export const SEED_002_PAID_HOUSEHOLDS = 954;
export const SEED_002_REPORTED_RATE_PERCENT = '88.3';
