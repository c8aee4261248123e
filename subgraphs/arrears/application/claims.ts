import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountStatus } from '../domain/account-status';
import { IsoDate } from '../../../kernel/calendar';
import { sqlRows } from '../../../platform/db/sql';
import { CLAIM_UPDATED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { CollectionAction, demandedPayment } from '../domain/collection-action';
import { LateFeeTerms, PrincipalReduction, lateFeeFen } from '../domain/late-fee';
import { LimitationEvent, limitationEndsOn } from '../domain/limitation';
import { ChargeRow, UUID_LIST, chargesOfAccounts } from './accounts';

/** A charge with what a court would be asked for on it as of a day. */
export interface ClaimCharge extends ChargeRow {
  openFen: number;
  limitationEndsOn: IsoDate;
  lateFeeFen: number;
}

export interface ActionRow {
  actionId: string;
  kind: string;
  on: IsoDate;
  chargeIds: string[];
  /** The validated step as recorded (collection-action.ts), with its kind's own fields. */
  action: CollectionAction;
  recordedByRole: string;
}

export interface AdjustmentRow {
  chargeId: string;
  kind: string;
  fen: number | null;
  amountBeforeFen: number;
  amountAfterFen: number;
  reason: string;
  on: IsoDate;
}

export interface ClaimLines {
  charges: ClaimCharge[];
  /** Oldest first. */
  actions: ActionRow[];
  /** In the order recorded. */
  adjustments: AdjustmentRow[];
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * Each account's charges with what is open, the last day of the limitation period (restarted by the steps and
 * part payments naming the charge) and the late fee under the contract's terms as of `asOf`, with the steps and
 * adjustments behind them. Five queries whatever the number of accounts: one account's statement and the claim
 * snapshots of many accounts compute the same figures here.
 */
export async function claimLinesOf(em: EntityManager, accountIds: readonly string[], asOf: IsoDate): Promise<Map<string, ClaimLines>> {
  const ids = JSON.stringify(accountIds);
  const charges = await chargesOfAccounts(em, accountIds);
  const allocations = await sqlRows<{ account_id: string; charge_id: string; fen: string; paid_on: string }>(
    em,
    `select p.account_id, pa.charge_id, pa.fen, p.paid_on::text as paid_on
       from arrears.payment_allocation pa join arrears.payment p on p.id = pa.payment_id where p.account_id in ${UUID_LIST}`,
    [ids],
  );
  const adjustments = await sqlRows<Record<string, string | number | null>>(
    em,
    `select account_id, charge_id, kind, fen, amount_before_fen, amount_after_fen, reason, on_date::text as on_date
       from arrears.adjustment where account_id in ${UUID_LIST} order by recorded_at`,
    [ids],
  );
  const actions = await sqlRows<{ account_id: string; id: string; kind: string; on_date: string; charge_ids: string[]; action: CollectionAction; recorded_by_role: string }>(
    em,
    `select account_id, id, kind, on_date::text as on_date, charge_ids, action, recorded_by_role
       from arrears.collection_action where account_id in ${UUID_LIST} order by on_date, recorded_at`,
    [ids],
  );
  const filingIds = [...new Set([...charges.values()].flat().map((c) => c.filingId).filter((id): id is string => id !== null))];
  const lateFeeTerms = new Map(
    (
      await sqlRows<{ filing_id: string; late_fee: LateFeeTerms | null }>(
        em,
        `select filing_id, terms->'lateFee' as late_fee from arrears.filing_snapshot where filing_id in ${UUID_LIST}`,
        [JSON.stringify(filingIds)],
      )
    ).map((f) => [f.filing_id, f.late_fee]),
  );

  // Steps, then part payments, restart a charge's limitation period (limitation.ts sorts them by date and keeps
  // this order within a day); payments and waivers lower its principal from their day on (late-fee.ts).
  const reductions = new Map<string, PrincipalReduction[]>();
  const limitationEvents = new Map<string, LimitationEvent[]>();
  const actionsOf = new Map<string, ActionRow[]>();
  for (const a of actions) {
    push(actionsOf, a.account_id, { actionId: a.id, kind: a.kind, on: a.on_date, chargeIds: a.charge_ids, action: a.action, recordedByRole: a.recorded_by_role });
    push(limitationEvents, a.account_id, a.action);
  }
  for (const a of allocations) {
    push(reductions, a.charge_id, { on: a.paid_on, fen: Number(a.fen) });
    push(limitationEvents, a.account_id, { kind: 'PART_PAYMENT', on: a.paid_on, chargeIds: [a.charge_id] });
  }
  const adjustmentsOf = new Map<string, AdjustmentRow[]>();
  for (const a of adjustments) {
    const row: AdjustmentRow = {
      chargeId: String(a.charge_id),
      kind: String(a.kind),
      fen: a.fen === null ? null : Number(a.fen),
      amountBeforeFen: Number(a.amount_before_fen),
      amountAfterFen: Number(a.amount_after_fen),
      reason: String(a.reason),
      on: String(a.on_date),
    };
    push(adjustmentsOf, String(a.account_id), row);
    // A correction changes the principal itself (already in amount_fen); only a waiver forgives part of it.
    if (row.kind === 'WAIVER') push(reductions, row.chargeId, { on: row.on, fen: row.fen ?? 0 });
  }

  return new Map(
    [...charges].map(([accountId, rows]) => {
      const events = limitationEvents.get(accountId) ?? [];
      const lines = rows.map((c) => ({
        ...c,
        openFen: c.amountFen - c.paidFen - c.waivedFen,
        limitationEndsOn: limitationEndsOn(c, events),
        lateFeeFen: lateFeeFen(
          { dueOn: c.dueOn, principalFen: c.amountFen, reductions: reductions.get(c.chargeId) ?? [] },
          c.filingId ? (lateFeeTerms.get(c.filingId) ?? null) : null,
          asOf,
        ),
      }));
      return [accountId, { charges: lines, actions: actionsOf.get(accountId) ?? [], adjustments: adjustmentsOf.get(accountId) ?? [] }];
    }),
  );
}

/**
 * Publishes on arrears.claims.v1 a fresh snapshot of each account's claim as of `asOf`, in the caller's
 * transaction, for the litigation subgraph's read model: call it at the end of every use case that changes an
 * account. Each snapshot carries the account's next version, so a consumer keeps the highest whatever the order
 * of delivery. Six queries whatever the number of accounts, then one outbox row each.
 */
export async function publishClaims(tx: EntityManager, accountIds: readonly string[], asOf: IsoDate): Promise<void> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return;
  const accounts = await sqlRows<Record<string, string | number | null>>(
    tx,
    `with bumped as (
       update arrears.account set claim_version = claim_version + 1 where id in ${UUID_LIST}
       returning id, company_id, household_id, area_id, building_id, status, claim_version)
     select b.*, ba.name as area_name, ba.street_code, ba.district_code, h.unit, h.room, h.floor_area_centi_m2, h.owner_reference
       from bumped b join arrears.billing_area ba on ba.area_id = b.area_id left join arrears.billable_household h on h.household_id = b.household_id
      order by b.id`,
    [JSON.stringify(ids)],
  );
  const lines = await claimLinesOf(tx, ids, asOf);
  const text = (value: string | number | null) => (value === null ? null : String(value));
  for (const a of accounts) {
    const accountId = String(a.id);
    const { charges, actions } = lines.get(accountId) ?? { charges: [], actions: [] };
    recordEvent(tx, CLAIM_UPDATED, {
      source: 'arrears',
      key: accountId,
      data: {
        accountId,
        companyId: String(a.company_id),
        householdId: String(a.household_id),
        areaId: String(a.area_id),
        areaName: String(a.area_name),
        streetCode: String(a.street_code),
        districtCode: String(a.district_code),
        buildingId: String(a.building_id),
        unit: text(a.unit),
        room: text(a.room),
        floorAreaCentiM2: a.floor_area_centi_m2 === null ? null : Number(a.floor_area_centi_m2),
        ownerReference: text(a.owner_reference),
        status: a.status as AccountStatus,
        version: Number(a.claim_version),
        asOf,
        // The schema admits exactly these fields (no levy id): picked one by one.
        charges: charges.map((c) => ({
          chargeId: c.chargeId,
          kind: c.kind,
          month: c.month,
          dueOn: c.dueOn,
          filingId: c.filingId,
          floorAreaCentiM2: c.floorAreaCentiM2,
          rateFen: c.rateFen,
          amountFen: c.amountFen,
          paidFen: c.paidFen,
          waivedFen: c.waivedFen,
          openFen: c.openFen,
          limitationEndsOn: c.limitationEndsOn,
          lateFeeFen: c.lateFeeFen,
        })),
        demands: actions
          .filter((a) => demandedPayment(a.action))
          .map((a) => ({ actionId: a.actionId, kind: a.kind, on: a.on, channel: a.action.kind === 'MESSAGE' ? a.action.channel : null })),
        mediationSessions: actions.flatMap(({ actionId, action }) =>
          action.kind === 'MEDIATION_SESSION' ? [{ actionId, on: action.on, mediator: action.mediator, outcome: action.outcome, outcomeOn: action.outcomeOn }] : [],
        ),
      },
    });
  }
}
