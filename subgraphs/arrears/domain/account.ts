import { IsoDate } from '../../../kernel/calendar';
import { Fen } from '../../../kernel/money';
import { AccountPlace } from './access';
import { AccountStatus } from './account-status';

/**
 * A household's arrears account with the company that billed it, with the place it is in (its area's street and
 * district, for the access rules). One per company and household; its charges, payments and steps hang off it.
 */
export interface Account extends AccountPlace {
  readonly id: string;
  readonly householdId: string;
  readonly areaId: string;
  readonly buildingId: string;
  /** Changed by moves only (application/account.moves.ts), which keep the record and the event in step. */
  status: AccountStatus;
  statusChangedOn: IsoDate;
  /** Paid beyond every open charge. */
  readonly creditFen: Fen;
  /** What the court awarded, or the settlement before it, once the referral ended so (from litigation). */
  readonly judgedFen: Fen | null;
  readonly settledFen: Fen | null;
}

/** What the court awarded (JUDGED) or the parties agreed before it (SETTLED); null when the report gave no amount. */
export interface CourtAward {
  readonly kind: 'JUDGED' | 'SETTLED';
  readonly fen: Fen | null;
}

/**
 * The judgment's amount as a ruling corrected it (补正裁定: litigation publishes the case with its status unchanged and
 * the corrected amount), for an account JUDGED under a referral it follows whose report names another amount than the
 * one recorded; null when there is nothing to correct.
 */
export function correctedJudgment(
  account: { status: AccountStatus; judgedFen: Fen | null },
  reported: { judgedFen?: Fen | null },
): CourtAward | null {
  if (account.status !== 'JUDGED' || reported.judgedFen == null || account.judgedFen === null) return null;
  return reported.judgedFen === account.judgedFen ? null : { kind: 'JUDGED', fen: reported.judgedFen };
}

/** The award a referral's outcome records on an account that now stands JUDGED or SETTLED; none for other statuses. */
export function courtAwardOf(
  status: AccountStatus,
  reported: { judgedFen?: Fen | null; settledFen?: Fen | null },
): CourtAward | null {
  if (status === 'JUDGED') return { kind: 'JUDGED', fen: reported.judgedFen ?? null };
  if (status === 'SETTLED') return { kind: 'SETTLED', fen: reported.settledFen ?? null };
  return null;
}
