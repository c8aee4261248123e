import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { BuildingLevyCollection, Levy, LevyInput, LevyRecord } from '../domain/levy';
import { LevyBasis } from '../domain/statutes';

/** Records the levy as decided (texts trimmed, buildings named once); returns its id. */
export async function insertLevy(
  em: EntityManager,
  levy: LevyInput & { companyId: string; recordedBy: string; basis: LevyBasis },
): Promise<string> {
  const [{ id }] = await sqlRows<{ id: string }>(
    em,
    `insert into arrears.levy (id, area_id, company_id, title, purpose, account_name, rate_fen_per_m2, activation_threshold_percent, advance_fen,
        decided_on, due_on, decision_reference, building_ids, recorded_by, basis, joint_decision_id)
     values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::uuid) returning id`,
    [
      levy.areaId,
      levy.companyId,
      levy.title,
      levy.purpose,
      levy.accountName,
      levy.rateFenPerM2,
      levy.activationThresholdPercent,
      levy.advanceFen,
      levy.decidedOn,
      levy.dueOn,
      levy.decisionReference ?? null,
      JSON.stringify(levy.buildingIds),
      levy.recordedBy,
      levy.basis,
      levy.basis === 'JOINT_DECISION' ? levy.jointDecisionId : null,
    ],
  );
  return id;
}

/** arrears.levy joined with its area's street and district, as the database returns it. */
interface LevyColumns {
  id: string;
  area_id: string;
  company_id: string;
  title: string;
  purpose: string;
  account_name: string;
  rate_fen_per_m2: number;
  activation_threshold_percent: number;
  advance_fen: number;
  decided_on: IsoDate;
  due_on: IsoDate;
  decision_reference: string | null;
  basis: LevyBasis;
  joint_decision_id: string | null;
  street_code: string;
  district_code: string;
}

type LevyTermsColumns = Pick<
  LevyColumns,
  'area_id' | 'rate_fen_per_m2' | 'activation_threshold_percent' | 'advance_fen'
>;

const levyTermsOf = (r: LevyTermsColumns): Levy & { areaId: string } => ({
  areaId: r.area_id,
  rateFenPerM2: r.rate_fen_per_m2,
  activationThresholdPercent: r.activation_threshold_percent,
  advanceFen: r.advance_fen,
});

const levyOf = (r: LevyColumns): LevyRecord => ({
  ...levyTermsOf(r),
  id: r.id,
  companyId: r.company_id,
  streetCode: r.street_code,
  districtCode: r.district_code,
  title: r.title,
  purpose: r.purpose,
  accountName: r.account_name,
  decidedOn: r.decided_on,
  dueOn: r.due_on,
  decisionReference: r.decision_reference,
  basis: r.basis,
  jointDecisionId: r.joint_decision_id,
});

const LEVY_SELECT = `select l.id, l.area_id, l.company_id, l.title, l.purpose, l.account_name, l.rate_fen_per_m2, l.activation_threshold_percent,
       l.advance_fen, l.decided_on::text as decided_on, l.due_on::text as due_on, l.decision_reference, l.basis, l.joint_decision_id, ba.street_code, ba.district_code
  from arrears.levy l join arrears.billing_area ba on ba.area_id = l.area_id`;

/** The levy's terms and area; null when there is no such levy. */
export async function findLevyTerms(em: EntityManager, levyId: string): Promise<(Levy & { areaId: string }) | null> {
  const [row] = await sqlRows<LevyTermsColumns>(
    em,
    `select area_id, rate_fen_per_m2, activation_threshold_percent, advance_fen from arrears.levy where id = ?::uuid`,
    [levyId],
  );
  return row ? levyTermsOf(row) : null;
}

/** Levies, of one area or all, in the order decided; the caller applies the access rule to each. */
export async function listLevies(
  em: EntityManager,
  filter: { levyId?: string | null; areaId?: string | null },
): Promise<LevyRecord[]> {
  const rows = await sqlRows<LevyColumns>(
    em,
    `${LEVY_SELECT}
      where (?::uuid is null or l.id = ?::uuid) and (?::uuid is null or l.area_id = ?::uuid) order by l.decided_on, l.id`,
    [filter.levyId ?? null, filter.levyId ?? null, filter.areaId ?? null, filter.areaId ?? null],
  );
  return rows.map(levyOf);
}

interface BuildingCollectionColumns {
  building_id: string;
  households: number;
  paid: number;
  billed: number;
  collected: number;
  activated_on: IsoDate | null;
}

const buildingCollectionOf = (r: BuildingCollectionColumns): BuildingLevyCollection => ({
  buildingId: r.building_id,
  households: r.households,
  paidHouseholds: r.paid,
  billedFen: r.billed,
  collectedFen: r.collected,
  activatedOn: r.activated_on,
});

/**
 * Each building's levy charges (or one building's): households billed and paid up, amounts billed and collected,
 * and the day it was activated, in one grouped query.
 */
export async function buildingCollections(
  em: EntityManager,
  levyIds: readonly string[],
  buildingId: string | null = null,
): Promise<Map<string, BuildingLevyCollection[]>> {
  const rows = await sqlRows<BuildingCollectionColumns & { levy_id: string }>(
    em,
    `select c.levy_id, c.building_id, count(*) as households, count(*) filter (where c.paid_fen + c.waived_fen >= c.amount_fen and c.paid_fen > 0) as paid,
            sum(c.amount_fen)::int8 as billed, sum(c.paid_fen)::int8 as collected, max(act.activated_on)::text as activated_on
       from arrears.charge c left join arrears.levy_building_activation act on act.levy_id = c.levy_id and act.building_id = c.building_id
      where c.levy_id = any(?::uuid[]) and (?::uuid is null or c.building_id = ?::uuid)
      group by c.levy_id, c.building_id order by c.levy_id, c.building_id`,
    [sqlArray(levyIds), buildingId, buildingId],
  );
  const byLevy = new Map<string, BuildingLevyCollection[]>(levyIds.map((id) => [id, []]));
  for (const r of rows) byLevy.get(r.levy_id)?.push(buildingCollectionOf(r));
  return byLevy;
}

/** Records that the building reached the levy's threshold; false when it had been recorded already. */
export async function saveBuildingActivation(
  em: EntityManager,
  activation: { levyId: string; buildingId: string; households: number; paidHouseholds: number; activatedOn: IsoDate },
): Promise<boolean> {
  const inserted = await sqlRun(
    em,
    `insert into arrears.levy_building_activation (levy_id, building_id, households, paid_households, activated_on) values (?, ?, ?, ?, ?) on conflict do nothing`,
    [
      activation.levyId,
      activation.buildingId,
      activation.households,
      activation.paidHouseholds,
      activation.activatedOn,
    ],
  );
  return inserted > 0;
}
