/**
 * Set-based generators of the rows a role pages through, for the list tests and `npm run bench:lists`: one
 * INSERT … SELECT generate_series per table, straight into the subgraph's schema (what the use cases would write,
 * without their events). Timestamps are whole milliseconds, as the hub writes them from JavaScript dates.
 */
export interface Sql {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * `count` filings waiting for review (SUBMITTED) in one area of `streetCode` (district: its first six digits), each
 * of its own contract, submitted over the last `count` days' worth of hours. Returns the area's id.
 */
export async function generateFilings(
  db: Sql,
  { streetCode, count, companyId = '91110108MA01LISTSX' }: { streetCode: string; count: number; companyId?: string },
): Promise<string> {
  const districtCode = streetCode.slice(0, 6);
  const {
    rows: [{ id: areaId }],
  } = await db.query(
    `insert into contracts.area_view (area_id, name, district_code, street_code, registered_at, synced_at)
     values (gen_random_uuid(), 'list-' || substr(md5(random()::text), 1, 8), $1, $2, now(), now()) returning area_id as id`,
    [districtCode, streetCode],
  );
  await db.query(
    `with c as (
       insert into contracts.contract (id, area_id, street_code, district_code, company_id, status, kind, number, starts_on, ends_on, terms, created_at, updated_at)
       select gen_random_uuid(), $1, $2, $3, $4, 'SUBMITTED', 'REGULAR', 'L-' || i, current_date, current_date + 365, '{}'::jsonb,
              date_trunc('milliseconds', now() - make_interval(secs => i)), now()
         from generate_series(1, $5::int) i
       returning id, created_at)
     insert into contracts.filing (id, contract_id, area_id, street_code, district_code, company_id, kind, status, current_version, sequence,
                                   deadline_from, submitted_on, deadline, late, days_late, created_at, updated_at)
     select gen_random_uuid(), c.id, $1, $2, $3, $4, 'INITIAL', 'SUBMITTED', 1, 1, c.created_at::date,
            (c.created_at - make_interval(hours => (extract(epoch from now() - c.created_at)::int % 5000)))::date, null, false, 0, c.created_at, now()
       from c`,
    [areaId, streetCode, districtCode, companyId, count],
  );
  return areaId as string;
}

/**
 * A compound in `streetCode` with `buildings` buildings of `perBuilding` households each (units of 100 rooms).
 * Returns the compound's id.
 */
export async function generateHouseholds(
  db: Sql,
  { streetCode, buildings, perBuilding }: { streetCode: string; buildings: number; perBuilding: number },
): Promise<string> {
  const {
    rows: [{ id: compoundId }],
  } = await db.query(
    `insert into areas.compound (id, name, district_code, street_code, kind, governance_model, property_rights_units, maintenance_fund, registered_at)
     values (gen_random_uuid(), '列表小区' || substr(md5(random()::text), 1, 6), $1, $2, 'COMMERCIAL', 'CONTRACT_BASED', $3, 'ESTABLISHED', now())
     returning id`,
    [streetCode.slice(0, 6), streetCode, buildings * perBuilding],
  );
  await db.query(
    `with b as (
       insert into areas.building (id, compound_id, label, building_class, floors, elevators)
       select gen_random_uuid(), $1, lpad(i::text, 4, '0') || '号楼', 'HIGH_RISE', 30, 2 from generate_series(1, $2::int) i
       returning id)
     insert into areas.household (id, building_id, unit, room, floor_area_centi_m2, owner_reference, owner_name)
     select gen_random_uuid(), b.id, (1 + j / 100)::text || '单元', lpad((j % 100)::text, 4, '0'), 8000 + j, 'owner-' || b.id || '-' || j, null
       from b cross join generate_series(0, $3::int - 1) j`,
    [compoundId, buildings, perBuilding],
  );
  return compoundId as string;
}
