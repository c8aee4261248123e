import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { compareDates, isIsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { ContractTerms, asExistingContract, normaliseTerms, validateContractTerms } from '../domain/contract-terms';
import { preliminaryContractsEndedBy } from '../domain/contract-overlap';
import { assessFiling } from '../domain/filing-deadline';
import { mayReviewFiling } from '../domain/filing-reviewers';
import {
  FilingAction,
  FilingDocument,
  ReturnReason,
  ReviewOutcome,
  canonicalDigest,
  checkIdempotentRetry,
  filingRecordNumber,
  judgeReviewDecision,
  nextFilingStatus,
  validateDocuments,
  validateIdempotencyKey,
  validateReturnReasons,
} from '../domain/filing';
import { BEIJING, CitySettings } from '../domain/statutes';
import { recordFilingEvent } from '../events/publish/filing-events';
import { AreaView } from '../persistence/area-view.entity';
import { Contract, Filing, FilingTransition, FilingVersion } from '../persistence/contract.entity';


/** Every area in the hub is in Beijing today; a second city brings its settings through the area's city code. */
const settingsFor = (_area: AreaView): CitySettings => BEIJING;

export type Channel = 'API' | 'KAFKA';

function requireCompany(identity: Identity): string {
  if (identity.role !== 'PROPERTY_COMPANY') throw new ForbiddenError('Only a property company drafts, files, amends or terminates its contracts');
  return identity.organisationId;
}

async function areaView(em: EntityManager, areaId: string): Promise<AreaView> {
  const area = await em.findOne(AreaView, { areaId });
  if (!area) throw new NotFoundError('Area', areaId);
  return area;
}

/** The company's own contract; another company's is NOT_FOUND, so its existence is not disclosed. */
async function ownContract(em: EntityManager, identity: Identity, contractId: string, lock = false): Promise<Contract> {
  const companyId = requireCompany(identity);
  const contract = await em.findOne(Contract, { id: contractId }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
  if (!contract || contract.companyId !== companyId) throw new NotFoundError('Contract', contractId);
  return contract;
}

/** Serialises filings of one area, so two providers cannot both slip a regular contract into the same months. */
async function lockArea(em: EntityManager, areaId: string): Promise<void> {
  await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`contracts-area:${areaId}`], 'all', em.getTransactionContext());
}

async function checkTerms(em: EntityManager, area: AreaView, terms: ContractTerms, ownContractId: string) {
  const others = await em.find(Contract, { areaId: area.areaId, id: { $ne: ownContractId } });
  return validateContractTerms(
    terms,
    { totalFloorAreaCentiM2: Number(area.totalFloorAreaCentiM2), buildingClasses: area.buildingClasses as ('LOW_RISE' | 'HIGH_RISE')[] },
    others.map(asExistingContract),
    settingsFor(area),
  );
}

/** Only the admin enters a paper filing received earlier; everyone else files today. */
function submissionDate(identity: Identity, submittedOn: string | undefined | null): string {
  const today = todayInChina();
  if (submittedOn === undefined || submittedOn === null || submittedOn === today) return today;
  if (identity.role !== 'ADMIN') throw new ForbiddenError('Only the admin may enter a filing with an earlier submission date');
  if (!isIsoDate(submittedOn) || compareDates(submittedOn, today) > 0) {
    throw new InvalidInputError('submittedOn must be a date not after today', { fields: { submittedOn: 'YYYY-MM-DD, not in the future' } });
  }
  return submittedOn;
}

function transition(em: EntityManager, filing: Filing, action: FilingAction, actor: Identity, via: Channel, note?: Record<string, unknown>): void {
  filing.sequence += 1;
  em.create(FilingTransition, {
    id: randomUUID(),
    filingId: filing.id,
    sequence: filing.sequence,
    version: filing.currentVersion,
    action,
    status: filing.status,
    at: new Date(),
    actorOrganisationId: actor.organisationId,
    actorRole: actor.role,
    actorSubject: actor.subject,
    via,
    note,
  });
}

function createVersion(
  em: EntityManager,
  filing: Filing,
  args: { identity: Identity; key: string; digest: string; submittedOn: string; terms: ContractTerms; feeFlags: FilingVersion['feeFlags']; documents: FilingDocument[] },
): FilingVersion {
  return em.create(FilingVersion, {
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

/**
 * Runs a submission once per idempotency key. A retry with the same key and request returns the filing the first
 * attempt created, even when two retries race (the unique index lets one insert; the other finds it).
 */
async function idempotent(em: EntityManager, companyId: string, key: string, digest: string, submit: () => Promise<Filing>): Promise<Filing> {
  const previous = async () => {
    const version = await em.fork().findOne(FilingVersion, { companyId, idempotencyKey: key });
    if (!version) return null;
    checkIdempotentRetry(version.requestDigest, digest, key);
    return em.findOneOrFail(Filing, { id: version.filingId });
  };
  const earlier = await previous();
  if (earlier) return earlier;
  try {
    return await submit();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException && String(error.message).includes('filing_version_idempotency_unique')) {
      const raced = await previous();
      if (raced) return raced;
    }
    throw error;
  }
}

export interface DocumentsInput {
  idempotencyKey: string;
  documents: FilingDocument[];
}

export async function draftContract(em: EntityManager, identity: Identity, input: { areaId: string; terms: ContractTerms }): Promise<Contract> {
  const companyId = requireCompany(identity);
  const terms = normaliseTerms(input.terms);
  return em.transactional(async (tx) => {
    const area = await areaView(tx, input.areaId);
    return tx.create(Contract, {
      id: randomUUID(),
      areaId: input.areaId,
      streetCode: area.streetCode,
      districtCode: area.districtCode,
      companyId,
      status: 'DRAFT',
      kind: terms.kind,
      number: terms.number,
      startsOn: terms.startsOn,
      endsOn: terms.endsOn,
      terms,
    });
  });
}

export async function updateContractDraft(em: EntityManager, identity: Identity, input: { contractId: string; terms: ContractTerms }): Promise<Contract> {
  const terms = normaliseTerms(input.terms);
  return em.transactional(async (tx) => {
    const contract = await ownContract(tx, identity, input.contractId, true);
    if (contract.status !== 'DRAFT') throw new DomainError('CONTRACT_NOT_DRAFT', 'Only a draft is edited directly; file an amendment or resubmit the returned filing', { status: contract.status });
    Object.assign(contract, { terms, kind: terms.kind, number: terms.number, startsOn: terms.startsOn, endsOn: terms.endsOn });
    return contract;
  });
}

/** Files a drafted contract: every rule is checked, the deadline assessed, version 1 recorded and published. */
export async function submitFiling(
  em: EntityManager,
  identity: Identity,
  input: DocumentsInput & { contractId: string; submittedOn?: string | null; companyId?: string | null },
): Promise<Filing> {
  const key = validateIdempotencyKey(input.idempotencyKey);
  const documents = validateDocuments(input.documents);
  const submittedOn = submissionDate(identity, input.submittedOn);
  const actor = identity.role === 'ADMIN' ? { ...identity, role: 'PROPERTY_COMPANY' as const, organisationId: input.companyId ?? '' } : identity;
  const companyId = requireCompany(actor);
  const digest = canonicalDigest({ op: 'submit', contractId: input.contractId, documents, submittedOn });
  return idempotent(em, companyId, key, digest, () =>
    em.transactional(async (tx) => {
      const contract = await ownContract(tx, actor, input.contractId, true);
      if (contract.status !== 'DRAFT') throw new DomainError('CONTRACT_ALREADY_FILED', 'The contract has a filing already; amend it or resubmit the returned filing', { status: contract.status });
      await lockArea(tx, contract.areaId);
      const area = await areaView(tx, contract.areaId);
      const feeFlags = await checkTerms(tx, area, contract.terms, contract.id);
      const assessment = assessFiling(contract.terms.signedOn, submittedOn, settingsFor(area));
      const filing = tx.create(Filing, {
        id: randomUUID(),
        contractId: contract.id,
        areaId: contract.areaId,
        streetCode: contract.streetCode,
        districtCode: contract.districtCode,
        companyId,
        kind: 'INITIAL',
        status: 'SUBMITTED',
        currentVersion: 1,
        sequence: 0,
        deadlineFrom: contract.terms.signedOn,
        submittedOn,
        deadline: assessment.deadline,
        late: assessment.late,
        daysLate: assessment.daysLate,
        lateConsequence: assessment.consequence,
      });
      createVersion(tx, filing, { identity, key, digest, submittedOn, terms: contract.terms, feeFlags, documents });
      contract.status = 'SUBMITTED';
      transition(tx, filing, 'SUBMIT', identity, 'API', assessment.late ? { daysLate: assessment.daysLate } : undefined);
      recordFilingEvent(tx, filing, contract.terms, []);
      return filing;
    }),
  );
}

/** A returned filing comes back corrected as its next version, with the deadline still counted from signing. */
export async function resubmitFiling(em: EntityManager, identity: Identity, input: DocumentsInput & { filingId: string; terms: ContractTerms }): Promise<Filing> {
  const companyId = requireCompany(identity);
  const key = validateIdempotencyKey(input.idempotencyKey);
  const documents = validateDocuments(input.documents);
  const terms = normaliseTerms(input.terms);
  const digest = canonicalDigest({ op: 'resubmit', filingId: input.filingId, terms, documents });
  return idempotent(em, companyId, key, digest, () =>
    em.transactional(async (tx) => {
      const filing = await tx.findOne(Filing, { id: input.filingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!filing || filing.companyId !== companyId) throw new NotFoundError('Filing', input.filingId);
      const contract = await ownContract(tx, identity, filing.contractId, true);
      filing.status = nextFilingStatus(filing.status, 'RESUBMIT');
      await lockArea(tx, contract.areaId);
      const area = await areaView(tx, contract.areaId);
      const feeFlags = await checkTerms(tx, area, terms, contract.id);
      if (filing.kind === 'INITIAL') {
        const assessment = assessFiling(terms.signedOn, filing.submittedOn, settingsFor(area));
        Object.assign(filing, { deadlineFrom: terms.signedOn, deadline: assessment.deadline, late: assessment.late, daysLate: assessment.daysLate, lateConsequence: assessment.consequence });
        Object.assign(contract, { status: 'SUBMITTED', terms, kind: terms.kind, number: terms.number, startsOn: terms.startsOn, endsOn: terms.endsOn });
      }
      filing.currentVersion += 1;
      createVersion(tx, filing, { identity, key, digest, submittedOn: todayInChina(), terms, feeFlags, documents });
      transition(tx, filing, 'RESUBMIT', identity, 'API');
      recordFilingEvent(tx, filing, terms, []);
      return filing;
    }),
  );
}

/**
 * Files an amendment of a contract in force (art. 63: within 15 days of amending). The contract keeps its accepted
 * terms until the amendment is accepted.
 */
export async function amendContract(
  em: EntityManager,
  identity: Identity,
  input: DocumentsInput & { contractId: string; amendedOn: string; terms: ContractTerms },
): Promise<Filing> {
  const companyId = requireCompany(identity);
  const key = validateIdempotencyKey(input.idempotencyKey);
  const documents = validateDocuments(input.documents);
  const terms = normaliseTerms(input.terms);
  if (!isIsoDate(input.amendedOn)) throw new InvalidInputError('amendedOn must be a YYYY-MM-DD date', { fields: { amendedOn: 'not a date' } });
  const submittedOn = todayInChina();
  const digest = canonicalDigest({ op: 'amend', contractId: input.contractId, amendedOn: input.amendedOn, terms, documents });
  return idempotent(em, companyId, key, digest, () =>
    em.transactional(async (tx) => {
      const contract = await ownContract(tx, identity, input.contractId, true);
      const inForce = await tx.findOne(Filing, { contractId: contract.id, status: 'ACCEPTED' });
      if (contract.status !== 'ACCEPTED' || !inForce) throw new DomainError('CONTRACT_NOT_IN_FORCE', 'Only a contract whose filing was accepted can be amended', { status: contract.status });
      if (await tx.count(Filing, { contractId: contract.id, status: { $in: ['SUBMITTED', 'RETURNED'] } })) {
        throw new DomainError('AMENDMENT_PENDING', 'An earlier amendment of this contract is still under review');
      }
      if (terms.kind !== contract.kind) throw new InvalidInputError('An amendment cannot change the kind of contract', { fields: { 'terms.kind': contract.kind } });
      await lockArea(tx, contract.areaId);
      const area = await areaView(tx, contract.areaId);
      const feeFlags = await checkTerms(tx, area, terms, contract.id);
      const assessment = assessFiling(input.amendedOn, submittedOn, settingsFor(area));
      const filing = tx.create(Filing, {
        id: randomUUID(),
        contractId: contract.id,
        areaId: contract.areaId,
        streetCode: contract.streetCode,
        districtCode: contract.districtCode,
        companyId,
        kind: 'AMENDMENT',
        amendsFilingId: inForce.id,
        status: 'SUBMITTED',
        currentVersion: 1,
        sequence: 0,
        deadlineFrom: input.amendedOn,
        submittedOn,
        deadline: assessment.deadline,
        late: assessment.late,
        daysLate: assessment.daysLate,
        lateConsequence: assessment.consequence,
      });
      createVersion(tx, filing, { identity, key, digest, submittedOn, terms, feeFlags, documents });
      transition(tx, filing, 'SUBMIT', identity, 'API', { amends: inForce.id });
      recordFilingEvent(tx, filing, terms, []);
      return filing;
    }),
  );
}

/** Ends a contract early: its open and accepted filings are terminated with the handover date. */
export async function terminateContract(
  em: EntityManager,
  identity: Identity,
  input: { contractId: string; terminatedOn: string; handoverOn: string; reason: string },
): Promise<Contract> {
  const fields: Record<string, string> = {};
  if (!isIsoDate(input.terminatedOn)) fields.terminatedOn = 'not a YYYY-MM-DD date';
  if (!isIsoDate(input.handoverOn)) fields.handoverOn = 'not a YYYY-MM-DD date';
  else if (!fields.terminatedOn && compareDates(input.handoverOn, input.terminatedOn) < 0) fields.handoverOn = 'the handover cannot come before the termination';
  if (!input.reason?.trim()) fields.reason = 'say why the contract ends';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The termination is incomplete', { fields });
  return em.transactional(async (tx) => {
    const contract = await ownContract(tx, identity, input.contractId, true);
    if (!['SUBMITTED', 'RETURNED', 'ACCEPTED'].includes(contract.status)) {
      throw new DomainError('INVALID_FILING_TRANSITION', `A ${contract.status.toLowerCase()} contract cannot be terminated`, { status: contract.status });
    }
    if (compareDates(input.terminatedOn, contract.startsOn) < 0) throw new InvalidInputError('A contract cannot end before it starts', { fields: { terminatedOn: `on or after ${contract.startsOn}` } });
    const filings = await tx.find(Filing, { contractId: contract.id, status: { $in: ['SUBMITTED', 'RETURNED', 'ACCEPTED'] } });
    for (const filing of filings) {
      filing.status = nextFilingStatus(filing.status, 'TERMINATE');
      Object.assign(filing, { terminatedOn: input.terminatedOn, handoverOn: input.handoverOn, terminationReason: input.reason.trim() });
      transition(tx, filing, 'TERMINATE', identity, 'API', { reason: input.reason.trim() });
      recordFilingEvent(tx, filing, await versionTerms(tx, filing), []);
    }
    Object.assign(contract, { status: 'TERMINATED', terminatedOn: input.terminatedOn, handoverOn: input.handoverOn });
    return contract;
  });
}

async function versionTerms(em: EntityManager, filing: Filing): Promise<ContractTerms> {
  return (await em.findOneOrFail(FilingVersion, { filingId: filing.id, version: filing.currentVersion })).terms;
}

async function nextRecordNumber(em: EntityManager, districtCode: string, acceptedOn: string): Promise<string> {
  const year = Number(acceptedOn.slice(0, 4));
  const [row] = await em.getConnection().execute<{ last: number }[]>(
    `insert into contracts.record_number_counter (district_code, year, last) values (?, ?, 1)
     on conflict (district_code, year) do update set last = record_number_counter.last + 1 returning last`,
    [districtCode, year],
    'all',
    em.getTransactionContext(),
  );
  return filingRecordNumber(districtCode, year, row.last);
}

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
export async function reviewFiling(em: EntityManager, reviewer: Identity, input: ReviewInput, via: Channel = 'API'): Promise<Filing> {
  const reasons = input.outcome === 'RETURN' ? validateReturnReasons(input.returnReasons) : [];
  return em.transactional(async (tx) => {
    const filing = await tx.findOne(Filing, { id: input.filingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const area = filing && (await tx.findOne(AreaView, { areaId: filing.areaId }));
    if (!filing || !area || !mayReviewFiling(reviewer, area)) {
      if (via === 'KAFKA' && filing) throw new DomainError('UNAUTHORISED_REVIEWER', `${reviewer.organisationId} does not review filings of this area`);
      throw new NotFoundError('Filing', input.filingId);
    }
    const version = await tx.findOne(FilingVersion, { filingId: filing.id, version: input.version });
    const judgement = judgeReviewDecision(filing, input, version);
    if (judgement === 'ALREADY_APPLIED') return filing;
    if (judgement === 'STALE' || !version) {
      throw new DomainError('STALE_REVIEW', `The decision is on version ${input.version}, but the filing is ${filing.status.toLowerCase()} at version ${filing.currentVersion}`, {
        status: filing.status,
        currentVersion: filing.currentVersion,
      });
    }
    const today = todayInChina();
    Object.assign(version, { outcome: input.outcome, reviewedAt: new Date(), reviewedBy: reviewer.organisationId, reviewerRole: reviewer.role, reviewVia: via, returnReasons: reasons });
    const contract = await tx.findOneOrFail(Contract, { id: filing.contractId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (input.outcome === 'RETURN') {
      filing.status = nextFilingStatus(filing.status, 'RETURN');
      if (filing.kind === 'INITIAL') contract.status = 'RETURNED';
      transition(tx, filing, 'RETURN', reviewer, via, { reasons });
      recordFilingEvent(tx, filing, version.terms, reasons);
      return filing;
    }
    filing.status = nextFilingStatus(filing.status, 'ACCEPT');
    filing.acceptedOn = today;
    filing.recordNumber = await nextRecordNumber(tx, area.districtCode, today);
    transition(tx, filing, 'ACCEPT', reviewer, via, { recordNumber: filing.recordNumber });
    recordFilingEvent(tx, filing, version.terms, []);
    if (filing.kind === 'AMENDMENT' && filing.amendsFilingId) {
      const amended = await tx.findOneOrFail(Filing, { id: filing.amendsFilingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      await supersede(tx, amended, filing.id, reviewer, via);
      const terms = version.terms;
      Object.assign(contract, { terms, number: terms.number, startsOn: terms.startsOn, endsOn: terms.endsOn });
    }
    contract.status = 'ACCEPTED';
    if (contract.kind === 'REGULAR') await endPreliminaryContracts(tx, contract, filing.id, reviewer, via);
    return filing;
  });
}

async function supersede(em: EntityManager, filing: Filing, byFilingId: string, actor: Identity, via: Channel): Promise<void> {
  filing.status = nextFilingStatus(filing.status, 'SUPERSEDE');
  filing.supersededByFilingId = byFilingId;
  transition(em, filing, 'SUPERSEDE', actor, via, { by: byFilingId });
  recordFilingEvent(em, filing, await versionTerms(em, filing), []);
}

/** Civil Code art. 940: a regular contract taking effect ends the area's preliminary contract. */
async function endPreliminaryContracts(em: EntityManager, regular: Contract, byFilingId: string, actor: Identity, via: Channel): Promise<void> {
  const preliminary = await em.find(Contract, { areaId: regular.areaId, kind: 'PRELIMINARY', status: 'ACCEPTED' });
  const ended = new Set(preliminaryContractsEndedBy(preliminary.map(asExistingContract), { id: regular.id, kind: 'REGULAR', startsOn: regular.startsOn, endsOn: regular.endsOn }).map((c) => c.id));
  for (const contract of preliminary.filter((c) => ended.has(c.id))) {
    contract.status = 'SUPERSEDED';
    for (const filing of await em.find(Filing, { contractId: contract.id, status: 'ACCEPTED' })) await supersede(em, filing, byFilingId, actor, via);
  }
}
