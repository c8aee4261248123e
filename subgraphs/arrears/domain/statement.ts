import { IsoDate } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { Account } from './account';
import { AccountStatus } from './account-status';
import { AgingLine, agingBucket, agingSummary, daysOverdue } from './aging';
import { inArrears, openTotal } from './charge';
import { ClaimCharge, ClaimLines, RecordedAction, RecordedAdjustment } from './claim';
import { PaymentPurpose } from './payment';
import { AgingBucket } from './statutes';

/**
 * An account's statement as of a day: every charge with what is open, its age, the last day of its limitation
 * period and its late fee (claim.ts), the totals, then the payments, adjustments, collection steps and status
 * history behind those figures.
 */
export interface StatementCharge extends ClaimCharge {
  daysOverdue: number;
  /** Past due on the statement's day and owed (charge.ts inArrears): only then is what is open on it arrears. */
  inArrears: boolean;
  /** Null while not yet past due. */
  agingBucket: AgingBucket | null;
}

/** Where the household lives, from the areas feed; null where the register no longer lists it. */
export interface HouseholdPlace {
  unit: string;
  room: string;
  floorAreaCentiM2: number;
}

export interface StatementPayment {
  paymentId: string;
  receiptNumber: string;
  purpose: PaymentPurpose;
  amountFen: Fen;
  creditFen: Fen;
  paidOn: IsoDate;
  method: string;
  /** The day a payment recorded in error was reversed, and why; null while it stands. */
  reversedOn: IsoDate | null;
  reversalReason: string | null;
}

export interface AccountTransition {
  from: AccountStatus;
  to: AccountStatus;
  reason: string | null;
  on: IsoDate;
  byRole: string;
}

export interface Statement {
  account: Account & { unit: string | null; room: string | null; floorAreaCentiM2: number | null };
  asOf: IsoDate;
  charges: StatementCharge[];
  aging: AgingLine[];
  billedFen: Fen;
  paidFen: Fen;
  waivedFen: Fen;
  openFen: Fen;
  /** What is open on the charges past due. */
  arrearsFen: Fen;
  lateFeeFen: Fen;
  payments: StatementPayment[];
  adjustments: RecordedAdjustment[];
  actions: (RecordedAction & { note: string | null })[];
  transitions: AccountTransition[];
}

export function statementOf(
  account: Account,
  household: HouseholdPlace | null,
  lines: ClaimLines,
  history: { payments: StatementPayment[]; transitions: AccountTransition[] },
  asOf: IsoDate,
): Statement {
  const { charges, actions, adjustments } = lines;
  const statementCharges = charges.map((c) => {
    const days = daysOverdue(c.dueOn, asOf);
    const owed = inArrears(c, asOf);
    return { ...c, daysOverdue: owed ? days : 0, inArrears: owed, agingBucket: owed ? agingBucket(days) : null };
  });
  return {
    account: {
      ...account,
      unit: household?.unit ?? null,
      room: household?.room ?? null,
      floorAreaCentiM2: household?.floorAreaCentiM2 ?? null,
    },
    asOf,
    charges: statementCharges,
    aging: agingSummary(
      charges.filter((c) => !c.voluntary),
      asOf,
    ),
    billedFen: charges.reduce((s, c) => s + c.amountFen, 0),
    paidFen: charges.reduce((s, c) => s + c.paidFen, 0),
    waivedFen: charges.reduce((s, c) => s + c.waivedFen, 0),
    openFen: openTotal(charges),
    arrearsFen: openTotal(statementCharges.filter((c) => c.inArrears)),
    lateFeeFen: statementCharges.reduce((s, c) => s + c.lateFeeFen, 0),
    payments: history.payments,
    adjustments,
    actions: actions.map((a) => ({ ...a, note: a.action.note })),
    transitions: history.transitions,
  };
}
