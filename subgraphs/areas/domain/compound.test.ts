import { DomainError } from '../../../kernel/errors';
import { rejection } from '../../../test/support/rejection';
import {
  OwnerDays,
  ownerDaysOf,
  householdProblems,
  isPlaceholderOwnerReference,
  maskOwnerName,
  validateCompound,
  validateHousehold,
  validateBuilding,
} from './compound';
import { formatSquareMetres, parseSquareMetres } from './floor-area';

describe('floor areas', () => {
  it.each([
    ['85.36', 8536],
    ['85.3', 8530],
    ['120', 12000],
    ['0.01', 1],
  ])('parses %s exactly as %i hundredths', (text, centi) => {
    expect(parseSquareMetres(text)).toBe(centi);
    expect(parseSquareMetres(formatSquareMetres(centi))).toBe(centi);
  });

  it.each(['-1', '85.361', 'abc', '', '1e3', '08.5'])('rejects %p', (text) => {
    expect(parseSquareMetres(text)).toBeUndefined();
  });

  it('formats large sums without float error', () => {
    expect(formatSquareMetres(10n ** 15n + 7n)).toBe('10000000000000.07');
  });
});

describe('compounds and households', () => {
  const TODAY = '2026-12-05';
  const 广安门北街20号院 = {
    name: '广安门北街20号院',
    districtCode: '110102',
    streetCode: '110102014',
    kind: 'OLD_PUBLIC_HOUSING' as const,
    governanceModel: 'MULTI_PARTY_CO_GOVERNANCE' as const,
    yearBuilt: 1995,
    propertyRightsUnits: 6,
    maintenanceFund: 'NOT_ESTABLISHED' as const,
  };

  it('accepts the seed compound built in 1995 with 6 property-rights units', () => {
    expect(validateCompound(广安门北街20号院, TODAY).yearBuilt).toBe(1995);
  });

  it('accepts a stored compound whose optional fields are null', () => {
    expect(validateCompound({ ...广安门北街20号院, yearBuilt: null, communityCode: null }, TODAY).name).toBe(
      '广安门北街20号院',
    );
  });

  it('reports every bad field of a compound at once', () => {
    try {
      validateCompound(
        {
          ...广安门北街20号院,
          yearBuilt: 1850,
          propertyRightsUnits: -1,
          communityCode: '110108009001',
        },
        TODAY,
      );
      throw new Error('expected a rejection');
    } catch (e) {
      expect((e as DomainError).code).toBe('BAD_USER_INPUT');
      expect(Object.keys((e as DomainError).details!.fields as object).sort()).toEqual([
        'communityCode',
        'propertyRightsUnits',
        'yearBuilt',
      ]);
    }
  });

  it('takes this year as China’s: a compound built in the new year is accepted from midnight on 1 January there', () => {
    // Before, the year was the UTC one: until 08:00 on 1 January in Beijing, this year's compound was refused.
    const built2027 = { ...广安门北街20号院, yearBuilt: 2027 };
    expect(validateCompound(built2027, '2027-01-01').yearBuilt).toBe(2027);
    expect(() => validateCompound(built2027, '2026-12-31')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });

  it('keeps the certificate floor area exact', () => {
    expect(
      validateHousehold({ unit: '2', room: '301', floorArea: '56.78', ownerReference: 'o-1' }).floorAreaCentiM2,
    ).toBe(5678);
    expect(Object.keys(householdProblems({ unit: '', room: '301', floorArea: '0', ownerReference: 'o-1' }))).toEqual([
      'unit',
      'floorArea',
    ]);
  });

  it('trims the owner reference, so one owner is one reference (法释〔2009〕7号 art. 9)', () => {
    const household = { unit: '2', room: '301', floorArea: '56.78' };
    expect(validateHousehold({ ...household, ownerReference: ' o-1\u3000' }).ownerReference).toBe('o-1');
  });

  it('masks owner names', () => {
    expect(maskOwnerName('张三丰')).toBe('张**');
    expect(maskOwnerName('李四')).toBe('李*');
    expect(maskOwnerName('王')).toBe('王*');
    expect(maskOwnerName(undefined)).toBeNull();
  });
});

describe('buildings', () => {
  // Seed 003: 学院南路32号院's buildings 16 and 17, 4 elevators, replaced in June 2023.
  const building16 = { label: '16号楼', buildingClass: 'LOW_RISE', floors: 6, elevators: 2 } as const;

  it('keeps the month its elevators were replaced, as seed 003 gives it', () => {
    expect(validateBuilding({ ...building16, elevatorsReplacedIn: '2023-06' }, '2026-12')).toEqual({
      ...building16,
      elevatorsReplacedIn: '2023-06',
    });
    expect(validateBuilding(building16, '2026-12')).toEqual(building16);
  });

  it.each([
    ['not a month', '2023-6', 2],
    ['after this month', '2027-01', 2],
    ['for a building without elevators', '2023-06', 0],
  ])('refuses a replacement month %s', (_label, month, elevators) => {
    expect(() => validateBuilding({ ...building16, elevators, elevatorsReplacedIn: month }, '2026-12')).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: { fields: { elevatorsReplacedIn: expect.any(String) } },
      }),
    );
  });
});

describe("the owner's days: since when, and the death", () => {
  const today = '2026-12-01';
  const none: OwnerDays = { ownerSince: null, ownerDiedOn: null };
  const days = (changes: object, newOwner: boolean, stored = none, organisation = false) =>
    ownerDaysOf(changes, newOwner, stored, organisation, today);
  const refused = (changes: object, newOwner: boolean, stored = none, organisation = false) =>
    rejection(() => days(changes, newOwner, stored, organisation));

  it('since: the day given, with a new owner or alone as a correction; today for a new owner without one; null clears it', () => {
    expect(days({ ownerSince: '2026-10-15' }, true)).toEqual({ ownerSince: '2026-10-15', ownerDiedOn: null });
    expect(days({ ownerSince: '2026-10-15' }, false)).toEqual({ ownerSince: '2026-10-15' });
    expect(days({}, true)).toEqual({ ownerSince: today, ownerDiedOn: null });
    expect(days({}, false)).toEqual({});
    expect(days({ ownerSince: null }, true)).toEqual({ ownerSince: null, ownerDiedOn: null });
  });

  it('the death: the day given, kept when not given; null clears it', () => {
    expect(days({ ownerDiedOn: '2026-10-15' }, false)).toEqual({ ownerDiedOn: '2026-10-15' });
    expect(days({ ownerDiedOn: '2026-10-15' }, false, { ownerSince: '2020-05-01', ownerDiedOn: null })).toEqual({
      ownerDiedOn: '2026-10-15',
    });
    expect(days({ ownerDiedOn: today }, false)).toEqual({ ownerDiedOn: today });
    expect(days({ ownerDiedOn: null }, false, { ownerSince: null, ownerDiedOn: '2026-10-15' })).toEqual({
      ownerDiedOn: null,
    });
  });

  it('registers the heirs only from the death on, which clears it; a new reference without a day corrects the deceased’s (Civil Code arts. 230, 1121, 1161)', () => {
    const dead = { ownerSince: '2019-03-01', ownerDiedOn: '2026-08-02' };
    expect(days({ ownerSince: '2026-08-02' }, true, dead)).toEqual({ ownerSince: '2026-08-02', ownerDiedOn: null });
    expect(days({ ownerSince: '2026-09-10' }, true, dead)).toEqual({ ownerSince: '2026-09-10', ownerDiedOn: null });
    // Before, heirs registered without a day (today) or with null were taken as owners throughout, or from today.
    expect(days({}, true, dead)).toEqual({});
    expect(days({ ownerSince: null }, true, dead)).toEqual({ ownerSince: null });
    expect(refused({ ownerSince: '2026-08-01' }, true, dead).details).toEqual({
      fields: { ownerSince: expect.stringContaining('on or after 2026-08-02') },
    });
    // The deceased owner's own day cannot move past the death.
    expect(refused({ ownerSince: '2026-09-01' }, false, dead).details).toEqual({
      fields: { ownerSince: expect.stringContaining('2026-08-02') },
    });
  });

  it('refuses a day after today or not a date, a death before the owner became the owner, and the death of an organisation', () => {
    for (const changes of [{ ownerSince: '2026-12-02' }, { ownerSince: '2026-02-30' }])
      expect(refused(changes, true).details).toEqual({ fields: { ownerSince: expect.any(String) } });
    for (const changes of [{ ownerDiedOn: '2026-12-02' }, { ownerDiedOn: '2026-02-30' }])
      expect(refused(changes, false).details).toEqual({ fields: { ownerDiedOn: expect.any(String) } });
    expect(
      refused({ ownerDiedOn: '2026-10-14' }, false, { ownerSince: '2026-10-15', ownerDiedOn: null }).details,
    ).toEqual({
      fields: { ownerDiedOn: expect.stringContaining('2026-10-15') },
    });
    const organisation = refused({ ownerDiedOn: '2026-10-14' }, false, none, true);
    expect(organisation.code).toBe('BAD_USER_INPUT');
    expect(organisation.details).toEqual({ fields: { ownerDiedOn: expect.stringContaining('arts. 59, 68') } });
  });
});

describe('owner references', () => {
  // One reference is one owner (法释〔2009〕7号 art. 9): a placeholder would make the units under it one owner.
  it.each(['未知', ' 待核实 ', 'N/A', 'unknown', 'NULL', '-', '－', '——', '？', '0', '0000', '*', '无'])(
    'takes %p for no owner',
    (reference) => {
      expect(isPlaceholderOwnerReference(reference)).toBe(true);
      expect(householdProblems({ unit: '1', room: '101', floorArea: '50.00', ownerReference: reference })).toEqual({
        ownerReference: expect.stringContaining('stands for no owner'),
      });
    },
  );

  it.each(['A', 'o-1', '0001', 'XYNL32-3-402', '京(2019)西城区不动产权第0001号', 'property-rights-unit-A', '无锡-1'])(
    'takes %p for an owner',
    (reference) => {
      expect(isPlaceholderOwnerReference(reference)).toBe(false);
    },
  );

  it('lets a correction of another field through while a placeholder stored before the rule stays', () => {
    const stored = { unit: '1', room: '101', floorArea: '60.00', ownerReference: '未知' };
    expect(householdProblems(stored, { storedReference: true })).toEqual({});
    expect(validateHousehold(stored, { storedReference: true }).floorAreaCentiM2).toBe(6000);
  });

  it('refuses a resident ID number as an owner reference, which would travel in clear, and takes other numbers', () => {
    const row = (ownerReference: string) => ({ unit: '1', room: '101', floorArea: '60.00', ownerReference });
    // GB 11643 check characters right (X, x as typed, a digit), with spaces around as a CSV cell may have them.
    for (const id of [
      '11010519491231002X',
      '11010519491231002x',
      ' 110101198001010010 ',
      '１１０１０５１９４９１２３１００２Ｘ', // full-width, as a Chinese input method types it
      '110105 19491231 002X',
      '110105-19491231-002X',
    ])
      expect(householdProblems(row(id)).ownerReference).toMatch(/resident ID number.*ownerIdentity\.idNumber/);
    // 18 characters whose check character is wrong, a certificate number, a register's own number: references.
    for (const reference of ['110105194912310021', '京(2019)西城区不动产权第0001号', 'owner-000123', '110105194912310'])
      expect(householdProblems(row(reference))).toEqual({});
    // Stored before the rule: a correction of the area goes through.
    expect(householdProblems(row('11010519491231002X'), { storedReference: true })).toEqual({});
  });
});
