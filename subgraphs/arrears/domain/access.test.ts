import { Identity } from '../../../kernel/identity';
import { mayKeepAccount, mayMediate, mayReadAccount, mayReadStatistics, scopeCondition } from './access';

const who = (role: Identity['role'], organisationId: string, jurisdictions: string[] = []): Identity => ({ subject: 'u', role, organisationId, jurisdictions });
const account = { companyId: 'CO-A', streetCode: '110102014', districtCode: '110102' };

describe('arrears access', () => {
  it('gives accounts to the company that billed them and the street office of the street, statistics also to the bureau', () => {
    expect(mayReadAccount(who('PROPERTY_COMPANY', 'CO-A'), account)).toBe(true);
    expect(mayReadAccount(who('PROPERTY_COMPANY', 'CO-B'), account)).toBe(false);
    expect(mayReadAccount(who('STREET_OFFICE', 'so', ['110102014']), account)).toBe(true);
    expect(mayReadAccount(who('STREET_OFFICE', 'so', ['110102011']), account)).toBe(false);
    expect(mayReadAccount(who('CITY_BUREAU', 'b', ['110102']), account)).toBe(false);
    expect(mayReadAccount(who('COURT', 'c', ['110102']), account)).toBe(false);
    expect(mayReadStatistics(who('CITY_BUREAU', 'b', ['110102']), account)).toBe(true);
    expect(mayReadStatistics(who('CITY_BUREAU', 'b', ['110108']), account)).toBe(false);
  });

  it('lets only the company keep the ledger and only the street office mediate', () => {
    expect(mayKeepAccount(who('PROPERTY_COMPANY', 'CO-A'), account)).toBe(true);
    expect(mayKeepAccount(who('STREET_OFFICE', 'so', ['110102014']), account)).toBe(false);
    expect(mayKeepAccount(who('ADMIN', 'hub'), account)).toBe(false);
    expect(mayMediate(who('STREET_OFFICE', 'so', ['110102014']), account)).toBe(true);
    expect(mayMediate(who('PROPERTY_COMPANY', 'CO-A'), account)).toBe(false);
  });

  it('turns the same rules into SQL conditions, none for those who read no row', () => {
    expect(scopeCondition(who('PROPERTY_COMPANY', 'CO-A'), 'ACCOUNTS')).toEqual({ sql: 'p.company_id = ?', params: ['CO-A'] });
    expect(scopeCondition(who('STREET_OFFICE', 'so', ['110102014', 'x']), 'ACCOUNTS')).toEqual({ sql: '(p.street_code like ?)', params: ['110102014%'] });
    expect(scopeCondition(who('CITY_BUREAU', 'b', ['110102']), 'ACCOUNTS')).toBeNull();
    expect(scopeCondition(who('CITY_BUREAU', 'b', ['110102']), 'STATISTICS')).toEqual({ sql: '(p.district_code like ?)', params: ['110102%'] });
    expect(scopeCondition(who('COURT', 'c', ['110102']), 'STATISTICS')).toBeNull();
    expect(scopeCondition(who('ADMIN', 'hub'), 'ACCOUNTS')).toEqual({ sql: 'true', params: [] });
  });
});
