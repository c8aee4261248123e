import { retryAfterLostRace } from '../../../platform/db/sql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { compareDates } from '../../../kernel/calendar';
import { ForbiddenError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { nextContractStatus } from '../domain/contract';
import { preliminaryContractsEndedBy, validateContractTerm } from '../domain/contract-overlap';
import { asExistingContract } from '../domain/contract-terms';
import { contractsError } from '../domain/errors';
import {
  Channel,
  ReturnReason,
  ReviewOutcome,
  filingRecordNumber,
  judgeReviewDecision,
  nextFilingStatus,
  validateReturnReasons,
} from '../domain/filing';
import { mayDecideFiling, mayReviewFiling } from '../domain/filing-reviewers';
import { findAreaView } from '../persistence/area-view.repository';
import { Contract } from '../persistence/contract.entity';
import {
  lockAcceptedContracts,
  findContract,
  lockAreaContracts,
  otherContractsOfArea,
} from '../persistence/contract.repository';
import { Filing } from '../persistence/filing.entity';
import { findFiling, findVersion, nextRecordNumberSequence } from '../persistence/filing.repository';
import { citySettingsOf } from './city-settings-of-area';
import { recordTransition } from './filing-transitions';
import { endIfRegularContractInForce, supersedeContract, supersedeFiling } from './preliminary-contract-ending';
import { issueFilingCertificate } from './issue-filing-certificate';
import { recordFilingCreditEntry } from './filing-credit-entry.record';

export interface ReviewInput {
  filingId: string;
  version: number;
  outcome: ReviewOutcome;
  returnReasons?: ReturnReason[] | null;
}

/**
 * Accepts or returns a filing version. The same code serves reviewers in the API and bureau systems on the inbound
 * topic: the decision is judged against the filing as it stands (see judgeReviewDecision), so a retry changes
 * nothing and a decision on an old version is refused as STALE_REVIEW.
 */
export async function reviewFiling(
  em: EntityManager,
  reviewer: Identity,
  input: ReviewInput,
  via: Channel = 'API',
): Promise<Filing> {
  const reasons = input.outcome === 'RETURN' ? validateReturnReasons(input.returnReasons) : [];
  // The loser of a deadlock with a contract's termination (terminate-contract.ts) runs again.
  return retryAfterLostRace(() =>
    em.transactional(async (tx) => {
      const filing = await findFiling(tx, input.filingId, { lock: true });
      const area = filing && (await findAreaView(tx, filing.areaId));
      if (!filing || !area || !mayReviewFiling(reviewer, area)) {
        // By Kafka the review system is told of its refusal (its reply topic): the same answer whether the filing
        // exists outside its jurisdiction or not at all, so the answer says nothing of other districts' filings.
        if (via === 'KAFKA')
          throw contractsError(
            'UNAUTHORISED_REVIEWER',
            `${reviewer.organisationId} reviews no filing ${input.filingId.slice(0, 64)} in its jurisdiction`,
          );
        throw new NotFoundError('Filing', input.filingId);
      }
      const city = await citySettingsOf(tx, area);
      if (!mayDecideFiling(reviewer, area, city)) {
        const message =
          reviewer.role === 'ADMIN'
            ? `Filings are decided by the authorities they are filed with (${city.filingAuthority}), not by the hub's admin`
            : `In ${city.cityName} filings are decided by the ${city.filingReviewerRole} (city settings), not by a ${reviewer.role}`;
        if (via === 'KAFKA') throw contractsError('UNAUTHORISED_REVIEWER', message);
        throw new ForbiddenError(message);
      }
      const version = await findVersion(tx, filing.id, input.version);
      const judgement = judgeReviewDecision(filing, input, version);
      if (judgement === 'ALREADY_APPLIED') return filing;
      if (judgement === 'STALE' || !version) {
        throw contractsError(
          'STALE_REVIEW',
          `The decision is on version ${input.version}, but the filing is ${filing.status.toLowerCase()} at version ${filing.currentVersion}`,
          {
            status: filing.status,
            currentVersion: filing.currentVersion,
          },
        );
      }
      Object.assign(version, {
        outcome: input.outcome,
        reviewedAt: new Date(),
        reviewedBy: reviewer.organisationId,
        reviewerRole: reviewer.role,
        reviewVia: via,
        returnReasons: reasons,
      });
      const contract = await findContract(tx, filing.contractId, { lock: true });
      if (!contract) throw new Error(`Contract ${filing.contractId} of filing ${filing.id} is missing`);
      const terms = version.terms;
      if (input.outcome === 'RETURN') {
        filing.status = nextFilingStatus(filing.status, 'RETURN');
        if (filing.kind === 'INITIAL') contract.status = nextContractStatus(contract.status, 'RETURN');
        recordTransition(tx, filing, {
          action: 'RETURN',
          actor: reviewer,
          via,
          note: { reasons },
          terms,
          returnReasons: reasons,
        });
        // No credit entry: a filing returned for correction is the review working, not conduct a provision attaches
        // a consequence to (filing-credit-entry.record.ts; before, a RETURNED_FILING entry was recorded here).
        return filing;
      }
      if (filing.kind === 'AMENDMENT') {
        // The amendment's term against the area's other contracts as they stand now, under the area's lock: its
        // terms reach the contract only now, so a contract filed meanwhile for its new months passed its own check
        // against the old term (before, both were accepted: two regular contracts over the same days). A regular
        // contract's acceptance locks the preliminary contracts it may end (endPreliminaryContracts) before the area,
        // in the order an amendment of one takes them (its contract, then the area), so the two never deadlock.
        if (terms.kind === 'REGULAR') await lockAcceptedContracts(tx, contract.areaId, 'PRELIMINARY');
        await lockAreaContracts(tx, contract.areaId);
        const others = await otherContractsOfArea(tx, contract.areaId, contract.id);
        validateContractTerm(
          { kind: terms.kind, startsOn: terms.startsOn, endsOn: terms.endsOn },
          others.map(asExistingContract),
          city,
        );
      }
      const today = todayInChina();
      if (filing.kind === 'AMENDMENT' && contract.continuedFrom) {
        // A contract continuing after its term (Civil Code art. 948) goes on under the amended terms when they keep
        // the term; an amendment fixing a term that runs past the continuation's first day ends the unfixed term.
        if (compareDates(terms.endsOn, contract.continuedFrom) < 0) filing.continuedFrom = contract.continuedFrom;
        else contract.continuedFrom = null;
      }
      filing.status = nextFilingStatus(filing.status, 'ACCEPT');
      filing.acceptedOn = today;
      filing.recordNumber = await nextRecordNumber(tx, area.districtCode, today);
      recordTransition(tx, filing, {
        action: 'ACCEPT',
        actor: reviewer,
        via,
        note: { recordNumber: filing.recordNumber },
        terms,
      });
      if (filing.kind === 'AMENDMENT' && filing.amendsFilingId) {
        const amended = await findFiling(tx, filing.amendsFilingId, { lock: true });
        if (!amended) throw new Error(`Filing ${filing.amendsFilingId} amended by ${filing.id} is missing`);
        await supersedeFiling(tx, amended, filing.id, reviewer, via);
        Object.assign(contract, { terms, number: terms.number, startsOn: terms.startsOn, endsOn: terms.endsOn });
      }
      await issueFilingCertificate(tx, filing, terms, area, city);
      contract.status = nextContractStatus(
        contract.status,
        filing.kind === 'AMENDMENT' ? 'ACCEPT_AMENDMENT' : 'ACCEPT',
      );
      if (filing.late) await recordFilingCreditEntry(tx, filing, input.version, 'LATE_FILING', reviewer, today);
      if (contract.kind === 'REGULAR') await endPreliminaryContracts(tx, contract, filing.id, reviewer, via);
      else {
        // Under the area's lock, as a continuation's record (record-continued-service.ts): a regular contract's
        // continuation recorded meanwhile is seen, or sees this contract accepted and ends it (before, an initial
        // filing's acceptance took no lock, and both stayed in force).
        await lockAreaContracts(tx, contract.areaId);
        await endIfRegularContractInForce(tx, contract, reviewer, via, [filing]);
      }
      return filing;
    }),
  );
}

async function nextRecordNumber(em: EntityManager, districtCode: string, acceptedOn: string): Promise<string> {
  const year = Number(acceptedOn.slice(0, 4));
  return filingRecordNumber(districtCode, year, await nextRecordNumberSequence(em, districtCode, year));
}

/** Civil Code art. 940: a regular contract taking effect ends the area's preliminary contract. */
async function endPreliminaryContracts(
  em: EntityManager,
  regular: Contract,
  byFilingId: string,
  actor: Identity,
  via: Channel,
): Promise<void> {
  const preliminary = await lockAcceptedContracts(em, regular.areaId, 'PRELIMINARY');
  const ended = new Set(
    preliminaryContractsEndedBy(preliminary.map(asExistingContract), {
      id: regular.id,
      kind: 'REGULAR',
      startsOn: regular.startsOn,
      endsOn: regular.endsOn,
    }).map((c) => c.id),
  );
  for (const contract of preliminary.filter((c) => ended.has(c.id)))
    await supersedeContract(em, contract, byFilingId, actor, via);
}
