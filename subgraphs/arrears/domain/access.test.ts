import { ForbiddenError } from '../../../kernel/errors';
import { Identity, systemActor } from '../../../kernel/identity';
import {
  assertPropertyCompany,
  mayFollowReferral,
  mayKeepAccount,
  mayMediate,
  mayReadAccount,
  mayReadStatistics,
  readScope,
} from './access';

const who = (role: Identity['role'], organisationId: string, jurisdictions: string[] = []): Identity => ({
  subject: 'u',
  role,
  organisationId,
  jurisdictions,
});
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

  it('turns the same rules into the place of the rows a list may show, none for those who read no row', () => {
    expect(readScope(who('PROPERTY_COMPANY', 'CO-A'), 'ACCOUNTS')).toEqual({ kind: 'COMPANY', companyId: 'CO-A' });
    expect(readScope(who('STREET_OFFICE', 'so', ['110102014', 'x']), 'ACCOUNTS')).toEqual({
      kind: 'STREETS',
      prefixes: ['110102014'],
    });
    expect(readScope(who('CITY_BUREAU', 'b', ['110102']), 'ACCOUNTS')).toBeNull();
    expect(readScope(who('CITY_BUREAU', 'b', ['110102']), 'STATISTICS')).toEqual({
      kind: 'DISTRICTS',
      prefixes: ['110102'],
    });
    expect(readScope(who('COURT', 'c', ['110102']), 'STATISTICS')).toBeNull();
    expect(readScope(who('ADMIN', 'hub'), 'ACCOUNTS')).toEqual({ kind: 'EVERYTHING' });
    expect(readScope(systemActor('litigation'), 'ACCOUNTS')).toBeNull();
  });

  it('lets litigation move the account its referral names, of the referring company, and nothing else', () => {
    const litigation = systemActor('litigation');
    expect(mayFollowReferral(litigation, account, { companyId: 'CO-A' })).toBe(true);
    expect(mayFollowReferral(litigation, account, { companyId: 'CO-B' })).toBe(false);
    expect(mayFollowReferral(systemActor('contracts'), account, { companyId: 'CO-A' })).toBe(false);
    expect(mayFollowReferral(who('ADMIN', 'litigation'), account, { companyId: 'CO-A' })).toBe(false);
    expect(mayReadAccount(litigation, account)).toBe(false);
    expect(mayKeepAccount(litigation, account)).toBe(false);
    expect(mayMediate(litigation, account)).toBe(false);
    expect(mayReadStatistics(litigation, account)).toBe(false);
  });

  it('leaves billing, levies and payments to property companies', () => {
    expect(assertPropertyCompany(who('PROPERTY_COMPANY', 'CO-A'), 'run billing')).toBe('CO-A');
    expect(() => assertPropertyCompany(who('STREET_OFFICE', 'so', ['110102014']), 'run billing')).toThrow(
      ForbiddenError,
    );
    expect(() => assertPropertyCompany(systemActor('litigation'), 'record payments')).toThrow(ForbiddenError);
  });
});
