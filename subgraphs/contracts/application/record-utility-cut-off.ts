import type { EntityManager } from '@mikro-orm/postgresql';
import { UtilityCutOffReportedData } from '../../../catalog';
import { todayInChina } from '../../../kernel/clock';
import { creditCityOf, recordCreditEntry } from './credit-entry.record';

/**
 * A utility cut-off the area's street office or owners' committee reported against the company (from
 * arrears.violations.v1, Civil Code art. 944 para. 3) goes on the company's credit record as an unlawful collection
 * measure, once per report, with the report's basis and reporter as its source. The entry is published after the
 * city's notice period like any other, and the company may object to it.
 */
export async function recordReportedCutOff(em: EntityManager, data: UtilityCutOffReportedData): Promise<void> {
  await em.transactional(async (tx) => {
    await recordCreditEntry(
      tx,
      {
        areaId: data.areaId,
        streetCode: data.streetCode,
        districtCode: data.districtCode,
        subjectKind: 'COMPANY',
        companyId: data.companyId,
        householdId: null,
        courtId: null,
        caseNumber: null,
        referralId: null,
        filingId: null,
        filingVersion: null,
        violationId: data.violationId,
        kind: 'UNLAWFUL_COLLECTION_MEASURE',
        legalBasis: data.legalBasis,
        occurredOn: data.occurredOn,
        source: `${data.utility} cut-off reported by ${data.reportedByRole} ${data.reportedBy} (report ${data.violationId}, evidence SHA-256 ${data.evidenceSha256})`,
        note: null,
      },
      await creditCityOf(tx, data.districtCode),
      todayInChina(),
    );
  });
}
