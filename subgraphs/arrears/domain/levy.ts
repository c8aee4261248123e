import {
  type NamedDecisionProblem,
  type RecordedJointDecision,
  namedDecisionProblems,
  problemsNamed,
} from '../../../catalog';
import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, compareDates, isIsoDate } from '../../../kernel/calendar';
import { CollectionRate, CollectionTotals, collectionRate } from './collection-rate';
import { Fen, chargeFen } from '../../../kernel/money';
import { arrearsError } from './errors';
import { MAX_NAMED_IDS } from './charge';
import {
  LEVY_DECISION_MATTER,
  LEVY_DECISION_SOURCE,
  LevyBasis,
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
      problems: [
        {
          code: 'INVALID_HOUSEHOLD_COUNTS',
          buildingId: b.buildingId,
          households: b.households,
          paidHouseholds: b.paidHouseholds,
        },
      ],
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
export function buildingsCrossingThreshold(
  before: readonly BuildingLevyProgress[],
  after: readonly BuildingLevyProgress[],
  levy: Levy,
): string[] {
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
    throw new InvalidInputError('The amount recovered must be whole fen, 0 or more', {
      fields: { recoveredFen: 'must be whole fen, 0 or more' },
    });
  }
  if (recoveredFen > levy.advanceFen) {
    throw new InvalidInputError('More was recovered than the company advanced', {
      problems: [{ code: 'ADVANCE_OVER_RECOVERED', advanceFen: levy.advanceFen, recoveredFen }],
    });
  }
  return levy.advanceFen - recoveredFen;
}

/** A joint decision as the areas feed published it (areas.governance.v1), kept by arrears to check levies against. */
export type { RecordedJointDecision };

export type LevyDecisionProblem =
  'DECISION_NOT_RECORDED' | 'DECISION_INVALID' | 'NOT_A_FUND_RAISING_DECISION' | 'DECISION_AFTER_LEVY';

/** The problems of catalog/named-decision.ts as a levy names them, in the order it names them. */
const LEVY_DECISION_PROBLEMS: readonly (readonly [NamedDecisionProblem, LevyDecisionProblem])[] = [
  ['NOT_RECORDED', 'DECISION_NOT_RECORDED'],
  ['INVALID', 'DECISION_INVALID'],
  ['OTHER_MATTER', 'NOT_A_FUND_RAISING_DECISION'],
  ['HELD_AFTER', 'DECISION_AFTER_LEVY'],
];

/**
 * What the levy is owed under (Civil Code art. 278 item 6; statutes.ts): the joint decision it names, recorded for
 * the same area, valid, on raising funds, and held by the levy's decision date; or, marked VOLUNTARY, nothing.
 * Every failed condition is named (LEVY_WITHOUT_VALID_DECISION); naming both or neither is BAD_USER_INPUT.
 */
export function levyBasis(
  input: Pick<LevyInput, 'areaId' | 'decidedOn' | 'jointDecisionId' | 'voluntary'>,
  decision: RecordedJointDecision | null,
): LevyBasis {
  const named = typeof input.jointDecisionId === 'string' && input.jointDecisionId !== '';
  if (named === (input.voluntary === true)) {
    throw new InvalidInputError('Name the joint decision the levy is owed under, or mark it voluntary', {
      fields: { jointDecisionId: `the owners' joint decision (${LEVY_DECISION_SOURCE}), or voluntary: true; not both` },
    });
  }
  if (!named) return 'VOLUNTARY';
  // Another area's decision is as if not recorded, and nothing of it is shown: the company may not read that area.
  const ofArea = decision && decision.areaId === input.areaId ? decision : null;
  const found = namedDecisionProblems(decision, {
    areaId: input.areaId,
    matter: LEVY_DECISION_MATTER,
    heldBy: isIsoDate(input.decidedOn) ? input.decidedOn : null,
  });
  const problems = problemsNamed(found, LEVY_DECISION_PROBLEMS);
  if (problems.length > 0) {
    throw arrearsError(
      'LEVY_WITHOUT_VALID_DECISION',
      `The levy is owed only under a valid joint decision of the area on raising funds (${LEVY_DECISION_SOURCE})`,
      {
        problems,
        jointDecisionId: input.jointDecisionId,
        ...(ofArea
          ? {
              decision: {
                areaId: ofArea.areaId,
                matter: ofArea.matter,
                heldOn: ofArea.heldOn,
                valid: ofArea.valid,
                reasons: ofArea.reasons,
              },
            }
          : {}),
      },
    );
  }
  return 'JOINT_DECISION';
}

/** A levy as the company records it: the owners' decision, for some buildings of an area it serves. */
export interface LevyInput {
  areaId: string;
  title: string;
  purpose: string;
  accountName: string;
  rateFenPerM2: number;
  activationThresholdPercent: number;
  advanceFen: number;
  decidedOn: string;
  dueOn: string;
  decisionReference?: string | null;
  buildingIds: string[];
  /** The client's id of this levy: a retry with it returns the levy the first attempt created. */
  idempotencyKey?: string | null;
  /** The owners' joint decision the levy is owed under (areas.governance.v1); or else `voluntary`. */
  jointDecisionId?: string | null;
  /** A voluntary contribution: never arrears, aged, referred or time-barred. */
  voluntary?: boolean | null;
}

/** BAD_USER_INPUT naming every invalid field: texts given, whole amounts, decided by today, due not before decided. */
export function checkLevyInput(input: LevyInput, today: IsoDate): void {
  const fields: Record<string, string> = {};
  for (const name of ['title', 'purpose', 'accountName'] as const)
    if (typeof input[name] !== 'string' || input[name].trim() === '') fields[name] = 'required';
  if (!Number.isSafeInteger(input.rateFenPerM2) || input.rateFenPerM2 <= 0)
    fields.rateFenPerM2 = 'whole fen per m², more than 0';
  if (
    !Number.isSafeInteger(input.activationThresholdPercent) ||
    input.activationThresholdPercent < 1 ||
    input.activationThresholdPercent > 100
  ) {
    fields.activationThresholdPercent = 'a whole percentage from 1 to 100';
  }
  if (!Number.isSafeInteger(input.advanceFen) || input.advanceFen < 0) fields.advanceFen = 'whole fen, 0 or more';
  if (!isIsoDate(input.decidedOn)) fields.decidedOn = 'a YYYY-MM-DD calendar date';
  else if (compareDates(input.decidedOn, today) > 0) fields.decidedOn = `not after today (${today})`;
  if (!isIsoDate(input.dueOn)) fields.dueOn = 'a YYYY-MM-DD calendar date';
  else if (isIsoDate(input.decidedOn) && compareDates(input.dueOn, input.decidedOn) < 0)
    fields.dueOn = 'not before the decision';
  if (!Array.isArray(input.buildingIds) || input.buildingIds.length === 0)
    fields.buildingIds = 'name at least one building';
  else if (input.buildingIds.length > MAX_NAMED_IDS) fields.buildingIds = `name at most ${MAX_NAMED_IDS} buildings`;
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The levy is invalid', { fields });
}

/** A levy on record, with where it is (for the access rules) and what it is for. */
export interface LevyRecord extends Levy {
  readonly id: string;
  readonly areaId: string;
  readonly companyId: string;
  readonly streetCode: string;
  readonly districtCode: string;
  readonly title: string;
  readonly purpose: string;
  readonly accountName: string;
  readonly decidedOn: IsoDate;
  readonly dueOn: IsoDate;
  readonly decisionReference: string | null;
  readonly basis: LevyBasis;
  readonly jointDecisionId: string | null;
}

/** One building's levy charges: households billed and paid up, amounts billed and collected, and when it was activated. */
export interface BuildingLevyCollection extends BuildingLevyProgress {
  readonly billedFen: Fen;
  readonly collectedFen: Fen;
  readonly activatedOn: IsoDate | null;
}

/** Each building's way to activation, and the levy's totals and rates over its buildings. */
export interface LevyProgress extends Omit<CollectionTotals, 'key'> {
  buildings: (BuildingLevyCollection & { quota: number; activated: boolean; rate: CollectionRate })[];
}

/** Each building's way to its activation quota, and the levy's totals and collection rates over its buildings. */
export function levyProgress(levy: Levy, buildings: readonly BuildingLevyCollection[]): LevyProgress {
  const rows = buildings.map((b) => ({
    ...b,
    quota: activationQuota(b.households, levy.activationThresholdPercent),
    activated: b.activatedOn !== null,
    rate: collectionRate(b.paidHouseholds, b.households),
  }));
  const sum = (pick: (b: BuildingLevyCollection) => number) => rows.reduce((s, b) => s + pick(b), 0);
  const households = sum((b) => b.households);
  const paidHouseholds = sum((b) => b.paidHouseholds);
  const billedFen = sum((b) => b.billedFen);
  const collectedFen = sum((b) => b.collectedFen);
  return {
    buildings: rows,
    households,
    paidHouseholds,
    billedFen,
    collectedFen,
    byHouseholds: collectionRate(paidHouseholds, households),
    byAmount: collectionRate(collectedFen, billedFen),
  };
}
