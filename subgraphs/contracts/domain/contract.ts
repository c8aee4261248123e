/**
 * The words the contracts rules share. A preliminary contract (前期物业服务合同) is signed by the developer before the
 * owners organise; a regular contract (物业服务合同) is signed for the owners by the owners' committee or the
 * property-management committee (物管会) after an owners' joint decision (Civil Code art. 278 item 4).
 */
export const CONTRACT_KINDS = ['PRELIMINARY', 'REGULAR'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/**
 * A contract's life in the hub: DRAFT (not signed), SUBMITTED (signed, filing under review), ACCEPTED (filing
 * accepted), IN_FORCE (service has begun), REJECTED (filing refused), TERMINATED (ended early), SUPERSEDED
 * (replaced, e.g. a preliminary contract by a regular one under Civil Code art. 940).
 */
export const CONTRACT_STATUSES = ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'IN_FORCE', 'REJECTED', 'TERMINATED', 'SUPERSEDED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/**
 * The statuses in which a contract binds the area. A contract binds from signing (Civil Code art. 502: a lawfully
 * formed contract takes effect when formed); filing (备案) is an administrative duty, not a condition of validity, so
 * a contract whose filing is still under review already occupies its period. A draft is not signed yet; a terminated
 * or superseded contract has ended; a rejected filing is corrected and submitted again as a new record, so the
 * rejected record must not block its own correction.
 */
export const BINDING_STATUSES: ReadonlySet<ContractStatus> = new Set<ContractStatus>(['SUBMITTED', 'ACCEPTED', 'IN_FORCE']);

export function isBinding(status: ContractStatus): boolean {
  return BINDING_STATUSES.has(status);
}
