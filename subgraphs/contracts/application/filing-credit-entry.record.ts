import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { Filing } from '../persistence/filing.entity';
import { creditCityOf, recordCreditEntry } from './credit-entry.record';

/**
 * A filing's mark on its company's credit record, in the review's transaction: a late filing once accepted, only where
 * the city's rules attach a consequence to lateness (its lateFilingPenalty with the article: Beijing art. 91; 临江市 has
 * none recorded, so none is made).
 *
 * A returned filing version makes no entry (helper-236). Before, each return recorded RETURNED_FILING with the basis
 * "art. 63: filed with …", but art. 63 only says with whom and within how long a contract is filed, and no article of
 * the Beijing Property Management Regulation makes a return for correction a credit matter: its credit provisions are
 * art. 6 item 6 (the city's housing authority builds a 物业管理信用信息 system) and art. 103 (行政处罚 and 行政强制
 * are shared to the city's public credit platform), and a return is neither; seed 004 (临江市) names none either.
 * No city setting ties a return to a provision, as lateFilingPenalty does lateness. Entries recorded before stay on
 * the record and readable (the kind stays in CREDIT_ENTRY_KINDS); none is recorded now.
 */
export async function recordFilingCreditEntry(
  tx: EntityManager,
  filing: Filing,
  version: number,
  kind: 'LATE_FILING',
  reviewer: Identity,
  today: string,
): Promise<void> {
  const city = await creditCityOf(tx, filing.districtCode);
  if (!city) return;
  if (!city.lateFilingPenalty) return;
  const legalBasis = `${city.sources.filingDeadline ?? city.regulation}; ${city.lateFilingPenalty.source}: ${city.lateFilingPenalty.description}`;
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
      source: `filing ${filing.id} version ${version}, ${filing.daysLate} days late, accepted by ${reviewer.organisationId}`,
      note: null,
    },
    city,
    today,
  );
}
