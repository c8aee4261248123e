import { rejection } from '../../../test/support/rejection';
import { formatYuan } from '../../../kernel/money';
import { collectionRate } from './collection-rate';
import {
  BuildingLevyProgress,
  SEED_002_LEVY,
  activationQuota,
  advanceOutstandingFen,
  buildingsCrossingThreshold,
  checkLevyInput,
  isBuildingActivated,
  levyChargeFen,
} from './levy';
import { SEED_002_BUILDINGS, SEED_002_HOUSEHOLDS, SEED_002_PAID_HOUSEHOLDS } from './statutes';

const building = (buildingId: string, paidHouseholds: number, households = 180): BuildingLevyProgress => ({
  buildingId,
  households,
  paidHouseholds,
});

describe('seed 002 levy (润枫欣尚)', () => {
  it('is ¥17.93 per m², 50% per building, ¥420,000 advanced', () => {
    expect(SEED_002_LEVY).toEqual({ rateFenPerM2: 1_793, activationThresholdPercent: 50, advanceFen: 42_000_000 });
    expect(Object.isFrozen(SEED_002_LEVY)).toBe(true);
  });

  it('activates all six buildings by mid-July 2023, with 954 of 1,080 households paid: 88.3%', () => {
    // The seed gives totals only: 180 households a building (1,080 / 6) and this split of the 954 are illustrative.
    const paid = [170, 165, 160, 155, 152, 152];
    const buildings = paid.map((p, i) => building(`${i + 1}号楼`, p));
    expect(buildings).toHaveLength(SEED_002_BUILDINGS);
    expect(buildings.reduce((sum, b) => sum + b.households, 0)).toBe(SEED_002_HOUSEHOLDS);
    expect(buildings.reduce((sum, b) => sum + b.paidHouseholds, 0)).toBe(SEED_002_PAID_HOUSEHOLDS);
    expect(buildings.every((b) => isBuildingActivated(b, SEED_002_LEVY))).toBe(true);
    expect(collectionRate(SEED_002_PAID_HOUSEHOLDS, SEED_002_HOUSEHOLDS).percent).toBe('88.3');
  });

  it.each<[number, number, string]>([
    [8_950, 160_474, '1604.74'], // 89.50 m² × ¥17.93 = ¥1,604.735: half up
    [10_000, 179_300, '1793.00'],
    [1, 18, '0.18'], // 0.01 m²: 17.93 fen
    [0, 0, '0.00'],
  ])('charges %i centi-m² %i fen (¥%s)', (area, fen, yuan) => {
    expect(levyChargeFen(area, SEED_002_LEVY)).toBe(fen);
    expect(formatYuan(fen)).toBe(yuan);
  });
});

describe('activation', () => {
  it.each<[number, number, number]>([
    [180, 50, 90],
    [181, 50, 91], // 90.5 → 91: half a household cannot pay
    [179, 50, 90],
    [1, 50, 1],
    [180, 100, 180],
    [3, 67, 3], // 2.01 → 3
    [100, 1, 1],
  ])('%i households at %i%% need %i paid', (households, percent, quota) => {
    expect(activationQuota(households, percent)).toBe(quota);
  });

  it.each<[number, number, boolean]>([
    [89, 180, false],
    [90, 180, true], // "达到50%": exactly half counts
    [90, 181, false],
    [91, 181, true],
  ])('%i of %i households paid: activated %p', (paid, households, activated) => {
    expect(isBuildingActivated(building('1号楼', paid, households), SEED_002_LEVY)).toBe(activated);
  });

  it.each<[number, string]>([
    [0, 'activationThresholdPercent'],
    [101, 'activationThresholdPercent'],
    [50.5, 'activationThresholdPercent'],
  ])('refuses a threshold of %p%%', (percent, field) => {
    expect(rejection(() => activationQuota(180, percent)).details).toEqual({
      fields: { [field]: 'must be a whole number from 1 to 100' },
    });
  });

  it.each([
    [181, 180],
    [-1, 180],
    [1, 1.5],
  ])('refuses %p paid of %p households', (paid, households) => {
    expect(
      rejection(() => isBuildingActivated(building('1号楼', paid, households), SEED_002_LEVY)).details,
    ).toMatchObject({
      problems: [{ code: 'INVALID_HOUSEHOLD_COUNTS', buildingId: '1号楼' }],
    });
  });

  it('reports each building once, when it crosses the threshold', () => {
    const before = [building('1号楼', 89), building('2号楼', 90), building('5号楼', 90)];
    const after = [
      building('1号楼', 90),
      building('2号楼', 91),
      building('3号楼', 91, 181),
      building('4号楼', 50),
      building('5号楼', 89),
    ];
    // 1号楼 crosses; 2号楼 was already active; 3号楼 is new and active; 4号楼 is short; 5号楼 fell back (a refund).
    expect(buildingsCrossingThreshold(before, after, SEED_002_LEVY)).toEqual(['1号楼', '3号楼']);
    expect(buildingsCrossingThreshold(after, after, SEED_002_LEVY)).toEqual([]);
  });
});

describe('the company advance', () => {
  it.each<[number, number]>([
    [0, 42_000_000],
    [12_000_000, 30_000_000],
    [42_000_000, 0],
  ])('after %i fen recovered, %i fen is still owed to the company', (recovered, outstanding) => {
    expect(advanceOutstandingFen(SEED_002_LEVY, recovered)).toBe(outstanding);
  });

  it.each<[number, Record<string, unknown>]>([
    [42_000_001, { problems: [{ code: 'ADVANCE_OVER_RECOVERED', advanceFen: 42_000_000, recoveredFen: 42_000_001 }] }],
    [-1, { fields: { recoveredFen: 'must be whole fen, 0 or more' } }],
  ])('refuses %i fen recovered', (recovered, details) => {
    const error = rejection(() => advanceOutstandingFen(SEED_002_LEVY, recovered));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual(details);
  });
});

describe("a levy's input", () => {
  const levy = {
    areaId: 'area',
    title: '电梯加装',
    purpose: '加装电梯',
    accountName: '业主大会专户',
    rateFenPerM2: 1793,
    activationThresholdPercent: 50,
    advanceFen: 0,
    decidedOn: '2023-05-01',
    dueOn: '2023-07-15',
    buildingIds: ['b-1'],
  };
  it('names at most 500 buildings', () => {
    const buildings = (n: number) => Array.from({ length: n }, (_, i) => `b-${i}`);
    expect(() => checkLevyInput({ ...levy, buildingIds: buildings(500) }, '2023-06-01')).not.toThrow();
    const error = rejection(() => checkLevyInput({ ...levy, buildingIds: buildings(501) }, '2023-06-01'));
    expect([error.code, error.details?.fields]).toEqual([
      'BAD_USER_INPUT',
      { buildingIds: 'name at most 500 buildings' },
    ]);
  });
});
