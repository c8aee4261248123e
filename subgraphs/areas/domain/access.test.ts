import { Identity } from '../../../kernel/identity';
import {
  ReadGrants,
  courtGrantOwner,
  mayManageStreet,
  mayReadAreaGranted,
  mayReadHousehold,
  mayReadStreet,
  ownerDataAccessReason,
  ownerInFull,
  readableAreaIds,
  readableStreetPrefixes,
  tracksAreas,
} from './access';

const who = (role: Identity['role'], organisationId: string, jurisdictions: string[] = []): Identity => ({
  subject: `${organisationId}-user`,
  role,
  organisationId,
  jurisdictions,
});
const household = { id: 'h-1', streetCode: '110102014', areaId: 'a-1' };
const none: ReadGrants = { areaIds: [], contractAreaIds: [], householdIds: [], householdReferrals: new Map() };
const courtGrants: ReadGrants = {
  ...none,
  areaIds: ['a-1'],
  householdIds: ['h-1'],
  householdReferrals: new Map([
    [
      'h-1',
      [
        { referralId: 'r-new', ownerReference: 'o-buyer' },
        { referralId: 'r-old', ownerReference: 'o-seller' },
      ],
    ],
  ]),
};

describe('who sees an owner’s personal data in full', () => {
  it('the street office of the household’s street, for its register', () => {
    expect(ownerDataAccessReason(who('STREET_OFFICE', 'guangwai', ['110102014']), household, none)).toEqual({
      reason: 'STREET_OFFICE_REGISTER',
      referralId: null,
    });
    expect(ownerDataAccessReason(who('STREET_OFFICE', 'desheng', ['110102011']), household, none)).toBeUndefined();
  });

  it('not ADMIN, though it manages every street, nor a bureau or a company that read the household', () => {
    const admin = who('ADMIN', 'hub-operator');
    expect(mayReadHousehold(admin, household, none)).toBe(true);
    expect(ownerDataAccessReason(admin, household, none)).toBeUndefined();
    expect(ownerDataAccessReason(who('CITY_BUREAU', 'xicheng', ['110102']), household, none)).toBeUndefined();
    const company = who('PROPERTY_COMPANY', 'c-1');
    expect(mayReadHousehold(company, household, { ...none, areaIds: ['a-1'] })).toBe(true);
    expect(ownerDataAccessReason(company, household, none)).toBeUndefined();
    expect(ownerDataAccessReason(who('OWNERS_COMMITTEE', 'oc-1', ['110102014']), household, none)).toBeUndefined();
  });

  it('a court holding a referral of the household: the referral named, else its latest; none for another referral or court', () => {
    const court = who('COURT', 'xicheng-court', ['110102']);
    expect(ownerDataAccessReason(court, household, courtGrants)).toEqual({
      reason: 'COURT_REFERRAL',
      referralId: 'r-new',
      referredOwner: 'o-buyer',
    });
    expect(ownerDataAccessReason(court, household, courtGrants, 'r-old')).toEqual({
      reason: 'COURT_REFERRAL',
      referralId: 'r-old',
      referredOwner: 'o-seller',
    });
    expect(ownerDataAccessReason(court, household, courtGrants, 'r-of-another-household')).toBeUndefined();
    expect(ownerDataAccessReason(court, household, none)).toBeUndefined();
    expect(ownerDataAccessReason(court, { ...household, id: 'h-2' }, courtGrants)).toBeUndefined();
  });
});

describe('who reads an area', () => {
  const company = who('PROPERTY_COMPANY', 'c-1');
  const area = { id: 'a-1', streetCode: '110102014' };

  it('a company: the areas it serves and those of its own contracts, drafts included; no other', () => {
    expect(mayReadAreaGranted(company, area, { ...none, areaIds: ['a-1'] })).toBe(true);
    expect(mayReadAreaGranted(company, area, { ...none, contractAreaIds: ['a-1'] })).toBe(true);
    expect(mayReadAreaGranted(company, area, { ...none, contractAreaIds: ['a-2'] })).toBe(false);
    expect(readableAreaIds({ areaIds: ['a-1', 'a-2'], contractAreaIds: ['a-2', 'a-3'] })).toEqual([
      'a-1',
      'a-2',
      'a-3',
    ]);
  });

  it('but a contract of an area opens none of its households: those follow the areas the company serves', () => {
    expect(mayReadHousehold(company, household, { ...none, contractAreaIds: ['a-1'] })).toBe(false);
    expect(mayReadHousehold(company, household, { ...none, areaIds: ['a-1'] })).toBe(true);
  });
});

describe('who reads the register of a street', () => {
  const enforcement = who('ENFORCEMENT_BUREAU', 'linjiang-enforcement', ['220681']);
  const linjiang = { id: 'h-2', streetCode: '220681001', areaId: 'a-2' };

  it('an enforcement bureau, like a city bureau, reads the streets of its jurisdiction and no other city’s', () => {
    expect(mayReadStreet(enforcement, '220681001')).toBe(true);
    expect(mayReadStreet(enforcement, '110102014')).toBe(false);
    expect(readableStreetPrefixes(enforcement)).toEqual(['220681']);
    expect(tracksAreas(enforcement)).toBe(true);
    expect(mayReadStreet(who('CITY_BUREAU', 'xicheng', ['110102']), '220681001')).toBe(false);
  });

  it('but manages none and sees owners masked', () => {
    expect(mayManageStreet(enforcement, '220681001')).toBe(false);
    expect(mayReadHousehold(enforcement, linjiang, none)).toBe(true);
    expect(ownerDataAccessReason(enforcement, linjiang, none)).toBeUndefined();
  });

  it('roles without a register read none', () => {
    for (const role of ['PROPERTY_COMPANY', 'COURT', 'OWNERS_COMMITTEE'] as const) {
      expect(readableStreetPrefixes(who(role, 'x', ['220681']))).toBeUndefined();
      expect(tracksAreas(who(role, 'x', ['220681']))).toBe(false);
    }
  });
});

describe('ownerInFull: whose particulars a read in full answers', () => {
  const court = (referredOwner: string | null) =>
    ({ reason: 'COURT_REFERRAL', referralId: 'r-1', referredOwner }) as const;

  it('the street office: the owner now', () => {
    expect(ownerInFull({ reason: 'STREET_OFFICE_REGISTER', referralId: null }, 'o-buyer')).toEqual({
      owner: 'CURRENT',
    });
  });

  it('a court: the owner its referral is against, the owner now (a reference retyped is the same owner) or a former one', () => {
    expect(ownerInFull(court('o-1002x'), 'O-1002X')).toEqual({ owner: 'CURRENT' });
    expect(ownerInFull(court('o-seller'), 'o-buyer')).toEqual({ owner: 'FORMER', ownerReference: 'o-seller' });
  });

  it('a court whose referral names no owner: nothing in full', () => {
    expect(ownerInFull(court(null), 'o-buyer')).toBeUndefined();
  });
});

describe('courtGrantOwner', () => {
  it('grants the owner the referral names, though the register has since recorded a buyer', () => {
    expect(courtGrantOwner('o-seller', 'o-buyer')).toBe('o-seller');
  });

  it('grants the owner the referral names when the register still holds them (unchanged)', () => {
    expect(courtGrantOwner('o-owner', 'o-owner')).toBe('o-owner');
  });

  it("takes the register's owner for a referral naming none or published before it named its owner", () => {
    expect(courtGrantOwner(undefined, 'o-owner')).toBe('o-owner');
    expect(courtGrantOwner(null, 'o-owner')).toBe('o-owner');
    expect(courtGrantOwner(undefined, null)).toBeNull();
  });
});
