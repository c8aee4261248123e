import { ErrorCatalog, errorsOf } from '../../../kernel/errors';

/**
 * Every code the arrears subgraph raises beyond the generic ones (kernel/errors.ts GENERIC_ERRORS), with what it
 * means to a client. The same codes are the dead-letter reasons of its consumers (arrears.dead-letter.v1): a
 * referral outcome that names an unknown or another company's account dead-letters as NOT_FOUND, one the status
 * rules refuse as INVALID_STATUS_TRANSITION. Codes inside `details.problems` (UNKNOWN_CHARGE, UNKNOWN_BUILDING …)
 * explain a BAD_USER_INPUT and are not listed here.
 */
export const ARREARS_ERRORS = {
  NO_CONTRACT_IN_FORCE:
    'You have no accepted contract filing covering the area in that month: there is no fee schedule to bill or levy under.',
  IDEMPOTENCY_KEY_REUSED:
    'The idempotency key was already used for a payment, a levy, an adjustment or a collection step with other content; a retry must repeat the request exactly.',
  INVALID_STATUS_TRANSITION:
    'The arrears account cannot move from its status to the one asked (details.from, details.to).',
  ARREARS_NOT_CLEARED: 'An account goes back to CURRENT only when nothing on it is in arrears (past due and owed).',
  NOTHING_IN_ARREARS:
    'A judged, settled or written-off account goes back into collection (a new case) only while something on it is in arrears (past due and owed).',
  STATUS_SET_BY_PROCEDURE:
    'The move is made by mediation or the court procedure, not by the company by hand; `details.allowed` lists the moves it may make from `details.from`.',
  MEDIATION_ALREADY_ENDED: 'The mediation session already has an outcome; it cannot be given another.',
  LETTER_DELIVERY_ALREADY_RECORDED:
    "The demand letter's arrival is recorded already (`details.deliveredOn`); it is recorded once.",
  PROHIBITED_COLLECTION_MEASURE:
    'Cutting water, power, heating or gas to collect fees is refused (Civil Code art. 944).',
  LEVY_WITHOUT_VALID_DECISION:
    'A levy is owed only under a recorded, valid joint decision of its area on raising funds (Civil Code art. 278 item 6), or marked voluntary; `details.problems` names what is missing.',
  NOT_THE_AREAS_COMPANY:
    'The company named had no accepted contract filing serving the area on that day (one beginning later in the month, or ended earlier in it, did not serve it): a cut-off is reported against the company serving it.',
  PAYMENT_ALREADY_REVERSED:
    'The payment was reversed before (`details.reversedOn`); a payment is reversed once. Record the right payment anew.',
  CLAIM_BEFORE_COURT:
    "The account's case is before a court or judged (REFERRED, IN_LITIGATION, JUDGED) and the fee was in arrears when the account was referred, so the case may claim it: a correction may lower it, not raise it, for the court decides that claim; a higher claim goes to the court (变更诉讼请求). Fees that fell due after the referral, waivers and payments go on.",
  UNKNOWN_CASE_STATUS: 'A referral outcome named a case status the hub does not know (dead-letter reason).',
} as const satisfies ErrorCatalog;

export type ArrearsErrorCode = keyof typeof ARREARS_ERRORS;

/** A DomainError whose code is one of the arrears catalog's, so a code cannot be thrown without being listed. */
export const arrearsError = errorsOf(ARREARS_ERRORS);
