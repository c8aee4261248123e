import { Identity } from '../../../kernel/identity';
import { readScope } from '../domain/access';
import { accountScopeCondition, scopeCondition } from './read-scope.sql';

const who = (role: Identity['role'], organisationId: string, jurisdictions: string[] = []): Identity => ({
  subject: 'u',
  role,
  organisationId,
  jurisdictions,
});
const condition = (identity: Identity, purpose: 'ACCOUNTS' | 'STATISTICS') => {
  const scope = readScope(identity, purpose);
  return scope && scopeCondition(scope);
};

describe('arrears read scopes in SQL', () => {
  it('turns the access rules into SQL conditions, none for those who read no row', () => {
    expect(condition(who('PROPERTY_COMPANY', 'CO-A'), 'ACCOUNTS')).toEqual({
      sql: 'p.company_id = ?',
      params: ['CO-A'],
    });
    expect(condition(who('STREET_OFFICE', 'so', ['110102014', 'x']), 'ACCOUNTS')).toEqual({
      sql: '(p.street_code like ?)',
      params: ['110102014%'],
    });
    expect(condition(who('STREET_OFFICE', 'so', ['110102014', '110102011']), 'ACCOUNTS')).toEqual({
      sql: '(p.street_code like ? or p.street_code like ?)',
      params: ['110102014%', '110102011%'],
    });
    expect(condition(who('CITY_BUREAU', 'b', ['110102']), 'ACCOUNTS')).toBeNull();
    expect(condition(who('CITY_BUREAU', 'b', ['110102']), 'STATISTICS')).toEqual({
      sql: '(p.district_code like ?)',
      params: ['110102%'],
    });
    expect(condition(who('COURT', 'c', ['110102']), 'STATISTICS')).toBeNull();
    expect(condition(who('ADMIN', 'hub'), 'ACCOUNTS')).toEqual({ sql: 'true', params: [] });
  });

  it("restricts accounts by their company, or by their area's street or district (joined or read by a subquery)", () => {
    const scope = (identity: Identity, purpose: 'ACCOUNTS' | 'STATISTICS') => {
      const read = readScope(identity, purpose);
      if (!read) throw new Error('no scope');
      return read;
    };
    const company = scope(who('PROPERTY_COMPANY', 'CO-A'), 'ACCOUNTS');
    const street = scope(who('STREET_OFFICE', 'so', ['110102014']), 'ACCOUNTS');
    const district = scope(who('CITY_BUREAU', 'b', ['110102']), 'STATISTICS');
    const everything = scope(who('ADMIN', 'hub'), 'ACCOUNTS');
    for (const area of ['ba', undefined])
      expect(accountScopeCondition(company, { account: 'a', area })).toEqual({
        sql: 'a.company_id = ?',
        params: ['CO-A'],
      });
    expect(accountScopeCondition(street, { account: 'a', area: 'ba' })).toEqual({
      sql: '(ba.street_code like ?)',
      params: ['110102014%'],
    });
    expect(accountScopeCondition(street, { account: 'a' })).toEqual({
      sql: 'a.area_id in (select p.area_id from arrears.billing_area p where (p.street_code like ?))',
      params: ['110102014%'],
    });
    expect(accountScopeCondition(district, { account: 'a' })).toEqual({
      sql: 'a.area_id in (select p.area_id from arrears.billing_area p where (p.district_code like ?))',
      params: ['110102%'],
    });
    expect(accountScopeCondition(everything, { account: 'a' })).toEqual({ sql: 'true', params: [] });
  });
});
