import { hiringDecisionsNamed } from './hiring-decisions.lookup';
import { litigationError } from '../domain/errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import { InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { mayActForPlaintiff } from '../domain/access';
import { EvidenceItem, nextPackage } from '../domain/case-package';
import { CostLine } from '../domain/claim';
import {
  casePackageContent,
  isSent,
  ownerChangedSinceReferral,
  validateCosts,
  validateEvidence,
} from '../domain/referral';
import { latestPackage, referredOwner } from '../persistence/case-package.repository';
import { companyClaims } from '../persistence/claim-account.repository';
import { companyFilings } from '../persistence/filing-snapshot.repository';
import { lockReferral, procedureQuestionOf, reviseClaim } from '../persistence/referral.repository';
import { cityProvinces } from '../persistence/city-province.repository';
import { questionOfReasons } from '../domain/procedure';
import { procedureProposer } from './procedure-proposal';
import { storePackage } from './case-package.store';
import { serviceComplaints } from './service-complaints.lookup';
import { beforeDocketing } from '../domain/case-status';
import { REFERRAL_PACKAGE_CORRECTED } from '../../../catalog';
import { todayInChina } from '../../../kernel/clock';
import { recordEvent } from '../../../platform/events/outbox';
import { LITIGATION_EVENT_SOURCE, referralPackageCorrected } from '../events/publish/referral-events';

/**
 * A correction of a package the court has not docketed yet: the evidence (and costs) as now listed, from the claim as
 * the hub now knows it, as the next version linked to the previous one by its digest and appended to the chain, and
 * published to the court's feed (hub.litigation.referral.package-corrected). The procedure is proposed again on the
 * amount now claimed, the threshold recorded for today and what the company stated when it referred (before, the
 * proposal made on the first amount stayed: a claim grown past the threshold still went as a small claim).
 */
export async function correctCasePackage(
  em: EntityManager,
  identity: Identity,
  input: { referralId: string; evidence: EvidenceItem[]; costs?: CostLine[] | null },
): Promise<string> {
  const evidence = validateEvidence(input.evidence ?? []);
  const costProblems = validateCosts(input.costs ?? []);
  if (Object.keys(costProblems).length > 0)
    throw new InvalidInputError('The costs are invalid', { fields: costProblems });
  return em.transactional(async (tx) => {
    const referral = await lockReferral(tx, input.referralId);
    if (!referral || !mayActForPlaintiff(identity, referral) || !isSent(referral))
      throw new NotFoundError('Referral', input.referralId);
    if (!beforeDocketing(referral.status)) {
      throw litigationError(
        'PACKAGE_LOCKED',
        `The case is ${referral.status}: the docketed package can no longer be corrected`,
        { status: referral.status },
      );
    }
    const latest = await latestPackage(tx, referral.id);
    const claim = (await companyClaims(tx, referral.companyId, [referral.accountId])).get(referral.accountId);
    if (!latest || !claim) throw new Error(`Referral ${referral.id} has lost its package or its claim`);
    const claimableMonths = referral.eligibility.claimableCharges.map((c) => c.month);
    // The defendant is the owner referred (the first version's): before, a correction after a sale or heirs registered
    // named the new owner for the former owner's months, the demands made on the former owner dropped.
    const changed = ownerChangedSinceReferral((await referredOwner(tx, referral.id)) ?? '', claim, claimableMonths);
    if (changed)
      throw litigationError(
        'OWNER_CHANGED_SINCE_REFERRAL',
        'The claim no longer has the owner referred for the months claimed: withdraw the referral and refer the new owner’s months',
        { referralId: referral.id, ownerChanged: changed.owner, months: changed.months },
      );
    const filings = await companyFilings(tx, referral.companyId, [referral.areaId]);
    const {
      content,
      claims: complaint,
      chargeIds,
    } = casePackageContent({
      referralId: referral.id,
      claim,
      claimableMonths,
      filings,
      hiringDecisions: await hiringDecisionsNamed(tx, filings),
      evidence,
      costs: input.costs ?? [],
      // Drawn up under the contract it was referred under, whatever filing has arrived since.
      contractId: referral.contractId,
      // As the company asked when it referred: a correction changes the evidence and costs, not the claims asked.
      lateFeeUntilPaid: latest.lateFeeUntilPaid === true,
    });
    const today = todayInChina();
    const stored = await procedureQuestionOf(tx, referral.id);
    // A referral made before the question was stored: read from its reasons once, and stored with the new proposal,
    // whose reasons may no longer name an exclusion (an UNDETERMINED one names none) for the next correction to read.
    const question = stored.question ?? questionOfReasons(referral.procedureReasons);
    const proposal = await procedureProposer(tx, today, await cityProvinces(tx))(
      stored.districtCode,
      complaint.amountInDisputeFen,
      question,
    );
    // The claimed months stay those judged eligible; their amounts and the costs are as the claim now stands.
    await reviseClaim(tx, referral.id, complaint, proposal, question);
    // The complaints listed stay those of the window up to the referral, as they stand now.
    const complaints = await serviceComplaints(tx, referral.accountId, referral.companyId, referral.submittedOn);
    const next = nextPackage(latest, { ...content, serviceComplaints: complaints });
    const digest = await storePackage(tx, next);
    // The court learns of the new version on its feed, as of the first: before, a correction was published nowhere,
    // and a court docketing from the submission's digest never knew the package it would get had changed.
    recordEvent(tx, REFERRAL_PACKAGE_CORRECTED, {
      source: LITIGATION_EVENT_SOURCE,
      key: referral.id,
      subject: referral.id,
      data: referralPackageCorrected(
        referral,
        complaint,
        { version: next.version, digest, previousDigest: next.previousDigest! },
        today,
        proposal.procedure,
        chargeIds,
      ),
    });
    return digest;
  });
}
