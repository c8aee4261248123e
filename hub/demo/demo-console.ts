import { DevIdentity } from '../../gateway/console';
import { DEMO_BUREAU, DEMO_COMPANY, DEMO_LINJIANG, DEMO_REFERRALS, DEMO_STREETS } from './demo-data';

const streetOffice = (streetCode: string) => {
  const street = DEMO_STREETS.find((s) => s.streetCode === streetCode);
  if (!street) throw new Error(`no demo street ${streetCode}`);
  return street.office;
};

/**
 * The demo's people, one per role, as the console's development sign-in offers them (never in production): the
 * city bureau, the street office and the provider of 学院南路32号院 (seed 003), the Haidian court its arrears are
 * referred to, and 临江市's enforcement bureau (seed 004).
 */
export const DEMO_CONSOLE_IDENTITIES: DevIdentity[] = [
  { key: 'bureau', label: '北京市住房和城乡建设委员会（审核员）', identity: DEMO_BUREAU },
  { key: 'street-office', label: '北太平庄街道办事处', identity: streetOffice('110108009') },
  { key: 'company', label: '天岳恒物业（财务）', identity: DEMO_COMPANY },
  {
    key: 'court',
    label: '北京市海淀区人民法院（立案庭）',
    identity: {
      subject: 'haidian-court-clerk',
      role: 'COURT',
      organisationId: DEMO_REFERRALS.courtId,
      jurisdictions: ['110108'],
    },
  },
  { key: 'enforcement-bureau', label: '临江市城市管理行政执法局', identity: DEMO_LINJIANG.enforcementBureau },
];
