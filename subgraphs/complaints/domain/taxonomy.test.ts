import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { governingCategories, taxonomyDivision } from './taxonomy';

const bureau = (jurisdictions: string[]): Identity => ({
  subject: 'clerk',
  role: 'CITY_BUREAU',
  organisationId: 'bureau',
  jurisdictions,
});
const admin: Identity = { subject: 'admin', role: 'ADMIN', organisationId: 'hub', jurisdictions: [] };

describe('each division keeps its own complaints taxonomy', () => {
  it("records a bureau's version for its only jurisdiction, or one it names within its jurisdictions", () => {
    expect(taxonomyDivision(bureau(['110102']))).toBe('110102');
    expect(taxonomyDivision(bureau(['220681']), ' 220681 ')).toBe('220681');
    // A six-digit code by its significant digits, as a jurisdiction names it: 110000 covers every 11xxxx street.
    expect(taxonomyDivision(bureau(['11']), '110000')).toBe('11');
    expect(taxonomyDivision(bureau(['11']), '110102')).toBe('110102');
    expect(taxonomyDivision(admin, '220681')).toBe('220681');
  });

  it('refuses a division outside the jurisdictions, a malformed one, and none where none is implied', () => {
    expect(() => taxonomyDivision(bureau(['220681']), '110102')).toThrow(ForbiddenError);
    expect(() => taxonomyDivision(bureau(['110102']), '110000')).toThrow(ForbiddenError);
    for (const [identity, named] of [
      [bureau(['110102', '110108']), undefined],
      [admin, null],
      [bureau(['110102']), '1101x2'],
      [bureau(['110102']), '1'],
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

  it("takes for a street each category of the most specific division in force covering it, else of every division ('')", () => {
    const inForce = [
      { division: '', code: 'A' },
      { division: '11', code: 'A' },
      { division: '11', code: 'B' },
      { division: '110102', code: 'A' },
      { division: '220681', code: 'A' },
      { division: '2206', code: 'C' },
    ];
    const of = (street: string) =>
      governingCategories(inForce, street)
        .map((c) => `${c.division}/${c.code}`)
        .sort();
    // Xicheng's own A before Beijing's; Beijing's B still applies there.
    expect(of('110102020')).toEqual(['11/B', '110102/A']);
    expect(of('110108001')).toEqual(['11/A', '11/B']);
    // 临江市 (220681) lies in 白山市 (2206): its own A, and 白山市's C where it has none of its own.
    expect(of('220681001')).toEqual(['2206/C', '220681/A']);
    expect(of('310101001')).toEqual(['/A']);
    expect(governingCategories(inForce.slice(1, 3), '310101001')).toEqual([]);
  });
});
