import type { EntityManager } from '@mikro-orm/postgresql';
import type { AreaRegisteredData } from '../../../catalog';
import { saveBillingArea } from '../persistence/billing-area.repository';

/** An area registered in the areas feed can be billed; its street and district place its accounts for the access rules. */
export async function registerBillingArea(em: EntityManager, area: AreaRegisteredData): Promise<void> {
  await saveBillingArea(
    em,
    { areaId: area.areaId, name: area.name, districtCode: area.districtCode, streetCode: area.streetCode },
    new Date(),
  );
}
