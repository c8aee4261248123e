import { rejection } from '../../../test/support/rejection';
import { ProviderSelection, SelectionProblem, selectionProblems, validateSelection } from './selection';
import { BEIJING, CitySettings, LINJIANG_SETTINGS, defineCitySettings } from './statutes';

/**
 * A bureau-approved agreement for a project of exactly 30,000.00 m² of building area, seed 004's threshold, whose flats
 * registered so far measure 24,000 m².
 */
const base: ProviderSelection = {
  contractKind: 'PRELIMINARY',
  method: 'AGREEMENT',
  approvalReference: '临城执批〔2024〕12号',
  totalFloorAreaCentiM2: 2_400_000,
  projectBuildingAreaCentiM2: 3_000_000,
};
const selection = (overrides: Partial<ProviderSelection>): ProviderSelection => ({ ...base, ...overrides });

/** Another city's threshold (50,000 m²); the other numbers are 临江市's. */
const fiftyThousand: CitySettings = defineCitySettings({
  ...LINJIANG_SETTINGS,
  cityCode: '999900',
  agreementSelectionMaxFloorAreaCentiM2: 5_000_000,
});

describe('choosing the provider of a preliminary contract (State Council regulation art. 24, seed 004)', () => {
  it.each<[string, Partial<ProviderSelection>, SelectionProblem[]]>([
    ['approved agreement at exactly 30,000.00 m²', {}, []],
    ['approved agreement at 29,999.99 m²', { projectBuildingAreaCentiM2: 2_999_999 }, []],
    [
      'approved agreement at 30,000.01 m²',
      { projectBuildingAreaCentiM2: 3_000_001 },
      ['AREA_OVER_AGREEMENT_THRESHOLD'],
    ],
    ['agreement without approval', { approvalReference: undefined }, ['AGREEMENT_NEEDS_APPROVAL']],
    ['agreement with a blank approval reference', { approvalReference: '  ' }, ['AGREEMENT_NEEDS_APPROVAL']],
    ['agreement with a null approval reference', { approvalReference: null }, ['AGREEMENT_NEEDS_APPROVAL']],
    [
      'unapproved agreement for 30,000.01 m²: both problems',
      { approvalReference: null, projectBuildingAreaCentiM2: 3_000_001 },
      ['AGREEMENT_NEEDS_APPROVAL', 'AREA_OVER_AGREEMENT_THRESHOLD'],
    ],
    [
      'tender for 1,000,000 m², no approval needed',
      { method: 'TENDER', approvalReference: null, totalFloorAreaCentiM2: 100_000_000 },
      [],
    ],
    [
      'regular contract: the owners chose by joint decision',
      { contractKind: 'REGULAR', approvalReference: null, totalFloorAreaCentiM2: 100_000_000 },
      [],
    ],
    ['an unknown method', { method: 'LOTTERY' as ProviderSelection['method'] }, ['UNKNOWN_SELECTION_METHOD']],
    [
      'an unknown contract kind',
      { contractKind: 'INTERIM' as ProviderSelection['contractKind'] },
      ['UNKNOWN_CONTRACT_KIND'],
    ],
    [
      'approved agreement with no household registered yet: the stated building area decides',
      { totalFloorAreaCentiM2: 0 },
      [],
    ],
    [
      // Before, the registered flats' 24,000 m² passed a project of 45,000 m² (a helper's legal audit).
      'approved agreement for a 45,000 m² project with 24,000 m² of flats registered',
      { projectBuildingAreaCentiM2: 4_500_000 },
      ['AREA_OVER_AGREEMENT_THRESHOLD'],
    ],
    [
      'approved agreement without the building area stated',
      { projectBuildingAreaCentiM2: null },
      ['AREA_UNKNOWN_FOR_AGREEMENT'],
    ],
    [
      'a building area stated below the registered flats',
      { projectBuildingAreaCentiM2: 2_399_999 },
      ['BUILDING_AREA_BELOW_REGISTER'],
    ],
    // Art. 24 para. 2: "投标人少于3个或者住宅规模较小的": either ground. Before, a 45,000 m² estate whose tender drew two
    // bidders was refused AREA_OVER_AGREEMENT_THRESHOLD though the bureau approved the agreement (helper-210).
    [
      'approved agreement for a 45,000 m² project after a tender of fewer than three bidders',
      { agreementGround: 'FEWER_THAN_THREE_BIDDERS', projectBuildingAreaCentiM2: 4_500_000 },
      [],
    ],
    [
      'the same without the building area stated',
      { agreementGround: 'FEWER_THAN_THREE_BIDDERS', projectBuildingAreaCentiM2: null },
      [],
    ],
    [
      'fewer than three bidders, but no approval',
      { agreementGround: 'FEWER_THAN_THREE_BIDDERS', approvalReference: null },
      ['AGREEMENT_NEEDS_APPROVAL'],
    ],
    [
      'the small-project ground named: the figure applies as before',
      { agreementGround: 'SMALL_PROJECT', projectBuildingAreaCentiM2: 4_500_000 },
      ['AREA_OVER_AGREEMENT_THRESHOLD'],
    ],
  ])('%s', (_label, overrides, problems) => {
    expect(selectionProblems(selection(overrides), LINJIANG_SETTINGS)).toEqual(problems);
  });

  it("checks only the approval where the city's figure is not confirmed (Beijing: none held, none borrowed)", () => {
    expect(BEIJING.agreementSelectionMaxFloorAreaCentiM2).toBeNull();
    for (const projectBuildingAreaCentiM2 of [null, 3_000_001, 100_000_000])
      expect(selectionProblems(selection({ projectBuildingAreaCentiM2 }), BEIJING)).toEqual([]);
    expect(selectionProblems(selection({ approvalReference: null }), BEIJING)).toEqual(['AGREEMENT_NEEDS_APPROVAL']);
  });

  it.each<[number, SelectionProblem[]]>([
    [3_000_001, []],
    [5_000_000, []],
    [5_000_001, ['AREA_OVER_AGREEMENT_THRESHOLD']],
  ])('reads the threshold from the city: %i centi-m² under a 50,000 m² city gives %j', (area, problems) => {
    expect(selectionProblems(selection({ projectBuildingAreaCentiM2: area }), fiftyThousand)).toEqual(problems);
  });

  it('throws BAD_USER_INPUT with every problem, the threshold and its source', () => {
    const error = rejection(() =>
      validateSelection(selection({ approvalReference: '', projectBuildingAreaCentiM2: 3_000_001 }), LINJIANG_SETTINGS),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({
      problems: ['AGREEMENT_NEEDS_APPROVAL', 'AREA_OVER_AGREEMENT_THRESHOLD'],
      agreementSelectionMaxFloorAreaCentiM2: 3_000_000,
      source: LINJIANG_SETTINGS.sources.agreementSelection,
    });
    expect(() => validateSelection(base, LINJIANG_SETTINGS)).not.toThrow();
  });

  it.each([[-1], [1.5], [Number.NaN], [2 ** 53]])(
    'rejects a floor area of %p as input, not as a rule problem',
    (area) => {
      const error = rejection(() => selectionProblems(selection({ totalFloorAreaCentiM2: area }), BEIJING));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.details?.fields).toHaveProperty('totalFloorAreaCentiM2');
    },
  );
});
