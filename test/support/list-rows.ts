/**
 * Set-based generators of the rows a role pages through, for the list tests and `npm run bench:lists`: one
 * INSERT … SELECT generate_series per table, straight into the subgraph's schema (what the use cases would write,
 * without their events). Timestamps are whole milliseconds, as the hub writes them from JavaScript dates.
 */
export interface Sql {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * `count` sent referrals to `courtId`, eligible, each of its own account and household (ids only: no row of areas or
 * arrears behind them), one second apart backwards from now.
 */
export async function generateReferrals(
  db: Sql,
  { courtId, count }: { courtId: string; count: number },
): Promise<void> {
  await db.query(
    `insert into litigation.referral (id, company_id, court_id, account_id, household_id, area_id, area_name, street_code, district_code, eligible, eligibility,
                                      status, amount_in_dispute_fen, grand_total_fen, submitted_on, submitted_by, created_at)
     select gen_random_uuid(), '91110108MA01CO' || lpad((i % 50)::text, 4, '0'), $1, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '学院南路' || (i % 200) || '号院',
            '110108001', '110108', true, '{"eligible":true,"failures":[]}'::jsonb, 'SUBMITTED', 10000 + i % 90000, 10000 + i % 90000, current_date, 'bench',
            now() - make_interval(secs => i)
       from generate_series(1, $2::int) i`,
    [courtId, count],
  );
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

/**
 * Arrears of `companyId` for every household of a generated compound: the area billed (arrears' copies of the area
 * and its households), one account per household and `months` monthly fees each, past due, the latest month paid by
 * about half the households. Returns the area's id.
 */
export async function generateArrears(
  db: Sql,
  { compoundId, companyId, months }: { compoundId: string; companyId: string; months: number },
): Promise<string> {
  const {
    rows: [{ id: areaId, district, street }],
  } = await db.query(
    `select gen_random_uuid() as id, district_code as district, street_code as street from areas.compound where id = $1`,
    [compoundId],
  );
  // The area in areas, holding the compound's buildings, served by the company under an accepted filing (so areas
  // lets the company read the households its accounts name), and billed in arrears.
  await db.query(
    `insert into areas.area (id, name, district_code, street_code, registered_by, registered_at) values ($1, 'list-area', $2, $3, 'bench', now())`,
    [areaId, district, street],
  );
  await db.query(`update areas.building set area_id = $1 where compound_id = $2`, [areaId, compoundId]);
  await db.query(
    `insert into areas.filing_snapshot (filing_id, contract_id, area_id, company_id, kind, status, sequence, accepted_on, starts_on, ends_on, terms, terms_sha256)
     values (gen_random_uuid(), gen_random_uuid(), $1, $2, 'INITIAL', 'ACCEPTED', 2, current_date - 400, current_date - 400, current_date + 700, '{}'::jsonb, repeat('0', 64))`,
    [areaId, companyId],
  );
  await db.query(
    `insert into arrears.billing_area (area_id, name, district_code, street_code, known_since) values ($1, 'list-area', $2, $3, now())`,
    [areaId, district, street],
  );
  await db.query(
    `insert into arrears.billable_household (household_id, building_id, area_id, building_class, unit, room, floor_area_centi_m2, owner_reference)
     select h.id, h.building_id, $1, 'HIGH_RISE', h.unit, h.room, h.floor_area_centi_m2, h.owner_reference
       from areas.household h join areas.building b on b.id = h.building_id where b.compound_id = $2`,
    [areaId, compoundId],
  );
  await db.query(
    `insert into arrears.account (id, company_id, household_id, area_id, building_id, status, status_changed_on)
     select gen_random_uuid(), $2, household_id, area_id, building_id, 'IN_COLLECTION', current_date
       from arrears.billable_household where area_id = $1`,
    [areaId, companyId],
  );
  await db.query(
    `insert into arrears.charge (id, account_id, company_id, household_id, area_id, building_id, kind, month, floor_area_centi_m2, rate_fen,
                                 amount_fen, paid_fen, due_on)
     select gen_random_uuid(), a.id, a.company_id, a.household_id, a.area_id, a.building_id, 'SERVICE_FEE',
            to_char(date_trunc('month', current_date) - make_interval(months => m), 'YYYY-MM'), 8000, 100,
            fee, case when m = 1 and fee % 2 = 0 then fee else 0 end,
            (date_trunc('month', current_date) - make_interval(months => m))::date + 14
       from arrears.account a cross join generate_series(1, $2::int) m
       cross join lateral (select 8000 + abs(hashtext(a.id::text)) % 4000 as fee) f
      where a.area_id = $1`,
    [areaId, months],
  );
  // The charges were written by hand, so their accounts' stored balances too, as the balance migration backfills them.
  await db.query(
    `update arrears.account a set arrears_fen = s.fen, arrears_charges = s.n, oldest_due_on = s.oldest
       from (select c.account_id, sum(c.amount_fen - c.paid_fen - c.waived_fen)::int8 as fen, count(*) as n, min(c.due_on) as oldest
               from arrears.charge c, arrears.balance_day d
              where c.area_id = $1 and c.amount_fen > c.paid_fen + c.waived_fen and c.due_on < d.as_of and not c.voluntary
              group by c.account_id) s
      where a.id = s.account_id`,
    [areaId],
  );
  return areaId as string;
}
