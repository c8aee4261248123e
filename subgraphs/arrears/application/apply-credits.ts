import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { Identity } from '../../../kernel/identity';
import { AppliedCredit, applyCredits } from '../domain/allocation';
import { addCredits } from '../persistence/account.repository';
import { addPaidAmounts, chargesOfAccounts } from '../persistence/charge.repository';
import { ownersSince } from '../persistence/billable-household.repository';
import { heldServiceFeeCredits, insertCreditApplications } from '../persistence/ledger.repository';
import { loadAccounts } from './account.lookup';
import { chargesCarryingLateFee } from './payment-priority.lookup';
import { collectedMoves, settleIfCleared } from './account.moves';

/**
 * Sets the service-fee credits held by the company's accounts of the area against their open service-fee charges
 * (allocation.ts applyCredits), inside the caller's transaction: an owner who paid in advance is not in arrears, in
 * collection or referred for a month their money already covers. Run by billing after it writes the month's charges,
 * so a credit left before 2026-12-05 (when credits were only held) reaches the charges it should have paid at the
 * area's next run. An account whose arrears are cleared leaves collection (settleIfCleared). Returns the accounts
 * credited.
 */
export async function applyHeldCredits(
  tx: EntityManager,
  identity: Identity,
  scope: { companyId: string; areaId: string },
  today: IsoDate,
): Promise<string[]> {
  const held = await heldServiceFeeCredits(tx, scope);
  if (held.size === 0) return [];
  const accounts = await loadAccounts(tx, identity, [...held.keys()]);
  const chargesOf = await chargesOfAccounts(tx, [...held.keys()]);
  const since = await ownersSince(tx, [...new Set([...accounts.values()].map((a) => a.householdId))]);
  const carryingLateFee = await chargesCarryingLateFee(tx, [...held.keys()], [...chargesOf.values()].flat());
  const applied: AppliedCredit[] = [];
  const spent = new Map<string, Fen>();
  const moves = collectedMoves(tx);
  for (const [accountId, credits] of held) {
    const account = accounts.get(accountId);
    if (!account) continue;
    const serviceFees = (chargesOf.get(accountId) ?? []).filter((c) => c.kind === 'SERVICE_FEE');
    // Each credit pays the months of whoever owned the flat when it was paid (allocation.ts payersCharges), in art.
    // 560 para. 2's order as of today (PaymentPriority).
    const result = applyCredits(credits, serviceFees, since.get(account.householdId) ?? null, {
      paidOn: today,
      carryingLateFee,
    });
    if (result.applied.length === 0) continue;
    applied.push(...result.applied);
    spent.set(accountId, -result.applied.reduce((sum, a) => sum + a.fen, 0));
    const charges = (chargesOf.get(accountId) ?? []).map(
      (c) => result.charges.find((r) => r.chargeId === c.chargeId) ?? c,
    );
    await settleIfCleared(tx, identity, account, charges, today, moves.write);
  }
  await moves.save();
  await insertCreditApplications(tx, applied, today);
  await addPaidAmounts(tx, applied);
  await addCredits(tx, spent);
  return [...spent.keys()];
}
