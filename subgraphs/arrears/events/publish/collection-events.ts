import type { CollectionSummarizedData } from '../../../../catalog';
import type { AreaMonthCollection } from '../../persistence/charge.repository';

/** One area's month of service fees, as it stands, for arrears.collection.v1. */
export function collectionSummarized(c: AreaMonthCollection): CollectionSummarizedData {
  return {
    areaId: c.areaId,
    companyId: c.companyId,
    month: c.month,
    dueOn: c.dueOn,
    households: c.households,
    paidHouseholds: c.paidHouseholds,
    billedFen: c.billedFen,
    collectedFen: c.collectedFen,
  };
}
