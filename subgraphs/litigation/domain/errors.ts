import { ErrorCatalog, errorsOf } from '../../../kernel/errors';

/**
 * Every code the litigation subgraph raises besides the generic ones (kernel/errors.ts GENERIC_ERRORS): in GraphQL
 * `extensions.code`, and as `dlq_reason_code` when a court's report on court.case-events.v1 is refused.
 */
export const LITIGATION_ERRORS = {
  ALREADY_REFERRED: 'An account is already before a court in an open case; `details.accountIds` names them.',
  CASE_CONCLUDED:
    'An account whose case was judged, settled or written off is not referred while it stands so (SPC interpretation of the Civil Procedure Law art. 247); `details.accountIds` names them. The company opens a new case by moving the account back to IN_COLLECTION (changeArrearsStatus); a new referral then claims only months no court decided (excluded as ALREADY_DECIDED).',
  OUTSIDE_COURT_TERRITORY:
    "An account's area lies outside the court's territory (Civil Procedure Law art. 24: the court where the property is); `details.accountIds` and `details.districtCodes` name them, `details.courtDistrictCodes` the court's. Nothing was referred.",
  CLAIM_SPANS_CONTRACTS:
    'A case package would claim months billed under another contract than the one it sues under (`details.months`): a complaint sues under one contract, by the party to it (Civil Code art. 465 para. 2). A referral reports it as an eligibility failure; refer under one contract (`contractId`).',
  NO_SMALL_CLAIMS_THRESHOLD:
    "No small-claims threshold is recorded for the province of the area's city and the year (art. 165): the procedure stays UNDETERMINED.",
  THRESHOLD_CONTRADICTS_RECORD:
    "A court records a small-claims threshold for its province and year that differs (threshold or consent ceiling) from the figure known for the day it would take effect: the one held from the high court's published notice, or one the admin or another court recorded (`details.contradicts`: amountFen, consentCeilingFen, effectiveFrom, source, heldIn STATUTES or RECORD, and who recorded it). Nothing was recorded. The same figure again is accepted as a confirmation; a correction is the hub's admin's.",
  PACKAGE_LOCKED:
    'The court has docketed the case: its case package can no longer be corrected, nor evidence added to it (it goes to the court in its proceedings).',
  WITHDRAWAL_NEEDS_COURT: 'The case is docketed: only the court can report the withdrawal (撤诉).',
  UNAUTHORISED_COURT: 'A court reported on a referral that is not addressed to it.',
  EVENT_ID_REUSED:
    "A conflict: a court report's event id was already used for a report with other content (another referral, step or detail); an identical re-send is a silent duplicate.",
  IDEMPOTENCY_KEY_REUSED:
    'The idempotency key was already used for a referral with other content; a retry must repeat the request exactly.',
  INVALID_COURT_EVENT:
    "The reported step cannot follow the case's status (e.g. a judgment after a settlement), or has nothing to act on: a JUDGMENT_CORRECTED with no judgment recorded, a PROCEDURE_CHANGED on a case not docketed as a small claim (Civil Procedure Law art. 169).",
  REPORT_CONTRADICTS_RECORD:
    'The court reports again a step the case has taken (its docketing, judgment or settlement) with another case number or amount than the hub recorded, or a hearing at the very time of the recorded one with another date (`details.contradictions`: field, recorded, reported): the record stands and nothing is stored. A rescheduled hearing is reported with its own, later time; a judgment corrected by ruling (补正裁定) as JUDGMENT_CORRECTED with the amount as corrected.',
  REFERRED_AGAIN:
    'The court reports a step on its docket for a case the company withdrew through the hub and has referred again since, or for such a new referral while the case it replaced stands again (`details.referralIds`: the other cases that stand): overruling the withdrawal would put the account before a court twice, so the case stays withdrawn here and the hub follows the other; the court and the company settle which case stands (a repeated suit, 重复起诉) and the court reports on it. A new referral the company withdrew, or the court refused or closed without a judgment or settlement, stands no more, and the docket is taken.',
  NOT_A_DOCKETED_SMALL_CLAIM: 'Only a small claim the court has docketed has a decision deadline to extend (art. 168).',
  EXTENSION_REFUSED:
    'The art. 168 extension was already used, or comes too late or too early, or the case was decided or left the court undecided (withdrawn, refused, closed: `CASE_LEFT_COURT`); `details.problems` says which.',
  CHAIN_ENTRY_TAMPERED:
    "The evidence chain's last entry does not match its hash: nothing is appended to a forged link.",
  CASE_END_NOT_YET_RECORDED:
    "An account's claim, as arrears last published it, is still before a court though its case here ended less than ten minutes ago (arrears learns of the court's report from its events): ask again shortly; nothing was referred. `details.accountIds` names them.",
  HIRING_DECISION_NOT_YET_RECORDED:
    "A filed contract of the company names the owners' decision that hired it, which has not reached litigation yet (it learns of decisions from areas.governance.v1): ask again shortly; nothing was referred or corrected. `details.decisionIds` names them.",
  DEFENDANT_IDENTITY_PENDING:
    "The owners' register has not disclosed the defendant to this court yet (it learns of referrals from their events): ask again shortly; nothing was generated.",
  DEFENDANT_NO_LONGER_OWNER:
    "The owner this referral names is no longer the register's owner of the household (a sale, or heirs registered, since the referral): the register no longer holds the referred owner's identity and discloses no one else's, so no complaint is generated. The company gives the court the defendant's particulars itself, or withdraws the referral (the new owner's own months are referred in a case of their own).",
  OWNER_CHANGED_SINCE_REFERRAL:
    "The claim no longer has the owner the referral sued (a sale, or heirs registered, since the referral; `details.ownerChanged`), or that owner's ownership now begins after a month claimed (`details.months`): a correction would name the new owner as the defendant for the former owner's months. The party sued stays the one referred (SPC interpretation of the Civil Procedure Law art. 249; Civil Code art. 944 para. 1), so nothing was corrected: the company withdraws the referral (withdrawReferral) and refers the new owner's own months in a case of their own.",
  DEFENDANT_DECEASED:
    "The owners' register records the defendant of this referral as dead (`details.diedOn`): a deceased person cannot be sued (Civil Code art. 13; Civil Procedure Law art. 122 item 2), so no complaint naming them is generated. The company withdraws the referral, the street office registers the heirs as the owner from the death, and the company refers the heirs' months again; a case already docketed is the court's to continue against the heirs.",
} as const satisfies ErrorCatalog;

export type LitigationErrorCode = keyof typeof LITIGATION_ERRORS;

/** A DomainError whose code is one of the litigation catalog's, so a code cannot be thrown without being listed. */
export const litigationError = errorsOf(LITIGATION_ERRORS);
