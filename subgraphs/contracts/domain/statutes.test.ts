import { rejection } from '../../../test/support/rejection';
import {
  BEIJING,
  BEIJING_LATE_FILING_PENALTY,
  CitySettings,
  SEED_004_AGREEMENT_SELECTION_MAX_FLOOR_AREA_CENTI_M2,
  LINJIANG_SETTINGS,
  defineCitySettings,
  settingsCovering,
} from './statutes';

/** A city with a 50,000 m² agreement threshold and no preliminary-term cap; the figures are illustrative. */
const fiftyThousand: CitySettings = {
  cityCode: '999900',
  cityName: 'an illustrative city',
  regulation: 'a city regulation',
  filingReviewerRole: 'CITY_BUREAU',
  filingDeadlineDays: 30,
  agreementSelectionMaxFloorAreaCentiM2: 5_000_000,
  preliminaryContractMaxYears: null,
  filingAuthority: '示例市住房和城乡建设局',
  lateFilingPenalty: null,
  sources: {
    filingDeadline: 'a city regulation',
    agreementSelection: 'a city regulation',
    preliminaryContractTerm: null,
    filingAuthority: 'a city regulation',
  },
};

describe('contracts statutes', () => {
  it.each<[keyof CitySettings, unknown]>([
    ['cityCode', '110000'],
    ['filingDeadlineDays', 15], // Beijing art. 63
    ['agreementSelectionMaxFloorAreaCentiM2', null], // no Beijing figure confirmed; 临江市's is not borrowed
    ['preliminaryContractMaxYears', 2],
    // Art. 63 para. 3's words, printed as 备案机关 on the certificate (before, an English phrase).
    ['filingAuthority', '街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门'],
  ])('Beijing %s is %j', (field, value) => {
    expect(BEIJING[field]).toEqual(value);
  });

  it('keeps the art. 91 fine in fen: ¥5,000 to ¥10,000, only where the filing is not made within the time set', () => {
    expect(BEIJING.lateFilingPenalty).toBe(BEIJING_LATE_FILING_PENALTY);
    expect(BEIJING_LATE_FILING_PENALTY).toMatchObject({
      warningFirst: true,
      fineMinFen: 500_000,
      fineMaxFen: 1_000_000,
    });
    const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US')}`;
    expect(BEIJING_LATE_FILING_PENALTY.description).toContain(`${yuan(500_000)} to ${yuan(1_000_000)}`);
  });

  it("states art. 91's consequence of art. 63 para. 3 as the regulation words it: an order to file within a time limit and a warning, the fine only after", () => {
    // 北京市物业管理条例 (2024-03-29) art. 91, as the law mirror holds it. Before: "a warning (警告), then a fine of
    // ¥5,000 to ¥10,000" under "art. 91" alone, the order to put it right left out and the fine following the warning.
    expect(BEIJING_LATE_FILING_PENALTY.source).toBe(
      'Beijing Property Management Regulation art. 91: 违反本条例第六十三条规定，物业服务人未按规定将物业服务合同报街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门备案的，由街道办事处、乡镇人民政府责令限期改正，给予警告；逾期不改的，处五千元以上一万元以下的罚款',
    );
    expect(BEIJING_LATE_FILING_PENALTY.description).toMatch(
      /^the street office or township government orders the filing made within a time limit and gives a warning \(责令限期改正，给予警告\); a fine .* only if it is not made by then \(逾期不改的\)$/,
    );
    // The duty whose breach art. 91 names: art. 63 para. 3, not the article's first paragraphs (signing, valuing the fee).
    expect(BEIJING.sources.filingDeadline).toBe(
      'Beijing Property Management Regulation art. 63 para. 3: 物业服务合同签订或者变更之日起十五日内，物业服务人应当将物业服务合同报街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门备案',
    );
  });

  it('names a source for every Beijing number', () => {
    expect(BEIJING.sources.filingDeadline).toMatch(/art\. 63/);
    expect(BEIJING.sources.filingAuthority).toMatch(
      /art\. 63 para\. 3: .*报街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门备案/,
    );
    expect(BEIJING.sources.agreementSelection).toMatch(/art\. 24.*no Beijing figure/);
    expect(BEIJING.sources.preliminaryContractTerm).toBe(
      'Beijing Property Management Regulation art. 19 para. 3: 前期物业服务合同期限最长不超过二年，具体期限在前期物业服务合同中约定',
    );
    expect(SEED_004_AGREEMENT_SELECTION_MAX_FLOOR_AREA_CENTI_M2).toBe(30_000 * 100);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(BEIJING)).toBe(true);
    expect(Object.isFrozen(BEIJING.sources)).toBe(true);
  });

  it('accepts another city, frozen, and takes its own numbers', () => {
    const city = defineCitySettings(fiftyThousand);
    expect(city).toEqual(fiftyThousand);
    expect(city).not.toBe(fiftyThousand);
    expect(Object.isFrozen(city)).toBe(true);
    expect(defineCitySettings(BEIJING)).toEqual(BEIJING);
  });

  it.each<[string, Partial<CitySettings>, string[]]>([
    ['an empty city code and authority', { cityCode: ' ', filingAuthority: '' }, ['cityCode', 'filingAuthority']],
    // The certificate prints it as 备案机关: an English phrase on the Chinese paper is refused.
    ['an authority not in Chinese', { filingAuthority: 'the city housing bureau' }, ['filingAuthority']],
    [
      'a fractional or zero deadline',
      { filingDeadlineDays: 0, agreementSelectionMaxFloorAreaCentiM2: 1.5 },
      ['filingDeadlineDays', 'agreementSelectionMaxFloorAreaCentiM2'],
    ],
    [
      'a zero preliminary term',
      {
        preliminaryContractMaxYears: 0,
        sources: { ...fiftyThousand.sources, preliminaryContractTerm: 'a city regulation' },
      },
      ['preliminaryContractMaxYears'],
    ],
    ['a cap without a source', { preliminaryContractMaxYears: 3 }, ['sources']],
    [
      'periods past year 9999 (a typo of an admin)',
      {
        filingDeadlineDays: 100_000_000,
        preliminaryContractMaxYears: 300_000,
        sources: { ...fiftyThousand.sources, preliminaryContractTerm: 'a city regulation' },
      },
      ['filingDeadlineDays', 'preliminaryContractMaxYears'],
    ],
    [
      'periods a day and a year over the bounds',
      {
        filingDeadlineDays: 367,
        preliminaryContractMaxYears: 21,
        sources: { ...fiftyThousand.sources, preliminaryContractTerm: 'a city regulation' },
      },
      ['filingDeadlineDays', 'preliminaryContractMaxYears'],
    ],
    [
      'a fine range upside down',
      { lateFilingPenalty: { ...BEIJING_LATE_FILING_PENALTY, fineMinFen: 1_000_001 } },
      ['lateFilingPenalty'],
    ],
    [
      'a penalty without a source',
      { lateFilingPenalty: { ...BEIJING_LATE_FILING_PENALTY, source: '' } },
      ['lateFilingPenalty'],
    ],
    ['a small-claims province without a source', { smallClaimsProvinceCode: '220000' }, ['smallClaimsProvinceCode']],
    [
      'a city code given as the small-claims province',
      {
        smallClaimsProvinceCode: '220681',
        sources: { ...fiftyThousand.sources, smallClaimsProvince: 'GB/T 2260' },
      },
      ['smallClaimsProvinceCode'],
    ],
    ['a demand period without a source', { demandPeriodDays: 30 }, ['sources']],
    ['a demand source without a period', { sources: { ...fiftyThousand.sources, demandPeriod: 'x' } }, ['sources']],
    [
      'a demand period over 180 days',
      { demandPeriodDays: 181, sources: { ...fiftyThousand.sources, demandPeriod: 'the bureau notice' } },
      ['demandPeriodDays'],
    ],
  ])('rejects settings with %s, naming the fields', (_label, overrides, fields) => {
    const error = rejection(() => defineCitySettings({ ...fiftyThousand, ...overrides }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.details?.fields as object).sort()).toEqual([...fields].sort());
  });

  it('names the province whose small-claims threshold applies: Beijing itself, 吉林省 for 临江市, each with its source', () => {
    expect(BEIJING.smallClaimsProvinceCode).toBe('110000');
    expect(LINJIANG_SETTINGS.smallClaimsProvinceCode).toBe('220000');
    expect(LINJIANG_SETTINGS.sources.smallClaimsProvince).toMatch(/吉林省 \(220000\).*art\. 165/);
    expect(defineCitySettings(LINJIANG_SETTINGS)).toEqual(LINJIANG_SETTINGS);
  });

  it('finds the most specific city covering a district, and none for an unconfigured one', () => {
    const baishan = { ...fiftyThousand, cityCode: '220600' };
    const all = [BEIJING, baishan, LINJIANG_SETTINGS];
    expect(settingsCovering('110108', all)).toBe(BEIJING);
    expect(settingsCovering('220681', all)).toBe(LINJIANG_SETTINGS);
    expect(settingsCovering('220602', all)).toBe(baishan);
    expect(settingsCovering('220102', all)).toBeNull();
    expect(settingsCovering('120101', [BEIJING])).toBeNull();
  });

  it('keeps Linjiang to what seed 004 says: the enforcement bureau, 30,000 m², no deadline it cannot source', () => {
    expect(defineCitySettings(LINJIANG_SETTINGS)).toEqual(LINJIANG_SETTINGS);
    expect(LINJIANG_SETTINGS).toMatchObject({
      cityCode: '220681',
      filingReviewerRole: 'ENFORCEMENT_BUREAU',
      agreementSelectionMaxFloorAreaCentiM2: 3_000_000,
      filingDeadlineDays: null,
      lateFilingPenalty: null,
      // The bureau's name as seed 004 writes it in full, alone: before, English words and "the street office
      // supervising" followed it, all printed as 备案机关 on the certificate.
      filingAuthority: '临江市城市管理行政执法局',
    });
    expect(LINJIANG_SETTINGS.sources.filingAuthority).toMatch(/§六\(七\): 签订的前期物业服务合同需报市城管执法局备案/);
    expect(LINJIANG_SETTINGS.sources.agreementSelection).toMatch(/§六\(七\).*建筑面积不超过三万平方米/);
  });

  it('refuses a city code that is not six digits and a reviewer role it does not know', () => {
    const error = rejection(() =>
      defineCitySettings({ ...fiftyThousand, cityCode: '2206', filingReviewerRole: 'COURT' as never }),
    );
    expect(Object.keys(error.details?.fields as object).sort()).toEqual(['cityCode', 'filingReviewerRole']);
  });
});
