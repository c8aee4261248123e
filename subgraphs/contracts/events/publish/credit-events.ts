import { CreditRecordPublishedData, CreditRecordWithdrawnData } from '../../../../catalog';
import { CreditEntry } from '../../persistence/credit-entry.repository';

/** The entry as the city's credit platform receives it: a company by id, an owner only by the court's listing. */
function creditRecordBase(e: CreditEntry & { cityCode: string }) {
  return {
    entryId: e.id,
    cityCode: e.cityCode,
    subjectKind: e.subjectKind,
    companyId: e.subjectKind === 'COMPANY' ? e.companyId : null,
    owner:
      e.subjectKind === 'OWNER' && e.householdId && e.courtId && e.caseNumber
        ? { householdId: e.householdId, courtId: e.courtId, caseNumber: e.caseNumber }
        : null,
    kind: e.kind,
    legalBasis: e.legalBasis,
    occurredOn: e.occurredOn,
    source: e.source,
  };
}

export const creditRecordPublished = (
  e: CreditEntry & { cityCode: string },
  publishedOn: string,
): CreditRecordPublishedData => ({ ...creditRecordBase(e), publishedOn });

export const creditRecordWithdrawn = (
  e: CreditEntry & { cityCode: string },
  withdrawnOn: string,
  reason: string,
): CreditRecordWithdrawnData => ({ ...creditRecordBase(e), withdrawnOn, reason });
