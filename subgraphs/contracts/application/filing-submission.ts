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
import { FilingDocumentFile, checkFilingTotal } from '../domain/filing-document-file';
import { checkMaterials } from '../domain/materials';
import { attachDocuments, documentsOfContracts } from '../persistence/filing-document.repository';
import { knownArea } from './contract.lookup';
import { findJointDecisionCopy } from '../../../platform/read-models/joint-decisions';

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
  // The hiring decision named; another area's is as if not recorded (domain/selection.ts hiringDecisionProblems).
  const named = terms.hiringDecisionId ? await findJointDecisionCopy(em, 'contracts', terms.hiringDecisionId) : null;
  const feeFlags = validateContractTerms(
    terms,
    {
      areaId: area.areaId,
      totalFloorAreaCentiM2: area.totalFloorAreaCentiM2,
      buildingClasses: area.buildingClasses,
      hiringDecision: named,
    },
    others.map(asExistingContract),
    settings,
    // The company filing sees its own conflicting contracts by id, other providers' counted.
    contract.companyId,
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

/**
 * The documents the version carries: each listed one (the uploaded file with the same SHA-256 where the contract
 * has one), then every uploaded file waiting for a submission or carried by this filing already. Refused when the
 * city's materials checklist finds a required item missing (with the items named) or the total passes 100 MiB.
 * The uploaded files are attached to the filing.
 */
async function versionDocuments(
  tx: EntityManager,
  filing: Filing,
  terms: ContractTerms,
  settings: CitySettings,
  listed: FilingDocument[],
): Promise<FilingDocument[]> {
  const uploaded = await documentsOfContracts(tx, [filing.contractId]);
  const bySha = new Map(uploaded.map((d) => [d.sha256, d]));
  const entry = (d: FilingDocumentFile): FilingDocument => ({
    documentId: d.id,
    name: d.name,
    type: d.type,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
  });
  const documents: FilingDocument[] = listed.map((d) => {
    const file = bySha.get(d.sha256);
    return file ? { ...entry(file), name: d.name, type: d.type } : d;
  });
  const named = new Set(documents.map((d) => d.sha256));
  for (const d of uploaded)
    if ((d.filingId === null || d.filingId === filing.id) && !named.has(d.sha256)) documents.push(entry(d));
  checkMaterials(settings.materials, terms, documents);
  checkFilingTotal(
    0,
    documents.reduce((s, d) => s + d.sizeBytes, 0),
    0,
    documents.length,
  );
  await attachDocuments(
    tx,
    filing.id,
    documents.flatMap((d) => (d.documentId ? [d.documentId] : [])),
  );
  return documents;
}

/** Records the filing's current version: the terms as submitted, their digest, the documents, the fee flags. */
export async function addVersion(
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
    settings: CitySettings;
  },
): Promise<void> {
  const documents = await versionDocuments(em, filing, args.terms, args.settings, args.documents);
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
    documents,
    returnReasons: [],
  });
}
