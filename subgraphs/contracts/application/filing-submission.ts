import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '../../../kernel/calendar';
import { Identity } from '../../../kernel/identity';
import { runOnce } from '../../../platform/db/idempotency';
import { retryAfterLostRace } from '../../../platform/db/sql';
import { ContractTerms, asExistingContract, validateContractTerms } from '../domain/contract-terms';
import { FeeScheduleFlag } from '../domain/fee-schedule';
import { FilingAssessment } from '../domain/filing-deadline';
import {
  FilingDocument,
  FilingKind,
  canonicalDigest,
  checkIdempotentRetry,
  validateDocuments,
  validateIdempotencyKey,
} from '../domain/filing';
import { CitySettings } from '../domain/statutes';
import { AreaView } from '../persistence/area-view.entity';
import { Contract } from '../persistence/contract.entity';
import { lockAreaContracts, otherContractsOfArea } from '../persistence/contract.repository';
import { Filing } from '../persistence/filing.entity';
import { findFiling, insertFiling, insertVersion } from '../persistence/filing.repository';
import { citySettingsOf } from './city-settings-of-area';
import { knownArea } from './contract.lookup';

/** What the submission use cases (submit, resubmit, amend) share: idempotency, the terms check, the new version. */

export interface DocumentsInput {
  idempotencyKey: string;
  documents: FilingDocument[];
}

/** The idempotency key and the documents, checked before anything is read. */
export function checkedSubmission(input: DocumentsInput): { key: string; documents: FilingDocument[] } {
  return { key: validateIdempotencyKey(input.idempotencyKey), documents: validateDocuments(input.documents) };
}

/**
 * Runs a submission once per idempotency key of the company (platform/db/idempotency.ts): the key is claimed in the
 * submission's transaction, so a retry, even one racing the first attempt, returns the filing the first created, and
 * the same key with another request is IDEMPOTENCY_KEY_REUSED.
 */
export async function idempotent(
  em: EntityManager,
  companyId: string,
  key: string,
  digest: string,
  submit: (tx: EntityManager) => Promise<Filing>,
): Promise<Filing> {
  const request = { scope: 'filing', ownerId: companyId, key, digest };
  // Two submissions of one contract under different keys at once: the second, run again, finds the contract filed.
  const filingId = await retryAfterLostRace(() =>
    runOnce(
      em,
      request,
      (earlier) => checkIdempotentRetry(earlier, digest, key),
      async (tx) => (await submit(tx)).id,
    ),
  );
  const filing = await findFiling(em, filingId);
  if (!filing) throw new Error(`Filing ${filingId} of an idempotent submission is missing`);
  return filing;
}

/**
 * Checks the terms against the area and its other contracts, with the area's filings serialised, and returns the
 * area, its city's settings (CITY_NOT_CONFIGURED when none) and the fee flags reviewers should see; BAD_USER_INPUT with every problem when the terms cannot be filed.
 */
export async function checkTermsForFiling(
  em: EntityManager,
  contract: Contract,
  terms: ContractTerms,
): Promise<{ area: AreaView; settings: CitySettings; feeFlags: FeeScheduleFlag[] }> {
  await lockAreaContracts(em, contract.areaId);
  const area = await knownArea(em, contract.areaId);
  const settings = await citySettingsOf(em, area);
  const others = await otherContractsOfArea(em, area.areaId, contract.id);
  const feeFlags = validateContractTerms(
    terms,
    { totalFloorAreaCentiM2: area.totalFloorAreaCentiM2, buildingClasses: area.buildingClasses },
    others.map(asExistingContract),
    settings,
  );
  return { area, settings, feeFlags };
}

/** A new filing of the contract, at version 1 and before its first transition, its deadline assessed. */
export function openFiling(
  em: EntityManager,
  contract: Contract,
  opening: {
    companyId: string;
    kind: FilingKind;
    amendsFilingId?: string;
    deadlineFrom: IsoDate;
    submittedOn: IsoDate;
    assessment: FilingAssessment;
  },
): Filing {
  const { assessment } = opening;
  return insertFiling(em, {
    id: randomUUID(),
    contractId: contract.id,
    areaId: contract.areaId,
    streetCode: contract.streetCode,
    districtCode: contract.districtCode,
    companyId: opening.companyId,
    kind: opening.kind,
    amendsFilingId: opening.amendsFilingId,
    status: 'SUBMITTED',
    currentVersion: 1,
    sequence: 0,
    deadlineFrom: opening.deadlineFrom,
    submittedOn: opening.submittedOn,
    deadline: assessment.deadline,
    late: assessment.late,
    daysLate: assessment.daysLate,
    lateConsequence: assessment.consequence,
  });
}

/** Records the filing's current version: the terms as submitted, their digest, the documents, the fee flags. */
export function addVersion(
  em: EntityManager,
  filing: Filing,
  args: {
    identity: Identity;
    key: string;
    digest: string;
    submittedOn: IsoDate;
    terms: ContractTerms;
    feeFlags: FeeScheduleFlag[];
    documents: FilingDocument[];
  },
): void {
  insertVersion(em, {
    id: randomUUID(),
    filingId: filing.id,
    version: filing.currentVersion,
    companyId: filing.companyId,
    idempotencyKey: args.key,
    requestDigest: args.digest,
    submittedOn: args.submittedOn,
    submittedBy: args.identity.subject,
    terms: args.terms,
    termsSha256: canonicalDigest(args.terms),
    feeFlags: args.feeFlags,
    documents: args.documents,
    returnReasons: [],
  });
}
