import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { compareDates, isIsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { DomainError, InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { LEVY_BUILDING_ACTIVATED, LEVY_DECIDED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { mayReadStatistics } from '../domain/access';
import { CollectionRate, collectionRate } from '../domain/collection-rate';
import { Levy, activationQuota, isBuildingActivated } from '../domain/levy';
import { assertCompany, filingInForce, openAccounts } from './billing';
import { publishClaims } from './claims';

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
}

function checkLevyInput(input: LevyInput, today: string): void {
  const fields: Record<string, string> = {};
  for (const name of ['title', 'purpose', 'accountName'] as const) if (typeof input[name] !== 'string' || input[name].trim() === '') fields[name] = 'required';
  if (!Number.isSafeInteger(input.rateFenPerM2) || input.rateFenPerM2 <= 0) fields.rateFenPerM2 = 'whole fen per m², more than 0';
  if (!Number.isSafeInteger(input.activationThresholdPercent) || input.activationThresholdPercent < 1 || input.activationThresholdPercent > 100) {
    fields.activationThresholdPercent = 'a whole percentage from 1 to 100';
  }
  if (!Number.isSafeInteger(input.advanceFen) || input.advanceFen < 0) fields.advanceFen = 'whole fen, 0 or more';
  if (!isIsoDate(input.decidedOn)) fields.decidedOn = 'a YYYY-MM-DD calendar date';
  else if (compareDates(input.decidedOn, today) > 0) fields.decidedOn = `not after today (${today})`;
  if (!isIsoDate(input.dueOn)) fields.dueOn = 'a YYYY-MM-DD calendar date';
  else if (isIsoDate(input.decidedOn) && compareDates(input.dueOn, input.decidedOn) < 0) fields.dueOn = 'not before the decision';
  if (!Array.isArray(input.buildingIds) || input.buildingIds.length === 0) fields.buildingIds = 'name at least one building';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The levy is invalid', { fields });
}

/**
 * Records a special levy the owners decided for some buildings of an area the company serves, and bills it at once:
 * one LEVY charge per household of those buildings, floor area × rate (levy.ts), due on the levy's due date.
 */
export async function createLevy(em: EntityManager, identity: Identity, input: LevyInput): Promise<string> {
  const companyId = assertCompany(identity, 'record levies');
  const today = todayInChina();
  checkLevyInput(input, today);
  return em.transactional(async (tx) => {
    if (!(await filingInForce(tx, companyId, input.areaId, input.decidedOn.slice(0, 7)))) {
      throw new DomainError('NO_CONTRACT_IN_FORCE', `You have no accepted contract filing covering area ${input.areaId} on ${input.decidedOn}`, { areaId: input.areaId });
    }
    const buildingIds = [...new Set(input.buildingIds)];
    const known = await sqlRows<{ building_id: string }>(
      tx,
      `select distinct building_id::text from arrears.billable_household where area_id = ? and building_id::text in (select jsonb_array_elements_text(?::jsonb))`,
      [input.areaId, JSON.stringify(buildingIds)],
    );
    const unknown = buildingIds.filter((b) => !known.some((k) => k.building_id === b));
    if (unknown.length > 0) {
      throw new InvalidInputError('Some buildings are not in the area, or have no households', { problems: unknown.map((buildingId) => ({ code: 'UNKNOWN_BUILDING', buildingId })) });
    }
    const [{ id }] = await sqlRows<{ id: string }>(
      tx,
      `insert into arrears.levy (id, area_id, company_id, title, purpose, account_name, rate_fen_per_m2, activation_threshold_percent, advance_fen,
          decided_on, due_on, decision_reference, building_ids, recorded_by)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) returning id`,
      [input.areaId, companyId, input.title.trim(), input.purpose.trim(), input.accountName.trim(), input.rateFenPerM2, input.activationThresholdPercent,
        input.advanceFen, input.decidedOn, input.dueOn, input.decisionReference ?? null, JSON.stringify(buildingIds), identity.subject],
    );
    await openAccounts(tx, companyId, input.areaId, today, buildingIds);
    await sqlRun(
      tx,
      `insert into arrears.charge (id, account_id, company_id, household_id, area_id, building_id, kind, month, levy_id, building_class,
          floor_area_centi_m2, rate_fen, amount_fen, due_on)
       select gen_random_uuid(), a.id, a.company_id, h.household_id, h.area_id, h.building_id, 'LEVY', ?, ?, h.building_class,
          h.floor_area_centi_m2, ?, (h.floor_area_centi_m2::bigint * ? + 50) / 100, ?::date
         from arrears.billable_household h
         join arrears.account a on a.company_id = ? and a.household_id = h.household_id
        where h.area_id = ? and h.building_id::text in (select jsonb_array_elements_text(?::jsonb))`,
      [input.decidedOn.slice(0, 7), id, input.rateFenPerM2, input.rateFenPerM2, input.dueOn, companyId, input.areaId, JSON.stringify(buildingIds)],
    );
    const [totals] = await sqlRows<{ households: string; billed: string }>(tx, `select count(*) as households, coalesce(sum(amount_fen), 0) as billed from arrears.charge where levy_id = ?`, [id]);
    // As for billing: only accounts that can be referred (not CURRENT) get a new claim snapshot.
    const referable = await sqlRows<{ id: string }>(
      tx,
      `select a.id from arrears.account a join arrears.charge c on c.account_id = a.id where c.levy_id = ? and a.status <> 'CURRENT'`,
      [id],
    );
    await publishClaims(tx, referable.map((r) => r.id), today);

    recordEvent(tx, LEVY_DECIDED, {
      source: 'arrears',
      key: id,
      data: {
        levyId: id,
        areaId: input.areaId,
        companyId,
        title: input.title.trim(),
        rateFenPerM2: input.rateFenPerM2,
        activationThresholdPercent: input.activationThresholdPercent,
        advanceFen: input.advanceFen,
        decidedOn: input.decidedOn,
        dueOn: input.dueOn,
        buildingIds,
        households: Number(totals.households),
        billedFen: Number(totals.billed),
      },
    });
    return id;
  });
}

interface BuildingProgressRow {
  buildingId: string;
  households: number;
  paidHouseholds: number;
  billedFen: number;
  collectedFen: number;
  activatedOn: string | null;
}

async function buildingProgress(em: EntityManager, levyId: string, buildingId: string | null): Promise<BuildingProgressRow[]> {
  const rows = await sqlRows<Record<string, string | number | null>>(
    em,
    `select c.building_id, count(*) as households, count(*) filter (where c.paid_fen + c.waived_fen >= c.amount_fen and c.paid_fen > 0) as paid,
            sum(c.amount_fen) as billed, sum(c.paid_fen) as collected, max(act.activated_on)::text as activated_on
       from arrears.charge c left join arrears.levy_building_activation act on act.levy_id = c.levy_id and act.building_id = c.building_id
      where c.levy_id = ? and (?::uuid is null or c.building_id = ?::uuid)
      group by c.building_id order by c.building_id`,
    [levyId, buildingId, buildingId],
  );
  return rows.map((r) => ({
    buildingId: String(r.building_id),
    households: Number(r.households),
    paidHouseholds: Number(r.paid),
    billedFen: Number(r.billed),
    collectedFen: Number(r.collected),
    activatedOn: r.activated_on === null ? null : String(r.activated_on),
  }));
}

async function levyTerms(em: EntityManager, levyId: string): Promise<(Levy & { areaId: string }) | null> {
  const [row] = await sqlRows<{ area_id: string; rate_fen_per_m2: number; activation_threshold_percent: number; advance_fen: string }>(
    em,
    `select area_id, rate_fen_per_m2, activation_threshold_percent, advance_fen from arrears.levy where id = ?`,
    [levyId],
  );
  return row
    ? { areaId: row.area_id, rateFenPerM2: row.rate_fen_per_m2, activationThresholdPercent: row.activation_threshold_percent, advanceFen: Number(row.advance_fen) }
    : null;
}

/**
 * After a levy payment: when the payer's building has now reached the threshold and was not activated before, it
 * is recorded as activated and announced once on arrears.levies.v1 (a refund later does not un-announce it).
 */
export async function announceActivatedBuilding(em: EntityManager, levyId: string, buildingId: string, on: string): Promise<void> {
  const levy = await levyTerms(em, levyId);
  const [building] = await buildingProgress(em, levyId, buildingId);
  if (!levy || !building || building.activatedOn !== null || !isBuildingActivated(building, levy)) return;
  const inserted = await sqlRun(
    em,
    `insert into arrears.levy_building_activation (levy_id, building_id, households, paid_households, activated_on) values (?, ?, ?, ?, ?) on conflict do nothing`,
    [levyId, buildingId, building.households, building.paidHouseholds, on],
  );
  if (inserted === 0) return;
  recordEvent(em, LEVY_BUILDING_ACTIVATED, {
    source: 'arrears',
    key: levyId,
    data: {
      levyId,
      areaId: levy.areaId,
      buildingId,
      households: building.households,
      paidHouseholds: building.paidHouseholds,
      activationThresholdPercent: levy.activationThresholdPercent,
      activatedOn: on,
    },
  });
}

export interface LevyView {
  id: string;
  areaId: string;
  title: string;
  purpose: string;
  accountName: string;
  rateFenPerM2: number;
  activationThresholdPercent: number;
  advanceFen: number;
  decidedOn: string;
  dueOn: string;
  decisionReference: string | null;
  buildings: (BuildingProgressRow & { quota: number; activated: boolean; rate: CollectionRate })[];
  households: number;
  paidHouseholds: number;
  billedFen: number;
  collectedFen: number;
  byHouseholds: CollectionRate;
  byAmount: CollectionRate;
}

/** Levies of an area (or one levy) with each building's progress towards activation; statistics only, no household. */
export async function levies(em: EntityManager, identity: Identity, filter: { levyId?: string | null; areaId?: string | null }): Promise<LevyView[]> {
  const rows = await sqlRows<Record<string, string | number | null>>(
    em,
    `select l.id, l.area_id, l.company_id, l.title, l.purpose, l.account_name, l.rate_fen_per_m2, l.activation_threshold_percent, l.advance_fen,
            l.decided_on::text as decided_on, l.due_on::text as due_on, l.decision_reference, ba.street_code, ba.district_code
       from arrears.levy l join arrears.billing_area ba on ba.area_id = l.area_id
      where (?::text is null or l.id::text = ?) and (?::text is null or l.area_id::text = ?) order by l.decided_on, l.id`,
    [filter.levyId ?? null, filter.levyId ?? null, filter.areaId ?? null, filter.areaId ?? null],
  );
  const visible = rows.filter((r) => mayReadStatistics(identity, { companyId: String(r.company_id), streetCode: String(r.street_code), districtCode: String(r.district_code) }));
  if (filter.levyId && visible.length === 0) throw new NotFoundError('Levy', filter.levyId);
  return Promise.all(
    visible.map(async (r) => {
      const levy: Levy = { rateFenPerM2: Number(r.rate_fen_per_m2), activationThresholdPercent: Number(r.activation_threshold_percent), advanceFen: Number(r.advance_fen) };
      const buildings = (await buildingProgress(em, String(r.id), null)).map((b) => ({
        ...b,
        quota: activationQuota(b.households, levy.activationThresholdPercent),
        activated: b.activatedOn !== null,
        rate: collectionRate(b.paidHouseholds, b.households),
      }));
      const sum = (pick: (b: BuildingProgressRow) => number) => buildings.reduce((s, b) => s + pick(b), 0);
      const households = sum((b) => b.households);
      const paidHouseholds = sum((b) => b.paidHouseholds);
      const billedFen = sum((b) => b.billedFen);
      const collectedFen = sum((b) => b.collectedFen);
      return {
        id: String(r.id),
        areaId: String(r.area_id),
        title: String(r.title),
        purpose: String(r.purpose),
        accountName: String(r.account_name),
        ...levy,
        decidedOn: String(r.decided_on),
        dueOn: String(r.due_on),
        decisionReference: r.decision_reference === null ? null : String(r.decision_reference),
        buildings,
        households,
        paidHouseholds,
        billedFen,
        collectedFen,
        byHouseholds: collectionRate(paidHouseholds, households),
        byAmount: collectionRate(collectedFen, billedFen),
      };
    }),
  );
}
