import { type ErrorCatalog, errorsOf } from '../../../kernel/errors';

/**
 * The codes the areas subgraph raises beyond the generic ones (kernel/errors.ts GENERIC_ERRORS), each with what it
 * means to a client. Rule-by-rule problems of one input (a committee's composition, an assembly's dates) travel as
 * BAD_USER_INPUT with `details.problems`; they are listed with the rule that raises them, not here.
 */
export const AREAS_ERRORS = {
  REGISTER_INCOMPLETE:
    'The register holds fewer households of the area than its street office declared it has (`details.registered`, `details.declared`): a joint decision is counted against all the owners (Civil Code art. 278), so the register is completed first, or the declaration corrected.',
  REGISTER_CHANGED_SINCE_MEETING:
    "Households of the area changed owner in the register after the meeting (`details.changedHouseholds` how many, `details.heldOn`): ballots are counted against the owners of the meeting day, which the register no longer holds for them, so they are refused; the meeting's own tally is recorded instead (its area must be the register's, its owners within one per household changed: REPORTED_TALLY_BOUNDED). A reference corrected without a change of owner is recorded with `ownerSince: null` (updateHousehold), which counts as no change.",
  OWNER_REFERENCES_UNRESOLVED:
    'Households of the area are registered under a placeholder owner reference (未知, "-", …; `details.households` how many): owners are counted one per reference (法释〔2009〕7号 art. 9), so their owners would count as one; the street office gives each its own reference (updateHousehold) first.',
  JOINT_DECISION_ALREADY_RECORDED:
    'The meeting’s decision on this matter (area, day, matter and agenda item) is already recorded with other figures (`details.decisionId`): the same vote reported with the same figures answers the first record; a meeting that decided the matter more than once names each agenda item.',
  BUILDING_OUTSIDE_AREA_STREET:
    'A building named for an area lies in another street than the area (an area never spans streets); for a caller who cannot see that street the building is NOT_FOUND.',
  UNKNOWN_PARENT_DIVISION:
    'The division’s parent (its district or street) is not registered yet: register the parent first.',
  AREA_HAS_PROVIDER:
    'A provider serves the area today under an accepted filing (its contract begun and not ended): it needs no caretaker and cannot be recorded self-managed.',
  CARETAKER_ALREADY_ASSIGNED: 'The area is already under caretaker management that has not ended.',
  SELF_MANAGEMENT_ALREADY_RECORDED: 'The area’s owners already manage it themselves and that has not ended.',
  SELF_MANAGEMENT_NOT_RUNNING: 'The area has no self-management that has not ended.',
  HAZARD_ALREADY_RESOLVED: 'The hazard is already recorded resolved (details.resolvedOn).',
  PREPARATORY_GROUP_EXISTS:
    'The area already has a preparatory group whose first owners’ assembly is not recorded yet (details.groupId).',
  ASSEMBLY_ALREADY_FORMED:
    'The area’s owners’ assembly is already recorded: a preparatory group is only for the first assembly.',
  IDEMPOTENCY_KEY_REUSED:
    'The idempotency key was already used for another request (an import of another file or compound, another decision); a retry must repeat the request exactly.',
} as const satisfies ErrorCatalog;

export type AreasErrorCode = keyof typeof AREAS_ERRORS;

/** A DomainError whose code is one of the areas catalog's, so a code cannot be thrown without being listed. */
export const areasError = errorsOf(AREAS_ERRORS);
