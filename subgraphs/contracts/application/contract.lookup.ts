import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import type { IsoDate } from '../../../kernel/calendar';
import { assertTakesDocuments, contractSignedOn } from '../domain/contract';
import { AreaView } from '../persistence/area-view.entity';
import { findAreaView } from '../persistence/area-view.repository';
import { Contract } from '../persistence/contract.entity';
import { findContract } from '../persistence/contract.repository';
import { isReferredToCourt } from '../persistence/court-referral.repository';
import { acceptedSigningDaysOfContract } from '../persistence/filing.repository';

/** The company acting; anyone else is FORBIDDEN. */
export function requireCompany(identity: Identity): string {
  if (identity.role !== 'PROPERTY_COMPANY')
    throw new ForbiddenError('Only a property company drafts, files, amends or terminates its contracts');
  return identity.organisationId;
}

/**
 * The company's own contract, locked for the change (unless `lock` is false: a check before a transaction); another
 * company's is NOT_FOUND, so its existence is not disclosed.
 */
export async function ownContract(
  em: EntityManager,
  identity: Identity,
  contractId: string,
  lock = true,
): Promise<Contract> {
  const companyId = requireCompany(identity);
  const contract = await findContract(em, contractId, { lock });
  if (!contract || contract.companyId !== companyId) throw new NotFoundError('Contract', contractId);
  return contract;
}

/**
 * The company's own contract that still takes documents (assertTakesDocuments): none once it can never be filed again,
 * a discarded draft (CONTRACT_DISCARDED) or a terminated or superseded contract (CONTRACT_NOT_IN_FORCE).
 */
export async function ownContractTakingDocuments(
  em: EntityManager,
  identity: Identity,
  contractId: string,
  lock = true,
): Promise<Contract> {
  const contract = await ownContract(em, identity, contractId, lock);
  assertTakesDocuments(contract.status);
  return contract;
}

/** The area as the areas feed reported it; NOT_FOUND until the feed has brought it. */
export async function knownArea(em: EntityManager, areaId: string): Promise<AreaView> {
  const area = await findAreaView(em, areaId);
  if (!area) throw new NotFoundError('Area', areaId);
  return area;
}

/** Whether the caller is a court that received a referral under this contract. */
export async function isReferredToCaller(em: EntityManager, identity: Identity, contractId: string): Promise<boolean> {
  return identity.role === 'COURT' && isReferredToCourt(em, identity.organisationId, contractId);
}

/**
 * The day the contract was signed (domain/contract.ts contractSignedOn): the earliest its terms in force and its
 * accepted versions state, for what can only come after it (an amendment, a notice ending it).
 */
export async function contractSigningDay(em: EntityManager, contract: Contract): Promise<IsoDate> {
  return contractSignedOn(contract.terms.signedOn, await acceptedSigningDaysOfContract(em, contract.id));
}
