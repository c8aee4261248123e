/**
 * The words the contracts rules share. A preliminary contract (前期物业服务合同) is signed by the developer before the
 * owners organise; a regular contract (物业服务合同) is signed for the owners by the owners' committee or the
 * property-management committee (物管会) after an owners' joint decision (Civil Code art. 278 item 4).
 */
import { CONTRACT_KINDS, type ContractKind } from '../../../catalog';

export { CONTRACT_KINDS, type ContractKind };

/**
 * A contract's life in the hub, driven by its filing (备案): DRAFT (entered, not yet submitted), SUBMITTED (signed,
 * filing under review), RETURNED (the reviewer sent the filing back for correction), ACCEPTED (filed, with a record
 * number), TERMINATED (ended early, with a handover date), SUPERSEDED (replaced, e.g. a preliminary contract by a
 * regular one under Civil Code art. 940). An amendment is filed as a new filing of the same contract; the contract
 * stays ACCEPTED under its earlier terms until the amendment is accepted.
 */
export const CONTRACT_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'TERMINATED', 'SUPERSEDED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/**
 * The statuses in which a contract binds the area. A contract binds from signing (Civil Code art. 502: a lawfully
 * formed contract takes effect when formed); filing is an administrative duty, not a condition of validity, so a
 * contract whose filing is under review, or was returned for correction, already occupies its period. A draft is
 * not signed yet; a terminated or superseded contract has ended (a terminated one still occupies the days before
 * its termination: the caller passes it as ACCEPTED with its end moved to the termination date).
 */
export const BINDING_STATUSES: ReadonlySet<ContractStatus> = new Set<ContractStatus>(['SUBMITTED', 'RETURNED', 'ACCEPTED']);

export function isBinding(status: ContractStatus): boolean {
  return BINDING_STATUSES.has(status);
}
