import { IsoDate } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { CONTRACT_KINDS, ContractKind } from './contract';
import {
  type NamedDecisionProblem,
  type RecordedJointDecision,
  namedDecisionProblems,
  problemsNamed,
} from '../../../catalog';
import { CitySettings, HIRING_DECISION_MATTER } from './statutes';

/**
 * How the developer chose the provider of a preliminary contract. State Council Property Management Regulation
 * art. 24 para. 2 requires a tender (招投标); choosing by agreement (协议方式) needs the housing authority's approval
 * and one of two grounds: "投标人少于3个或者住宅规模较小的" — a tender drew fewer than three bidders, or the project is
 * small, "small" being each city's floor-area threshold (seed 004: "建筑面积不超过三万平方米的，经市城管执法局批准，可以
 * 采取协议方式选聘").
 */
import { AGREEMENT_GROUNDS, type AgreementGround, SELECTION_METHODS, type SelectionMethod } from '../../../catalog';

export { AGREEMENT_GROUNDS, type AgreementGround, SELECTION_METHODS, type SelectionMethod };

export interface ProviderSelection {
  contractKind: ContractKind;
  method: SelectionMethod;
  /** The number of the bureau's approval (批准文号) of an agreement-based choice. */
  approvalReference?: string | null;
  /** Why the agreement was allowed; absent or null: a small project (the ground the hub knew before). */
  agreementGround?: AgreementGround | null;
  /** The registered households' floor area (the areas feed), in hundredths of m²: what the project holds at least. */
  totalFloorAreaCentiM2: number;
  /** The project's total building area (总建筑面积) as stated with the choice, in hundredths of m²; null: not stated. */
  projectBuildingAreaCentiM2?: number | null;
}

export type SelectionProblem =
  | 'UNKNOWN_CONTRACT_KIND'
  | 'UNKNOWN_SELECTION_METHOD'
  | 'AGREEMENT_NEEDS_APPROVAL'
  | 'AREA_OVER_AGREEMENT_THRESHOLD'
  | 'AREA_UNKNOWN_FOR_AGREEMENT'
  | 'BUILDING_AREA_BELOW_REGISTER';

/**
 * Every selection problem (empty when none), in a fixed order. Only preliminary contracts are checked: art. 24 binds
 * the developer, while the owners choose the provider of a regular contract by joint decision (Civil Code art. 278
 * item 4), which the areas subgraph decides. Both agreement conditions are checked independently, so a project that
 * is too large and unapproved gets both codes. The threshold is inclusive ("不超过", Civil Code art. 1259): at
 * exactly 30,000.00 m² agreement is allowed, at 30,000.01 m² it is not. The size is asked only on that ground: on
 * the other (FEWER_THAN_THREE_BIDDERS) the approval alone is checked.
 *
 * The threshold is the project's building area (建筑面积), which the developer states with the choice (its planning
 * permit's figure, which the approving bureau checked): the register's households are the flats only, without shops,
 * garages and common parts, and a new estate is registered building by building, so their sum let an estate of
 * 45,000 m² choose by agreement while two buildings were registered (a helper's legal audit). Not stated:
 * AREA_UNKNOWN_FOR_AGREEMENT; stated below the registered flats' area, which it holds: BUILDING_AREA_BELOW_REGISTER.
 */
export function selectionProblems(selection: ProviderSelection, settings: CitySettings): SelectionProblem[] {
  const registered = selection.totalFloorAreaCentiM2;
  if (!Number.isSafeInteger(registered) || registered < 0) {
    throw new InvalidInputError('The floor area is invalid', {
      fields: { totalFloorAreaCentiM2: 'the floor area must be a whole number of hundredths of m², 0 or more' },
    });
  }
  const problems: SelectionProblem[] = [];
  if (!CONTRACT_KINDS.includes(selection.contractKind)) problems.push('UNKNOWN_CONTRACT_KIND');
  if (!SELECTION_METHODS.includes(selection.method)) problems.push('UNKNOWN_SELECTION_METHOD');
  if (problems.length > 0 || selection.contractKind !== 'PRELIMINARY' || selection.method !== 'AGREEMENT')
    return problems;

  const reference = selection.approvalReference;
  if (typeof reference !== 'string' || reference.trim() === '') problems.push('AGREEMENT_NEEDS_APPROVAL');
  // A tender that drew fewer than three bidders is a ground of its own, whatever the project's size: the approval
  // (above) is the bureau's finding of it. Before, only the size ground was known, so such a choice was refused for
  // any project over the city's figure (a legal audit, 2026-12-07).
  if (selection.agreementGround === 'FEWER_THAN_THREE_BIDDERS') return problems;
  const threshold = settings.agreementSelectionMaxFloorAreaCentiM2;
  if (threshold === null) return problems;
  const stated = selection.projectBuildingAreaCentiM2 ?? null;
  if (stated === null) problems.push('AREA_UNKNOWN_FOR_AGREEMENT');
  else if (stated < registered) problems.push('BUILDING_AREA_BELOW_REGISTER');
  else if (stated > threshold) problems.push('AREA_OVER_AGREEMENT_THRESHOLD');
  return problems;
}

/** Throws BAD_USER_INPUT with details.problems listing every selection problem, and the threshold applied. */
export function validateSelection(selection: ProviderSelection, settings: CitySettings): void {
  const problems = selectionProblems(selection, settings);
  if (problems.length > 0) {
    throw new InvalidInputError('The provider was not chosen as the regulation requires', {
      problems,
      agreementSelectionMaxFloorAreaCentiM2: settings.agreementSelectionMaxFloorAreaCentiM2,
      source: settings.sources.agreementSelection,
    });
  }
}

/** A joint decision as the areas feed published it, with the areas subgraph's verdict. */
export type HiringDecision = Pick<RecordedJointDecision, 'areaId' | 'matter' | 'heldOn' | 'valid'>;

export type HiringDecisionProblem =
  | 'HIRING_DECISION_FOR_PRELIMINARY_CONTRACT'
  | 'HIRING_DECISION_NOT_RECORDED'
  | 'HIRING_DECISION_INVALID'
  | 'NOT_A_HIRING_DECISION'
  | 'HIRING_DECISION_AFTER_SIGNING';

/** The problems of catalog/named-decision.ts as a contract's filing names them, in the order it names them. */
const HIRING_DECISION_PROBLEMS: readonly (readonly [NamedDecisionProblem, HiringDecisionProblem])[] = [
  ['NOT_RECORDED', 'HIRING_DECISION_NOT_RECORDED'],
  ['OTHER_MATTER', 'NOT_A_HIRING_DECISION'],
  ['INVALID', 'HIRING_DECISION_INVALID'],
  ['HELD_AFTER', 'HIRING_DECISION_AFTER_SIGNING'],
];

/**
 * The owners' joint decision a regular contract names as hiring its provider (statutes.ts HIRING_DECISION_SOURCE):
 * every problem, empty when it holds or none is named. `decision` is the named one (null: unknown); another area's is
 * as if not recorded. A preliminary contract's provider is the developer's choice (art. 24 above), so it names none.
 * Naming one stays optional: a regular contract filed without it is taken as the bureaus take it today (the
 * materials checklist lists the decision as recommended). What the check cannot say, the reviewer reads in the
 * minutes: which provider the owners chose (the hub's record of a decision does not name one), whether they hired or
 * dismissed (one matter of art. 278), and whether a later decision changed it (a review found that refusing a
 * decision followed by another on the matter made the company name a dismissal as its hiring).
 */
export function hiringDecisionProblems(
  contract: { kind: ContractKind; signedOn: IsoDate; hiringDecisionId?: string | null },
  decision: HiringDecision | null,
  areaId: string,
): HiringDecisionProblem[] {
  if (contract.hiringDecisionId == null) return [];
  if (contract.kind === 'PRELIMINARY') return ['HIRING_DECISION_FOR_PRELIMINARY_CONTRACT'];
  const found = namedDecisionProblems(decision, { areaId, matter: HIRING_DECISION_MATTER, heldBy: contract.signedOn });
  return problemsNamed(found, HIRING_DECISION_PROBLEMS);
}
