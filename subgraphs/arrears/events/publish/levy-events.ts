import { IsoDate } from '../../../../kernel/calendar';
import { Fen } from '../../../../kernel/money';
import type { LevyBuildingActivatedData, LevyDecidedData } from '../../../../catalog';
import { BuildingLevyProgress, Levy, LevyInput } from '../../domain/levy';

/** A levy decided and billed: its terms, buildings, and the households and amount billed. */
export function levyDecided(
  levy: { levyId: string; companyId: string; buildingIds: string[] } & Pick<
    LevyInput,
    'areaId' | 'title' | 'rateFenPerM2' | 'activationThresholdPercent' | 'advanceFen' | 'decidedOn' | 'dueOn'
  >,
  billed: { households: number; billedFen: Fen },
): LevyDecidedData {
  return {
    levyId: levy.levyId,
    areaId: levy.areaId,
    companyId: levy.companyId,
    title: levy.title,
    rateFenPerM2: levy.rateFenPerM2,
    activationThresholdPercent: levy.activationThresholdPercent,
    advanceFen: levy.advanceFen,
    decidedOn: levy.decidedOn,
    dueOn: levy.dueOn,
    buildingIds: levy.buildingIds,
    households: billed.households,
    billedFen: billed.billedFen,
  };
}

/** A building whose paid households reached the levy's threshold on `on`: its work may start. */
export function buildingActivated(
  levy: Levy & { levyId: string; areaId: string },
  building: BuildingLevyProgress,
  on: IsoDate,
): LevyBuildingActivatedData {
  return {
    levyId: levy.levyId,
    areaId: levy.areaId,
    buildingId: building.buildingId,
    households: building.households,
    paidHouseholds: building.paidHouseholds,
    activationThresholdPercent: levy.activationThresholdPercent,
    activatedOn: on,
  };
}
