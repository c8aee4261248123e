import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { Identity } from '../../../kernel/identity';
import { retryAfterLostRace } from '../../../platform/db/sql';
import { asExistingContract } from '../domain/contract-terms';
import { continuationStart } from '../domain/continued-service';
import { nextFilingStatus } from '../domain/filing';
import { Contract } from '../persistence/contract.entity';
import { contractsBindingIn, lockAreaContracts } from '../persistence/contract.repository';
import { filingsOfContractIn } from '../persistence/filing.repository';
import { ownContract } from './contract.lookup';
import { currentTerms, recordTransition } from './filing-transitions';

/**
 * The company records that it goes on serving under its contract after the term, with no renewal or other provider
 * decided by the owners: the contract continues for an unfixed term from the day after `endsOn` (Civil Code art. 948;
 * continued-service.ts continuationStart says when it may). Its filing in force carries the day on the feed
 * (hub.contracts.filing.continued), so arrears bills, litigation claims and areas and complaints count it serving
 * past the term until its termination or the day before the area's next contract starts. Only the contract's own
 * company (NOT_FOUND to anyone else); recorded again, it returns the contract as it is.
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
      return contract;
    }),
  );
}
