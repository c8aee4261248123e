import { InvalidInputError } from '../../../kernel/errors';
import { CONTRACT_KINDS, ContractKind } from './contract';
import { CitySettings } from './statutes';

/**
 * How the developer chose the provider of a preliminary contract. State Council Property Management Regulation
 * art. 24 requires a tender (招投标); choosing by agreement (协议方式) needs the housing authority's approval and is
 * open to small projects only, "small" being each city's floor-area threshold (seed 004: "建筑面积不超过三万平方米的，
 * 经市城管执法局批准，可以采取协议方式选聘").
 */
import { SELECTION_METHODS, type SelectionMethod } from '../../../catalog';

export { SELECTION_METHODS, type SelectionMethod };

export interface ProviderSelection {
  contractKind: ContractKind;
  method: SelectionMethod;
  /** The number of the bureau's approval (批准文号) of an agreement-based choice. */
  approvalReference?: string | null;
  /** The project's total building floor area (建筑面积), in hundredths of m². */
  totalFloorAreaCentiM2: number;
}

export type SelectionProblem =
  | 'UNKNOWN_CONTRACT_KIND'
  | 'UNKNOWN_SELECTION_METHOD'
  | 'AGREEMENT_NEEDS_APPROVAL'
  | 'AREA_OVER_AGREEMENT_THRESHOLD'
  | 'AREA_UNKNOWN_FOR_AGREEMENT';

/**
 * Every selection problem (empty when none), in a fixed order. Only preliminary contracts are checked: art. 24 binds
 * the developer, while the owners choose the provider of a regular contract by joint decision (Civil Code art. 278
 * item 4), which the areas subgraph decides. Both agreement conditions are checked independently, so a project that
 * is too large and unapproved gets both codes. The threshold is inclusive ("不超过", Civil Code art. 1259): at
 * exactly 30,000.00 m² agreement is allowed, at 30,000.01 m² it is not.
 */
export function selectionProblems(selection: ProviderSelection, settings: CitySettings): SelectionProblem[] {
  const area = selection.totalFloorAreaCentiM2;
  if (!Number.isSafeInteger(area) || area < 0) {
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
  const threshold = settings.agreementSelectionMaxFloorAreaCentiM2;
  // The area is the register's: its households' areas. None registered yet (a new estate) is no size at all, and
  // passed any threshold before (a helper's legal audit, 2026-12-04).
  if (threshold !== null && area === 0) problems.push('AREA_UNKNOWN_FOR_AGREEMENT');
  else if (threshold !== null && area > threshold) problems.push('AREA_OVER_AGREEMENT_THRESHOLD');
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
