import { chargeFen } from '../../../kernel/money';
import { CostLine, buildComplaintClaims } from './claim';
import { casePackageProblems, firstPackage, packageDigest } from './case-package';
import { CompanyProfile } from './company-profile';
import {
  NOT_HELD,
  buildComplaint,
  complaintFileStem,
  feeLineRuns,
  lateFeeComputation,
  lateFeeStandard,
} from './complaint';
import { DefendantIdentity, residentIdFacts } from './defendant';
import { EvidenceFile } from './evidence-file';
import { ClaimSnapshot, FilingRecord, HiringDecisionRecord, casePackageContent, validateEvidence } from './referral';

const FILING: FilingRecord = {
  filingId: 'f1',
  contractId: 'k1',
  status: 'ACCEPTED',
  recordNumber: '110108-2021-0001',
  startsOn: '2022-01-01',
  endsOn: '2031-12-31',
  terminatedOn: null,
  terms: {
    title: '学院南路32号院物业服务合同（四方协议）',
    number: 'BTPZ-XYNL32-2021-001',
    signedOn: '2021-12-10',
    startsOn: '2022-01-01',
    endsOn: '2031-12-31',
    // The demo's four-party agreement (hub/demo/demo-data.ts) is signed for the owners by the committee; a developer
    // listed first among the parties is not who signed (a helper's review: it was named before).
    ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '学院南路32号院物业管理委员会' },
    parties: [
      { role: 'PROVIDER', name: '北京学苑物业服务有限公司', registration: '91110108551385082Q' },
      { role: 'DEVELOPER', name: '某开发公司', registration: null },
      { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '学院南路32号院物业管理委员会', registration: null },
    ],
    lateFee: { dailyRatePerTenThousand: 3, graceDays: 30, capPercentOfPrincipal: null },
  },
};

// Seed 003's owner rate of ¥1.67 for a high-rise flat of 56.78 m²: 94.82 yuan a month.
const monthly = chargeFen(5678, 167);
const charge = (month: string, openFen: number, lateFeeFen: number) => ({
  chargeId: `c-${month}`,
  kind: 'SERVICE_FEE',
  month,
  dueOn: `${month}-28`,
  filingId: 'f1',
  floorAreaCentiM2: 5678,
  rateFen: 167,
  openFen,
  limitationEndsOn: '2029-12-31',
  lateFeeFen,
});
const CLAIM: ClaimSnapshot = {
  accountId: 'a1',
  companyId: 'company-xueyuan',
  householdId: 'h1',
  areaId: 'area-1',
  areaName: '学院南路32号院',
  unit: '3',
  room: '402',
  floorAreaCentiM2: 5678,
  ownerReference: 'XYNL32-3-402',
  status: 'IN_COLLECTION',
  asOf: '2026-11-22',
  charges: [
    charge('2026-07', monthly, 250),
    charge('2026-08', monthly, 180),
    charge('2026-09', monthly, 0),
    charge('2026-10', monthly - 2000, 0),
  ],
  demands: [
    { kind: 'LETTER', on: '2026-11-01', channel: null, deliveredOn: '2026-11-03' },
    { kind: 'MESSAGE', on: '2026-11-05', channel: 'WECHAT' },
  ],
  mediationSessions: [],
};
/** The fixture's first package, claiming `costs` besides the four months. */
const packageClaiming = (costs: CostLine[], options: { lateFeeUntilPaid?: boolean; claim?: ClaimSnapshot } = {}) =>
  firstPackage(
    casePackageContent({
      referralId: '7d0c2f1e-0000-4000-8000-000000000001',
      claim: options.claim ?? CLAIM,
      claimableMonths: ['2026-07', '2026-08', '2026-09', '2026-10'],
      filings: [FILING],
      evidence: [{ name: '四方协议.pdf', type: 'CONTRACT', sha256: 'a'.repeat(64) }],
      costs,
      lateFeeUntilPaid: options.lateFeeUntilPaid,
    }).content,
  );
const pkg = packageClaiming([{ kind: 'COURT_COSTS', label: 'court fee', amountFen: 2500 }]);

const PLAINTIFF: CompanyProfile = {
  companyId: 'company-xueyuan',
  legalName: '北京学苑物业服务有限公司',
  domicile: '北京市海淀区学院南路32号',
  creditCode: '91110108551385082Q',
  legalRepresentative: '王某',
  legalRepresentativeTitle: '执行董事',
  phone: '010-62000000',
  agent: null,
  serviceAddress: null,
  serviceRecipient: '李某',
  acceptsElectronicService: true,
  electronicServiceAddress: 'legal@xueyuan.example.cn',
};
const DEFENDANT: DefendantIdentity = {
  legalName: '张三',
  idType: 'RESIDENT_ID',
  idNumber: '110108198507152318',
  phone: '13900000000',
  serviceAddress: '北京市海淀区学院南路32号院3-402',
  masked: false,
};
const UPLOAD: EvidenceFile = {
  id: 'e1',
  referralId: pkg.referralId,
  name: '送达回执.jpg',
  type: 'DELIVERY_RECEIPT',
  mediaType: 'JPEG',
  sha256: 'b'.repeat(64),
  sizeBytes: 1000,
  storageKey: 'k',
  uploadedAt: new Date(),
  chainSequence: 7,
};

const complaintInput = {
  pkg,
  packageDigest: packageDigest(pkg),
  courtName: '北京市海淀区人民法院',
  referredOn: '2026-12-01',
  plaintiff: PLAINTIFF,
  defendant: DEFENDANT,
  uploads: [UPLOAD],
};
const complaint = buildComplaint(complaintInput);
const row = (heading: string, label: string) =>
  complaint.sections.find((s) => s.heading === heading)?.rows.find((r) => r.label.startsWith(label))?.value ?? '';

describe('the complaint (物业服务合同纠纷 民事起诉状) from a case package', () => {
  it('has the model text’s parts in order', () => {
    expect(complaint.title).toBe('民事起诉状');
    expect(complaint.subtitle).toBe('（物业服务合同纠纷）');
    expect(complaint.sections.map((s) => s.heading)).toEqual([
      '当事人信息',
      '送达地址及收件人、电子送达',
      '诉讼请求',
      '约定管辖和诉前保全',
      '事实与理由',
      '对纠纷解决方式的意愿',
    ]);
  });

  it('names the plaintiff from its profile', () => {
    expect(row('当事人信息', '原告')).toBe('北京学苑物业服务有限公司');
    expect(row('当事人信息', '统一社会信用代码')).toBe('91110108551385082Q');
    expect(row('当事人信息', '法定代表人')).toBe('王某，职务：执行董事，联系电话：010-62000000');
    expect(row('当事人信息', '委托诉讼代理人')).toBe('无');
  });

  it('names the defendant with the identity the court was given, sex and birth date from the resident ID', () => {
    expect(row('当事人信息', '被告')).toBe('张三');
    expect(row('当事人信息', '证件类型')).toBe('居民身份证');
    expect(row('当事人信息', '证件号码')).toBe('110108198507152318');
    expect(row('当事人信息', '性别')).toBe('男');
    expect(row('当事人信息', '出生日期')).toBe('1985年7月15日');
    expect(row('当事人信息', '民族')).toBe(NOT_HELD);
  });

  it('names an owner that is an organisation under 被告（法人、非法人组织）, by its credit code, and files the complaint under its name', () => {
    const developer: DefendantIdentity = {
      legalName: '北京学苑房地产开发有限公司',
      idType: 'UNIFIED_SOCIAL_CREDIT_CODE',
      idNumber: '91110108MA01XYFC31',
      phone: '010-62001111',
      serviceAddress: null,
      masked: false,
    };
    const sued = buildComplaint({ ...complaintInput, defendant: developer });
    const rows = sued.sections[0].rows;
    const defendantRows = rows.slice(rows.findIndex((r) => r.label.startsWith('被告')));
    expect(defendantRows).toEqual([
      { label: '被告（法人、非法人组织）名称', value: '北京学苑房地产开发有限公司' },
      { label: '住所地（主要办事机构所在地）', value: NOT_HELD },
      { label: '法定代表人/负责人', value: NOT_HELD },
      { label: '联系电话', value: '010-62001111' },
      { label: '统一社会信用代码', value: '91110108MA01XYFC31' },
    ]);
    // No natural person's rows: no sex or birth date read from a credit code.
    expect(rows.some((r) => ['性别', '出生日期', '证件类型'].includes(r.label))).toBe(false);
    expect(complaintFileStem(sued, pkg.referralId)).toContain('北京学苑房地产开发有限公司');
  });

  it("states a package's amounts as at the day they were computed to, and one built before that day was kept as at the referral", () => {
    expect(pkg.amountsAsOf).toBe('2026-11-22');
    const older = Object.fromEntries(Object.entries(pkg).filter(([key]) => key !== 'amountsAsOf')) as typeof pkg;
    const before = buildComplaint({ ...complaintInput, pkg: older, packageDigest: packageDigest(older) });
    const claimRow = before.sections.find((x) => x.heading === '诉讼请求')!.rows.find((r) => r.label.startsWith('1.'));
    expect(claimRow?.value).toMatch(/^截至2026年12月1日止/);
    expect(before.signature.date).toBe('2026年12月1日');
  });

  it('states the service address and the consent to electronic service', () => {
    expect(row('送达地址及收件人、电子送达', '原告送达地址')).toBe('北京市海淀区学院南路32号');
    expect(row('送达地址及收件人、电子送达', '被告送达地址')).toBe('北京市海淀区学院南路32号院3-402');
    expect(row('当事人信息', '经常居住地')).toBe(NOT_HELD);
    expect(row('送达地址及收件人、电子送达', '收件人')).toBe('李某');
    expect(row('送达地址及收件人、电子送达', '是否接受电子送达')).toBe('是。电子送达地址：legal@xueyuan.example.cn');
  });

  it('claims the package’s fee, penalty, costs and total, in figures and in words', () => {
    // 3 × 94.82 + 74.82 = 359.28; penalty 2.50 + 1.80 = 4.30; in dispute 363.58; with the 25.00 court fee 388.58.
    expect(pkg.claims).toMatchObject({
      feeTotalFen: 35928,
      penaltyTotalFen: 430,
      costsTotalFen: 2500,
      amountInDisputeFen: 36358,
      grandTotalFen: 38858,
    });
    expect(row('诉讼请求', '1. 物业费')).toBe(
      // The amounts are the claim's as of 22 November, which the package records; the complaint is dated 1 December
      // (before, it stated them as at the referral's day).
      '截至2026年11月22日止，尚欠物业费359.28元（大写：人民币叁佰伍拾玖元贰角捌分），期间为2026年7月至2026年10月',
    );
    expect(row('诉讼请求', '2. 违约金')).toBe(
      '截至2026年11月22日止，欠逾期物业费的违约金4.30元（大写：人民币肆元叁角整）；是否请求支付至实际清偿之日止：否',
    );
    // The court assesses its costs: the complaint asks only that the defendant bear them (the model's 是□ 否□).
    expect(row('诉讼请求', '3. 是否主张诉讼费用')).toBe('是');
    expect(row('诉讼请求', '4. 其他请求')).toBe('无');
    expect(row('诉讼请求', '5. 标的总额')).toBe('363.58元（大写：人民币叁佰陆拾叁元伍角捌分）');
    expect(row('诉讼请求', '合计')).toBe('');
    expect(complaint.figures).toEqual({
      feeTotalFen: 35928,
      penaltyTotalFen: 430,
      otherClaimsTotalFen: 0,
      costsTotalFen: 2500,
      amountInDisputeFen: 36358,
      grandTotalFen: 38858,
    });
  });

  it('asks for the late fee on until the day paid where the company asks it (是否请求支付至实际清偿之日止)', () => {
    // Before, always 否: the company had no way to ask.
    const untilPaid = packageClaiming([], { lateFeeUntilPaid: true });
    expect(untilPaid.lateFeeUntilPaid).toBe(true);
    const text = buildComplaint({ ...complaintInput, pkg: untilPaid, packageDigest: packageDigest(untilPaid) });
    expect(text.sections.find((s) => s.heading === '诉讼请求')?.rows[1].value).toBe(
      '截至2026年11月22日止，欠逾期物业费的违约金4.30元（大写：人民币肆元叁角整）；是否请求支付至实际清偿之日止：是，以各月欠付的物业费为基数，按合同约定的违约金标准（见事实与理由第7项）自2026年11月23日起继续计付至实际清偿之日止',
    );
    // Without a late fee claimed there is nothing to run on: not kept.
    const noFee = { ...CLAIM, charges: CLAIM.charges.map((c) => ({ ...c, lateFeeFen: 0 })) };
    expect(packageClaiming([], { lateFeeUntilPaid: true, claim: noFee })).not.toHaveProperty('lateFeeUntilPaid');
    expect(packageClaiming([])).not.toHaveProperty('lateFeeUntilPaid');
  });

  it('pleads a sum other than court costs under 其他请求, in 标的总额 (诉讼费用交纳办法 art. 6)', () => {
    // Before, a lawyer's fee was stated as 诉讼费用 with its amount, 其他请求 said 无 and 标的总额 left it out.
    const claimed = packageClaiming([{ kind: 'OTHER_CLAIM', label: '律师费', amountFen: 300_000 }]);
    expect(casePackageProblems(claimed)).toEqual([]);
    expect(claimed.otherClaimLines).toEqual([{ kind: 'OTHER_CLAIM', label: '律师费', amountFen: 300_000 }]);
    const text = buildComplaint({ ...complaintInput, pkg: claimed, packageDigest: packageDigest(claimed) });
    const claimRow = (label: string) =>
      text.sections.find((s) => s.heading === '诉讼请求')?.rows.find((r) => r.label.startsWith(label))?.value;
    expect(claimRow('3. 是否主张诉讼费用')).toBe('否');
    expect(claimRow('4. 其他请求')).toBe('律师费3,000.00元（大写：人民币叁仟元整）');
    expect(claimRow('5. 标的总额')).toBe('3,363.58元（大写：人民币叁仟叁佰陆拾叁元伍角捌分）');
    expect(text.figures).toMatchObject({ otherClaimsTotalFen: 300_000, amountInDisputeFen: 336_358 });
    // Court costs claimed at 0 fen, the court to assess them: still 是 (a helper's review: it said 否).
    const atZero = packageClaiming([{ kind: 'COURT_COSTS', label: '案件受理费', amountFen: 0 }]);
    expect(atZero.claims).toMatchObject({ costsTotalFen: 0, courtCostsClaimed: true });
    const zeroText = buildComplaint({ ...complaintInput, pkg: atZero, packageDigest: packageDigest(atZero) });
    expect(zeroText.sections.find((s) => s.heading === '诉讼请求')?.rows[2]).toEqual({
      label: '3. 是否主张诉讼费用',
      value: '是',
    });
    // A total that leaves the other claims out is refused as any other wrong total.
    const wrong = { ...claimed, claims: { ...claimed.claims, amountInDisputeFen: 36358 } };
    expect(casePackageProblems(wrong)).toContain('GRAND_TOTAL_MISMATCH');
  });

  it('says when the owners chose the plaintiff, where the filing names a decision the hub recorded valid', () => {
    // Seed 003: the owners of 学院南路32号院 chose the company at a vote of October 2021 (the demo's 2021-10-31).
    const decisionId = '5b0d7f4e-1c2a-4e3b-9f8d-7a6b5c4d3e2f';
    const hired: HiringDecisionRecord = {
      decisionId,
      areaId: 'area-1',
      matter: 'HIRE_OR_DISMISS_PROVIDER',
      heldOn: '2021-10-31',
      valid: true,
    };
    const named: FilingRecord = { ...FILING, terms: { ...FILING.terms, hiringDecisionId: decisionId } };
    const element2 = (decisions: HiringDecisionRecord[]) => {
      const content = casePackageContent({
        referralId: pkg.referralId,
        claim: CLAIM,
        claimableMonths: ['2026-07'],
        filings: [named],
        evidence: [{ name: '四方协议.pdf', type: 'CONTRACT', sha256: 'a'.repeat(64) }],
        costs: [],
        hiringDecisions: decisions,
      }).content;
      const built = firstPackage(content);
      const complaint = buildComplaint({ ...complaintInput, pkg: built, packageDigest: packageDigest(built) });
      return {
        contract: content.contract,
        row: complaint.sections.find((s) => s.heading === '事实与理由')!.rows[1].value,
      };
    };
    expect(element2([hired])).toEqual({
      contract: expect.objectContaining({ hiringDecision: { decisionId, heldOn: '2021-10-31' } }),
      row: '业主/建设单位：学院南路32号院物业管理委员会（物业管理委员会）；物业服务人：北京学苑物业服务有限公司（业主于2021年10月31日共同决定选聘）',
    });
    // Not said of a decision that failed, of another matter or area, held after the signing, or not known here.
    for (const decisions of [
      [{ ...hired, valid: false }],
      [{ ...hired, matter: 'MANAGEMENT_COVENANT' as const }],
      [{ ...hired, areaId: 'area-2' }],
      [{ ...hired, heldOn: '2021-12-11' }],
      [],
    ] satisfies HiringDecisionRecord[][]) {
      const { contract, row } = element2(decisions);
      expect(contract).not.toHaveProperty('hiringDecision');
      expect(row).not.toContain('共同决定');
    }
  });

  it('leaves what the hub does not hold for the company to fill in', () => {
    expect(row('约定管辖和诉前保全', '1. 有无仲裁')).toBe(NOT_HELD);
    expect(row('事实与理由', '6. 约定的物业费支付方式')).toBe(NOT_HELD);
    expect(row('对纠纷解决方式的意愿', '是否考虑先行调解')).toBe(NOT_HELD);
  });

  it('states the facts from the package: contract, property, fee standard, term, arrears by month, late fees, demands', () => {
    expect(row('事实与理由', '1.')).toContain(
      '《学院南路32号院物业服务合同（四方协议）》，编号BTPZ-XYNL32-2021-001，签订时间2021年12月10日',
    );
    expect(row('事实与理由', '1.')).toContain('合同备案编号110108-2021-0001');
    // Who signed for the owners, as the filing names them (before, not held: a helper's audit).
    expect(row('事实与理由', '2.')).toBe(
      '业主/建设单位：学院南路32号院物业管理委员会（物业管理委员会）；物业服务人：北京学苑物业服务有限公司',
    );
    // A package stored before the side's kind was keyed `kind` (58627c4) keeps it as `role`: still named (before this
    // mend, 名称（undefined）).
    const stored = {
      ...pkg,
      contract: {
        ...pkg.contract,
        ownersSide: { role: 'PROPERTY_MANAGEMENT_COMMITTEE' as const, name: '学院南路32号院物业管理委员会' },
      },
    };
    expect(
      buildComplaint({ ...complaintInput, pkg: stored, packageDigest: packageDigest(stored) }).sections.find(
        (s) => s.heading === '事实与理由',
      )?.rows[1].value,
    ).toBe('业主/建设单位：学院南路32号院物业管理委员会（物业管理委员会）；物业服务人：北京学苑物业服务有限公司');
    const contract = { ...pkg.contract };
    delete contract.ownersSide;
    const older = { ...pkg, contract };
    const before = buildComplaint({ ...complaintInput, pkg: older, packageDigest: packageDigest(older) });
    expect(before.sections.find((s) => s.heading === '事实与理由')?.rows[1].value).toBe(
      `业主/建设单位：${NOT_HELD}；物业服务人：北京学苑物业服务有限公司`,
    );
    expect(row('事实与理由', '3.')).toBe('坐落位置：学院南路32号院 3-402；面积：56.78平方米；所有权人：张三');
    expect(row('事实与理由', '4.')).toBe('1.67元/平方米/月');
    expect(row('事实与理由', '5.')).toBe('2022年1月1日起至2031年12月31日止');
    expect(row('事实与理由', '8.')).toBe(
      '欠付物业费数额：359.28元；具体计算方式：2026年7月至2026年9月：每月56.78平方米×1.67元/平方米/月=94.82元，共3个月，计284.46元；' +
        '2026年10月：56.78平方米×1.67元/平方米/月=94.82元，已付20.00元，欠74.82元；合计359.28元',
    );
    expect(row('事实与理由', '9.')).toContain(
      '2026年7月物业费逾期违约金：2.50元；2026年8月物业费逾期违约金：1.80元；合计4.30元',
    );
    // The filed late-fee terms the arrears subgraph computed the penalty with (3/10,000 a day after 30 days' grace).
    expect(row('事实与理由', '7.')).toBe(
      '逾期未付的，按欠付物业费每日万分之3支付违约金；应付之日后30日为宽限期（末日为法定休假日的，顺延至其后第一个工作日），期满次日起算；合同未约定上限；合同条款原文：' +
        NOT_HELD,
    );
    expect(row('事实与理由', '9.')).toContain(
      '各月逾期未付的物业费×日万分之3×逾期天数（自应付之日后30日的宽限期届满次日起',
    );
    // The letter's arrival, where the company recorded it: the day the demand took effect (Civil Code art. 137).
    expect(row('事实与理由', '10.')).toBe(
      // The channel in Chinese (before, WECHAT as the hub names it).
      '2026年11月1日，书面催缴函（2026年11月3日送达）；2026年11月5日，短信/消息催缴（微信）',
    );
    const unrecorded = { ...pkg, demands: [{ date: '2026-11-01', channel: 'LETTER', deliveredOn: null }] };
    const sent = buildComplaint({ ...complaintInput, pkg: unrecorded, packageDigest: packageDigest(unrecorded) });
    expect(
      sent.sections.find((x) => x.heading === '事实与理由')!.rows.find((r) => r.label.startsWith('10.'))?.value,
    ).toBe('2026年11月1日，书面催缴函（送达情况未记录）');
    expect(row('事实与理由', '12.')).toContain('第九百四十四条');
  });

  it('states the agreed term, and a termination before its end apart from it', () => {
    const fact5 = (serviceTerm: typeof pkg.serviceTerm) =>
      buildComplaint({ ...complaintInput, pkg: { ...pkg, serviceTerm } })
        .sections.find((s) => s.heading === '事实与理由')!
        .rows.find((r) => r.label.startsWith('5.'))!.value;
    // Before, the termination was stated as the end the contract agreed.
    expect(fact5({ startsOn: '2022-01-01', endsOn: '2026-10-31', agreedEndsOn: '2031-12-31' })).toBe(
      '2022年1月1日起至2031年12月31日止；合同于2026年10月31日终止',
    );
    expect(fact5({ startsOn: '2022-01-01', endsOn: '2031-12-31', agreedEndsOn: '2031-12-31' })).toBe(
      '2022年1月1日起至2031年12月31日止',
    );
    // A package built before the agreed end was carried states its one end.
    expect(fact5({ startsOn: '2022-01-01', endsOn: '2031-12-31' })).toBe('2022年1月1日起至2031年12月31日止');
  });

  it('states a contract continuing after its term for an unfixed term (Civil Code art. 948), and its termination', () => {
    const fact5 = (serviceTerm: typeof pkg.serviceTerm) =>
      buildComplaint({ ...complaintInput, pkg: { ...pkg, serviceTerm } })
        .sections.find((s) => s.heading === '事实与理由')!
        .rows.find((r) => r.label.startsWith('5.'))!.value;
    const continued = { startsOn: '2022-01-01', agreedEndsOn: '2025-12-31', continuedFrom: '2026-01-01' };
    const unfixed =
      '；期限届满后原告继续提供物业服务，依《中华人民共和国民法典》第九百四十八条原合同继续有效，服务期限为不定期';
    // Still going on the day the amounts are stated as of.
    expect(fact5({ ...continued, endsOn: '2026-11-22' })).toBe(`2022年1月1日起至2025年12月31日止${unfixed}`);
    // Ended with notice before it.
    expect(fact5({ ...continued, endsOn: '2026-10-31', continuationEndedOn: '2026-10-31' })).toBe(
      `2022年1月1日起至2025年12月31日止${unfixed}；合同于2026年10月31日终止`,
    );
  });

  it('states a capped standard, and keeps “not held” where the package holds no terms', () => {
    // The cap bounds a month's whole late fee (late-fee.ts), as the complaint now says (before, "每月违约金不超过该月
    // 物业费的20%", read as what one month of delay adds, which never bites while the claim was cut).
    expect(lateFeeStandard({ dailyRatePerTenThousand: 5, graceDays: 0, capPercentOfPrincipal: 20 })).toBe(
      '逾期未付的，按欠付物业费每日万分之5支付违约金；自应付之日次日起算；每月物业费的违约金累计不超过该月物业费的20%',
    );
    // No grace period: from the day after the due date (before, "自应付之日后0日的宽限期届满次日起").
    expect(
      lateFeeComputation({ dailyRatePerTenThousand: 5, graceDays: 0, capPercentOfPrincipal: 20 }, '2026年12月1日'),
    ).toBe(
      '各月逾期未付的物业费×日万分之5×逾期天数（自应付之日次日起，计算至2026年12月1日，按各笔付款之日扣减本金，每月物业费的违约金累计不超过该月物业费的20%，每月四舍五入至分）',
    );
    // A package built before the terms were carried, and one whose filing holds none.
    const older = { ...pkg, lateFeeTerms: undefined, feeStandards: undefined };
    const none = {
      ...pkg,
      lateFeeTerms: null,
      feeStandards: pkg.feeStandards!.map((s) => ({ ...s, lateFeeTerms: null })),
    };
    for (const without of [older, none]) {
      const complaint = buildComplaint({ ...complaintInput, pkg: without });
      const seven = complaint.sections
        .find((s) => s.heading === '事实与理由')!
        .rows.find((r) => r.label.startsWith('7.'))!;
      expect(seven.value).toBe(`按合同约定的违约金标准（${NOT_HELD}）`);
    }
  });

  it('states a monthly rate, its computation by full months, and quotes the clause the filing carries', () => {
    // A test clause, not a seed's: 1% of the unpaid fee per full month overdue.
    const clauseText = '业主逾期交纳物业服务费的，每逾期一个月，按欠费金额的百分之一支付违约金。';
    const monthlyFiling = {
      ...FILING,
      terms: {
        ...FILING.terms,
        lateFee: { monthlyRatePerTenThousand: 100, graceDays: 0, capPercentOfPrincipal: null, clauseText },
      },
    };
    const monthlyPkg = firstPackage(
      casePackageContent({
        referralId: pkg.referralId,
        claim: CLAIM,
        claimableMonths: ['2026-07', '2026-08', '2026-09', '2026-10'],
        filings: [monthlyFiling],
        evidence: pkg.evidence,
        costs: [],
      }).content,
    );
    expect(monthlyPkg.lateFeeTerms).toEqual({
      monthlyRatePerTenThousand: 100,
      graceDays: 0,
      capPercentOfPrincipal: null,
      clauseText,
    });
    const monthlyComplaint = buildComplaint({
      ...complaintInput,
      pkg: monthlyPkg,
      packageDigest: packageDigest(monthlyPkg),
    });
    const fact = (n: string) =>
      monthlyComplaint.sections.find((s) => s.heading === '事实与理由')!.rows.find((r) => r.label.startsWith(n))!.value;
    expect(fact('7.')).toBe(
      `逾期未付的，按欠付物业费每月万分之100支付违约金；自应付之日次日起算；合同未约定上限；合同条款原文：“${clauseText}”`,
    );
    expect(fact('9.')).toContain(lateFeeComputation(monthlyPkg.lateFeeTerms!, '2026年11月22日'));
    expect(fact('9.')).toContain('月万分之100×逾期整月数');
    expect(fact('9.')).toContain('第二百零二条');
    // The package's penalty lines are the figures, and their sum is the claim.
    expect(fact('9.')).toContain('2026年7月物业费逾期违约金：2.50元');
    // A daily-rate filing without clause text keeps the shape packages had before (no monthly rate, no clause).
    expect(pkg.lateFeeTerms).toEqual({ dailyRatePerTenThousand: 3, graceDays: 30, capPercentOfPrincipal: null });
    expect(row('事实与理由', '7.')).toContain(`合同条款原文：${NOT_HELD}`);
    expect(row('事实与理由', '9.')).toContain('日万分之3×逾期天数');
  });

  it('states each standard for the months billed under it when an amendment changed the rate and late-fee terms', () => {
    // A test amendment, not a seed's: from September 2026 the owner rate is ¥1.80 and the late fee 5/10,000 a day.
    const amended: FilingRecord = {
      ...FILING,
      filingId: 'f2',
      recordNumber: '110108-2026-0042',
      terms: {
        ...FILING.terms,
        lateFee: { dailyRatePerTenThousand: 5, graceDays: 30, capPercentOfPrincipal: null },
      },
    };
    const raised = chargeFen(5678, 180);
    const claim: ClaimSnapshot = {
      ...CLAIM,
      charges: [
        charge('2026-07', monthly, 250),
        charge('2026-08', monthly, 180),
        { ...charge('2026-09', raised, 100), filingId: 'f2', rateFen: 180 },
        { ...charge('2026-10', raised, 0), filingId: 'f2', rateFen: 180 },
      ],
    };
    const built = casePackageContent({
      referralId: pkg.referralId,
      claim,
      claimableMonths: ['2026-07', '2026-08', '2026-09', '2026-10'],
      filings: [{ ...FILING, status: 'SUPERSEDED' }, amended],
      evidence: pkg.evidence,
      costs: [],
    }).content;
    // Before, one rate (the latest month's) stood for every month, and the package was refused: RATE_MISMATCH.
    const amendedPkg = firstPackage(built);
    expect(amendedPkg.feeStandards).toEqual([
      {
        fromMonth: '2026-07',
        toMonth: '2026-08',
        filingRecordNumber: '110108-2021-0001',
        rateFenPerM2Month: 167,
        lateFeeTerms: expect.objectContaining({ dailyRatePerTenThousand: 3 }),
      },
      {
        fromMonth: '2026-09',
        toMonth: '2026-10',
        filingRecordNumber: '110108-2026-0042',
        rateFenPerM2Month: 180,
        lateFeeTerms: expect.objectContaining({ dailyRatePerTenThousand: 5 }),
      },
    ]);
    expect(amendedPkg.penaltyLines.map((l) => l.computation)).toEqual([
      expect.stringContaining('3/10,000'),
      expect.stringContaining('3/10,000'),
      expect.stringContaining('5/10,000'),
    ]);
    const facts = buildComplaint({ ...complaintInput, pkg: amendedPkg }).sections.find(
      (s) => s.heading === '事实与理由',
    )!;
    const row = (n: string) => facts.rows.find((r) => r.label.startsWith(`${n}.`))!.value;
    expect(row('4')).toBe(
      '2026年7月至2026年8月：1.67元/平方米/月（合同备案编号110108-2021-0001）；' +
        '2026年9月至2026年10月：1.80元/平方米/月（合同备案编号110108-2026-0042）',
    );
    expect(row('7')).toMatch(
      /^2026年7月至2026年8月：逾期未付的，按欠付物业费每日万分之3.*；2026年9月至2026年10月：逾期未付的，按欠付物业费每日万分之5/,
    );
    expect(row('9')).toContain('2026年7月至2026年8月各月：各月逾期未付的物业费×日万分之3×逾期天数');
    expect(row('9')).toContain(
      '：2026年7月物业费逾期违约金：2.50元；2026年8月物业费逾期违约金：1.80元；2026年9月至2026年10月各月：各月逾期未付的物业费×日万分之5×逾期天数',
    );
    expect(row('9')).toMatch(/：2026年9月物业费逾期违约金：1\.00元；合计5\.30元$/);
    // A month's line at another rate than its own version's is still refused.
    const wrong = {
      ...built,
      arrearsLines: built.arrearsLines.map((l, i) => (i === 0 ? { ...l, rateFenPerM2Month: 180 } : l)),
    };
    expect(() => firstPackage(wrong)).toThrow(expect.objectContaining({ details: { problems: ['RATE_MISMATCH'] } }));
  });

  it('states what was paid, forgiven and corrected off a month apart, never a waiver as paid', () => {
    // 2026-07: ¥94.82 billed, corrected down by ¥10.00, ¥20.00 paid and ¥5.00 waived: ¥59.82 open.
    const july = {
      ...charge('2026-07', monthly - 3_500, 0),
      amountFen: monthly - 1_000,
      paidFen: 2_000,
      waivedFen: 500,
    };
    const claim: ClaimSnapshot = { ...CLAIM, charges: [july, charge('2026-08', monthly, 0)] };
    const built = casePackageContent({
      referralId: pkg.referralId,
      claim,
      claimableMonths: ['2026-07', '2026-08'],
      filings: [FILING],
      evidence: pkg.evidence,
      costs: [],
    }).content;
    const [line] = firstPackage(built).arrearsLines;
    expect(line).toMatchObject({
      chargedFen: 9_482,
      paidFen: 2_000,
      waivedFen: 500,
      correctedFen: 1_000,
      amountFen: 5_982,
    });
    expect(line.computation).toBe(
      '56.78 m² × ¥1.67 = ¥94.82, less ¥20.00 paid, ¥5.00 waived, ¥10.00 corrected off the bill = ¥59.82',
    );
    // Before: “已付35.00元”, though the owner had paid 20.00.
    expect(feeLineRuns(built.arrearsLines)[0]).toBe(
      '2026年7月：56.78平方米×1.67元/平方米/月=94.82元，已付20.00元，减免5.00元，核减10.00元，欠59.82元',
    );
    // A fee corrected above floor area × rate is claimed as far as the line can show it, the rest stated as before.
    const raised = { ...charge('2026-07', monthly + 1_000, 0), amountFen: monthly + 1_000, paidFen: 0, waivedFen: 0 };
    const [above] = casePackageContent({
      referralId: pkg.referralId,
      claim: { ...CLAIM, charges: [raised] },
      claimableMonths: ['2026-07'],
      filings: [FILING],
      evidence: pkg.evidence,
      costs: [],
    }).content.arrearsLines;
    expect(above).toMatchObject({ chargedFen: 9_482, paidFen: 0, waivedFen: 0, correctedFen: 0, amountFen: 9_482 });
  });

  it('lists the package’s evidence and the uploaded files, with their digests', () => {
    expect(complaint.evidence).toEqual([
      {
        number: 1,
        name: '四方协议.pdf',
        purpose: expect.stringContaining('物业服务合同'),
        origin: NOT_HELD,
        sha256: 'a'.repeat(64),
        source: 'LISTED',
      },
      {
        number: 2,
        name: '送达回执.jpg',
        purpose: expect.stringContaining('送达回执'),
        origin: NOT_HELD,
        sha256: 'b'.repeat(64),
        source: 'UPLOADED',
      },
    ]);
  });

  it('states where each piece comes from (证据来源, Civil Procedure Law art. 124 item 4) as the company stated it', () => {
    // Before, the list had no place for it: the statute asks a complaint for 证据和证据来源.
    const evidence = validateEvidence([
      { name: ' 四方协议.pdf ', type: 'CONTRACT', sha256: 'a'.repeat(64), origin: ' 原告保存的合同原件 ' },
      { name: '催缴函.pdf', type: 'DEMAND_LETTER', sha256: 'd'.repeat(64), origin: null },
    ]);
    expect(evidence).toEqual([
      { name: '四方协议.pdf', type: 'CONTRACT', sha256: 'a'.repeat(64), origin: '原告保存的合同原件' },
      { name: '催缴函.pdf', type: 'DEMAND_LETTER', sha256: 'd'.repeat(64) },
    ]);
    const stated = buildComplaint({ ...complaintInput, pkg: { ...pkg, evidence }, uploads: [] });
    expect(stated.evidence.map((e) => e.origin)).toEqual(['原告保存的合同原件', NOT_HELD]);
    expect(() => validateEvidence([{ name: 'x', type: 'CONTRACT', sha256: 'a'.repeat(64), origin: ' ' }])).toThrow(
      expect.objectContaining({ details: { fields: { 'evidence[0].origin': expect.any(String) } } }),
    );
  });

  it('is signed by the plaintiff on the referral date', () => {
    expect(complaint.signature).toEqual({ plaintiff: '北京学苑物业服务有限公司', date: '2026年12月1日' });
  });

  it('marks every party element not held when there is no profile and no identity, never inventing one', () => {
    const bare = buildComplaint({
      pkg,
      packageDigest: packageDigest(pkg),
      courtName: '北京市海淀区人民法院',
      referredOn: '2026-12-01',
      plaintiff: null,
      defendant: null,
      uploads: [],
    });
    const rows = bare.sections[0].rows;
    expect(rows.find((r) => r.label === '统一社会信用代码')?.value).toBe(NOT_HELD);
    expect(rows.find((r) => r.label === '证件号码')?.value).toBe(NOT_HELD);
    // Not the package's English "Owner of …": the name is the company's to fill in, the flat says whose it is.
    expect(pkg.parties[1].name).toBe('Owner of 学院南路32号院 3-402');
    const unnamed = '（姓名未载明，由原告填写；坐落于学院南路32号院 3-402的房屋所有权人）';
    expect(rows.find((r) => r.label.startsWith('被告'))?.value).toBe(unnamed);
    expect(bare.sections.find((s) => s.heading === '事实与理由')?.rows[2].value).toContain(`所有权人：${unnamed}`);
    // An evidence type the hub does not know: its purpose is the company's to state, not the type's code.
    const photo = buildComplaint({
      ...complaintInput,
      pkg: { ...pkg, evidence: [{ name: '现场照片.jpg', type: 'PHOTO', sha256: 'c'.repeat(64) }] },
    });
    expect(photo.evidence[0].purpose).toBe(NOT_HELD);
  });

  it("names the file by the defendant's first 40 characters, never half of one", () => {
    const named = (name: string) => ({
      ...complaint,
      sections: [
        {
          ...complaint.sections[0],
          rows: complaint.sections[0].rows.map((r) => (r.label === '被告（自然人）姓名' ? { ...r, value: name } : r)),
        },
        ...complaint.sections.slice(1),
      ],
    });
    const id = '7d0c2f1e-0000-4000-8000-000000000000';
    // 39 characters and then 𠮷 (two UTF-16 units) at the cut: cut by units, half of it stayed (U+FFFD once stored).
    const stem = complaintFileStem(named(`${'王'.repeat(39)}𠮷明`), id);
    expect(stem).toBe(`民事起诉状-${'王'.repeat(39)}𠮷-7d0c2f1e`);
    expect(stem).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(complaintFileStem(named('张 三/李'), id)).toBe('民事起诉状-张_三_李-7d0c2f1e');
  });

  it('groups months with the same charge into runs', () => {
    expect(feeLineRuns(pkg.arrearsLines)).toHaveLength(2);
  });

  it('states a month served in part on its own line, with its days', () => {
    const line = { floorAreaCentiM2: 5_678, rateFenPerM2Month: 167, paidFen: 0 };
    const { feeLines } = buildComplaintClaims({
      arrears: [
        { ...line, month: '2026-03', servedDays: 16 },
        { ...line, month: '2026-04' },
        { ...line, month: '2026-05' },
      ],
      penalties: [],
      costs: [],
    });
    expect(feeLineRuns(feeLines)).toEqual([
      '2026年3月：56.78平方米×1.67元/平方米/月×16/31天=48.94元',
      '2026年4月至2026年5月：每月56.78平方米×1.67元/平方米/月=94.82元，共2个月，计189.64元',
    ]);
  });

  it("states a month billed in parts on its own line, with each contract's rate and days", () => {
    const line = { floorAreaCentiM2: 10_000, rateFenPerM2Month: 200, paidFen: 0 };
    const parts = [
      { rateFenPerM2Month: 150, days: 15 },
      { rateFenPerM2Month: 200, days: 16 },
    ];
    const { feeLines } = buildComplaintClaims({
      arrears: [
        { ...line, month: '2026-03', parts },
        { ...line, month: '2026-04' },
        { ...line, month: '2026-05' },
      ],
      penalties: [],
      costs: [],
    });
    expect(feeLineRuns(feeLines)).toEqual([
      '2026年3月：100.00平方米×（1.50元/平方米/月×15/31天+2.00元/平方米/月×16/31天）=175.81元',
      '2026年4月至2026年5月：每月100.00平方米×2.00元/平方米/月=200.00元，共2个月，计400.00元',
    ]);
  });

  it('states a part the contract charged owners nothing for as 0.00元 for its days', () => {
    const parts = [
      { rateFenPerM2Month: 0, days: 15 },
      { rateFenPerM2Month: 200, days: 16 },
    ];
    const { feeLines } = buildComplaintClaims({
      arrears: [{ floorAreaCentiM2: 10_000, rateFenPerM2Month: 200, paidFen: 0, month: '2026-03', parts }],
      penalties: [],
      costs: [],
    });
    expect(feeLineRuns(feeLines)).toEqual([
      '2026年3月：100.00平方米×（0.00元/平方米/月×15/31天+2.00元/平方米/月×16/31天）=103.23元',
    ]);
  });
});

describe('facts a resident ID number encodes (GB 11643)', () => {
  it('reads sex from the 17th digit and the birth date', () => {
    expect(residentIdFacts({ idType: 'RESIDENT_ID', idNumber: '11010819900307002X', masked: false })).toEqual({
      sex: '女',
      bornOn: '1990-03-07',
    });
  });

  it('reads nothing from a masked number, another document or an impossible date', () => {
    expect(residentIdFacts({ idType: 'RESIDENT_ID', idNumber: '110***********2318', masked: true })).toBeNull();
    expect(residentIdFacts({ idType: 'PASSPORT', idNumber: 'E12345678', masked: false })).toBeNull();
    expect(residentIdFacts({ idType: 'RESIDENT_ID', idNumber: '110108198502302318', masked: false })).toBeNull();
  });
});
