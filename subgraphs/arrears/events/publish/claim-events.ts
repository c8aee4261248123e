import { IsoDate } from '../../../../kernel/calendar';
import type { ClaimUpdatedData } from '../../../../catalog';
import { ClaimCharge, ClaimLines, ClaimedAccount } from '../../domain/claim';
import { demandedPayment } from '../../domain/collection-action';

const owed = (c: ClaimCharge): c is ClaimCharge & { limitationEndsOn: IsoDate } =>
  !c.voluntary && c.limitationEndsOn !== null;

/**
 * The claim snapshot litigation keeps: the account and household, every charge with what is open, its limitation
 * date and late fee, the demands that reached the owner and the mediation sessions.
 */
export function claimUpdated(
  account: ClaimedAccount,
  lines: Pick<ClaimLines, 'charges' | 'actions'>,
  asOf: IsoDate,
): ClaimUpdatedData {
  return {
    accountId: account.accountId,
    companyId: account.companyId,
    householdId: account.householdId,
    areaId: account.areaId,
    areaName: account.areaName,
    streetCode: account.streetCode,
    districtCode: account.districtCode,
    buildingId: account.buildingId,
    unit: account.unit,
    room: account.room,
    floorAreaCentiM2: account.floorAreaCentiM2,
    ownerReference: account.ownerReference,
    ...(account.ownerSince ? { ownerSince: account.ownerSince } : {}),
    ...(account.ownerDiedOn ? { ownerDiedOn: account.ownerDiedOn } : {}),
    status: account.status,
    version: account.version,
    asOf,
    // The schema admits exactly these fields (no levy id): picked one by one.
    // A voluntary contribution is owed to nobody: never part of a claim (Civil Code art. 278 item 6).
    charges: lines.charges.filter(owed).map((c) => ({
      chargeId: c.chargeId,
      kind: c.kind,
      month: c.month,
      dueOn: c.dueOn,
      filingId: c.filingId,
      floorAreaCentiM2: c.floorAreaCentiM2,
      rateFen: c.rateFen,
      ...(c.servedDays === null ? {} : { servedDays: c.servedDays }),
      ...(c.parts === null
        ? {}
        : { parts: c.parts.map((p) => ({ filingId: p.filingId, rateFen: p.rateFen, days: p.days })) }),
      amountFen: c.amountFen,
      paidFen: c.paidFen,
      waivedFen: c.waivedFen,
      openFen: c.openFen,
      limitationEndsOn: c.limitationEndsOn,
      limitationHeldOpen: c.limitationHeldOpen,
      lateFeeFen: c.lateFeeFen,
      owedSince: c.owedSince,
    })),
    demands: lines.actions
      .filter((a) => demandedPayment(a.action))
      .map((a) => ({
        actionId: a.actionId,
        kind: a.kind,
        on: a.on,
        channel: a.action.kind === 'MESSAGE' ? a.action.channel : null,
        chargeIds: a.chargeIds,
        // A letter recorded before arrivals were (no deliveredOn): published without it, as litigation counted it.
        ...(a.action.kind === 'LETTER' && a.action.deliveredOn !== undefined
          ? { deliveredOn: a.action.deliveredOn }
          : {}),
      })),
    mediationSessions: lines.actions.flatMap(({ actionId, action }) =>
      action.kind === 'MEDIATION_SESSION'
        ? [{ actionId, on: action.on, mediator: action.mediator, outcome: action.outcome, outcomeOn: action.outcomeOn }]
        : [],
    ),
  };
}
