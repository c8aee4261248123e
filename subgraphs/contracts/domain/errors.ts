import { type ErrorCatalog, errorsOf } from '../../../kernel/errors';

/**
 * Every code the contracts subgraph raises besides the generic ones (kernel/errors.ts), with what it means to a
 * client or to a bureau system reading contracts.dead-letter.v1. Problems of the terms themselves are not codes of
 * their own: they come as BAD_USER_INPUT with `details.problems`.
 */
export const CONTRACTS_ERRORS = {
  CITY_NOT_CONFIGURED:
    "The area's city has no settings in the registry (setCitySettings): nothing is filed under another city's rules.",
  CONTRACT_DISCARDED: 'The draft was discarded: nothing is done with it any more; draft the contract anew.',
  CONTRACT_NOT_DRAFT:
    'Only a draft contract is edited directly; a filed one is amended, a returned filing resubmitted.',
  CONTRACT_ALREADY_FILED: 'The contract has a filing already: amend it, or resubmit the returned filing.',
  CONTRACT_NOT_IN_FORCE:
    'Only a contract whose filing was accepted, and which has not ended, can be amended or continued after its term; a terminated or superseded one takes no documents.',
  CONTINUATION_TOO_EARLY:
    "A contract's continuation after its term (Civil Code art. 948) is recorded from 90 days before its term ends (art. 947 para. 2), not earlier: details.recordableFrom.",
  SUCCESSOR_IN_FORCE:
    "Another contract of the area, signed or accepted, takes over from the day after the term: the owners renewed or hired another provider, so the contract does not continue (details.successorContractIds: the company's own successors; another provider's are only counted, details.otherProvidersContracts).",
  TERMINATION_NOTICE_TOO_SHORT:
    'A contract continuing for an unfixed term ends with 60 days’ written notice (Civil Code art. 948 para. 2): details.earliestTerminatedOn.',
  AMENDMENT_PENDING: 'An earlier amendment of the contract is still under review.',
  INVALID_FILING_TRANSITION: 'The filing or its contract is not in a state for this action (e.g. terminating a draft).',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used before for a different request.',
  STALE_REVIEW: 'The review decision names a version that is no longer under review; nothing was changed.',
  UNAUTHORISED_REVIEWER:
    'A bureau system that is not registered, or does not review the area, sent a decision (dead-letter reason).',
  CREDIT_OBJECTION_NOT_ALLOWED:
    'The credit entry cannot take an objection now: one is already pending, or the entry was withdrawn (details.status).',
  NO_PENDING_OBJECTION: 'The credit entry has no objection awaiting a decision.',
  UNKNOWN_AREA: 'An area changed before the contracts subgraph received its registration (dead-letter reason).',
} as const satisfies ErrorCatalog;

export type ContractsErrorCode = keyof typeof CONTRACTS_ERRORS;

/** A DomainError whose code is one of the listed ones, so a new code cannot be thrown without its meaning. */
export const contractsError = errorsOf(CONTRACTS_ERRORS);
