import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { Filing } from '../persistence/filing.entity';
import { creditCityOf, recordCreditEntry } from './credit-entry.record';

/**
 * A filing's mark on its company's credit record, in the review's transaction: a returned version (basis: the
 * city's filing rule), or a late filing accepted, only where the city's rules attach a consequence to lateness
 * (Beijing art. 91; 临江市 has none recorded, so none is made).
 */
export async function recordFilingCreditEntry(
  tx: EntityManager,
  filing: Filing,
  version: number,
  kind: 'RETURNED_FILING' | 'LATE_FILING',
  reviewer: Identity,
  today: string,
): Promise<void> {
  const city = await creditCityOf(tx, filing.districtCode);
  if (!city) return;
  let legalBasis: string;
  if (kind === 'LATE_FILING') {
    if (!city.lateFilingPenalty) return;
    legalBasis = `${city.sources.filingDeadline ?? city.regulation}; ${city.lateFilingPenalty.source}: ${city.lateFilingPenalty.description}`;
  } else {
    legalBasis = `${city.sources.filingAuthority}: filed with ${city.filingAuthority}`;
  }
  await recordCreditEntry(
    tx,
    {
      areaId: filing.areaId,
      streetCode: filing.streetCode,
      districtCode: filing.districtCode,
      subjectKind: 'COMPANY',
      companyId: filing.companyId,
      householdId: null,
      courtId: null,
      caseNumber: null,
      referralId: null,
      filingId: filing.id,
      filingVersion: version,
      kind,
      legalBasis,
      occurredOn: today,
      source: `filing ${filing.id} version ${version}, ${kind === 'LATE_FILING' ? `${filing.daysLate} days late, accepted` : 'returned'} by ${reviewer.organisationId}`,
      note: null,
    },
    city,
    today,
  );
}
