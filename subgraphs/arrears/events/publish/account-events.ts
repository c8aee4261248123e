import { IsoDate } from '../../../../kernel/calendar';
import { Fen } from '../../../../kernel/money';
import type {
  AccountEventBase,
  AccountStatusChangedData,
  CollectionActionRecordedData,
  LetterDeliveredData,
  PaymentRecordedData,
  PaymentReversedData,
} from '../../../../catalog';
import { Account } from '../../domain/account';
import { AccountStatus } from '../../domain/account-status';
import { AppliedAmount } from '../../domain/allocation';
import { CollectionAction, DeliveredLetter, demandedPayment } from '../../domain/collection-action';
import { PaymentPurpose, PaymentReversal, RecordedPayment } from '../../domain/payment';

/** What every event on arrears.accounts.v1 starts with: the account, whose, where, and where it stands now. */
export function accountEventBase(account: Account, openFen: Fen): AccountEventBase {
  return {
    accountId: account.id,
    companyId: account.companyId,
    householdId: account.householdId,
    areaId: account.areaId,
    buildingId: account.buildingId,
    status: account.status,
    openFen,
  };
}

/** The account after a move from `from`, with the reason and the day of the move. */
export function statusChanged(
  account: Account,
  move: { from: AccountStatus; reason: string | null; on: IsoDate },
  openFen: Fen,
): AccountStatusChangedData {
  return { ...accountEventBase(account, openFen), fromStatus: move.from, reason: move.reason, on: move.on };
}

/** A payment applied: its receipt and what it paid of which month's charge. */
export function paymentRecorded(
  account: Account,
  payment: {
    paymentId: string;
    receiptNumber: string;
    purpose: PaymentPurpose;
    levyId: string | null;
    amountFen: Fen;
    creditFen: Fen;
    paidOn: IsoDate;
  },
  applied: readonly AppliedAmount[],
  monthOf: ReadonlyMap<string, string>,
  openFen: Fen,
): PaymentRecordedData {
  return {
    ...accountEventBase(account, openFen),
    paymentId: payment.paymentId,
    receiptNumber: payment.receiptNumber,
    purpose: payment.purpose,
    levyId: payment.levyId,
    amountFen: payment.amountFen,
    creditFen: payment.creditFen,
    paidOn: payment.paidOn,
    allocations: applied.map((a) => ({ chargeId: a.chargeId, month: monthOf.get(a.chargeId) ?? '', fen: a.fen })),
  };
}

/** A payment reversed: what it had paid of which month's charge, owed again, and the credit taken back. */
export function paymentReversed(
  account: Account,
  payment: RecordedPayment,
  reversal: PaymentReversal,
  on: IsoDate,
  monthOf: ReadonlyMap<string, string>,
  openFen: Fen,
): PaymentReversedData {
  return {
    ...accountEventBase(account, openFen),
    paymentId: payment.paymentId,
    receiptNumber: payment.receiptNumber,
    amountFen: payment.amountFen,
    reversedOn: on,
    reason: reversal.reason,
    charges: reversal.charges.map((c) => ({ chargeId: c.chargeId, month: monthOf.get(c.chargeId) ?? '', fen: c.fen })),
    creditTakenBackFen: reversal.heldCreditFen,
  };
}

/** A collection step recorded, saying whether it demanded payment and who recorded it. */
export function collectionActionRecorded(
  account: Account,
  actionId: string,
  action: CollectionAction,
  recordedByRole: string,
  openFen: Fen,
): CollectionActionRecordedData {
  return {
    ...accountEventBase(account, openFen),
    actionId,
    kind: action.kind,
    on: action.on,
    chargeIds: [...action.chargeIds],
    demand: demandedPayment(action),
    recordedByRole,
    ...(action.kind === 'LETTER' ? { deliveredOn: action.deliveredOn ?? null } : {}),
  };
}

/** A letter's arrival recorded after the letter: from that day it demands payment and interrupts limitation. */
export function letterDelivered(
  account: Account,
  actionId: string,
  letter: DeliveredLetter,
  openFen: Fen,
): LetterDeliveredData {
  return {
    ...accountEventBase(account, openFen),
    actionId,
    on: letter.on,
    deliveredOn: letter.deliveredOn,
    chargeIds: [...letter.chargeIds],
  };
}
