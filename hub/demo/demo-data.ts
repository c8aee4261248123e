import { Identity } from '../../kernel/identity';
import { residentIdCheckCharacter } from '../../subgraphs/areas/domain/owner-identity';

/**
 * Demo data from the seed documents (shared/seeds, digested in docs/domain.md, "Demo compounds"). District codes
 * are the real GB/T 2260 codes; the street codes of 广安门内 (110102017) and 广安门外 (110102020) are the official
 * ones, the other 9-digit street codes and the 12-digit community code are illustrative, derived from them.
 */
export interface DemoBuilding {
  label: string;
  buildingClass: 'LOW_RISE' | 'HIGH_RISE';
  floors: number;
  elevators: number;
  households: number;
  /** YYYY-MM: when its elevators were replaced, where a seed says (recorded by the street office after the import). */
  elevatorsReplacedIn?: string;
}

/** Households the register puts under one owner (a property-rights unit, a developer): one owner under 法释〔2009〕7号 art. 9. */
export interface DemoSharedOwner {
  ownerReference: string;
  ownerName: string;
  /** How many of the compound's households, counted from the last one of the CSV backwards. */
  households: number;
}

export interface DemoCompound {
  name: string;
  /** The community (社区) the compound lies in, when the seed names it. */
  communityCode?: string;
  sharedOwners?: DemoSharedOwner[];
  kind: 'COMMERCIAL' | 'AFFORDABLE' | 'OLD_PUBLIC_HOUSING' | 'BUNGALOW' | 'UNMANAGED';
  governanceModel: 'CONTRACT_BASED' | 'MULTI_PARTY_CO_GOVERNANCE' | 'GOVERNMENT_BACKSTOP';
  yearBuilt?: number;
  propertyRightsUnits: number;
  maintenanceFund: 'ESTABLISHED' | 'NOT_ESTABLISHED';
  buildings: DemoBuilding[];
}

export interface DemoStreet {
  office: Identity;
  districtCode: string;
  streetCode: string;
  compounds: DemoCompound[];
}

const buildings = (
  count: number,
  each: Omit<DemoBuilding, 'label'>,
  label = (i: number) => `${i}号楼`,
  from = 1,
): DemoBuilding[] => Array.from({ length: count }, (_, i) => ({ ...each, label: label(from + i) }));

/** 西便门内社区 of 广安门内街道, where seed 000 places 广安门北街20号院 (the community's code is illustrative). */
export const XIBIANMENNEI_COMMUNITY = { code: '110102017001', name: '西便门内社区' };

/** 广安门北街20号院 (seed 000): 广安门内街道, 西便门内社区; 462 households in five walk-ups and one tower. */
const GUANGANMEN_BEIJIE_20: DemoCompound = {
  name: '广安门北街20号院',
  communityCode: XIBIANMENNEI_COMMUNITY.code,
  kind: 'OLD_PUBLIC_HOUSING',
  governanceModel: 'MULTI_PARTY_CO_GOVERNANCE',
  yearBuilt: 1995,
  propertyRightsUnits: 6,
  maintenanceFund: 'NOT_ESTABLISHED',
  buildings: [
    ...buildings(5, { buildingClass: 'LOW_RISE', floors: 6, elevators: 0, households: 72 }),
    { label: '6号楼', buildingClass: 'HIGH_RISE', floors: 17, elevators: 2, households: 102 },
  ],
};

/** Seed 003: "2023年6月成功实现老旧失管电梯更换" — the 4 elevators of buildings 16 and 17 replaced in June 2023. */
export const SEED_003_ELEVATORS_REPLACED_IN = '2023-06';

/**
 * 学院南路32号院 (seeds 001, 003): 1,412 households in 25 buildings and 11 bungalow clusters, 10 property-rights units;
 * buildings 16 and 17 have its 4 elevators, replaced in June 2023 (seed 003; two each is the demo's split, the seed
 * gives the total). The register keeps 78 households under two property-rights units (illustrative), so its 1,412
 * households are 1,336 owners under 法释〔2009〕7号 art. 9: seed 003 reports percentages only, and no whole number of
 * 1,412 owners is 77.84 %, so its owners were not its households; 1,336 reproduces every reported ratio.
 */
const XUEYUAN_NANLU_32: DemoCompound = {
  name: '学院南路32号院',
  kind: 'OLD_PUBLIC_HOUSING',
  governanceModel: 'MULTI_PARTY_CO_GOVERNANCE',
  propertyRightsUnits: 10,
  maintenanceFund: 'NOT_ESTABLISHED',
  sharedOwners: [
    { ownerReference: 'property-rights-unit-A', ownerName: '产权单位甲', households: 39 },
    { ownerReference: 'property-rights-unit-B', ownerName: '产权单位乙', households: 39 },
  ],
  buildings: [
    ...buildings(25, { buildingClass: 'LOW_RISE', floors: 6, elevators: 0, households: 48 }).map((b) =>
      b.label === '16号楼' || b.label === '17号楼'
        ? { ...b, elevators: 2, elevatorsReplacedIn: SEED_003_ELEVATORS_REPLACED_IN }
        : b,
    ),
    ...buildings(3, { buildingClass: 'LOW_RISE', floors: 1, elevators: 0, households: 20 }, (i) => `平房${i}区`),
    ...buildings(8, { buildingClass: 'LOW_RISE', floors: 1, elevators: 0, households: 19 }, (i) => `平房${i}区`, 4),
  ],
};

/** 润枫欣尚 (seed 002): 6 buildings, 3 elevators each (18), 1,080 households, no maintenance fund. */
const RUNFENG_XINSHANG: DemoCompound = {
  name: '润枫欣尚',
  kind: 'COMMERCIAL',
  governanceModel: 'CONTRACT_BASED',
  yearBuilt: 2011,
  propertyRightsUnits: 0,
  maintenanceFund: 'NOT_ESTABLISHED',
  buildings: buildings(6, { buildingClass: 'HIGH_RISE', floors: 18, elevators: 3, households: 180 }),
};

/** 阳光丽景 (seed 001, 德胜街道): commercial housing with the first owners' committee of its area; sizes are illustrative. */
const YANGGUANG_LIJING: DemoCompound = {
  name: '阳光丽景',
  kind: 'COMMERCIAL',
  governanceModel: 'CONTRACT_BASED',
  propertyRightsUnits: 0,
  maintenanceFund: 'ESTABLISHED',
  buildings: buildings(3, { buildingClass: 'HIGH_RISE', floors: 16, elevators: 2, households: 96 }),
};

/** 红居南街6号院 (seed 001, 广外街道): 1980s unit housing, unmanaged, run by a residents' council; sizes are illustrative. */
const HONGJU_NANJIE_6: DemoCompound = {
  name: '红居南街6号院',
  kind: 'UNMANAGED',
  governanceModel: 'GOVERNMENT_BACKSTOP',
  propertyRightsUnits: 1,
  maintenanceFund: 'NOT_ESTABLISHED',
  buildings: buildings(2, { buildingClass: 'LOW_RISE', floors: 6, elevators: 0, households: 36 }),
};

const streetOffice = (organisationId: string, streetCode: string): Identity => ({
  subject: `${organisationId}-clerk`,
  role: 'STREET_OFFICE',
  organisationId,
  jurisdictions: [streetCode],
});

export const DEMO_STREETS: DemoStreet[] = [
  {
    office: streetOffice('street-office-guanganmenwai', '110102020'),
    districtCode: '110102', // 西城区 Xicheng
    streetCode: '110102020', // 广安门外街道
    compounds: [HONGJU_NANJIE_6],
  },
  {
    office: streetOffice('street-office-desheng', '110102011'),
    districtCode: '110102',
    streetCode: '110102011', // 德胜街道
    compounds: [YANGGUANG_LIJING],
  },
  {
    office: streetOffice('street-office-beitaipingzhuang', '110108009'),
    districtCode: '110108', // 海淀区 Haidian
    streetCode: '110108009', // 北太平庄街道
    compounds: [XUEYUAN_NANLU_32],
  },
  {
    office: streetOffice('street-office-tiantongyuan-south', '110114012'),
    districtCode: '110114', // 昌平区 Changping
    streetCode: '110114012', // 天通苑南街道
    compounds: [RUNFENG_XINSHANG],
  },
  {
    office: streetOffice('street-office-guanganmennei', '110102017'),
    districtCode: '110102',
    streetCode: '110102017', // 广安门内街道 (seed 000)
    compounds: [GUANGANMEN_BEIJIE_20],
  },
];

export const DEMO_COURTS = [
  { courtId: 'bj-xicheng-court', name: '北京市西城区人民法院', provinceCode: '110000', districtCodes: ['110102'] },
  { courtId: 'bj-haidian-court', name: '北京市海淀区人民法院', provinceCode: '110000', districtCodes: ['110108'] },
  { courtId: 'bj-changping-court', name: '北京市昌平区人民法院', provinceCode: '110000', districtCodes: ['110114'] },
  /** 临江市's basic court, a demo court of 吉林省 (seed 004's city); small claims by Jilin's threshold (none seeded). */
  { courtId: 'linjiang-court', name: '临江市人民法院', provinceCode: '220000', districtCodes: ['220681'] },
];

export const DEMO_ADMIN: Identity = {
  subject: 'hub-admin',
  role: 'ADMIN',
  organisationId: 'hub-operator',
  jurisdictions: [],
};
export const DEMO_BUREAU: Identity = {
  subject: 'bureau-clerk',
  role: 'CITY_BUREAU',
  organisationId: 'beijing-housing-bureau',
  jurisdictions: ['11'],
};

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳'];

/**
 * The compound's buildings and households as the CSV its street office would import. Deterministic: floor areas
 * (45.00–119.99 m²) and names come from a fixed-seed generator, so every start loads the same data.
 */
export function demoCompoundCsv(compound: DemoCompound): string {
  let seed = [...compound.name].reduce((s, c) => (s * 31 + c.charCodeAt(0)) >>> 0, 7);
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const lines = ['building,building_class,floors,elevators,unit,room,floor_area_m2,owner_reference,owner_name'];
  const total = compound.buildings.reduce((sum, b) => sum + b.households, 0);
  // The last households of the CSV, counted backwards, belong to the shared owners in the order listed.
  const sharedOwnerOf = (index: number): DemoSharedOwner | undefined => {
    let from = total;
    for (const shared of compound.sharedOwners ?? []) {
      from -= shared.households;
      if (index >= from) return shared;
    }
    return undefined;
  };
  let owner = 0;
  for (const b of compound.buildings) {
    const perFloor = Math.ceil(b.households / b.floors);
    for (let i = 0; i < b.households; i++) {
      const floor = Math.floor(i / perFloor) + 1;
      const unit = String(((i % perFloor) % 3) + 1);
      const room = `${floor}${String((i % perFloor) + 1).padStart(2, '0')}`;
      const centi = 4500 + Math.floor(next() * 7500);
      const name =
        SURNAMES[Math.floor(next() * SURNAMES.length)] +
        GIVEN[Math.floor(next() * GIVEN.length)] +
        GIVEN[Math.floor(next() * GIVEN.length)];
      const shared = sharedOwnerOf(owner);
      owner++;
      const [reference, ownerName] = shared ? [shared.ownerReference, shared.ownerName] : [`owner-${owner}`, name];
      lines.push(
        [
          b.label,
          b.buildingClass,
          b.floors,
          b.elevators,
          unit,
          room,
          (centi / 100).toFixed(2),
          reference,
          ownerName,
        ].join(','),
      );
    }
  }
  return lines.join('\n') + '\n';
}

/**
 * The property-management committee of 广安门北街20号院 (seed 000): 11 members = 2 residents' committee
 * representatives + one representative of each of the 6 property-rights units + 3 resident owners, formed
 * 2020-05-30 and chaired by the residents' committee. Member names are placeholders.
 */
export const DEMO_PMC = {
  compound: '广安门北街20号院',
  formedOn: '2020-05-30',
  termEndsOn: '2023-05-29',
  chairIndex: 0,
  members: [
    { name: '居委会代表 甲', seat: 'RESIDENTS_COMMITTEE', represents: '西便门内社区居委会' },
    { name: '居委会代表 乙', seat: 'RESIDENTS_COMMITTEE', represents: '西便门内社区居委会' },
    ...Array.from({ length: 6 }, (_, i) => ({
      name: `产权单位代表 ${i + 1}`,
      seat: 'PROPERTY_RIGHTS_UNIT',
      represents: `产权单位 ${i + 1}`,
    })),
    ...Array.from({ length: 3 }, (_, i) => ({ name: `业主代表 ${i + 1}`, seat: 'OWNER' })),
  ],
};

/**
 * 学院南路32号院's property-management committee, on record before it signed the four-party agreement of 2021-12-10
 * for the owners (seed 003: it oversaw the joint decision of October 2021 and signed "作为社区自管主体"). The seed
 * dates neither its formation nor its filing: the dates and the placeholder members are the demo's own, within the
 * rules (formed, filed and recorded before the vote; a three-year term).
 */
export const DEMO_XUEYUAN_PMC = {
  compound: '学院南路32号院',
  formedOn: '2021-06-18',
  termEndsOn: '2024-06-17',
  filedOn: '2021-07-02',
  recordedOn: '2021-07-08',
  chairIndex: 0,
  members: [
    { name: '居委会代表', seat: 'RESIDENTS_COMMITTEE', represents: '学院南路32号社区居委会' },
    ...Array.from({ length: 3 }, (_, i) => ({
      name: `产权单位代表 ${i + 1}`,
      seat: 'PROPERTY_RIGHTS_UNIT',
      represents: `产权单位 ${i + 1}`,
    })),
    ...Array.from({ length: 3 }, (_, i) => ({ name: `业主代表 ${i + 1}`, seat: 'OWNER' })),
  ],
};

/**
 * 阳光丽景's owners' assembly and owners' committee: "德胜地区第一个成立业委会的商品房小区" (seed 001, June 2019). The seed
 * dates neither: the dates, the five placeholder members and the rules' reference are the demo's own, before June 2019.
 */
export const DEMO_YANGGUANG_OWNERS = {
  compound: '阳光丽景',
  assembly: { firstMeetingOn: '2017-09-16', rulesReference: '阳光丽景业主大会议事规则' },
  committee: {
    recordedOn: '2017-10-20',
    termEndsOn: '2022-10-19',
    members: Array.from({ length: 5 }, (_, i) => ({ name: `业主委员会委员 ${i + 1}`, seat: 'OWNER' })),
  },
};

/** The compound's total certificate floor area in hundredths of m², from the CSV its street office imports. */
export function demoCompoundAreaCentiM2(compound: DemoCompound): number {
  return demoCompoundCsv(compound)
    .trim()
    .split('\n')
    .slice(1)
    .reduce((sum, line) => sum + Math.round(Number(line.split(',')[6]) * 100), 0);
}

/** The smallest part of `whole` that shows as `hundredthsOfPercent` (7425 = 74.25 %) when rounded half up. */
const partShowing = (whole: number, hundredthsOfPercent: number): number =>
  Math.ceil((whole * (hundredthsOfPercent * 10 - 5)) / 100_000);

const m2 = (centi: number): string => (centi / 100).toFixed(2);

/**
 * Seed 003's joint decision at 学院南路32号院 as reported: "2021年10月 … 参与共同决定物业管理事项的业主户数达到77.84%，
 * 同意户数占参与户数比率74.13%；参与面积达到74.25%，同意面积占参与面积的78.86%，均符合法律要求", on introducing a
 * provider (Civil Code art. 278 item 4). The seed gives percentages, the month and the matter: the day (the month's
 * last) is the demo's own, the owners are the register's 1,336 (see XUEYUAN_NANLU_32), 1,040 of them taking part and
 * 771 consenting, and the areas are the smallest parts of the register's area that show the reported percentages.
 */
export function demoJointDecision(): {
  compound: string;
  matter: string;
  heldOn: string;
  tally: Record<string, number | string>;
} {
  const total = demoCompoundAreaCentiM2(XUEYUAN_NANLU_32);
  const participating = partShowing(total, 7425);
  const consenting = partShowing(participating, 7886);
  return {
    compound: XUEYUAN_NANLU_32.name,
    matter: 'HIRE_OR_DISMISS_PROVIDER',
    heldOn: '2021-10-31',
    tally: {
      totalOwners: SEED_003_VOTE.owners,
      totalArea: m2(total),
      participatingOwners: SEED_003_VOTE.participatingOwners,
      participatingArea: m2(participating),
      consentingOwners: SEED_003_VOTE.consentingOwners,
      consentingArea: m2(consenting),
    },
  };
}

/** Seed 003's reported percentages, and the owner counts of the demo register that give them. */
export const SEED_003_VOTE = {
  owners: 1_336,
  participatingOwners: 1_040,
  consentingOwners: 771,
  reported: { participationOwners: '77.84', consentOwners: '74.13', participationArea: '74.25', consentArea: '78.86' },
};

/** Districts (real GB/T 2260 codes) and the demo streets, registered before the compounds. */
export const DEMO_DIVISIONS = [
  { code: '110102', name: '西城区' },
  { code: '110102011', name: '德胜街道' },
  { code: '110102017', name: '广安门内街道' },
  { code: XIBIANMENNEI_COMMUNITY.code, name: XIBIANMENNEI_COMMUNITY.name },
  { code: '110102020', name: '广安门外街道' },
  { code: '110108', name: '海淀区' },
  { code: '110108009', name: '北太平庄街道' },
  { code: '110114', name: '昌平区' },
  { code: '110114012', name: '天通苑南街道' },
];

/** 天岳恒物业, the provider at 学院南路32号院 (seed 003 names it; its registration number is the demo's own). */
export const DEMO_COMPANY: Identity = {
  subject: 'xueyuan-finance',
  role: 'PROPERTY_COMPANY',
  organisationId: '91110108MA01DEMO32',
  jurisdictions: [],
};

/**
 * Seed 003: the four-party agreement of 2021-12-10 (物管会, street office, property-rights receiver, company) at
 * 学院南路32号院, with its assessed and owner rates and the street office's and 首开集团's joint ¥0.78 subsidy for
 * three years. The ten-year term and the contract number are the demo's own (the seed gives neither); the filing is entered
 * as a paper filing received on 2021-12-20, inside the 15 days of Beijing art. 63.
 */
export const DEMO_CONTRACT = {
  compound: XUEYUAN_NANLU_32.name,
  company: DEMO_COMPANY,
  reviewer: 'street-office-beitaipingzhuang',
  receivedOn: '2021-12-20',
  idempotencyKey: 'demo-xueyuan-nanlu-32-initial-filing',
  terms: {
    kind: 'REGULAR',
    number: 'BTPZ-XYNL32-2021-001',
    title: '学院南路32号院物业服务合同（四方协议）',
    ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '学院南路32号院物业管理委员会' },
    selectionMethod: 'TENDER',
    signedOn: '2021-12-10',
    startsOn: '2022-01-01',
    endsOn: '2031-12-31',
    serviceItems: [
      { item: '公共区域保洁', standard: '楼道、院落每日清扫，垃圾日产日清' },
      { item: '秩序维护', standard: '主出入口24小时值守，每日巡查两次' },
      { item: '共用设施设备维修养护', standard: '报修30分钟内响应，电梯按规定维保' },
      { item: '绿化养护', standard: '按季修剪，及时补种' },
    ],
    feeSchedule: {
      classes: [
        {
          buildingClass: 'LOW_RISE',
          assessedRateFenPerM2Month: 178,
          ownerRateFenPerM2Month: 100,
          subsidies: [
            { payer: '北太平庄街道办事处与首开集团', rateFenPerM2Month: 78, startMonth: '2022-01', months: 36 },
          ],
        },
        {
          buildingClass: 'HIGH_RISE',
          assessedRateFenPerM2Month: 245,
          ownerRateFenPerM2Month: 167,
          subsidies: [
            { payer: '北太平庄街道办事处与首开集团', rateFenPerM2Month: 78, startMonth: '2022-01', months: 36 },
          ],
        },
      ],
    },
    lateFee: null,
    parties: [
      { role: 'PROVIDER', name: '天岳恒物业', registration: DEMO_COMPANY.organisationId, signatory: '物业公司负责人' },
      { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '学院南路32号院物业管理委员会', signatory: '物管会主任' },
      { role: 'STREET_OFFICE', name: '北太平庄街道办事处', signatory: '街道负责人' },
      { role: 'ASSET_RECEIVER', name: '首开集团', signatory: '产权单位负责人' },
    ],
  },
  documents: [
    {
      name: '学院南路32号院四方协议.pdf',
      type: 'CONTRACT_TEXT',
      sizeBytes: 1_048_576,
      sha256: '5f3c1a9be0d54f7e8a2b6c4d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f',
    },
    {
      name: '物业费测算报告.pdf',
      type: 'FEE_ASSESSMENT',
      sizeBytes: 262_144,
      sha256: '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9',
    },
  ],
};

/** The company serving 润枫欣尚 (a fictitious name: seed 002 says only that it belongs to the developer's group). */
export const DEMO_RUNFENG_COMPANY: Identity = {
  subject: 'runfeng-finance',
  role: 'PROPERTY_COMPANY',
  organisationId: '91110114MA01DEMO02',
  jurisdictions: [],
};

/**
 * A regular contract at 润枫欣尚 so that the company can keep seed 002's levy. Seed 002 gives no contract: the
 * number, term, dates and fee rates are the demo's own (illustrative), filed on paper and accepted by the street office.
 */
export const DEMO_RUNFENG_CONTRACT: typeof DEMO_CONTRACT = {
  compound: RUNFENG_XINSHANG.name,
  company: DEMO_RUNFENG_COMPANY,
  reviewer: 'street-office-tiantongyuan-south',
  receivedOn: '2022-12-20',
  idempotencyKey: 'demo-runfeng-xinshang-initial-filing',
  terms: {
    kind: 'REGULAR',
    number: 'TTYN-RFXS-2022-001',
    title: '润枫欣尚小区物业服务合同',
    ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '润枫欣尚小区物业管理委员会' },
    selectionMethod: 'TENDER',
    signedOn: '2022-12-10',
    startsOn: '2023-01-01',
    endsOn: '2027-12-31',
    serviceItems: [
      { item: '公共区域保洁', standard: '楼道每日清扫，垃圾日产日清' },
      { item: '电梯运行维护', standard: '按规定维保，困人30分钟内到场' },
    ],
    feeSchedule: {
      classes: [
        { buildingClass: 'HIGH_RISE', assessedRateFenPerM2Month: 230, ownerRateFenPerM2Month: 230, subsidies: [] },
      ],
    },
    lateFee: null,
    parties: [
      {
        role: 'PROVIDER',
        name: '北京润枫物业服务有限公司',
        registration: DEMO_RUNFENG_COMPANY.organisationId,
        signatory: '物业负责人',
      },
      { role: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '润枫欣尚小区物业管理委员会', signatory: '物管会主任' },
    ],
  },
  documents: [
    {
      name: '润枫欣尚物业服务合同.pdf',
      type: 'CONTRACT_TEXT',
      sizeBytes: 524_288,
      sha256: '7d1e5c9a3b8f2e6d4c0a9b8e7f6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d',
    },
  ],
};

/** The company serving 阳光丽景 (a fictitious name: seed 001 names none). */
export const DEMO_YANGGUANG_COMPANY: Identity = {
  subject: 'yangguang-finance',
  role: 'PROPERTY_COMPANY',
  organisationId: '91110102MA01DEMO01',
  jurisdictions: [],
};

/**
 * A contract at 阳光丽景 with its owners' committee, so that the year 2018 can be billed for seed 001's 98 %
 * collection rate. Seed 001 gives no contract: the provider's name, number, term, dates and rate are the demo's own.
 */
export const DEMO_YANGGUANG_CONTRACT: typeof DEMO_CONTRACT = {
  compound: YANGGUANG_LIJING.name,
  company: DEMO_YANGGUANG_COMPANY,
  reviewer: 'street-office-desheng',
  receivedOn: '2017-12-20',
  idempotencyKey: 'demo-yangguang-lijing-initial-filing',
  terms: {
    kind: 'REGULAR',
    number: 'DS-YGLJ-2017-001',
    title: '阳光丽景物业服务合同',
    ownersSide: { kind: 'OWNERS_COMMITTEE', name: '阳光丽景业主委员会' },
    selectionMethod: 'TENDER',
    signedOn: '2017-12-10',
    startsOn: '2018-01-01',
    endsOn: '2020-12-31',
    serviceItems: [
      { item: '公共区域保洁', standard: '楼道每日清扫，垃圾日产日清' },
      { item: '电梯运行维护', standard: '按规定维保，困人30分钟内到场' },
    ],
    feeSchedule: {
      classes: [
        { buildingClass: 'HIGH_RISE', assessedRateFenPerM2Month: 280, ownerRateFenPerM2Month: 280, subsidies: [] },
      ],
    },
    lateFee: null,
    parties: [
      {
        role: 'PROVIDER',
        name: '北京阳光丽景物业服务有限公司',
        registration: DEMO_YANGGUANG_COMPANY.organisationId,
        signatory: '物业负责人',
      },
      { role: 'OWNERS_COMMITTEE', name: '阳光丽景业主委员会', signatory: '业主委员会主任' },
    ],
  },
  documents: [
    {
      name: '阳光丽景物业服务合同.pdf',
      type: 'CONTRACT_TEXT',
      sizeBytes: 524_288,
      sha256: '2c6e1a9b8d7f3e5c4a2b1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a',
    },
  ],
};

export const DEMO_CONTRACTS = [DEMO_CONTRACT, DEMO_RUNFENG_CONTRACT, DEMO_YANGGUANG_CONTRACT];

/**
 * A whole year billed and paid, for the collection rates the seeds report. 阳光丽景 (seed 001, 2019: "物业费的收缴率
 * 达到98%"): 2018, 282 of its 288 households paying the year and 3 more January only, 3,387 of 3,456
 * household-months = 98.0 %. 学院南路32号院 (seed 003: "2022年学院南路32号院物业费收缴率达到了80%以上"): 2022, every
 * household but 250 paying the year, 1,162 of 1,412 = 82.3 %. Which households pay, and when, is the demo's own;
 * the non-payers are taken from the middle of the register so that the recent months' demo steps keep theirs.
 */
export const DEMO_BILLED_YEARS = [
  {
    compound: YANGGUANG_LIJING.name,
    company: DEMO_YANGGUANG_COMPANY,
    year: '2018',
    paidOn: '2018-12-20',
    nonPayers: { from: 100, count: 6 },
    januaryOnly: 3,
    reportedPercent: '98.0',
  },
  {
    compound: XUEYUAN_NANLU_32.name,
    company: DEMO_COMPANY,
    year: '2022',
    paidOn: '2022-12-20',
    nonPayers: { from: 100, count: 250 },
    januaryOnly: 0,
    reportedPercent: '82.3',
  },
];

/**
 * Seed 002's elevator levy at 润枫欣尚: ¥17.93 per m², each building's repair once 50% of it has paid, ¥420,000
 * advanced by the company; "954户业主已缴纳 … 88.3%" by mid-July 2023, voluntary (see below). The decision and due dates are the demo's own;
 * 159 households of each 180-household building pay (6 × 159 = 954), so every building is activated.
 */
export const DEMO_LEVY = {
  compound: RUNFENG_XINSHANG.name,
  company: DEMO_RUNFENG_COMPANY,
  input: {
    title: '润枫欣尚电梯大修集资',
    purpose: '电梯大修（无公共维修资金）',
    accountName: '润枫欣尚小区物管会电梯大修专项账户',
    rateFenPerM2: 1_793,
    activationThresholdPercent: 50,
    advanceFen: 42_000_000,
    decidedOn: '2023-03-15',
    dueOn: '2023-07-15',
    decisionReference: '润枫欣尚电梯大修资金筹集协商议事会',
    // Seed 002's levy was agreed at consultation meetings (协商议事会), not by an owners' vote under Civil Code art.
    // 278 item 6, and no such decision is recorded: a voluntary contribution, never arrears.
    voluntary: true,
  },
  paidPerBuilding: 159,
  firstPaidOn: '2023-03-20',
};

/** Recent months billed at 学院南路32号院, with a few payments and collection steps, so arrears have something to show. */
export const DEMO_BILLING = {
  compound: XUEYUAN_NANLU_32.name,
  company: DEMO_COMPANY,
  months: 3,
  payingAccounts: 40,
  demandedAccounts: 12,
  letterDaysAgo: 20,
};

/**
 * A fictitious owner identity for the demo's referred households, as the street office completes it for the court:
 * the legal name is the register's, the resident ID number is made of the district's code, a birth date and a
 * sequence number derived from the index, with its GB 11643 check character; phones are numbered in one block.
 */
export function demoOwnerIdentity(index: number, legalName: string, serviceAddress: string) {
  const birth = `${1955 + ((index * 7) % 40)}${String(1 + ((index * 5) % 12)).padStart(2, '0')}${String(1 + ((index * 11) % 28)).padStart(2, '0')}`;
  const body = `110108${birth}${String(100 + ((index * 37) % 900)).padStart(3, '0')}`;
  return {
    legalName,
    idType: 'RESIDENT_ID',
    idNumber: body + residentIdCheckCharacter(body),
    phone: `1390108${String(index).padStart(4, '0')}`,
    serviceAddress,
  };
}

/**
 * Referrals of the demo (issue: referred cases, a consolidated batch, and one that fails eligibility): three of the
 * demanded accounts at 学院南路32号院 go to the Haidian court together (the owners declined mediation); one account
 * with only a payment promise, no demand and no mediation, is refused with its reasons; the court dockets the first case.
 */
export const DEMO_REFERRALS = {
  courtId: 'bj-haidian-court',
  referred: 3,
  evidence: [
    { name: '学院南路32号院四方协议.pdf', type: 'CONTRACT', sha256: DEMO_CONTRACT.documents[0].sha256 },
    {
      name: '物业费催缴函.pdf',
      type: 'DEMAND_LETTER',
      sha256: '3b7e0c2d9a41f5e68b1c7d2e9f0a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c',
    },
  ],
  caseNumber: '(2026)京0108民初20001号',
};

// ---------------------------------------------------------------------------------------------------------------
// 临江市 (吉林省白山市, GB/T 2260 220681), seed 004: 建国街道 (220681001, the statistical division code) with four
// communities (建国, 解放, 世纪春, 台兴: their 12-digit codes could not be confirmed, so none is entered and the
// compounds carry the street's code only) and two property companies (seed §一 gives their number, not their names:
// the names and registrations below are the demo's own). The compounds are illustrative.
// ---------------------------------------------------------------------------------------------------------------

/** A new estate under 30,000 m² (about 23,500 m² of households), its provider chosen by agreement (seed §六(七)). */
const LINJIANG_NEW_ESTATE: DemoCompound = {
  name: '临江建国新苑',
  kind: 'COMMERCIAL',
  governanceModel: 'CONTRACT_BASED',
  yearBuilt: 2025,
  propertyRightsUnits: 0,
  maintenanceFund: 'ESTABLISHED',
  buildings: buildings(3, { buildingClass: 'HIGH_RISE', floors: 16, elevators: 2, households: 96 }),
};

/** Stand-alone adjacent walk-ups grouped into one area (seed §六(一)), without a provider: under caretaker management. */
const LINJIANG_OLD_COMPOUND: DemoCompound = {
  name: '解放路独栋楼片区',
  kind: 'OLD_PUBLIC_HOUSING',
  governanceModel: 'GOVERNMENT_BACKSTOP',
  yearBuilt: 1992,
  propertyRightsUnits: 1,
  maintenanceFund: 'NOT_ESTABLISHED',
  buildings: buildings(3, { buildingClass: 'LOW_RISE', floors: 5, elevators: 0, households: 20 }),
};

export const DEMO_LINJIANG = {
  city: { code: '220681', name: '临江市' },
  street: {
    office: streetOffice('street-office-jianguo-linjiang', '220681001'),
    districtCode: '220681',
    streetCode: '220681001', // 建国街道
    compounds: [LINJIANG_NEW_ESTATE, LINJIANG_OLD_COMPOUND],
  } satisfies DemoStreet,
  communities: ['建国社区', '解放社区', '世纪春社区', '台兴社区'],
  divisions: [
    { code: '220681', name: '临江市' },
    { code: '220681001', name: '建国街道' },
  ],
  /** 临江市城市管理行政执法局: approves agreement selection and receives preliminary-contract filings (seed §六(七)). */
  enforcementBureau: {
    subject: 'linjiang-enforcement-clerk',
    role: 'ENFORCEMENT_BUREAU',
    organisationId: 'linjiang-urban-management-enforcement-bureau',
    jurisdictions: ['220681'],
  } satisfies Identity,
  companies: [
    {
      subject: 'linjiang-company-a-clerk',
      role: 'PROPERTY_COMPANY',
      organisationId: '91220681MA0DEMO01A',
      jurisdictions: [],
    },
    {
      subject: 'linjiang-company-b-clerk',
      role: 'PROPERTY_COMPANY',
      organisationId: '91220681MA0DEMO02B',
      jurisdictions: [],
    },
  ] satisfies Identity[],
  newEstate: LINJIANG_NEW_ESTATE.name,
  oldCompound: LINJIANG_OLD_COMPOUND.name,
  /**
   * The new estate's preliminary contract, the provider chosen by agreement with the enforcement bureau's approval.
   * Dates, rate, number, approval reference and building area are the demo's own; the seed gives none.
   */
  preliminaryContract: {
    kind: 'PRELIMINARY',
    number: 'LJ-JGXY-2026-01',
    title: '临江建国新苑前期物业服务合同',
    ownersSide: { kind: 'DEVELOPER', name: '临江建国新苑开发单位（示例）' },
    selectionMethod: 'AGREEMENT',
    approvalReference: '临城执批〔2026〕示例1号',
    // The project's building area: the demo's own (its 288 flats measure about 23,500 m²); the seed gives none.
    projectBuildingAreaCentiM2: 2_850_000,
    signedOn: '2026-03-02',
    startsOn: '2026-04-01',
    endsOn: '2028-03-31',
    serviceItems: [
      { item: '公共区域保洁', standard: '楼道每日清扫，垃圾日产日清' },
      { item: '公共设施维修', standard: '报修24小时内到场' },
    ],
    feeSchedule: {
      classes: [
        { buildingClass: 'HIGH_RISE', assessedRateFenPerM2Month: 120, ownerRateFenPerM2Month: 120, subsidies: [] },
      ],
    },
    parties: [
      { role: 'PROVIDER', name: '临江示例物业服务有限公司', registration: '91220681MA0DEMO01A', signatory: '王经理' },
      { role: 'DEVELOPER', name: '临江建国新苑开发单位（示例）', signatory: '赵总' },
    ],
  },
  /** The walk-ups' caretaker (seed §六(三) names no unit: the unit and the date are the demo's own). */
  caretaking: { u: '建国街道包保单位（示例）', c: '解放社区', s: '2026-01-05' },
  /**
   * One patrol of the walk-ups by 解放社区 with one hazard (seed 004 §四's 楼道内堆放杂物等消防隐患, §五(五)'s warning
   * and notice): the demo's own date, place and parties; the seed names no particular patrol.
   */
  patrol: {
    patrolledOn: '2026-11-20',
    patrolledBy: '解放社区网格员（示例）',
    patrollerKind: 'RESIDENTS_COMMITTEE',
    note: '定期巡查（演示）',
    hazards: [
      {
        kind: 'FIRE_SAFETY',
        location: '解放路2号楼1单元楼道',
        description: '楼道内堆放杂物，占用疏散通道',
        warningSetUp: true,
        partyNotified: '建国街道包保单位（示例）',
        notifiedOn: '2026-11-20',
        resolveBy: '2026-11-27',
      },
    ],
  },
  /**
   * 小额快裁 at 临江建国新苑 (issue 17 §4): company A bills the last `months` months, sends demand letters
   * `letterDaysAgo` days ago for the months then past due (the demand period has run by the referral), the owners
   * waive mediation, and `referred` accounts go to 临江市人民法院 in one batch. No Jilin threshold is recorded (none
   * could be tied to a notice), so the court sees the procedure UNDETERMINED, naming 吉林省 (220000). Which households,
   * the dates and the files are the demo's own.
   */
  referral: {
    courtId: 'linjiang-court',
    months: 3,
    referred: 2,
    letterDaysAgo: 20,
    evidence: [
      { name: '临江建国新苑前期物业服务合同.pdf', type: 'CONTRACT', sha256: 'c'.repeat(64) },
      { name: '物业费催缴函（临江）.pdf', type: 'DEMAND_LETTER', sha256: 'f'.repeat(64) },
    ],
  },
  documents: [
    { name: '前期物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 356_000, sha256: 'c'.repeat(64) },
    /** 临江市's checklist: choosing by agreement needs the 城管执法局's approval (seed 004 §六(七)). */
    { name: '协议选聘批准文件.pdf', type: 'SELECTION_APPROVAL', sizeBytes: 120_000, sha256: 'd'.repeat(64) },
  ],
} as const;
