import { chineseDate, chineseMonth, yuanFigures, yuanInWords } from '../../../kernel/chinese-format';
import { IsoDate, addDays, compareMonths, daysInMonth, monthIndex } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import {
  CasePackage,
  CasePackageContent,
  FeeStandardPeriod,
  PackageLateFeeTerms,
  ownersSideKind,
  periodOfMonth,
} from './case-package';
import { canonicalJson } from '../../../kernel/canonical-json';
import type { OwnersSideKind } from '../../../catalog';
import { FeeLine, PenaltyLine, servedPart } from './claim';
import { CompanyProfile } from './company-profile';
import { DefendantIdentity, OwnerIdType, isOrganisation, residentIdFacts } from './defendant';
import { EvidenceFile } from './evidence-file';

/** The documents a natural person is identified by (an organisation is by its credit code). */
type PersonIdType = Exclude<OwnerIdType, 'UNIFIED_SOCIAL_CREDIT_CODE'>;

/**
 * The element-based civil complaint for a property-service contract dispute (民事起诉状（物业服务合同纠纷）), built
 * from the immutable case package, the plaintiff's particulars and the defendant's identity: one complaint per
 * defendant. It follows the element model text of the Supreme People's Court, the Ministry of Justice and the All
 * China Lawyers Association (法〔2024〕46号, on trial from 2024-03-04, replaced by 法〔2025〕82号 from 2025-07-14):
 * its parts and their items are the model's headings. Every figure is the package's; an element the hub does not
 * hold is written as NOT_HELD, for the company to fill in before filing, never made up. The result is plain data:
 * renderers turn it into .docx and PDF.
 *
 * Headings checked against (README, "Court documents"): the 2025 revision's 物业服务合同纠纷 民事起诉状 as
 * reproduced in github.com/cat-xierluo/legal-skills, skills/elements-complaint-generator/templates/
 * 14-物业服务合同纠纷-民事起诉状/word/document.xml (commit 9a680c0955240809d5d045afd4475fb39d4f4ea2), a third party's
 * copy, not the courts' own publication. The 2024 text itself was not found in the library. Every heading and item
 * label of the parts below matches that copy, except the part "送达地址及收件人、电子送达", which that copy does
 * not have (its 当事人信息 runs from the plaintiff and agent to the defendant and third parties, then 诉讼请求): the
 * hub keeps it because issue 15 asks for the service address and the consent to electronic service, and the 2024
 * text it may come from could not be checked.
 */
/**
 * The contract's late-fee standard as the complaint states it (element 7 of the model's facts), from the filed terms
 * the penalty was computed with (subgraphs/arrears/domain/late-fee.ts: simple interest on the open principal, from
 * the day after the grace period, which ends on a working day, capped per charge).
 */
export function lateFeeStandard(terms: NonNullable<CasePackage['lateFeeTerms']>): string {
  const rate =
    terms.monthlyRatePerTenThousand != null
      ? `每月万分之${terms.monthlyRatePerTenThousand}`
      : `每日万分之${terms.dailyRatePerTenThousand}`;
  const grace =
    terms.graceDays === 0
      ? '自应付之日次日起算'
      : `应付之日后${terms.graceDays}日为宽限期（末日为法定休假日的，顺延至其后第一个工作日），期满次日起算`;
  // The cap bounds the whole late fee of a month's fee (late-fee.ts), not what one month of delay adds: "每月违约金不超过
  // 该月物业费的X%" read as the latter, which never bites, while the fee claimed was cut by the former (a helper's audit).
  const cap =
    terms.capPercentOfPrincipal === null
      ? '合同未约定上限'
      : `每月物业费的违约金累计不超过该月物业费的${terms.capPercentOfPrincipal}%`;
  return `逾期未付的，按欠付物业费${rate}支付违约金；${grace}；${cap}`;
}

/**
 * How the penalty lines were computed, as element 9 of the facts states it: subgraphs/arrears/domain/late-fee.ts
 * in words, for a daily rate (per day overdue) or a monthly one (per full month, Civil Code art. 202).
 */
export function lateFeeComputation(terms: NonNullable<CasePackage['lateFeeTerms']>, asAt: string): string {
  const cap =
    terms.capPercentOfPrincipal === null
      ? ''
      : `，每月物业费的违约金累计不超过该月物业费的${terms.capPercentOfPrincipal}%`;
  const from = terms.graceDays === 0 ? '自应付之日次日起' : `自应付之日后${terms.graceDays}日的宽限期届满次日起`;
  return terms.monthlyRatePerTenThousand != null
    ? `各月逾期未付的物业费×月万分之${terms.monthlyRatePerTenThousand}×逾期整月数（${from}，每满一个月计一次，月份届满之日依《中华人民共和国民法典》第二百零二条确定，不足一个月的不计，计算至${asAt}；每满一个月按届满之日仍欠付的数额计算${cap}，每月四舍五入至分）`
    : `各月逾期未付的物业费×日万分之${terms.dailyRatePerTenThousand}×逾期天数（${from}，计算至${asAt}，按各笔付款之日扣减本金${cap}，每月四舍五入至分）`;
}

/** The late-fee clause as element 7 quotes it: the contract's own words, or NOT_HELD when the filing gives none. */
const clauseQuoted = (terms: NonNullable<CasePackage['lateFeeTerms']>) =>
  terms.clauseText ? `“${terms.clauseText}”` : NOT_HELD;

export const NOT_HELD = '（无，案件材料未载明，由原告填写）';

export interface ComplaintRow {
  label: string;
  value: string;
}

export interface ComplaintSection {
  heading: string;
  /** Shown under the heading, as the model's own guidance lines. */
  note?: string;
  rows: ComplaintRow[];
}

export interface EvidenceListEntry {
  number: number;
  name: string;
  purpose: string;
  /** 证据来源 (Civil Procedure Law art. 124 item 4): as the company stated it, NOT_HELD otherwise. */
  origin: string;
  sha256: string;
  /** 'UPLOADED' when the file is in the hub (and in the bundle), 'LISTED' when only its digest was given. */
  source: 'UPLOADED' | 'LISTED';
}

export interface Complaint {
  title: string;
  subtitle: string;
  court: string;
  sections: ComplaintSection[];
  evidence: EvidenceListEntry[];
  signature: { plaintiff: string; date: string };
  /** The package's figures the text states, for checks. */
  figures: {
    feeTotalFen: Fen;
    penaltyTotalFen: Fen;
    otherClaimsTotalFen: Fen;
    costsTotalFen: Fen;
    amountInDisputeFen: Fen;
    grandTotalFen: Fen;
  };
  /** The digest of the package version it was built from. */
  packageDigest: string;
}

export interface ComplaintInput {
  pkg: CasePackage;
  packageDigest: string;
  courtName: string;
  /** The day the referral was made: the claims are stated as at that day. */
  referredOn: string;
  plaintiff: CompanyProfile | null;
  defendant: DefendantIdentity | null;
  uploads: readonly EvidenceFile[];
}

/**
 * The legal basis the complaint states: Civil Code art. 944 para. 1 (the owner pays the property fee as agreed)
 * and para. 2 (after a demand and a reasonable period, the service provider may sue), art. 577 (liability for
 * breach of contract), art. 585 (an agreed penalty for breach).
 */
export const LEGAL_BASIS = '《中华人民共和国民法典》第五百七十七条、第五百八十五条、第九百四十四条';

/** What each evidence type the hub knows proves; another type's purpose is the company's to state (NOT_HELD). */
const EVIDENCE_PURPOSES: Record<string, string> = {
  CONTRACT: '物业服务合同，证明双方物业服务合同关系及收费标准、违约金约定',
  FILING_RECORD: '合同备案记录，证明物业服务合同已备案',
  FEE_NOTICE: '缴费通知，证明原告已通知被告缴纳物业费',
  DEMAND_LETTER: '催缴函，证明原告已催告被告缴纳物业费',
  DELIVERY_RECEIPT: '送达回执，证明催缴材料已送达被告',
  STATEMENT: '欠费明细，证明被告欠付物业费的期间及数额',
  SERVICE_RECORD: '物业服务记录，证明原告已提供物业服务',
  MEDIATION_RECORD: '调解记录，证明纠纷经调解未果',
};

/** The owners' side of a contract as the complaint's element 2 names it. */
const OWNERS_SIDE_NAMES: Record<OwnersSideKind, string> = {
  DEVELOPER: '建设单位',
  OWNERS_COMMITTEE: '业主委员会',
  PROPERTY_MANAGEMENT_COMMITTEE: '物业管理委员会',
};

const DEMAND_KINDS: Record<string, string> = {
  NOTICE_POSTED: '张贴催缴通知',
  LETTER: '书面催缴函',
  MESSAGE: '短信/消息催缴',
  VISIT: '上门催缴',
  CALL: '电话催缴',
};

const yuan = (fen: Fen) => `${yuanFigures(fen)}元`;
const yuanWithWords = (fen: Fen) => `${yuanFigures(fen)}元（大写：人民币${yuanInWords(fen)}）`;
const area = (centiM2: number) => `${Math.floor(centiM2 / 100)}.${String(centiM2 % 100).padStart(2, '0')}平方米`;
const rate = (fen: Fen) => `${yuanFigures(fen)}元/平方米/月`;
const orNotHeld = (value: string | null | undefined) => (value && value.trim() !== '' ? value : NOT_HELD);

/**
 * Months with the same floor area, rate, payment, waiver and correction, as runs of consecutive months: one line
 * each. A month served in part (the contract began or ended within it) stands alone, its days shown: 2026年3月：…×16/31天=…;
 * so does a month billed in parts (a contract ended within it and the company's renewal began), each contract's rate
 * and days shown: 2026年3月：100.00平方米×（1.50元/平方米/月×15/31天+2.00元/平方米/月×16/31天）=175.81元.
 */
export function feeLineRuns(lines: readonly FeeLine[]): string[] {
  const sorted = [...lines].sort((a, b) => compareMonths(a.month, b.month));
  const runs: FeeLine[][] = [];
  for (const line of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const same =
      last &&
      monthIndex(line.month) === monthIndex(last.month) + 1 &&
      line.floorAreaCentiM2 === last.floorAreaCentiM2 &&
      line.rateFenPerM2Month === last.rateFenPerM2Month &&
      // == null: lines of packages stored before fees were charged by the day have no servedDays at all
      line.servedDays == null &&
      last.servedDays == null &&
      !line.parts &&
      !last.parts &&
      line.paidFen === last.paidFen &&
      (line.waivedFen ?? 0) === (last.waivedFen ?? 0) &&
      (line.correctedFen ?? 0) === (last.correctedFen ?? 0);
    if (same) run.push(line);
    else runs.push([line]);
  }
  return runs.map((run) => {
    const [first, last] = [run[0], run[run.length - 1]];
    const period =
      run.length === 1 ? chineseMonth(first.month) : `${chineseMonth(first.month)}至${chineseMonth(last.month)}`;
    const part = servedPart(first);
    const days = part ? `×${part.days}/${part.monthDays}天` : '';
    const monthDays = daysInMonth(first.month);
    const rated = first.parts
      ? `（${first.parts.map((p) => `${rate(p.rateFenPerM2Month)}×${p.days}/${monthDays}天`).join('+')}）`
      : `${rate(first.rateFenPerM2Month)}${days}`;
    const product = `${area(first.floorAreaCentiM2)}×${rated}=${yuan(first.chargedFen)}`;
    const off = [
      [first.paidFen, '已付'],
      [first.waivedFen ?? 0, '减免'],
      [first.correctedFen ?? 0, '核减'],
    ]
      .filter(([fen]) => fen !== 0)
      .map(([fen, what]) => `${what}${yuan(fen as number)}`);
    const each = off.length === 0 ? product : `${product}，${off.join('，')}，欠${yuan(first.amountFen)}`;
    const total = run.reduce((s, l) => s + l.amountFen, 0);
    return run.length === 1 ? `${period}：${each}` : `${period}：每月${each}，共${run.length}个月，计${yuan(total)}`;
  });
}

/** The months claimed, as 2024年1月至2024年12月 (or the runs, when there are gaps). */
function claimedPeriod(lines: readonly FeeLine[]): string {
  const months = [...lines.map((l) => l.month)].sort(compareMonths);
  const runs: string[] = [];
  for (let i = 0; i < months.length;) {
    let j = i;
    while (j + 1 < months.length && monthIndex(months[j + 1]) === monthIndex(months[j]) + 1) j += 1;
    runs.push(i === j ? chineseMonth(months[i]) : `${chineseMonth(months[i])}至${chineseMonth(months[j])}`);
    i = j + 1;
  }
  return runs.join('、');
}

/** The month a penalty line is about ("Late fee on 2024-03"), when its label names one. */
const penaltyMonth = (label: string): string | null => /(\d{4}-\d{2})/.exec(label)?.[1] ?? null;

/** A run of months as the complaint names it: 2024年11月, or 2024年1月至2024年10月. */
const monthSpan = (p: { fromMonth: string; toMonth: string }) =>
  p.fromMonth === p.toMonth ? chineseMonth(p.fromMonth) : `${chineseMonth(p.fromMonth)}至${chineseMonth(p.toMonth)}`;

/**
 * The late-fee terms the penalty lines were computed on, each with the runs of months it governs and its lines, in
 * month order: one group when a single set of terms covers every penalised month (or the package predates
 * `feeStandards`), several when an amendment changed the terms from a month on (arrears computes each month's late
 * fee on the terms of the version it was billed under; before, the complaint stated the latest terms for all).
 */
function lateFeeGroups(
  pkg: CasePackage,
): { terms: PackageLateFeeTerms | null; periods: FeeStandardPeriod[]; lines: PenaltyLine[] }[] {
  const periodOf = (l: PenaltyLine) => {
    const month = penaltyMonth(l.label);
    return month === null ? undefined : periodOfMonth(pkg, month);
  };
  if (!pkg.feeStandards || pkg.penaltyLines.some((l) => periodOf(l) === undefined))
    return [{ terms: pkg.lateFeeTerms ?? null, periods: [], lines: [...pkg.penaltyLines] }];
  const groups: {
    key: string;
    terms: PackageLateFeeTerms | null;
    periods: FeeStandardPeriod[];
    lines: PenaltyLine[];
  }[] = [];
  for (const line of pkg.penaltyLines) {
    const period = periodOf(line)!;
    const key = canonicalJson(period.lateFeeTerms);
    const group = groups.find((g) => g.key === key);
    if (!group) groups.push({ key, terms: period.lateFeeTerms, periods: [period], lines: [line] });
    else {
      if (!group.periods.includes(period)) group.periods.push(period);
      group.lines.push(line);
    }
  }
  return groups.map(({ key: _, ...group }) => group);
}

/** A message's channel in Chinese: the court reads a Chinese complaint (WECHAT was printed as it was). */
const MESSAGE_CHANNELS: Record<string, string> = { WECHAT: '微信', QQ: 'QQ', SMS: '短信' };

function demandText(channel: string): string {
  const [kind, via] = [channel.split(' ')[0], /\(([^)]*)\)/.exec(channel)?.[1]];
  const name = DEMAND_KINDS[kind] ?? channel;
  return via ? `${name}（${MESSAGE_CHANNELS[via] ?? via}）` : name;
}

/**
 * Fact 5: the term the contract agreed, then, for a contract continuing after it (Civil Code art. 948), the unfixed
 * term from the day after, and the contract's end apart where it came before the amounts' day (before, a termination
 * was stated as the agreed end).
 */
function serviceTermText(term: CasePackageContent['serviceTerm']): string {
  const endedOn = term.continuedFrom
    ? term.continuationEndedOn
    : term.agreedEndsOn && term.agreedEndsOn !== term.endsOn
      ? term.endsOn
      : undefined;
  return (
    `${chineseDate(term.startsOn)}起至${chineseDate(term.agreedEndsOn ?? term.endsOn)}止` +
    (term.continuedFrom
      ? '；期限届满后原告继续提供物业服务，依《中华人民共和国民法典》第九百四十八条原合同继续有效，服务期限为不定期'
      : '') +
    (endedOn ? `；合同于${chineseDate(endedOn)}终止` : '')
  );
}

/** A letter's arrival as the complaint states it: its day, or that none is recorded; nothing for other demands. */
function arrivalText(demand: CasePackage['demands'][number]): string {
  if (demand.deliveredOn === undefined) return '';
  return demand.deliveredOn === null ? '（送达情况未记录）' : `（${chineseDate(demand.deliveredOn)}送达）`;
}

export function buildComplaint(input: ComplaintInput): Complaint {
  const { pkg, plaintiff, defendant } = input;
  const packagePlaintiff = pkg.parties.find((p) => p.role === 'PLAINTIFF')!;
  const packageDefendant = pkg.parties.find((p) => p.role === 'DEFENDANT')!;
  const plaintiffName = plaintiff?.legalName ?? packagePlaintiff.name;
  // Without the register's identity the package names the owner in the hub's English ("Owner of …"): the complaint
  // leaves the name to the company and says which flat's owner is meant.
  const defendantName =
    defendant?.legalName ?? `（姓名未载明，由原告填写；坐落于${packageDefendant.address}的房屋所有权人）`;
  const idFacts = defendant ? residentIdFacts(defendant) : null;
  const signedOn = chineseDate(input.referredOn);
  // The day the package's amounts and late fees are computed to (the claim's asOf): a correction rebuilt from a later
  // claim stated April's larger penalty as computed to the referral's day in March. Older packages: the referral's day.
  const asAt = chineseDate(pkg.amountsAsOf ?? input.referredOn);
  const { claims } = pkg;
  const idTypeName: Record<PersonIdType, string> = { RESIDENT_ID: '居民身份证', PASSPORT: '护照', OTHER: '其他证件' };

  const parties: ComplaintSection = {
    heading: '当事人信息',
    rows: [
      { label: '原告（法人、非法人组织）名称', value: plaintiffName },
      { label: '住所地（主要办事机构所在地）', value: orNotHeld(plaintiff?.domicile) },
      {
        label: '法定代表人/负责人',
        value: plaintiff
          ? `${plaintiff.legalRepresentative}，职务：${plaintiff.legalRepresentativeTitle}，联系电话：${plaintiff.phone}`
          : NOT_HELD,
      },
      { label: '统一社会信用代码', value: orNotHeld(plaintiff?.creditCode) },
      {
        label: '委托诉讼代理人',
        value: !plaintiff
          ? NOT_HELD
          : plaintiff.agent
            ? `有。姓名：${plaintiff.agent.name}，单位：${plaintiff.agent.employer}${plaintiff.agent.title ? `，职务：${plaintiff.agent.title}` : ''}，联系电话：${plaintiff.agent.phone}，代理权限：${plaintiff.agent.authority === 'SPECIAL' ? '特别授权' : '一般授权'}`
            : '无',
      },
      ...(defendant && isOrganisation(defendant)
        ? // An owner that is a legal person or other organisation (a developer's unsold units): the model text's
          // 被告（法人、非法人组织） rows; the register holds its name, code and phone, not its domicile or representative.
          [
            { label: '被告（法人、非法人组织）名称', value: defendantName },
            { label: '住所地（主要办事机构所在地）', value: NOT_HELD },
            { label: '法定代表人/负责人', value: NOT_HELD },
            { label: '联系电话', value: orNotHeld(defendant.phone) },
            { label: '统一社会信用代码', value: defendant.idNumber },
          ]
        : [
            { label: '被告（自然人）姓名', value: defendantName },
            { label: '性别', value: idFacts?.sex ?? NOT_HELD },
            { label: '出生日期', value: idFacts ? chineseDate(idFacts.bornOn) : NOT_HELD },
            { label: '民族', value: NOT_HELD },
            { label: '工作单位、职务', value: NOT_HELD },
            { label: '联系电话', value: orNotHeld(defendant?.phone) },
            { label: '住所地（户籍所在地）', value: NOT_HELD },
            { label: '经常居住地', value: NOT_HELD },
            { label: '证件类型', value: defendant ? idTypeName[defendant.idType as PersonIdType] : NOT_HELD },
            { label: '证件号码', value: defendant ? defendant.idNumber : NOT_HELD },
          ]),
    ],
  };

  const service: ComplaintSection = {
    heading: '送达地址及收件人、电子送达',
    rows: [
      { label: '原告送达地址', value: plaintiff ? (plaintiff.serviceAddress ?? plaintiff.domicile) : NOT_HELD },
      { label: '收件人', value: plaintiff ? (plaintiff.serviceRecipient ?? plaintiff.legalRepresentative) : NOT_HELD },
      { label: '联系电话', value: orNotHeld(plaintiff?.phone) },
      {
        label: '是否接受电子送达',
        value: !plaintiff
          ? NOT_HELD
          : plaintiff.acceptsElectronicService
            ? `是。电子送达地址：${plaintiff.electronicServiceAddress}`
            : '否',
      },
      // The owners' register holds where the owner is served (送达地址), not the habitual residence.
      { label: '被告送达地址', value: orNotHeld(defendant?.serviceAddress) },
    ],
  };

  const penaltyClaimed = claims.penaltyTotalFen > 0;
  const claimsSection: ComplaintSection = {
    heading: '诉讼请求',
    rows: [
      {
        label: '1. 物业费',
        value: `截至${asAt}止，尚欠物业费${yuanWithWords(claims.feeTotalFen)}，期间为${claimedPeriod(pkg.arrearsLines)}`,
      },
      {
        label: '2. 违约金',
        value: penaltyClaimed
          ? `截至${asAt}止，欠逾期物业费的违约金${yuanWithWords(claims.penaltyTotalFen)}；是否请求支付至实际清偿之日止：${
              pkg.lateFeeUntilPaid
                ? `是，以各月欠付的物业费为基数，按合同约定的违约金标准（见事实与理由第7项）自${chineseDate(addDays((pkg.amountsAsOf ?? input.referredOn) as IsoDate, 1))}起继续计付至实际清偿之日止`
                : '否'
            }`
          : '无',
      },
      // The court assesses its own costs and decides who bears them: the complaint asks only that the defendant
      // does (是/否, statutes.ts COURT_COSTS_SOURCE). Before, every cost, a lawyer's fee too, was stated here with its
      // amount as court costs, never pleaded as a claim, and left out of 标的总额 and the procedure (a helper's audit).
      { label: '3. 是否主张诉讼费用', value: claims.courtCostsClaimed || claims.costsTotalFen > 0 ? '是' : '否' },
      {
        label: '4. 其他请求',
        value: (pkg.otherClaimLines ?? []).map((l) => `${l.label}${yuanWithWords(l.amountFen)}`).join('；') || '无',
      },
      { label: '5. 标的总额', value: yuanWithWords(claims.amountInDisputeFen) },
    ],
  };

  const jurisdiction: ComplaintSection = {
    heading: '约定管辖和诉前保全',
    rows: [
      { label: '1. 有无仲裁、法院管辖约定', value: NOT_HELD },
      { label: '2. 是否已经诉前保全', value: NOT_HELD },
    ],
  };

  const penaltyLine = (l: PenaltyLine) => {
    const month = penaltyMonth(l.label);
    return `${month ? `${chineseMonth(month)}物业费逾期违约金` : l.label}：${yuan(l.amountFen)}`;
  };
  const { ownersSide, hiringDecision } = pkg.contract;
  const lateFees = lateFeeGroups(pkg);
  const terms = lateFees.length === 1 ? lateFees[0].terms : null;
  const penaltyLines = pkg.penaltyLines.map(penaltyLine);
  const standards = pkg.feeStandards ?? [];
  const lateFeeStandardText = (t: PackageLateFeeTerms | null) =>
    t ? `${lateFeeStandard(t)}；合同条款原文：${clauseQuoted(t)}` : `按合同约定的违约金标准（${NOT_HELD}）`;
  const lateFeeComputationText = (t: PackageLateFeeTerms | null) =>
    t ? lateFeeComputation(t, asAt) : `按合同约定的违约金标准，对各月逾期未付的物业费自应付之日起计算至${asAt}`;
  const facts: ComplaintSection = {
    heading: '事实与理由',
    rows: [
      {
        label: '1. 物业服务合同或前期物业服务合同签订情况（名称、编号、签订时间、地点等）',
        value: `《${pkg.contract.name}》，编号${pkg.contract.number}，签订时间${chineseDate(pkg.contract.signedOn)}，签订地点${NOT_HELD}；合同备案编号${pkg.contract.filingRecordNumber}`,
      },
      {
        label: '2. 签订主体',
        // Before, not held though the filing names the owners' side (a helper's audit of the court documents).
        // The owners' choice of the provider where the filing names it (Civil Code arts. 278, 939: the contract binds
        // the owner sued, who did not sign it, as one with the provider the owners chose lawfully).
        value:
          `业主/建设单位：${ownersSide ? `${ownersSide.name}（${OWNERS_SIDE_NAMES[ownersSideKind(ownersSide)]}）` : NOT_HELD}；物业服务人：${plaintiffName}` +
          (hiringDecision ? `（业主于${chineseDate(hiringDecision.heldOn)}共同决定选聘）` : ''),
      },
      {
        label: '3. 物业项目情况',
        value: `坐落位置：${pkg.property.address}；面积：${area(pkg.property.floorAreaCentiM2)}；所有权人：${defendantName}`,
      },
      {
        label: '4. 约定的物业费标准',
        // Months billed at different rates (an amendment changed the rate from a month on): each period its own.
        value:
          new Set(standards.map((st) => st.rateFenPerM2Month)).size > 1
            ? standards
                .map((st) => `${monthSpan(st)}：${rate(st.rateFenPerM2Month)}（合同备案编号${st.filingRecordNumber}）`)
                .join('；')
            : rate(pkg.feeStandard.rateFenPerM2Month),
      },
      {
        label: '5. 约定的物业服务期限',
        value: serviceTermText(pkg.serviceTerm),
      },
      { label: '6. 约定的物业费支付方式', value: NOT_HELD },
      {
        label: '7. 约定的逾期支付物业费违约金标准',
        value: !penaltyClaimed
          ? '无'
          : lateFees.length > 1
            ? lateFees.map((g) => `${g.periods.map(monthSpan).join('、')}：${lateFeeStandardText(g.terms)}`).join('；')
            : lateFeeStandardText(terms),
      },
      {
        label: '8. 被告欠付物业费数额及计算方式',
        value: `欠付物业费数额：${yuan(claims.feeTotalFen)}；具体计算方式：${feeLineRuns(pkg.arrearsLines).join('；')}；合计${yuan(claims.feeTotalFen)}`,
      },
      {
        label: '9. 被告应付违约金数额及计算方式',
        value: penaltyClaimed
          ? `应付违约金数额：${yuan(claims.penaltyTotalFen)}；具体计算方式：${
              lateFees.length > 1
                ? lateFees
                    .map(
                      (g) =>
                        `${g.periods.map(monthSpan).join('、')}各月：${lateFeeComputationText(g.terms)}：${g.lines.map(penaltyLine).join('；')}`,
                    )
                    .join('；')
                : `${lateFeeComputationText(terms)}：${penaltyLines.join('；')}`
            }；合计${yuan(claims.penaltyTotalFen)}`
          : '无',
      },
      {
        label: '10. 催缴情况',
        value:
          pkg.demands.length === 0
            ? '无'
            : pkg.demands.map((d) => `${chineseDate(d.date)}，${demandText(d.channel)}${arrivalText(d)}`).join('；'),
      },
      { label: '11. 其他需要说明的内容（可另附页）', value: '无' },
      {
        label: '12. 请求依据',
        value: `合同约定：《${pkg.contract.name}》关于物业费标准、支付及违约责任的约定；法律规定：${LEGAL_BASIS}`,
      },
    ],
  };

  const listed = pkg.evidence.map((e) => ({ name: e.name, type: e.type, sha256: e.sha256, origin: e.origin }));
  const extra = input.uploads.filter((u) => !listed.some((e) => e.sha256 === u.sha256));
  const uploaded = new Set(input.uploads.map((u) => u.sha256));
  const evidence: EvidenceListEntry[] = [...listed, ...extra].map((e, i) => ({
    number: i + 1,
    name: e.name,
    purpose: EVIDENCE_PURPOSES[e.type] ?? NOT_HELD,
    origin: ('origin' in e && e.origin) || NOT_HELD,
    sha256: e.sha256,
    source: uploaded.has(e.sha256) ? 'UPLOADED' : 'LISTED',
  }));

  const mediation: ComplaintSection = {
    heading: '对纠纷解决方式的意愿',
    rows: [
      {
        label: '是否了解调解作为非诉讼纠纷解决方式，能及时、高效、低成本、不伤和气地解决纠纷',
        value: NOT_HELD,
      },
      { label: '是否了解先行调解解决纠纷的好处', value: NOT_HELD },
      { label: '是否考虑先行调解', value: NOT_HELD },
    ],
  };

  return {
    title: '民事起诉状',
    subtitle: '（物业服务合同纠纷）',
    court: input.courtName,
    sections: [parties, service, claimsSection, jurisdiction, facts, mediation],
    evidence,
    signature: { plaintiff: plaintiffName, date: signedOn },
    figures: {
      feeTotalFen: claims.feeTotalFen,
      penaltyTotalFen: claims.penaltyTotalFen,
      otherClaimsTotalFen: claims.otherClaimsTotalFen ?? 0,
      costsTotalFen: claims.costsTotalFen,
      amountInDisputeFen: claims.amountInDisputeFen,
      grandTotalFen: claims.grandTotalFen,
    },
    packageDigest: input.packageDigest,
  };
}

/** The file name stem of a defendant's complaint: 民事起诉状-<defendant>-<referral id prefix>. */
export function complaintFileStem(complaint: Complaint, referralId: string): string {
  // The defendant's name row: 被告（自然人）姓名, or 被告（法人、非法人组织）名称 for an organisation.
  const who = complaint.sections[0].rows.find((r) => r.label.startsWith('被告（'))?.value ?? '';
  // 40 characters, not UTF-16 units: a name with a character beyond the BMP (𠮷) at the cut kept half of it.
  const stem = Array.from(who.replace(/[\\/:*?"<>|\s]+/g, '_'))
    .slice(0, 40)
    .join('');
  return `民事起诉状-${stem}-${referralId.slice(0, 8)}`;
}
