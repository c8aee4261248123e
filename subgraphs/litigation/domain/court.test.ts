import { Identity } from '../../../kernel/identity';
import {
  MAX_COURT_DISTRICTS,
  assertMayRegisterCourt,
  outsideTerritory,
  validateCourtRegistration,
  validateCourtTerritory,
} from './court';

describe('court registration', () => {
  it('accepts a Zhejiang court with its district', () => {
    expect(
      validateCourtRegistration({
        courtId: 'zj-hz-xihu',
        name: ' 杭州市西湖区人民法院 ',
        provinceCode: '330000',
        districtCodes: ['330106'],
      }),
    ).toEqual({
      courtId: 'zj-hz-xihu',
      name: '杭州市西湖区人民法院',
      provinceCode: '330000',
      districtCodes: ['330106'],
    });
  });

  it('takes only a court id its topics can carry', () => {
    // Before, upper case, dots and underscores were taken, and such a court's reports on Kafka were all refused.
    for (const courtId of ['ZJ-hz-xihu', 'zj.hz', 'zj_hz', '-zj', 'z', 'z'.repeat(64)]) {
      expect(() =>
        validateCourtRegistration({ courtId, name: 'x', provinceCode: '330000', districtCodes: ['330106'] }),
      ).toThrow(/invalid/);
    }
    expect(
      validateCourtRegistration({ courtId: 'zj', name: 'x', provinceCode: '330000', districtCodes: ['330106'] })
        .courtId,
    ).toBe('zj');
  });

  it('rejects a city code as province code', () => {
    expect(() =>
      validateCourtRegistration({ courtId: 'zj-hz', name: 'x', provinceCode: '330100', districtCodes: ['330106'] }),
    ).toThrow(/invalid/);
  });

  it('needs 1-20 county-level districts of its own province, sorted without repeats', () => {
    const fieldsOf = (districtCodes: string[]) => {
      try {
        validateCourtRegistration({ courtId: 'bj-court', name: 'x', provinceCode: '110000', districtCodes });
        return null;
      } catch (e) {
        return (e as { details: { fields: Record<string, string> } }).details.fields;
      }
    };
    expect(fieldsOf([])).toEqual({ districtCodes: expect.stringMatching(/^1-20 district codes/) });
    expect(fieldsOf(Array.from({ length: MAX_COURT_DISTRICTS + 1 }, () => '110108'))).toEqual({
      districtCodes: expect.any(String),
    });
    for (const wrong of ['330106', '110100', '110000', '11010', '1101080', '11O108'])
      expect(fieldsOf([wrong])).toEqual({ districtCodes: expect.stringContaining(wrong) });
    expect(validateCourtTerritory(['110114', '110108', '110114'], '110000')).toEqual(['110108', '110114']);
  });

  it('names the accounts whose area lies outside the territory (Civil Procedure Law art. 24)', () => {
    const haidian = { districtCodes: ['110108'] };
    expect(outsideTerritory(haidian, [{ accountId: 'a', districtCode: '110108' }])).toBeNull();
    expect(
      outsideTerritory(haidian, [
        { accountId: 'a', districtCode: '110108' },
        { accountId: 'b', districtCode: '110114' },
        { accountId: 'c', districtCode: '110102' },
        { accountId: 'd', districtCode: '110114' },
      ]),
    ).toEqual({ accountIds: ['b', 'c', 'd'], districtCodes: ['110102', '110114'] });
    // A court registered before courts had a territory hears nothing until an administrator sets one.
    expect(outsideTerritory({ districtCodes: [] }, [{ accountId: 'a', districtCode: '110108' }])).toEqual({
      accountIds: ['a'],
      districtCodes: ['110108'],
    });
  });

  it('lets only administrators register courts', () => {
    const as = (role: Identity['role']): Identity => ({ subject: 's', role, organisationId: 'o', jurisdictions: [] });
    expect(() => assertMayRegisterCourt(as('ADMIN'))).not.toThrow();
    expect(() => assertMayRegisterCourt(as('COURT'))).toThrow(/administrators/);
  });
});
