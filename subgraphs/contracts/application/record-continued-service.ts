import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { Identity } from '../../../kernel/identity';
import { retryAfterLostRace } from '../../../platform/db/sql';
import { asExistingContract } from '../domain/contract-terms';
import { continuationStart } from '../domain/continued-service';
import { nextFilingStatus } from '../domain/filing';
import { Contract } from '../persistence/contract.entity';
import { contractsBindingIn, lockAcceptedContracts, lockAreaContracts } from '../persistence/contract.repository';
import { filingsOfContractIn } from '../persistence/filing.repository';
import { ownContract } from './contract.lookup';
import { currentTerms, recordTransition } from './filing-transitions';
import { endIfRegularContractInForce } from './preliminary-contract-ending';

/**
 * The company records that it goes on serving under its contract after the term, with no renewal or other provider
 * decided by the owners: the contract continues for an unfixed term from the day after `endsOn` (Civil Code art. 948;
 * continued-service.ts continuationStart says when it may). Its filing in force carries the day on the feed
 * (hub.contracts.filing.continued), so arrears bills, litigation claims and areas and complaints count it serving
 * past the term until its termination or the day before the area's next contract starts; a developer's preliminary
 * contract already accepted over which it is now in force is superseded by it (art. 940, endIfRegularContractInForce).
 * Only the contract's own company (NOT_FOUND to anyone else); recorded again, it returns the contract as it is.
 */
export async function recordContinuedService(
  em: EntityManager,
  identity: Identity,
  input: { contractId: string },
): Promise<Contract> {
  const today = todayInChina();
  return retryAfterLostRace(() =>
    em.transactional(async (tx) => {
      const contract = await ownContract(tx, identity, input.contractId);
      if (contract.continuedFrom) return contract;
      // The area's accepted preliminary contracts, which the continuation may end, are locked before the area, in
      // the order a regular contract's amendment review takes them (review-filing.ts), so the two never deadlock.
      await lockAcceptedContracts(tx, contract.areaId, 'PRELIMINARY');
      // Under the area's lock, as a filing's term check: a successor filed meanwhile is seen or sees this.
      await lockAreaContracts(tx, contract.areaId);
      // Those signed and filed but not yet accepted too: the owners decided when they signed (art. 948).
      const area = await contractsBindingIn(tx, contract.areaId);
      const continuedFrom = continuationStart(contract, area.map(asExistingContract), today, identity.organisationId);
      contract.continuedFrom = continuedFrom;
      for (const filing of await filingsOfContractIn(tx, contract.id, ['ACCEPTED'])) {
        filing.status = nextFilingStatus(filing.status, 'CONTINUE');
        filing.continuedFrom = continuedFrom;
        recordTransition(tx, filing, {
          action: 'CONTINUE',
          actor: identity,
          via: 'API',
          note: { continuedFrom },
          terms: await currentTerms(tx, filing),
        });
      }
      // Civil Code art. 940: a developer's preliminary contract accepted before the continuation was recorded (to
      // start after the term) ends now the owners' contract is in force over it, as one accepted after it does at its
      // acceptance (review-filing.ts): before, both served from its start, and arrears billed the households twice.
      // Read again under the area's lock, which an acceptance takes too: one accepted meanwhile is among them.
      if (contract.kind === 'REGULAR')
        for (const preliminary of await lockAcceptedContracts(tx, contract.areaId, 'PRELIMINARY'))
          await endIfRegularContractInForce(tx, preliminary, identity, 'API');
      return contract;
    }),
  );
}
