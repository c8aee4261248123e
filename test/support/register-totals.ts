import type { TestHub } from './hub-fixture';

/**
 * An area's owners (one per owner reference, 法释〔2009〕7号 art. 9) and exclusive-part area (m², two decimals) on the
 * register: the totals the hub requires of a meeting's reported tally.
 */
export async function registerTotals(
  t: Pick<TestHub, 'sql'>,
  areaId: string,
): Promise<{ owners: number; area: string }> {
  const [row] = await t.sql<{ owners: number; area: string }>(
    `select count(distinct h.owner_reference)::int as owners, (sum(h.floor_area_centi_m2) / 100.0)::numeric(12, 2)::text as area
       from areas.household h join areas.building b on b.id = h.building_id where b.area_id = $1`,
    [areaId],
  );
  return row;
}

/** A meeting's tally in which every owner of the area took part and consented. */
export async function unanimousTally(t: Pick<TestHub, 'sql'>, areaId: string) {
  const { owners, area } = await registerTotals(t, areaId);
  return {
    totalOwners: owners,
    totalArea: area,
    participatingOwners: owners,
    participatingArea: area,
    consentingOwners: owners,
    consentingArea: area,
  };
}
