import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { Identity } from '../../../kernel/identity';
import { ACCOUNT_STATUS_CHANGED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { Account } from '../domain/account';
import { BilledCharge, arrearsTotal, openTotal } from '../domain/charge';
import { AccountStatus, assertTransition, moveDate } from '../domain/account-status';
import { MediationOutcome, MediationSession } from '../domain/collection-action';
import { statusChanged } from '../events/publish/account-events';
import { AccountMove, saveAccountMove, saveAccountMoves } from '../persistence/account.repository';

/**
 * Where a move is written: at once (saveAccountMove), unless a use case moving many accounts collects the moves and
 * writes them together (saveAccountMoves) before anything reads the accounts' statuses back.
 */
export type MoveWriter = (accountId: string, move: AccountMove) => Promise<void>;

/** A MoveWriter that collects the moves of a use case moving many accounts, and `save`, which writes them together. */
export function collectedMoves(em: EntityManager): { write: MoveWriter; save: () => Promise<void> } {
  const moves: { accountId: string; move: AccountMove }[] = [];
  return {
    write: async (accountId, move) => void moves.push({ accountId, move }),
    save: () => saveAccountMoves(em, moves),
  };
}

/**
 * Moves the account to `to` under the status rules (account-status.ts), records who moved it and why, and
 * publishes the change; `account.status` is updated in place so later steps of the same use case see it.
 */
export async function moveAccount(
  em: EntityManager,
  identity: Identity,
  account: Account,
  to: AccountStatus,
  args: { reason: string | null; on: IsoDate; openFen: Fen; arrearsFen?: Fen },
  write: MoveWriter = (accountId, move) => saveAccountMove(em, accountId, move),
): Promise<void> {
  const from = account.status;
  assertTransition(from, to, { reason: args.reason, openFen: args.openFen, arrearsFen: args.arrearsFen });
  const on = moveDate(args.on, account.statusChangedOn);
  await write(account.id, {
    from,
    to,
    reason: args.reason,
    on,
    bySubject: identity.subject,
    byRole: identity.role,
  });
  account.status = to;
  account.statusChangedOn = on;
  recordEvent(em, ACCOUNT_STATUS_CHANGED, {
    source: 'arrears',
    key: account.id,
    data: statusChanged(account, { from, reason: args.reason, on }, args.openFen),
  });
}

/**
 * Collection ends by itself once nothing is in arrears (charge.ts inArrears: what is not yet due or voluntary does
 * not count), while the case has not gone to the court.
 */
export async function settleIfCleared(
  em: EntityManager,
  identity: Identity,
  account: Account,
  /** The account's charges as they now stand, in arrears or not as of `asOf` (today). */
  charges: readonly BilledCharge[],
  asOf: IsoDate,
  write?: MoveWriter,
  /** The day the move is recorded on (a payment's own day); `asOf` when omitted. */
  on: IsoDate = asOf,
): Promise<void> {
  const amounts = { openFen: openTotal(charges), arrearsFen: arrearsTotal(charges, asOf) };
  if (amounts.arrearsFen === 0 && (account.status === 'IN_COLLECTION' || account.status === 'MEDIATION')) {
    await moveAccount(
      em,
      identity,
      account,
      'CURRENT',
      { reason: amounts.openFen === 0 ? 'All charges paid' : 'Nothing in arrears', on, ...amounts },
      write,
    );
  }
}

/** Mediation moves the account into MEDIATION (through IN_COLLECTION from CURRENT) and, once it ends, out again. */
export async function followMediation(
  em: EntityManager,
  identity: Identity,
  account: Account,
  session: MediationSession,
  openFen: Fen,
): Promise<void> {
  if (account.status === 'CURRENT')
    await moveAccount(em, identity, account, 'IN_COLLECTION', {
      reason: 'Mediation applied for',
      on: session.on,
      openFen,
    });
  if (account.status === 'IN_COLLECTION')
    await moveAccount(em, identity, account, 'MEDIATION', {
      reason: `Mediation by ${session.mediator}`,
      on: session.on,
      openFen,
    });
  await followMediationOutcome(em, identity, account, session.outcome, session.outcomeOn, openFen);
}

/** An agreement settles the account; a failed or withdrawn mediation returns it to collection. */
export async function followMediationOutcome(
  em: EntityManager,
  identity: Identity,
  account: Account,
  outcome: MediationOutcome,
  outcomeOn: IsoDate | null,
  openFen: Fen,
): Promise<void> {
  if (account.status !== 'MEDIATION' || outcome === 'PENDING' || outcomeOn === null) return;
  if (outcome === 'AGREED')
    await moveAccount(em, identity, account, 'SETTLED', {
      reason: 'Mediation agreement (调解协议)',
      on: outcomeOn,
      openFen,
    });
  else
    await moveAccount(em, identity, account, 'IN_COLLECTION', {
      reason: outcome === 'FAILED' ? 'Mediation failed' : 'Mediation withdrawn',
      on: outcomeOn,
      openFen,
    });
}
