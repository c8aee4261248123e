import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import {
  assertAmendmentEndsFromItsDay,
  assertAmendmentKeepsKind,
  assertAmendmentKeepsStart,
  nextContractStatus,
} from '../domain/contract';
import { ContractTermsEntry, normaliseTerms } from '../domain/contract-terms';
import { assertFiledOnceSigned, assessFiling, latenessOnResubmission } from '../domain/filing-deadline';
import { canonicalDigest, nextFilingStatus } from '../domain/filing';
import { Filing } from '../persistence/filing.entity';
import { findFiling } from '../persistence/filing.repository';
import { allCitySettingsAsOf } from '../persistence/city-settings.repository';
import { settingsCovering } from '../domain/statutes';
import { ownContract, requireCompany } from './contract.lookup';
import { DocumentsInput, addVersion, checkTermsForFiling, checkedSubmission, idempotent } from './filing-submission';
import { recordTransition } from './filing-transitions';

/**
 * A returned filing comes back corrected as its next version, with the deadline still counted from signing to the
 * first submission; the days late found before stand (domain/filing-deadline.ts latenessOnResubmission).
 */
export async function resubmitFiling(
  em: EntityManager,
  identity: Identity,
  input: DocumentsInput & { filingId: string; terms: ContractTermsEntry },
): Promise<Filing> {
  const companyId = requireCompany(identity);
  const { key, documents } = checkedSubmission(input);
  const terms = normaliseTerms(input.terms);
  const digest = canonicalDigest({ op: 'resubmit', filingId: input.filingId, terms, documents });
  return idempotent(em, companyId, key, digest, async (tx) => {
    const filing = await findFiling(tx, input.filingId, { lock: true });
    if (!filing || filing.companyId !== companyId) throw new NotFoundError('Filing', input.filingId);
    const contract = await ownContract(tx, identity, filing.contractId);
    filing.status = nextFilingStatus(filing.status, 'RESUBMIT');
    // The day of this resubmission, for the amendment's start and the version it adds alike (as amendContract does).
    const today = todayInChina();
    if (filing.kind === 'AMENDMENT') {
      assertAmendmentKeepsKind(contract.kind, terms.kind);
      assertAmendmentKeepsStart(contract.startsOn, terms.startsOn, today);
      assertAmendmentEndsFromItsDay(filing.deadlineFrom, terms.endsOn); // an amendment's deadline runs from amendedOn
    }
    let signedOnChange: Record<string, unknown> | undefined;
    const { settings, feeFlags } = await checkTermsForFiling(tx, contract, terms);
    if (filing.kind === 'INITIAL') {
      // The contract itself was returned with its filing; an amendment leaves the contract in force as it was. The
      // first submission is judged by the city's settings of its day: a settings version entered since (a deadline
      // where there was none) made an on-time filing late at its resubmission (a second-city audit).
      const assessedUnder =
        settingsCovering(contract.districtCode, await allCitySettingsAsOf(tx, filing.createdAt))?.settings ?? settings;
      assertFiledOnceSigned(terms.signedOn, filing.submittedOn, { signedOn: 'terms.signedOn' });
      const assessment = assessFiling(terms.signedOn, filing.submittedOn, assessedUnder);
      const lateness = latenessOnResubmission(
        {
          deadlineFrom: filing.deadlineFrom,
          deadline: filing.deadline ?? null,
          late: filing.late,
          daysLate: filing.daysLate,
          consequence: filing.lateConsequence ?? null,
        },
        { deadlineFrom: terms.signedOn, ...assessment, consequence: assessment.consequence ?? null },
      );
      // Against the version returned (the contract's terms until now), so only a change made now is noted.
      const before = contract.terms.signedOn;
      signedOnChange =
        before === terms.signedOn
          ? undefined
          : { signedOn: { from: before, to: terms.signedOn }, latenessKept: lateness.deadlineFrom !== terms.signedOn };
      Object.assign(filing, {
        deadlineFrom: lateness.deadlineFrom,
        deadline: lateness.deadline,
        late: lateness.late,
        daysLate: lateness.daysLate,
        lateConsequence: lateness.consequence,
      });
      Object.assign(contract, {
        status: nextContractStatus(contract.status, 'RESUBMIT'),
        terms,
        kind: terms.kind,
        number: terms.number,
        startsOn: terms.startsOn,
        endsOn: terms.endsOn,
      });
    }
    filing.currentVersion += 1;
    await addVersion(tx, filing, {
      identity,
      key,
      digest,
      submittedOn: today,
      terms,
      feeFlags,
      documents,
      settings,
    });
    // A changed signing day stays in the audit trail, with whether the lateness found before was kept.
    recordTransition(tx, filing, { action: 'RESUBMIT', actor: identity, via: 'API', terms, note: signedOnChange });
    return filing;
  });
}
