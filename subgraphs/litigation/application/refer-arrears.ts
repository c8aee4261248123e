import { litigationError } from '../domain/errors';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BEFORE_COURT_ACCOUNT_STATUSES, CONCLUDED_ACCOUNT_STATUSES, REFERRAL_SUBMITTED } from '../../../catalog';
import { compareDates, isIsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { keyReusedFor, transactionOnce } from '../../../platform/db/idempotency';
import { recordEvent } from '../../../platform/events/outbox';
import { EvidenceItem, firstPackage } from '../domain/case-package';
import { CostLine, isCourtCosts } from '../domain/claim';
import { Eligibility, governingContract, referralEligibility } from '../domain/eligibility';
import { settingsCovering } from '../../../kernel/city-code';
import { cityProvinces } from '../persistence/city-province.repository';
import {
  NewReferral,
  StoredClaim,
  SubmittedReferral,
  casePackageContent,
  contractDemandPeriod,
  referralFacts,
  validateCosts,
  validateEvidence,
} from '../domain/referral';
import {
  COURT_TERRITORY_SOURCE,
  DEFAULT_DEMAND_PERIOD,
  DemandPeriod,
  SMALL_CLAIMS_EXCLUSION_NAMES,
  SmallClaimsExclusion,
  demandPeriodOf,
} from '../domain/statutes';
import { demandPeriodDaysFromEnv } from '../../../platform/config';
import { LITIGATION_EVENT_SOURCE, referralSubmitted } from '../events/publish/referral-events';
import { companyClaims } from '../persistence/claim-account.repository';
import { findCourt } from '../persistence/court.repository';
import { outsideTerritory } from '../domain/court';
import { companyFilings } from '../persistence/filing-snapshot.repository';
import { hiringDecisionsNamed } from './hiring-decisions.lookup';
import {
  accountsInOpenCases,
  accountsWithRecentCaseMoves,
  decidedMonths,
  insertReferral,
} from '../persistence/referral.repository';
import { lockBatchesOf } from '../persistence/batch.repository';
import { regroup } from './batches.regroup';
import { storePackage } from './case-package.store';
import { serviceComplaints } from './service-complaints.lookup';
import { procedureProposer } from './procedure-proposal';

export interface ReferralInput {
  courtId: string;
  accountIds: string[];
  evidence: EvidenceItem[];
  /** The case's costs: with one account only (each case has its own). */
  costs?: CostLine[] | null;
  /** Both parties agree to the small-claims procedure above the threshold (up to 200%, art. 165): one account only. */
  bothPartiesConsent?: boolean | null;
  /** The art. 166 exclusions, stated for each account referred. */
  exclusions?: string[] | null;
  /** The date a party expressly declined mediation, when no session was held: stated for each account referred. */
  mediationWaivedOn?: string | null;
  /** Ask for the late fee on until the day paid (至实际清偿之日止), for each account referred. */
  lateFeeUntilPaid?: boolean | null;
  /** The contract sued under: months billed under another are left out (eligibility.ts OTHER_CONTRACT). */
  contractId?: string | null;
  /** The client's id of this referral: a retry with it returns the first attempt's results. */
  idempotencyKey?: string | null;
}

export interface ReferralResult {
  referralId: string;
  accountId: string;
  eligibility: Eligibility;
}

const MAX_ACCOUNTS = 200;

/**
 * The hub's reasonable period after a demand, for claims whose contract and city state none: HUB_DEMAND_PERIOD_DAYS
 * when set, else the hub's stated default. Read once when the subgraph loads, so a bad setting stops the start, not a
 * referral.
 */
const HUB_DEMAND_PERIOD: DemandPeriod = (() => {
  const days = demandPeriodDaysFromEnv();
  return days === undefined
    ? DEFAULT_DEMAND_PERIOD
    : {
        days,
        source:
          "the hub operator's setting HUB_DEMAND_PERIOD_DAYS (Civil Code art. 944 para. 2 fixes no number of days)",
        setBy: 'HUB_DEFAULT',
      };
})();

function checkInput(
  input: ReferralInput,
  today: string,
): { evidence: EvidenceItem[]; exclusions: SmallClaimsExclusion[] } {
  const fields: Record<string, string> = {};
  const ids = input.accountIds ?? [];
  if (ids.length === 0 || ids.length > MAX_ACCOUNTS) fields.accountIds = `1–${MAX_ACCOUNTS} accounts`;
  else if (new Set(ids).size !== ids.length) fields.accountIds = 'each account once';
  if (
    input.mediationWaivedOn !== null &&
    input.mediationWaivedOn !== undefined &&
    (!isIsoDate(input.mediationWaivedOn) || compareDates(input.mediationWaivedOn, today) > 0)
  ) {
    fields.mediationWaivedOn = `a YYYY-MM-DD date, not after today (${today})`;
  }
  const exclusions = input.exclusions ?? [];
  const known = (e: string): e is SmallClaimsExclusion =>
    (SMALL_CLAIMS_EXCLUSION_NAMES as readonly string[]).includes(e);
  // Each once: checked again for every account referred (up to 200), repeats were as many as the body held (70,000).
  if (!exclusions.every(known) || new Set(exclusions).size !== exclusions.length)
    fields.exclusions = `one of ${SMALL_CLAIMS_EXCLUSION_NAMES.join(', ')}, each once`;
  Object.assign(fields, validateCosts(input.costs ?? []));
  // What only one owner can state, or only one case carries, is not said once for several: each owner's consent to
  // small claims (one instance, no appeal: Civil Procedure Law art. 165 para. 2) is that owner's, and costs are each
  // case's (before, one owner's consent was applied to every account of the request, and a ¥3,000 cost entered once
  // was claimed in each of its complaints). Such an account is referred alone; the batches still group it.
  if (ids.length > 1) {
    if (input.bothPartiesConsent === true)
      fields.bothPartiesConsent = "each owner's own consent (art. 165): refer an account whose owner agreed alone";
    if ((input.costs ?? []).length > 0) fields.costs ??= "each case's own costs: refer an account with its costs alone";
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The referral is invalid', { fields });
  return { evidence: validateEvidence(input.evidence ?? []), exclusions: exclusions.filter(known) };
}

/**
 * How long after a case's last move here a referral waits for arrears to record it (it takes seconds; the window
 * covers a consumer's restart or a broker's short outage).
 */
export const CASE_END_RECORDING_SECONDS = 600;

/**
 * Refers arrears accounts of the caller's company to a court, all or nothing. Each account is judged on its own
 * (referral-facts → eligibility.ts): an ineligible one is recorded with every failed condition by name and sent
 * nowhere; an eligible one gets its case package (version 1, in the evidence chain), its procedure, a place in the
 * consolidated batch of its court, company, area and contract, and the referral.submitted event. Its procedure is
 * judged on the threshold of the province its area's city settings name (whatever province the court registered). With an idempotency
 * key a retry returns the first attempt's results; two referrals of one account racing: the second is ALREADY_REFERRED.
 */
export async function referArrears(
  em: EntityManager,
  identity: Identity,
  input: ReferralInput,
): Promise<ReferralResult[]> {
  if (identity.role !== 'PROPERTY_COMPANY')
    throw new ForbiddenError('Only a property service company refers its arrears to court');
  const companyId = identity.organisationId;
  const today = todayInChina();
  const { evidence, exclusions } = checkInput(input, today);
  const optionalKey = {
    scope: 'referral',
    ownerId: companyId,
    key: input.idempotencyKey,
    content: () => referralRequest(input, evidence, exclusions),
    reused: keyReusedFor(litigationError, 'referral'),
  };
  return transactionOnce(em, optionalKey, async (tx) => {
    const court = await findCourt(tx, input.courtId);
    if (!court) throw new NotFoundError('Court', input.courtId);
    // The batches regrouped at the end are this court's and company's: locked first, as every change to them is.
    await lockBatchesOf(tx, input.courtId, companyId);
    const claims = await companyClaims(tx, companyId, input.accountIds);
    const missing = input.accountIds.filter((id) => !claims.has(id));
    if (missing.length > 0) throw new NotFoundError('Arrears account', missing.join(', '));
    const open = await accountsInOpenCases(tx, input.accountIds);
    if (open.length > 0)
      throw litigationError('ALREADY_REFERRED', 'These accounts are already before a court', { accountIds: open });
    const outside = outsideTerritory(
      court,
      input.accountIds.map((accountId) => ({ accountId, districtCode: claims.get(accountId)!.districtCode })),
    );
    if (outside)
      throw litigationError('OUTSIDE_COURT_TERRITORY', `Court ${court.courtId} does not hear these areas' cases`, {
        ...outside,
        courtDistrictCodes: court.districtCodes,
        source: COURT_TERRITORY_SOURCE,
      });
    // No case of these accounts is pending here, yet arrears still has them before a court, and their case moved a
    // moment ago: a judgment or settlement that has not reached arrears and come back in the claim. Referred now, the
    // new case's submission could overtake that report in arrears, which then dropped the judgment as a report of a
    // case no longer followed. Past the window it is no lag (a case the court closed without a step that moves the
    // account leaves it before a court for good), and the new case's submission takes the account over.
    const beforeCourt = input.accountIds.filter((id) => BEFORE_COURT_ACCOUNT_STATUSES.has(claims.get(id)!.status));
    const catchingUp =
      beforeCourt.length > 0 ? await accountsWithRecentCaseMoves(tx, beforeCourt, CASE_END_RECORDING_SECONDS) : [];
    if (catchingUp.length > 0)
      throw litigationError(
        'CASE_END_NOT_YET_RECORDED',
        'The last case of these accounts has ended, but arrears has not recorded its end yet: ask again shortly',
        { accountIds: catchingUp },
      );
    const concluded = input.accountIds.filter((id) => CONCLUDED_ACCOUNT_STATUSES.has(claims.get(id)!.status));
    if (concluded.length > 0)
      throw litigationError(
        'CASE_CONCLUDED',
        'These accounts were judged, settled or written off: open a new case (arrears IN_COLLECTION) to refer what it did not decide',
        {
          accountIds: concluded,
        },
      );
    const decided = await decidedMonths(tx, input.accountIds);
    const filings = await companyFilings(tx, companyId, [...new Set([...claims.values()].map((c) => c.areaId))]);
    // The owners' decisions hiring the company that the filings name, for the complaints (referral.ts).
    const hiringDecisions = await hiringDecisionsNamed(tx, filings);
    // A contract the company sues under is one of its own filed in these areas.
    if (input.contractId && !filings.some((f) => f.contractId === input.contractId && f.recordNumber !== null))
      throw new NotFoundError('Contract', input.contractId);
    // The threshold of the province the area's city settings name (contracts.city-settings.v1), not the court's.
    const cities = await cityProvinces(tx);
    const propose = procedureProposer(tx, today, cities);
    const question = { bothPartiesConsent: input.bothPartiesConsent ?? false, exclusions };

    const results: ReferralResult[] = [];
    for (const accountId of input.accountIds) {
      const claim = claims.get(accountId)!;
      const areaFilings = filings.filter((f) => f.areaId === claim.areaId);
      const city = settingsCovering(claim.districtCode, cities);
      const facts = referralFacts(
        claim,
        areaFilings,
        today,
        input.mediationWaivedOn ?? null,
        HUB_DEMAND_PERIOD,
        decided.get(accountId) ?? [],
        input.contractId ?? null,
      );
      // The reasonable period is the one of the contract the months were billed under (art. 944 para. 2).
      const governing = governingContract(facts.charges, input.contractId ?? null);
      const demandPeriod = demandPeriodOf(
        contractDemandPeriod(governing ? areaFilings.filter((f) => f.contractId === governing) : areaFilings),
        city?.demandPeriod ? { cityName: city.cityName, ...city.demandPeriod } : null,
        HUB_DEMAND_PERIOD,
      );
      const eligibility = referralEligibility({ ...facts, demandPeriod });
      const referral = newReferral(identity, input.courtId, accountId, claim, eligibility, today);
      results.push({ referralId: referral.id, accountId, eligibility });
      if (!eligibility.eligible) {
        await insertReferral(tx, referral);
        continue;
      }
      const {
        content,
        claims: complaint,
        filing,
        chargeIds,
      } = casePackageContent({
        referralId: referral.id,
        claim,
        claimableMonths: eligibility.claimableCharges.map((c) => c.month),
        contractId: input.contractId ?? null,
        filings: areaFilings,
        evidence,
        costs: input.costs ?? [],
        lateFeeUntilPaid: input.lateFeeUntilPaid ?? false,
        hiringDecisions,
      });
      const { procedure, reasons } = await propose(claim.districtCode, complaint.amountInDisputeFen, question);
      const submitted: SubmittedReferral = {
        ...referral,
        status: 'SUBMITTED',
        contractId: filing.contractId,
        procedure,
        procedureReasons: reasons,
        smallClaimsQuestion: question,
        amountInDisputeFen: complaint.amountInDisputeFen,
        grandTotalFen: complaint.grandTotalFen,
      };
      await insertReferral(tx, submitted);
      const pkg = firstPackage({
        ...content,
        serviceComplaints: await serviceComplaints(tx, accountId, companyId, today),
      });
      const digest = await storePackage(tx, pkg);
      recordEvent(tx, REFERRAL_SUBMITTED, {
        source: LITIGATION_EVENT_SOURCE,
        key: submitted.id,
        subject: submitted.id,
        data: referralSubmitted(submitted, { version: pkg.version, digest }, chargeIds, claim.ownerReference),
      });
    }
    await regroup(tx, input.courtId, companyId);
    return results;
  });
}

/** What a referral asks, defaults filled in: a retry under its key must ask the same. */
const referralRequest = (input: ReferralInput, evidence: EvidenceItem[], exclusions: SmallClaimsExclusion[]) => ({
  courtId: input.courtId,
  accountIds: input.accountIds,
  evidence,
  // A court cost as before costs had a kind (all were stated as court costs): a request made before, resent with
  // kind COURT_COSTS (now required), matches its key.
  costs: (input.costs ?? []).map((c) => ({
    label: c.label,
    amountFen: c.amountFen,
    ...(isCourtCosts(c) ? {} : { kind: c.kind }),
  })),
  bothPartiesConsent: input.bothPartiesConsent ?? false,
  exclusions,
  mediationWaivedOn: input.mediationWaivedOn ?? null,
  // Only when named, so a retry of a request sent before the field existed still matches its key.
  ...(input.contractId ? { contractId: input.contractId } : {}),
  ...(input.lateFeeUntilPaid ? { lateFeeUntilPaid: true } : {}),
});

/** The referral as recorded for an account before it is judged sendable: ineligible, nothing claimed. */
function newReferral(
  identity: Identity,
  courtId: string,
  accountId: string,
  claim: StoredClaim,
  eligibility: Eligibility,
  today: string,
): NewReferral {
  return {
    id: randomUUID(),
    companyId: identity.organisationId,
    courtId,
    accountId,
    householdId: claim.householdId,
    areaId: claim.areaId,
    areaName: claim.areaName,
    streetCode: claim.streetCode,
    districtCode: claim.districtCode,
    contractId: null,
    eligible: eligibility.eligible,
    eligibility,
    status: null,
    procedure: null,
    procedureReasons: [],
    smallClaimsQuestion: null,
    amountInDisputeFen: 0,
    grandTotalFen: 0,
    submittedOn: today,
    submittedBy: identity.subject,
  };
}
