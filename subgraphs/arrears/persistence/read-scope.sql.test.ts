import { Identity } from '../../../kernel/identity';
import { readScope } from '../domain/access';
import { scopeCondition } from './read-scope.sql';

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
});
