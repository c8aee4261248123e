import { rejection } from '../../../test/support/rejection';
import {
  CasePackage,
  CasePackageContent,
  CasePackageProblem,
  canonicalJson,
  casePackageProblems,
  firstPackage,
  isNextVersionOf,
  nextPackage,
  packageClaims,
  packageDigest,
} from './case-package';
import { buildComplaintClaims } from './claim';

const hex = (c: string) => c.repeat(64);
const claims = buildComplaintClaims({
  arrears: ['2023-01', '2023-02'].map((month) => ({
    month,
    floorAreaCentiM2: 5_678,
    rateFenPerM2Month: 167,
    paidFen: 0,
  })),
  penalties: [{ label: '2023-01 fee', amountFen: 1_209, computation: '¥94.82 × 0.03% × 425 days = ¥12.09' }],
  costs: [{ label: 'court fee', amountFen: 2_500 }],
});
const content: CasePackageContent = {
  referralId: 'ref-1',
  parties: [
    {
      role: 'PLAINTIFF',
      kind: 'COMPANY',
      name: '北京某物业服务有限公司',
      identifier: '91110108MA00000000',
      address: '北京市海淀区',
    },
    {
      role: 'DEFENDANT',
      kind: 'PERSON',
      name: '张某',
      identifier: '110108199001010000',
      address: '学院南路32号院3号楼2单元101',
    },
  ],
  claims: packageClaims(claims),
  contract: {
    name: '学院南路32号院物业服务合同',
    number: 'HT-2022-001',
    signedOn: '2021-12-10',
    filingRecordNumber: '110108-2021-0001',
  },
  property: { address: '学院南路32号院3号楼2单元101', floorAreaCentiM2: 5_678, owner: '张某' },
  feeStandard: { rateFenPerM2Month: 167, description: 'high-rise ¥1.67 per m² per month (owner rate, seed 003)' },
  serviceTerm: { startsOn: '2022-01-01', endsOn: '2024-12-31' },
  arrearsLines: claims.feeLines,
  penaltyLines: claims.penaltyLines,
  demands: [{ date: '2024-03-01', channel: 'LETTER' }],
  evidence: [{ name: 'contract.pdf', type: 'CONTRACT', sha256: hex('a') }],
};
const v1 = firstPackage(content);

describe('case package', () => {
  it('starts at version 1 with no predecessor', () => {
    expect(v1).toMatchObject({ version: 1, previousDigest: null, referralId: 'ref-1' });
    expect(v1.claims.grandTotalFen).toBe(9_482 * 2 + 1_209 + 2_500);
    expect(casePackageProblems(v1)).toEqual([]);
  });

  it('digests the canonical JSON, independent of field order', () => {
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverseKeys(v)]),
            )
          : value;
    const reordered = reverseKeys(v1) as CasePackage;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(v1));
    expect(packageDigest(v1)).toMatch(/^[0-9a-f]{64}$/);
    expect(packageDigest(reordered)).toBe(packageDigest(v1));
    expect(canonicalJson(v1).startsWith('{"arrearsLines":[{"amountFen":9482,')).toBe(true);
  });

  it('changes the digest when any figure changes', () => {
    const altered = { ...v1, claims: { ...v1.claims, grandTotalFen: v1.claims.grandTotalFen + 1 } };
    expect(packageDigest(altered)).not.toBe(packageDigest(v1));
  });

  it('links version n + 1 to the digest of version n', () => {
    const v2 = nextPackage(v1, { ...content, demands: [...content.demands, { date: '2024-04-01', channel: 'VISIT' }] });
    const v3 = nextPackage(v2, content);
    expect(v2).toMatchObject({ version: 2, previousDigest: packageDigest(v1) });
    expect(v3).toMatchObject({ version: 3, previousDigest: packageDigest(v2) });
    expect(isNextVersionOf(v2, v1)).toBe(true);
    expect(isNextVersionOf(v3, v2)).toBe(true);
    expect(isNextVersionOf(v3, v1)).toBe(false);
    expect(isNextVersionOf(v2, { ...v1, referralId: 'ref-2' })).toBe(false);
  });

  it.each<[string, Partial<CasePackage>, CasePackageProblem[]]>([
    [
      'two plaintiffs and no defendant',
      { parties: [content.parties[0], content.parties[0]] },
      ['NEEDS_ONE_PLAINTIFF', 'NEEDS_A_DEFENDANT'],
    ],
    [
      'no filing record number',
      { contract: { ...content.contract, filingRecordNumber: ' ' } },
      ['FILING_RECORD_MISSING'],
    ],
    [
      'a fee total one fen off',
      { claims: { ...content.claims, feeTotalFen: content.claims.feeTotalFen + 1 } },
      ['FEE_TOTAL_MISMATCH', 'GRAND_TOTAL_MISMATCH'],
    ],
    ['a penalty line dropped', { penaltyLines: [] }, ['PENALTY_TOTAL_MISMATCH']],
    [
      'a grand total one fen off',
      { claims: { ...content.claims, grandTotalFen: content.claims.grandTotalFen - 1 } },
      ['GRAND_TOTAL_MISMATCH'],
    ],
    [
      'another floor area and rate',
      {
        property: { ...content.property, floorAreaCentiM2: 5_679 },
        feeStandard: { ...content.feeStandard, rateFenPerM2Month: 100 },
      },
      ['FLOOR_AREA_MISMATCH', 'RATE_MISMATCH'],
    ],
    [
      'a month after the service term',
      { serviceTerm: { startsOn: '2021-01-01', endsOn: '2022-12-31' } },
      ['MONTH_OUTSIDE_SERVICE_TERM'],
    ],
    ['no demand and no evidence', { demands: [], evidence: [] }, ['NO_DEMAND_RECORDED', 'NO_EVIDENCE']],
    [
      'an upper-case evidence digest',
      { evidence: [{ ...content.evidence[0], sha256: hex('A') }] },
      ['EVIDENCE_DIGEST_INVALID'],
    ],
    ['version 2 without a predecessor', { version: 2, previousDigest: null }, ['BAD_VERSION_LINK']],
    ['version 1 with a predecessor', { previousDigest: hex('b') }, ['BAD_VERSION_LINK']],
  ])('finds %s', (_label, overrides, problems) => {
    expect(casePackageProblems({ ...v1, ...overrides })).toEqual(problems);
  });

  it('refuses to build an inconsistent package, listing every problem', () => {
    const error = rejection(() => firstPackage({ ...content, demands: [], evidence: [] }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details?.problems).toEqual(['NO_DEMAND_RECORDED', 'NO_EVIDENCE']);
  });

  it('refuses a package with a value JSON cannot carry', () => {
    const error = rejection(() =>
      firstPackage({ ...content, property: { ...content.property, owner: undefined as unknown as string } }),
    );
    expect(error.details).toEqual({ problems: ['NOT_A_JSON_VALUE'], path: '$.property.owner' });
  });
});
