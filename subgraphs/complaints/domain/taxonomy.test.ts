import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { governingCategories, holdsOneOf, taxonomyDivision } from './taxonomy';

const bureau = (jurisdictions: string[]): Identity => ({
  subject: 'clerk',
  role: 'CITY_BUREAU',
  organisationId: 'bureau',
  jurisdictions,
});
const admin: Identity = { subject: 'admin', role: 'ADMIN', organisationId: 'hub', jurisdictions: [] };

describe('each division keeps its own complaints taxonomy', () => {
  it("records a bureau's version for its only jurisdiction, or one of its jurisdictions it names", () => {
    expect(taxonomyDivision(bureau(['110102']))).toBe('110102');
    expect(taxonomyDivision(bureau(['110102', '220681']), ' 220681 ')).toBe('220681');
    // A six-digit code by its significant digits, as a jurisdiction names it: 110000 covers every 11xxxx street.
    expect(taxonomyDivision(bureau(['11']), '110000')).toBe('11');
    expect(taxonomyDivision(bureau(['110000']))).toBe('11');
    expect(taxonomyDivision(admin, '220681')).toBe('220681');
    expect(taxonomyDivision(admin, '110102020')).toBe('110102020');
    // '' is the taxonomy recorded before divisions were kept: the admin's to keep, no bureau's.
    expect(taxonomyDivision(admin, '')).toBe('');
    expect(() => taxonomyDivision(bureau(['110102']), '')).toThrow(ForbiddenError);
  });

  it('refuses a division not one of the jurisdictions, a malformed one, and none where none is implied', () => {
    expect(() => taxonomyDivision(bureau(['220681']), '110102')).toThrow(ForbiddenError);
    expect(() => taxonomyDivision(bureau(['110102']), '110000')).toThrow(ForbiddenError);
    // Within its jurisdiction but not one of them: a city's bureau would replace a district bureau's categories there
    // past the keeper rule (helper-202's review: Beijing's bureau naming 1101020 replaced Xicheng's T1).
    expect(() => taxonomyDivision(bureau(['11']), '110102')).toThrow(ForbiddenError);
    expect(() => taxonomyDivision(bureau(['11']), '110102020')).toThrow(ForbiddenError);
    for (const [identity, named] of [
      [bureau(['110102', '110108']), undefined],
      [admin, null],
      [bureau(['110102']), '1101x2'],
      [bureau(['110102']), '1'],
      // No division of GB/T 2260: '' (every division) is not for new versions, nor a code of 7 or 8 digits.
      [admin, '000000'],
      [admin, '1101020'],
      [admin, '11000000'],
    ] as const) {
      let thrown: unknown;
      try {
        taxonomyDivision(identity, named);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(InvalidInputError);
      expect((thrown as InvalidInputError).details).toEqual({ fields: { division: expect.any(String) } });
    }
  });

  it("takes for a street each category of the most specific division holding items, else of every division ('')", () => {
    const inForce = [
      { division: '', code: 'A' },
      { division: '11', code: 'A' },
      { division: '11', code: 'B' },
      { division: '110102', code: 'A' },
      { division: '110108', code: 'A' },
      { division: '220681', code: 'A' },
      { division: '2206', code: 'C' },
    ];
    // 海淀's A is recorded, its items not yet.
    const holdsItems = (c: { division: string }) => c.division !== '110108';
    const of = (street: string) =>
      governingCategories(inForce, street, holdsItems)
        .map((c) => `${c.division}/${c.code}`)
        .sort();
    // Xicheng's own A before Beijing's; Beijing's B still applies there.
    expect(of('110102020')).toEqual(['11/B', '110102/A']);
    // A category holding no item yet replaces nothing: 海淀's streets keep Beijing's A until it has items.
    expect(of('110108001')).toEqual(['11/A', '11/B']);
    // 临江市 (220681) lies in 白山市 (2206): its own A, and 白山市's C where it has none of its own.
    expect(of('220681001')).toEqual(['2206/C', '220681/A']);
    expect(of('310101001')).toEqual(['/A']);
    expect(governingCategories(inForce.slice(1, 3), '310101001', holdsItems)).toEqual([]);
    expect(
      ['110102', '220681'].map((d) =>
        holdsOneOf([{ division: '110102', categoryCode: 'A' }])({ division: d, code: 'A' }),
      ),
    ).toEqual([true, false]);
  });
});
