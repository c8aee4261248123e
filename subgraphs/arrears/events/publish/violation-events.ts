import type { UtilityCutOffReportedData } from '../../../../catalog';
import { UTILITY_CUT_OFF_BAN } from '../../domain/statutes';
import { UtilityViolation } from '../../domain/utility-violation';

/** A reported cut-off as the contracts subgraph takes it for the company's credit record: no note, no recorder. */
export function utilityCutOffReported(
  v: Pick<
    UtilityViolation,
    | 'id'
    | 'companyId'
    | 'areaId'
    | 'streetCode'
    | 'districtCode'
    | 'occurredOn'
    | 'utility'
    | 'evidenceSha256'
    | 'reportedByRole'
    | 'reportedBy'
  >,
): UtilityCutOffReportedData {
  if (v.reportedByRole !== 'STREET_OFFICE' && v.reportedByRole !== 'OWNERS_COMMITTEE')
    throw new Error(`a cut-off is reported by a street office or a committee, not ${v.reportedByRole}`);
  return {
    violationId: v.id,
    companyId: v.companyId,
    areaId: v.areaId,
    streetCode: v.streetCode,
    districtCode: v.districtCode,
    occurredOn: v.occurredOn,
    utility: v.utility,
    evidenceSha256: v.evidenceSha256,
    reportedByRole: v.reportedByRole,
    reportedBy: v.reportedBy,
    legalBasis: `${UTILITY_CUT_OFF_BAN.source} (${UTILITY_CUT_OFF_BAN.text})`,
  };
}
