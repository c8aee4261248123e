import { DeadlineChangedData } from '../../../../catalog';
import type { IsoDate } from '../../../../kernel/calendar';
import { CHINA_WORKING_DAYS, WorkingDayCalendar, unlessBeyondCalendar } from '../../../../kernel/working-days';
import { filingDeadline } from '../../domain/filing-deadline';
import { CitySettings } from '../../domain/statutes';
import type { Contract } from '../../persistence/contract.entity';

/** The register's key of a contract's filing deadline. */
export const contractFilingDeadlineKey = (contractId: string) => `contract-filing:${contractId}`;

/**
 * A contract's filing deadline as the register is told it: the day the contracts rule gives (domain/filing-deadline.ts,
 * the city's number of days, Civil Code art. 201 and 203), owned by the provider, seen by the district's bureau.
 * Null when the city sets no filing deadline. A period running past the held holiday data has no due date yet
 * (dueOn null) and sends no reminder: it is announced again with its date once the year is recorded
 * (application/announce-filing-deadline.ts reannounceUndatedFilingDeadlines), computed with `calendar`, the one
 * the recorded year extends before this process installs it.
 */
export function publishFilingDeadline(
  contract: Pick<Contract, 'id' | 'companyId' | 'districtCode'> & { terms: Pick<Contract['terms'], 'signedOn'> },
  settings: CitySettings,
  change: { sequence: number; metOn?: IsoDate | null; cancelled?: boolean },
  calendar: WorkingDayCalendar = CHINA_WORKING_DAYS,
): DeadlineChangedData | null {
  if (settings.filingDeadlineDays === null || settings.sources.filingDeadline === null) return null;
  const dueOn = unlessBeyondCalendar(() => filingDeadline(contract.terms.signedOn, settings, calendar));
  return {
    deadlineKey: contractFilingDeadlineKey(contract.id),
    kind: 'CONTRACT_FILING',
    subjectId: contract.id,
    ownerKind: 'PROPERTY_COMPANY',
    ownerOrganisationId: contract.companyId,
    districtCode: /^[0-9]{6}$/.test(contract.districtCode) ? contract.districtCode : null,
    legalBasis: `${settings.sources.filingDeadline}: file within ${settings.filingDeadlineDays} days of signing; Civil Code art. 201 and art. 203 (a period ending on a statutory holiday ends on the next working day)`,
    dueOn,
    metOn: change.metOn ?? null,
    cancelled: change.cancelled ?? false,
    sequence: change.sequence,
  };
}
