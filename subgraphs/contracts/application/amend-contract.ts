import type { EntityManager } from '@mikro-orm/postgresql';
import { isIsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import {
  assertAmendedOnceSigned,
  assertAmendmentEndsFromItsDay,
  assertAmendmentKeepsKind,
  assertAmendmentKeepsStart,
  contractActionRefused,
  nextContractStatus,
} from '../domain/contract';
import { ContractTermsEntry, normaliseTerms } from '../domain/contract-terms';
import { contractsError } from '../domain/errors';
import { assertFiledOnceSigned, assessFiling } from '../domain/filing-deadline';
import { OPEN_FILING_STATUSES, canonicalDigest } from '../domain/filing';
import { Filing } from '../persistence/filing.entity';
import { countFilingsOfContractIn, findFilingOfContract } from '../persistence/filing.repository';
import { contractSigningDay, ownContract, requireCompany } from './contract.lookup';
import {
  DocumentsInput,
  addVersion,
  checkTermsForFiling,
  checkedSubmission,
  idempotent,
  openFiling,
} from './filing-submission';
import { recordTransition } from './filing-transitions';

/**
 * Files an amendment of a contract in force (art. 63: within 15 days of amending). The contract keeps its accepted
 * terms until the amendment is accepted.
 */
export async function amendContract(
  em: EntityManager,
  identity: Identity,
  input: DocumentsInput & { contractId: string; amendedOn: string; terms: ContractTermsEntry },
): Promise<Filing> {
  const companyId = requireCompany(identity);
  const { key, documents } = checkedSubmission(input);
  const terms = normaliseTerms(input.terms);
  if (!isIsoDate(input.amendedOn))
    throw new InvalidInputError('amendedOn must be a YYYY-MM-DD date', { fields: { amendedOn: 'not a date' } });
  const submittedOn = todayInChina();
  // Refused on the field the caller sent: assessFiling's own refusal names `submittedOn`, the day the hub gives.
  assertFiledOnceSigned(
    input.amendedOn,
    submittedOn,
    { signedOn: 'amendedOn' },
    'An amendment is filed once it is agreed',
  );
  const digest = canonicalDigest({
    op: 'amend',
    contractId: input.contractId,
    amendedOn: input.amendedOn,
    terms,
    documents,
  });
  return idempotent(em, companyId, key, digest, async (tx) => {
    const contract = await ownContract(tx, identity, input.contractId);
    const inForce = await findFilingOfContract(tx, contract.id, 'ACCEPTED');
    contract.status = nextContractStatus(contract.status, 'AMEND');
    if (!inForce) throw contractActionRefused(contract.status, 'AMEND');
    if (await countFilingsOfContractIn(tx, contract.id, OPEN_FILING_STATUSES)) {
      throw contractsError('AMENDMENT_PENDING', 'An earlier amendment of this contract is still under review');
    }
    assertAmendedOnceSigned(input.amendedOn, await contractSigningDay(tx, contract));
    assertAmendmentKeepsKind(contract.kind, terms.kind);
    assertAmendmentKeepsStart(contract.startsOn, terms.startsOn, submittedOn);
    assertAmendmentEndsFromItsDay(input.amendedOn, terms.endsOn);
    const { settings, feeFlags } = await checkTermsForFiling(tx, contract, terms);
    const assessment = assessFiling(input.amendedOn, submittedOn, settings);
    const filing = openFiling(tx, contract, {
      companyId,
      kind: 'AMENDMENT',
      amendsFilingId: inForce.id,
      deadlineFrom: input.amendedOn,
      submittedOn,
      assessment,
    });
    await addVersion(tx, filing, { identity, key, digest, submittedOn, terms, feeFlags, documents, settings });
    recordTransition(tx, filing, {
      action: 'SUBMIT',
      actor: identity,
      via: 'API',
      note: { amends: inForce.id },
      terms,
    });
    return filing;
  });
}
