import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { LEVY_BUILDING_ACTIVATED } from '../../../catalog';
import { advisoryLock } from '../../../platform/db/sql';
import { recordEvent } from '../../../platform/events/outbox';
import { isBuildingActivated } from '../domain/levy';
import { buildingActivated } from '../events/publish/levy-events';
import { buildingCollections, findLevyTerms, saveBuildingActivation } from '../persistence/levy.repository';

/**
 * After a levy payment, or a waiver or correction completing a levy charge: when the payer's building has now reached
 * the threshold and was not activated before, it is recorded as activated and announced once on arrears.levies.v1 (a
 * refund later does not un-announce it). The building's lock, held to the commit, has each writer count the others'
 * committed payments: two completing the quota at once each counted one short without it (a waiver, unlike
 * payments, takes no receipt counter), and a waiver completing it never announced it at all (a concurrency audit).
 */
export async function announceActivatedBuilding(
  em: EntityManager,
  levyId: string,
  buildingId: string,
  on: IsoDate,
): Promise<void> {
  await advisoryLock(em, `arrears.levy_activation:${levyId}:${buildingId}`);
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
