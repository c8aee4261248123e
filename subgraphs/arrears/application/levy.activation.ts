import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { LEVY_BUILDING_ACTIVATED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { isBuildingActivated } from '../domain/levy';
import { buildingActivated } from '../events/publish/levy-events';
import { buildingCollections, findLevyTerms, saveBuildingActivation } from '../persistence/levy.repository';

/**
 * After a levy payment: when the payer's building has now reached the threshold and was not activated before, it
 * is recorded as activated and announced once on arrears.levies.v1 (a refund later does not un-announce it).
 */
export async function announceActivatedBuilding(
  em: EntityManager,
  levyId: string,
  buildingId: string,
  on: IsoDate,
): Promise<void> {
  const levy = await findLevyTerms(em, levyId);
  const [building] = (await buildingCollections(em, [levyId], buildingId)).get(levyId) ?? [];
  if (!levy || !building || building.activatedOn !== null || !isBuildingActivated(building, levy)) return;
  const activated = await saveBuildingActivation(em, {
    levyId,
    buildingId,
    households: building.households,
    paidHouseholds: building.paidHouseholds,
    activatedOn: on,
  });
  if (!activated) return;
  recordEvent(em, LEVY_BUILDING_ACTIVATED, {
    source: 'arrears',
    key: levyId,
    data: buildingActivated({ ...levy, levyId }, building, on),
  });
}
