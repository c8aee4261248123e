import { Identity } from '../auth/identity';

/**
 * Demo data from the seed documents (shared/seeds, digested in docs/domain.md, "Demo compounds"). District codes
 * are the real GB/T 2260 codes; the 9-digit street codes are illustrative, derived from them.
 */
export interface DemoStreet {
  office: Identity;
  districtCode: string;
  streetCode: string;
  compounds: string[];
}

const streetOffice = (organisationId: string, streetCode: string): Identity => ({
  subject: `${organisationId}-clerk`,
  role: 'STREET_OFFICE',
  organisationId,
  jurisdictions: [streetCode],
});

export const DEMO_STREETS: DemoStreet[] = [
  {
    office: streetOffice('street-office-guanganmenwai', '110102014'),
    districtCode: '110102', // 西城区 Xicheng
    streetCode: '110102014', // 广安门外街道
    compounds: ['广安门北街20号院', '红居南街6号院'],
  },
  {
    office: streetOffice('street-office-desheng', '110102011'),
    districtCode: '110102',
    streetCode: '110102011', // 德胜街道
    compounds: ['阳光丽景'],
  },
  {
    office: streetOffice('street-office-beitaipingzhuang', '110108009'),
    districtCode: '110108', // 海淀区 Haidian
    streetCode: '110108009', // 北太平庄街道
    compounds: ['学院南路32号院'],
  },
  {
    office: streetOffice('street-office-tiantongyuan-south', '110114012'),
    districtCode: '110114', // 昌平区 Changping
    streetCode: '110114012', // 天通苑南街道
    compounds: ['润枫欣尚'],
  },
];

export const DEMO_COURTS = [
  { courtId: 'bj-xicheng-court', name: '北京市西城区人民法院', provinceCode: '110000' },
  { courtId: 'bj-haidian-court', name: '北京市海淀区人民法院', provinceCode: '110000' },
  { courtId: 'bj-changping-court', name: '北京市昌平区人民法院', provinceCode: '110000' },
];

export const DEMO_ADMIN: Identity = { subject: 'hub-admin', role: 'ADMIN', organisationId: 'hub-operator', jurisdictions: [] };
export const DEMO_BUREAU: Identity = { subject: 'bureau-clerk', role: 'CITY_BUREAU', organisationId: 'beijing-housing-bureau', jurisdictions: ['11'] };
