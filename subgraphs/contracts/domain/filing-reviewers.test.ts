import { Identity, Role } from '../../../kernel/identity';
import {
  mayDecideFiling,
  mayDownloadFilingDocuments,
  mayReadContract,
  mayReviewFiling,
  readScopeOf,
  reviewScopeOf,
} from './filing-reviewers';
import { BEIJING, LINJIANG_SETTINGS } from './statutes';

const who = (role: Role, jurisdictions: string[] = [], organisationId = 'org'): Identity => ({
  subject: 's',
  role,
  organisationId,
  jurisdictions,
});
const area = { streetCode: '110102011', districtCode: '110102' };

describe('who reviews and reads contracts', () => {
  it.each([
    ['the admin', who('ADMIN'), { by: 'ALL' }],
    ['a street office, by its streets', who('STREET_OFFICE', ['110102011']), { by: 'STREET', prefixes: ['110102011'] }],
    ['a district bureau, by its districts', who('CITY_BUREAU', ['110102']), { by: 'DISTRICT', prefixes: ['110102'] }],
    [
      'a city bureau, whose code prefixes its districts',
      who('CITY_BUREAU', ['11']),
      { by: 'DISTRICT', prefixes: ['11'] },
    ],
    [
      'a bureau, ignoring what is no division code',
      who('CITY_BUREAU', ['110102', '11%', '']),
      { by: 'DISTRICT', prefixes: ['110102'] },
    ],
    [
      'an enforcement bureau (临江市), by its city',
      who('ENFORCEMENT_BUREAU', ['220681']),
      { by: 'DISTRICT', prefixes: ['220681'] },
    ],
    ['a street office without a division', who('STREET_OFFICE', ['%']), null],
    ['a company', who('PROPERTY_COMPANY'), null],
    ['a court', who('COURT'), null],
  ] as const)('review scope of %s', (_, identity, scope) => {
    expect(reviewScopeOf(identity)).toEqual(scope);
  });

  it('matches mayReviewFiling on an area', () => {
    for (const identity of [
      who('ADMIN'),
      who('STREET_OFFICE', ['110102011']),
      who('STREET_OFFICE', ['110102012']),
      who('CITY_BUREAU', ['11']),
      who('CITY_BUREAU', ['110108']),
      who('ENFORCEMENT_BUREAU', ['220681']),
    ]) {
      const scope = reviewScopeOf(identity);
      const inScope =
        scope !== null &&
        (scope.by === 'ALL' ||
          scope.prefixes.some((p) => (scope.by === 'STREET' ? area.streetCode : area.districtCode).startsWith(p)));
      expect([identity.jurisdictions, inScope]).toEqual([identity.jurisdictions, mayReviewFiling(identity, area)]);
    }
  });

  it('has the enforcement bureau review its city only', () => {
    expect(
      mayReviewFiling(who('ENFORCEMENT_BUREAU', ['220681']), { streetCode: '220681001', districtCode: '220681' }),
    ).toBe(true);
    expect(mayReviewFiling(who('ENFORCEMENT_BUREAU', ['220681']), area)).toBe(false);
  });

  it("has a filing decided by the bureau the city's settings name, besides the street office", () => {
    const linjiang = { streetCode: '220681001', districtCode: '220681' };
    const enforcement = { filingReviewerRole: 'ENFORCEMENT_BUREAU' };
    expect(mayDecideFiling(who('ENFORCEMENT_BUREAU', ['220681']), linjiang, enforcement)).toBe(true);
    // 临江市's housing bureau reads within its jurisdiction, but 临江市 gives the filings to the enforcement bureau
    expect(mayDecideFiling(who('CITY_BUREAU', ['220681']), linjiang, enforcement)).toBe(false);
    expect(mayDecideFiling(who('ENFORCEMENT_BUREAU', ['11']), area, { filingReviewerRole: 'CITY_BUREAU' })).toBe(false);
    expect(mayDecideFiling(who('CITY_BUREAU', ['110102']), area, { filingReviewerRole: 'CITY_BUREAU' })).toBe(true);
    expect(mayDecideFiling(who('STREET_OFFICE', ['220681001']), linjiang, enforcement)).toBe(true);
    expect(mayDecideFiling(who('STREET_OFFICE', ['110102011']), linjiang, enforcement)).toBe(false);
  });

  it('never has the admin decide a filing: art. 63 para. 3 files it with the street office or the district authority, not the hub operator', () => {
    // Before, an ADMIN token accepted and returned filings of every city; it still reads them for support.
    for (const city of [BEIJING, LINJIANG_SETTINGS]) {
      const of = city === BEIJING ? area : { streetCode: '220681001', districtCode: '220681' };
      expect([city.cityCode, mayDecideFiling(who('ADMIN'), of, city)]).toEqual([city.cityCode, false]);
      expect(mayReviewFiling(who('ADMIN'), of)).toBe(true);
    }
    // The authorities art. 63 para. 3 names decide in their jurisdiction; a bureau of another district does not.
    expect(mayDecideFiling(who('CITY_BUREAU', ['110102']), area, BEIJING)).toBe(true);
    expect(mayDecideFiling(who('CITY_BUREAU', ['110108']), area, BEIJING)).toBe(false);
  });

  it('has the street office decide only where the city has it (Beijing art. 63), not in 临江市, where it supervises', () => {
    // Seed 004 §六(七): 签订的前期物业服务合同需报市城管执法局备案, the street office supervising. Before, 建国街道 accepted
    // a filing itself, which then bore a record number and a certificate naming a bureau that never decided it.
    const linjiang = { streetCode: '220681001', districtCode: '220681' };
    expect(mayDecideFiling(who('STREET_OFFICE', ['220681001']), linjiang, LINJIANG_SETTINGS)).toBe(false);
    expect(mayReviewFiling(who('STREET_OFFICE', ['220681001']), linjiang)).toBe(true);
    expect(mayDecideFiling(who('ENFORCEMENT_BUREAU', ['220681']), linjiang, LINJIANG_SETTINGS)).toBe(true);
    expect(mayDecideFiling(who('STREET_OFFICE', ['110102011']), area, BEIJING)).toBe(true);
  });

  it('lets a company list its own contracts and a court those referred to it', () => {
    expect(readScopeOf(who('PROPERTY_COMPANY', [], '91110102MA0000000A'))).toEqual({
      by: 'COMPANY',
      companyId: '91110102MA0000000A',
    });
    expect(readScopeOf(who('COURT', [], 'bj-xicheng-court'))).toEqual({ by: 'COURT', courtId: 'bj-xicheng-court' });
    expect(readScopeOf(who('OWNERS_COMMITTEE', ['110102011']))).toBeNull();
    expect(mayReadContract(who('COURT'), { companyId: 'c' }, area, true)).toBe(true);
    expect(mayReadContract(who('COURT'), { companyId: 'c' }, area, false)).toBe(false);
  });

  it('opens a filing’s documents to the company, the reviewers and a referred court, never to the admin', () => {
    const contract = { companyId: 'company-a' };
    expect(mayDownloadFilingDocuments(who('PROPERTY_COMPANY', [], 'company-a'), contract, area)).toBe(true);
    expect(mayDownloadFilingDocuments(who('PROPERTY_COMPANY', [], 'company-b'), contract, area)).toBe(false);
    expect(mayDownloadFilingDocuments(who('CITY_BUREAU', ['110102']), contract, area)).toBe(true);
    expect(mayDownloadFilingDocuments(who('STREET_OFFICE', ['110102011']), contract, area)).toBe(true);
    expect(mayDownloadFilingDocuments(who('COURT'), contract, area, true)).toBe(true);
    expect(mayDownloadFilingDocuments(who('COURT'), contract, area, false)).toBe(false);
    expect(mayReadContract(who('ADMIN'), contract, area)).toBe(true);
    expect(mayDownloadFilingDocuments(who('ADMIN'), contract, area)).toBe(false);
  });
});
