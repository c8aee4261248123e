import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { keyReusedFor, transactionOnce } from '../../../platform/db/idempotency';
import { assertPropertyCompany } from '../domain/access';
import { arrearsError } from '../domain/errors';
import { Adjustment, AdjustmentKind, adjustCharge as adjusted, raisesClaimBeforeCourt } from '../domain/allocation';
import { accountIdOfCharge, chargesOfAccount, saveChargeAmounts } from '../persistence/charge.repository';
import { insertAdjustment } from '../persistence/ledger.repository';
import { loadAccount } from './account.lookup';
import { lastReferredOn } from '../persistence/account.repository';
import { claimLinesOf } from './claim-lines.lookup';
import { settleIfCleared } from './account.moves';
import { announceActivatedBuilding } from './levy.activation';
import { publishClaims } from './claims.publish';
import { publishCollection } from './collection.publish';

export interface AdjustmentInput {
  chargeId: string;
  kind: AdjustmentKind;
  fen?: number | null;
  amountFen?: number | null;
  reason: string;
  /** The client's id of this adjustment: a retry with it returns the account, adjusted once. */
  idempotencyKey?: string | null;
}

/**
 * A waiver, a correction or a late-fee waiver of one charge of the caller's company, with its reason kept for the
 * owner and the court; returns the account id. A late-fee waiver records the late fee run up until then.
 */
export async function adjustCharge(em: EntityManager, identity: Identity, input: AdjustmentInput): Promise<string> {
  const companyId = assertPropertyCompany(identity, 'adjust charges');
  const today = todayInChina();
  // A waiver retried after a lost answer waived again: with a key, it is applied once.
  const optionalKey = {
    scope: 'adjustment',
    ownerId: companyId,
    key: input.idempotencyKey,
    content: () => ({
      chargeId: input.chargeId.toLowerCase(),
      kind: input.kind,
      fen: input.fen ?? null,
      amountFen: input.amountFen ?? null,
      reason: input.reason,
    }),
    reused: keyReusedFor(arrearsError, 'adjustment'),
  };
  return transactionOnce(em, optionalKey, async (tx) => {
    const accountId = await accountIdOfCharge(tx, input.chargeId, companyId);
    if (!accountId) throw new NotFoundError('Charge', input.chargeId);
    const account = await loadAccount(tx, identity, accountId, true);
    const charges = await chargesOfAccount(tx, account.id);
    const charge = charges.find((c) => c.chargeId === input.chargeId)!;
    // Raised while the court holds the claim, the fee would be claimed here beyond what the court hears or judged
    // (before, it was, and litigation was told of the higher claim); lowering it is the company's concession.
    // The referral's day is read only for a raise on an account a court holds (with none given, any such raise counts).
    if (
      input.kind === 'CORRECTION' &&
      raisesClaimBeforeCourt(account.status, charge, input.amountFen, null) &&
      raisesClaimBeforeCourt(account.status, charge, input.amountFen, await lastReferredOn(tx, account.id))
    )
      throw arrearsError(
        'CLAIM_BEFORE_COURT',
        `Account ${account.id} is ${account.status}: a correction may lower the fee, not raise it`,
        { status: account.status, amountFen: charge.amountFen },
      );
    const adjustment: Adjustment =
      input.kind === 'WAIVER'
        ? { kind: 'WAIVER', fen: input.fen as number, reason: input.reason }
        : input.kind === 'LATE_FEE_WAIVER'
          ? { kind: 'LATE_FEE_WAIVER', reason: input.reason }
          : { kind: 'CORRECTION', amountFen: input.amountFen as number, reason: input.reason };
    const line =
      input.kind === 'LATE_FEE_WAIVER'
        ? (await claimLinesOf(tx, [account.id], today))
            .get(account.id)
            ?.charges.find((c) => c.chargeId === charge.chargeId)
        : undefined;
    const result = adjusted(charge, adjustment, line && { waived: line.lateFeeWaived, runs: line.lateFeeRuns });
    await saveChargeAmounts(tx, result.charge);
    await insertAdjustment(tx, {
      accountId: account.id,
      before: charge,
      after: result.charge,
      kind: input.kind,
      fen: input.kind === 'WAIVER' ? (input.fen ?? null) : input.kind === 'LATE_FEE_WAIVER' ? line!.lateFeeFen : null,
      reason: result.adjustment.reason,
      on: today,
      recordedBy: identity.subject,
    });
    // A waiver or correction that completes a levy charge counts toward its building's quota as a payment does.
    if (charge.levyId) await announceActivatedBuilding(tx, charge.levyId, account.buildingId, today);
    const after = charges.map((c) => (c.chargeId === charge.chargeId ? { ...c, ...result.charge } : c));
    await settleIfCleared(tx, identity, account, after, today);
    await publishClaims(tx, [account.id], today);
    await publishCollection(tx, { accountIds: [account.id] });
    return account.id;
  });
}
