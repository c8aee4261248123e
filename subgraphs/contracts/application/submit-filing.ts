import type { EntityManager } from '@mikro-orm/postgresql';
import { compareDates, isIsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { nextContractStatus } from '../domain/contract';
import { assertFiledOnceSigned, assessFiling } from '../domain/filing-deadline';
import { canonicalDigest } from '../domain/filing';
import { Filing } from '../persistence/filing.entity';
import { announceFilingDeadline } from './announce-filing-deadline';
import { ownContract, requireCompany } from './contract.lookup';
import {
  DocumentsInput,
  addVersion,
  checkTermsForFiling,
  checkedSubmission,
  idempotent,
  openFiling,
} from './filing-submission';
import { recordTransition } from './filing-transitions';

/** Only the admin enters a paper filing received earlier; everyone else files today. */
function submissionDate(identity: Identity, submittedOn: string | undefined | null): string {
  const today = todayInChina();
  if (submittedOn === undefined || submittedOn === null || submittedOn === today) return today;
  if (identity.role !== 'ADMIN')
    throw new ForbiddenError('Only the admin may enter a filing with an earlier submission date');
  if (!isIsoDate(submittedOn) || compareDates(submittedOn, today) > 0) {
    throw new InvalidInputError('submittedOn must be a date not after today', {
      fields: { submittedOn: 'YYYY-MM-DD, not in the future' },
    });
  }
  return submittedOn;
}

/** Files a drafted contract: every rule is checked, the deadline assessed, version 1 recorded and published. */
export async function submitFiling(
  em: EntityManager,
  identity: Identity,
  input: DocumentsInput & { contractId: string; submittedOn?: string | null; companyId?: string | null },
): Promise<Filing> {
  const { key, documents } = checkedSubmission(input);
  const submittedOn = submissionDate(identity, input.submittedOn);
  // The admin enters a paper filing for the provider named.
  const actor =
    identity.role === 'ADMIN'
      ? { ...identity, role: 'PROPERTY_COMPANY' as const, organisationId: input.companyId ?? '' }
      : identity;
  const companyId = requireCompany(actor);
  // The request as sent: a retry of a submission that left its date to the hub is the same request after midnight.
  const asSent = input.submittedOn ?? null;
  const digest = canonicalDigest({ op: 'submit', contractId: input.contractId, documents, submittedOn: asSent });
  return idempotent(em, companyId, key, digest, async (tx) => {
    const contract = await ownContract(tx, actor, input.contractId);
    const status = nextContractStatus(contract.status, 'SUBMIT');
    // A draft signed after the day it is filed is refused on its signing day, and on `submittedOn` only if sent.
    assertFiledOnceSigned(contract.terms.signedOn, submittedOn, {
      signedOn: 'terms.signedOn',
      submittedOn: input.submittedOn == null ? null : 'submittedOn',
    });
    const { settings, feeFlags } = await checkTermsForFiling(tx, contract, contract.terms);
    const assessment = assessFiling(contract.terms.signedOn, submittedOn, settings);
    const filing = openFiling(tx, contract, {
      companyId,
      kind: 'INITIAL',
      deadlineFrom: contract.terms.signedOn,
      submittedOn,
      assessment,
    });
    await addVersion(tx, filing, {
      identity,
      key,
      digest,
      submittedOn,
      terms: contract.terms,
      feeFlags,
      documents,
      settings,
    });
    contract.status = status;
    await announceFilingDeadline(tx, contract, { metOn: submittedOn });
    recordTransition(tx, filing, {
      action: 'SUBMIT',
      actor: identity,
      via: 'API',
      note: assessment.late ? { daysLate: assessment.daysLate } : undefined,
      terms: contract.terms,
    });
    return filing;
  });
}
