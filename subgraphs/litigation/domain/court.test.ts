import { Identity } from '../../../kernel/identity';
import { assertMayRegisterCourt, validateCourtRegistration } from './court';

describe('court registration', () => {
  it('accepts a Zhejiang court', () => {
    expect(
      validateCourtRegistration({ courtId: 'zj-hz-xihu', name: ' 杭州市西湖区人民法院 ', provinceCode: '330000' }),
    ).toEqual({
      courtId: 'zj-hz-xihu',
      name: '杭州市西湖区人民法院',
      provinceCode: '330000',
    });
  });

  it('rejects a city code as province code', () => {
    expect(() => validateCourtRegistration({ courtId: 'zj-hz', name: 'x', provinceCode: '330100' })).toThrow(/invalid/);
  });

  it('lets only administrators register courts', () => {
    const as = (role: Identity['role']): Identity => ({ subject: 's', role, organisationId: 'o', jurisdictions: [] });
    expect(() => assertMayRegisterCourt(as('ADMIN'))).not.toThrow();
    expect(() => assertMayRegisterCourt(as('COURT'))).toThrow(/administrators/);
  });
});
