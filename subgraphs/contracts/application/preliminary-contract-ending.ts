import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { nextContractStatus } from '../domain/contract';
import { regularContractEnding } from '../domain/contract-overlap';
import { asExistingContract } from '../domain/contract-terms';
import { Channel, nextFilingStatus } from '../domain/filing';
import { Contract } from '../persistence/contract.entity';
import { contractsEverAccepted } from '../persistence/contract.repository';
import { Filing } from '../persistence/filing.entity';
import { filingsOfContractIn } from '../persistence/filing.repository';
import { currentTerms, recordTransition } from './filing-transitions';

/** Marks the filing SUPERSEDED by the filing `byFilingId`, with its transition and its event on the feed. */
export async function supersedeFiling(
  em: EntityManager,
  filing: Filing,
  byFilingId: string,
  actor: Identity,
  via: Channel,
): Promise<void> {
  filing.status = nextFilingStatus(filing.status, 'SUPERSEDE');
  filing.supersededByFilingId = byFilingId;
  recordTransition(em, filing, {
    action: 'SUPERSEDE',
    actor,
    via,
    note: { by: byFilingId },
    terms: await currentTerms(em, filing),
  });
}

/**
 * Ends the preliminary contract, SUPERSEDED by the filing `byFilingId`, with its `filings`: by default the one in force
 * and an amendment still under review.
 */
export async function supersedeContract(
  em: EntityManager,
  preliminary: Contract,
  byFilingId: string,
  actor: Identity,
  via: Channel,
  filings?: readonly Filing[],
): Promise<void> {
  preliminary.status = nextContractStatus(preliminary.status, 'SUPERSEDE');
  for (const filing of filings ??
    (await filingsOfContractIn(em, preliminary.id, ['ACCEPTED', 'SUBMITTED', 'RETURNED'])))
    await supersedeFiling(em, filing, byFilingId, actor, via);
}

/**
 * Civil Code art. 940 the other way round: a preliminary contract over whose term the area's regular contract is in
 * force (regularContractEnding: one that took effect during it, or continues under art. 948 over it) ends at once,
 * SUPERSEDED by that contract's accepted filing, so at most one provider serves, and is billed for, any day. Called
 * under the area's lock (lockAreaContracts) where a preliminary contract is accepted (its filing under review
 * meanwhile, or filed late: before, it stayed ACCEPTED beside the owners' contract) and where a regular contract's
 * continuation is recorded over one already accepted (before, both served from the preliminary contract's start, and
 * arrears billed the households twice). The regular contract may have been terminated since: it took effect all the
 * same and ended the preliminary one (helper-165 M2). `filings`: the preliminary contract's filings to supersede (the
 * one in force and an amendment still under review), read when not given. Whether it was ended.
 */
export async function endIfRegularContractInForce(
  em: EntityManager,
  preliminary: Contract,
  actor: Identity,
  via: Channel,
  filings?: readonly Filing[],
): Promise<boolean> {
  const regular = regularContractEnding(
    asExistingContract(preliminary),
    (await contractsEverAccepted(em, preliminary.areaId, 'REGULAR')).map(asExistingContract),
  );
  if (!regular) return false;
  // Its filing that was accepted (a terminated contract's open amendment, terminated with it, never was).
  const regularFiling = (await filingsOfContractIn(em, regular.id, ['ACCEPTED', 'TERMINATED'])).find(
    (f) => f.acceptedOn != null,
  );
  if (!regularFiling) throw new Error(`Contract ${regular.id}, once accepted, has no accepted filing`);
  await supersedeContract(em, preliminary, regularFiling.id, actor, via, filings);
  return true;
}
