import { InvalidInputError } from '../../../kernel/errors';
import { Fen, chargeFen } from '../../../kernel/money';
import {
  SEED_002_ACTIVATION_THRESHOLD_PERCENT,
  SEED_002_COMPANY_ADVANCE_FEN,
  SEED_002_LEVY_RATE_FEN_PER_M2,
} from './statutes';

/**
 * A special levy (专项集资) for work the maintenance fund cannot pay for, on seed 002's pattern: each household pays
 * once, by certificate floor area; a building's work starts once enough of its households have paid; the company
 * may advance money for urgent work, recovered from the levy.
 */
export interface Levy {
  /** Fen per m² of certificate floor area (房本面积), charged once, not monthly. */
  rateFenPerM2: number;
  /** A building is activated when at least this percentage of its households have paid ("达到", so the figure itself counts). */
  activationThresholdPercent: number;
  /** What the company advanced before the levy came in (先行垫资); 0 when nothing was advanced. */
  advanceFen: Fen;
}

/** Seed 002 (润枫欣尚): ¥17.93 per m², 50% of a building's households, ¥420,000 advanced. */
export const SEED_002_LEVY: Readonly<Levy> = Object.freeze({
  rateFenPerM2: SEED_002_LEVY_RATE_FEN_PER_M2,
  activationThresholdPercent: SEED_002_ACTIVATION_THRESHOLD_PERCENT,
  advanceFen: SEED_002_COMPANY_ADVANCE_FEN,
});

export interface BuildingLevyProgress {
  buildingId: string;
  households: number;
  paidHouseholds: number;
}

/** A household's levy: floor area × rate, rounded half up to the fen (chargeFen). 89.50 m² × ¥17.93 = ¥1,604.74. */
export function levyChargeFen(floorAreaCentiM2: number, levy: Levy): Fen {
  return chargeFen(floorAreaCentiM2, levy.rateFenPerM2);
}

function checkThreshold(percent: number): void {
  if (!Number.isSafeInteger(percent) || percent < 1 || percent > 100) {
    throw new InvalidInputError('The activation threshold must be a whole percentage from 1 to 100', {
      fields: { activationThresholdPercent: 'must be a whole number from 1 to 100' },
    });
  }
}

function checkBuilding(b: BuildingLevyProgress): void {
  const counts = [b.households, b.paidHouseholds];
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0) || b.paidHouseholds > b.households) {
    throw new InvalidInputError(`Building ${b.buildingId} has impossible household counts`, {
      problems: [{ code: 'INVALID_HOUSEHOLD_COUNTS', buildingId: b.buildingId, households: b.households, paidHouseholds: b.paidHouseholds }],
    });
  }
}

/**
 * The fewest paid households that activate a building: ceil(households × percent / 100), in bigint, so
 * 50% of 180 is 90 and 50% of 181 is 91 (90.5 households cannot pay).
 */
export function activationQuota(households: number, thresholdPercent: number): number {
  checkThreshold(thresholdPercent);
  checkBuilding({ buildingId: '', households, paidHouseholds: 0 });
  return Number((BigInt(households) * BigInt(thresholdPercent) + 99n) / 100n);
}

export function isBuildingActivated(building: BuildingLevyProgress, levy: Levy): boolean {
  checkBuilding(building);
  return building.paidHouseholds >= activationQuota(building.households, levy.activationThresholdPercent);
}

/**
 * The buildings activated in `after` that were not in `before` (a building missing from `before` had no payments),
 * in `after`'s order: each is one "work may start" event. A building that falls back (a refund) is not reported;
 * activation is announced once.
 */
export function buildingsCrossingThreshold(before: readonly BuildingLevyProgress[], after: readonly BuildingLevyProgress[], levy: Levy): string[] {
  const earlier = new Map(before.map((b) => [b.buildingId, b]));
  return after
    .filter((b) => isBuildingActivated(b, levy))
    .filter((b) => {
      const was = earlier.get(b.buildingId);
      return was === undefined || !isBuildingActivated(was, levy);
    })
    .map((b) => b.buildingId);
}

/** What is still owed to the company on its advance after `recoveredFen` was repaid from the levy. */
export function advanceOutstandingFen(levy: Levy, recoveredFen: Fen): Fen {
  if (!Number.isSafeInteger(recoveredFen) || recoveredFen < 0) {
    throw new InvalidInputError('The amount recovered must be whole fen, 0 or more', { fields: { recoveredFen: 'must be whole fen, 0 or more' } });
  }
  if (recoveredFen > levy.advanceFen) {
    throw new InvalidInputError('More was recovered than the company advanced', {
      problems: [{ code: 'ADVANCE_OVER_RECOVERED', advanceFen: levy.advanceFen, recoveredFen }],
    });
  }
  return levy.advanceFen - recoveredFen;
}
